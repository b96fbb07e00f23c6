namespace NewsLens.Analyse.Knowledge;

/// <summary>
/// Characters Chinese uses to transliterate foreign names (the sound-table characters of the standard
/// transliteration guides, written from memory of common usage). The last part of a dotted name
/// ("谢尔盖·科罗廖夫少将") ends where these characters stop, so a following rank or verb is not swallowed.
/// </summary>
internal static class Transliteration
{
    private const string Characters =
        "阿埃艾爱安昂奥澳敖巴拔芭白拜班邦包保鲍北贝倍本比彼毕庇别宾滨冰波伯勃博布步查察柴昌朝彻陈成楚茨慈达" +
        "大戴代丹道得德登邓迪狄蒂丁东杜敦顿多俄厄恩尔法凡范方菲费芬丰冯佛弗伏夫福盖甘冈高戈哥格葛根贡古瓜圭郭果" +
        "哈海亥汉杭豪浩赫黑亨洪侯胡华怀霍基吉加迦贾嘉简杰金津久居卡凯坎康考柯科可克肯孔库夸奎昆廓拉莱赖兰朗劳" +
        "勒雷蕾累黎李里理丽利莉列林琳铃留柳卢鲁陆路伦罗洛吕马玛迈麦曼芒毛茂梅美门蒙孟米密敏明摩莫默姆木穆纳娜" +
        "乃奈南楠瑙内妮尼年涅宁纽努诺欧帕派潘庞佩彭皮平珀坡蒲普奇齐契恰乔切钦琴琼丘屈热任日荣若撒萨塞桑瑟森沙" +
        "莎山绍舍申什施史舒斯松宋苏索塔泰坦汤唐陶特滕提蒂廷通图托瓦万旺威韦维温文沃乌武西希锡席夏肖谢欣辛休" +
        "许雅亚延扬耶叶伊依因英尤于宇约扎泽詹兹佐廖娃娅珂柯琪娜娃克茨蒂妮尔洛夫斯基";

    private static readonly HashSet<char> Set = [.. Characters];

    public static bool IsTransliterationChar(char c) => Set.Contains(c);
}
