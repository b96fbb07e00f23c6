namespace NewsLens.Link.Normalise;

/// <summary>
/// A small built-in traditional → simplified table (about 860 characters frequent in news, written by
/// hand) used until the Unihan-based <c>ScriptFolder</c> of Analyse/Script is wired in. It covers the
/// vocabulary of politics, diplomacy, military and disaster reporting; characters it does not know fold
/// to themselves, which only lowers similarity, never invents it.
/// </summary>
internal sealed class FallbackScriptFolder : IScriptFolder
{
    /// <summary>Pairs of (traditional, simplified) characters, concatenated.</summary>
    private const string PairText =
        "並并乾干亞亚佈布佔占併并來来係系俠侠倆俩倉仓個个們们倫伦偉伟側侧偵侦傑杰傘伞備备傳传債债傷伤傾倾僅仅僑侨僱雇價价儀仪億亿儘尽償偿"
        + "優优儲储兇凶兌兑兒儿內内兩两剛刚剝剥劃划劇剧劍剑劑剂勁劲動动務务勝胜勞劳勢势勳勋勵励勸劝匯汇區区協协卻却厭厌厲厉參参叢丛吳吴員员"
        + "問问啞哑啟启喪丧單单嗎吗嘗尝噸吨嚇吓嚴严囑嘱國国圍围園园圓圆圖图團团執执堅坚報报場场塊块塵尘墜坠墾垦壇坛壓压壞坏壩坝壯壮壺壶壽寿"
        + "夠够夢梦夥伙奧奥奪夺奮奋婦妇媽妈嬰婴孫孙學学宮宫寢寝實实寧宁審审寫写寬宽寶宝將将專专尋寻對对導导尷尴屆届屍尸層层屬属岡冈島岛峽峡"
        + "嶺岭嶼屿巖岩師师帳帐帶带幣币幫帮幹干幾几庫库廁厕廟庙廠厂廢废廣广廳厅張张強强彈弹彎弯彙汇彥彦後后徑径從从復复徵征徹彻恆恒惡恶惱恼"
        + "愛爱態态慘惨慚惭慣惯慮虑慶庆憂忧憐怜憲宪懇恳應应懲惩懷怀懸悬戀恋戰战戲戏戶户拋抛挾挟捨舍掃扫掛挂採采揮挥搆构損损搖摇搶抢摟搂撐撑"
        + "撥拨撫抚撲扑撿捡擁拥擇择擊击擋挡擔担據据擠挤擬拟擴扩擺摆擾扰攜携攝摄攤摊敗败敘叙敵敌數数斂敛斬斩斷断於于時时晉晋晝昼暈晕暫暂曆历"
        + "曉晓曬晒書书會会朧胧東东條条棄弃棟栋棧栈業业極极榮荣構构槍枪槓杠樁桩樂乐樓楼標标樣样橋桥機机橫横檔档檢检檯台櫃柜欄栏權权歎叹歐欧"
        + "歡欢歲岁歷历歸归殘残殲歼殺杀殼壳毀毁氣气氫氢決决沒没沖冲況况淚泪淨净淺浅渦涡測测湧涌湯汤準准溝沟溫温滄沧滅灭滬沪滯滞滾滚滿满漁渔"
        + "漢汉漲涨漸渐潑泼潔洁潛潜澀涩澤泽濁浊濃浓濕湿濟济濤涛濫滥濱滨瀏浏灑洒灘滩灣湾災灾為为烏乌無无煉炼煙烟煩烦熱热燈灯燒烧營营爐炉爛烂"
        + "爭争爲为爺爷爾尔牆墙犧牺狀状猶犹獄狱獅狮獎奖獨独獲获獻献現现瑪玛環环璽玺瓊琼產产畝亩畢毕畫画異异當当疊叠瘋疯療疗癒愈發发盜盗盡尽"
        + "監监盤盘盧卢眾众睜睁瞭了矯矫砲炮確确碼码磚砖礎础礦矿禍祸禦御禮礼稅税種种稱称穀谷積积穩稳穫获窩窝窮穷竊窃競竞筆笔節节範范築筑簡简"
        + "簽签籃篮籌筹籤签糧粮糾纠紀纪約约紅红紋纹紐纽純纯紙纸級级紛纷紮扎細细紹绍終终組组結结絕绝絡络給给絨绒統统絲丝綁绑綏绥經经綜综綠绿"
        + "綫线維维綱纲網网緊紧緒绪線线緝缉緣缘編编緩缓練练縣县縮缩縱纵總总績绩織织繞绕繩绳繪绘繼继續续纖纤纜缆罰罚罷罢羅罗羨羡義义習习翹翘"
        + "聖圣聞闻聯联聰聪聲声聳耸職职聽听肅肃脅胁脫脱腦脑膚肤膽胆臉脸臨临臺台與与興兴舉举舊旧艙舱艦舰艱艰艷艳莊庄莖茎華华萊莱萬万葉叶著着"
        + "蓋盖蔔卜蔣蒋薦荐薩萨藍蓝藝艺藥药蘇苏蘋苹蘭兰處处虛虚虜虏號号虧亏蝕蚀螢萤蟲虫蠶蚕衆众術术衛卫衝冲衞卫裏里補补裝装裡里製制複复褲裤"
        + "襲袭見见規规視视親亲覺觉覽览觀观觸触訂订計计訊讯訓训託托記记訪访設设許许訴诉診诊詐诈評评詞词詢询試试詩诗話话該该詳详誇夸誌志認认"
        + "誕诞誘诱語语誠诚誤误說说誰谁課课誼谊調调談谈請请論论諮咨諸诸諾诺謀谋謂谓謊谎謎谜講讲謝谢謹谨譁哗證证識识譜谱譯译議议譴谴護护譽誉"
        + "讀读變变讓让讚赞豈岂豐丰豔艳豬猪貓猫貝贝貞贞負负財财貢贡貧贫貨货販贩貪贪貫贯責责貳贰貴贵買买貸贷費费貼贴貿贸賀贺賄贿資资賊贼賓宾"
        + "賞赏賠赔賢贤賣卖賤贱賦赋質质賬账賴赖賺赚購购賽赛贈赠贊赞贏赢贓赃趕赶趙赵趨趋跡迹踐践蹤踪躍跃軀躯車车軌轨軍军軟软軸轴較较載载輔辅"
        + "輕轻輛辆輝辉輩辈輪轮輯辑輸输輿舆轄辖轉转轎轿辦办辭辞辯辩農农迴回這这連连週周進进運运過过達达違违遙遥遜逊遞递遠远適适遲迟遷迁選选"
        + "遺遗還还邊边邏逻郵邮鄉乡鄒邹鄧邓鄭郑鄰邻醜丑醞酝醫医醬酱釋释釐厘針针釣钓鈔钞鈞钧鉛铅鉤钩銀银銅铜銷销鋒锋鋪铺鋼钢錄录錢钱錦锦錯错"
        + "錶表鍋锅鍛锻鍵键鎖锁鎮镇鏈链鏡镜鐘钟鐵铁鑄铸鑑鉴鑒鉴鑰钥長长門门閃闪閉闭開开閒闲間间閘闸閣阁閥阀閩闽閱阅闆板闊阔闖闯關关闡阐陝陕"
        + "陣阵陰阴陳陈陸陆陽阳隊队階阶隕陨際际隨随險险隱隐隸隶隻只雖虽雙双雜杂雞鸡離离難难雲云電电霧雾靈灵靜静鞏巩韋韦韓韩韻韵響响頁页頂顶"
        + "項项順顺須须頌颂預预頑顽頒颁頓顿頗颇領领頭头頸颈頹颓頻频顆颗題题額额顏颜願愿顛颠類类顧顾顫颤顯显風风颱台颶飓飄飘飆飙飛飞飢饥飯饭"
        + "飲饮飼饲飽饱飾饰餅饼養养餘余館馆餵喂饑饥馬马駐驻駕驾駛驶駭骇騎骑騙骗騰腾騷骚驅驱驗验驚惊驟骤驢驴骯肮髒脏體体髮发鬆松鬍胡鬚须鬥斗"
        + "鬧闹鬱郁魚鱼魯鲁鮮鲜鯨鲸鳥鸟鳳凤鳴鸣鴨鸭鴻鸿鵝鹅鵬鹏鶴鹤鹼碱鹽盐麗丽麥麦麵面麼么黃黄點点黨党黴霉齊齐齒齿齡龄龍龙龐庞龜龟";

    private readonly Dictionary<char, char> map;

    public FallbackScriptFolder()
    {
        map = new Dictionary<char, char>(PairText.Length / 2);
        for (var i = 0; i + 1 < PairText.Length; i += 2)
            map.TryAdd(PairText[i], PairText[i + 1]);
    }

    public int Count => map.Count;

    /// <summary>The (traditional, simplified) pairs of the table, in table order.</summary>
    public IEnumerable<(char Traditional, char Simplified)> Pairs()
    {
        for (var i = 0; i + 1 < PairText.Length; i += 2)
            yield return (PairText[i], PairText[i + 1]);
    }

    public char Fold(char c) => c < 0x4E00 ? c : map.GetValueOrDefault(c, c);
}
