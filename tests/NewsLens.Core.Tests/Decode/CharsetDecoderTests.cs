using System.Text;
using NewsLens.Decode;
using NewsLens.Model;
using NewsLens.Pipeline;

namespace NewsLens.Tests.Decode;

public sealed class CharsetDecoderTests
{
    private const string Chinese = "俄罗斯外交部长拉夫罗夫抵达朝鲜元山，同朝鲜外务相崔善姬举行会谈。双方就扩大经贸和人文交流等问题交换了意见。";
    private const string Traditional = "俄羅斯外交部長拉夫羅夫抵達朝鮮元山，同朝鮮外務相崔善姬舉行會談。雙方就擴大經貿和人文交流等問題交換了意見。";

    static CharsetDecoderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static DecodedPage Decode(byte[] bytes, string? contentType = null, PageFormat hint = PageFormat.Html) =>
        new CharsetDecoder().Decode(new RawPage("test", bytes, contentType, null, hint));

    private static byte[] Html(string body, string head = "") => Encoding.UTF8.GetBytes($"<html><head>{head}</head><body><p>{body}</p></body></html>");

    private static byte[] Encode(string text, string charset) => Encoding.GetEncoding(charset).GetBytes(text);

    [Fact]
    public void Utf8_without_declaration_is_detected()
    {
        var page = Decode(Html(Chinese));
        Assert.Contains(Chinese, page.Text, StringComparison.Ordinal);
        Assert.Equal("utf-8", page.Charset);
        Assert.Equal(CharsetEvidence.Detected, page.CharsetEvidence);
    }

    [Fact]
    public void Gbk_without_declaration_is_detected()
    {
        var page = Decode(Encode($"<html><body><p>{Chinese}</p></body></html>", "gbk"));
        Assert.Contains(Chinese, page.Text, StringComparison.Ordinal);
        Assert.Equal("gb18030", page.Charset);
    }

    [Fact]
    public void Big5_without_declaration_is_detected()
    {
        var page = Decode(Encode($"<html><body><p>{Traditional}</p></body></html>", "big5"));
        Assert.Contains(Traditional, page.Text, StringComparison.Ordinal);
        Assert.Equal("big5", page.Charset);
    }

    [Fact]
    public void Gb2312_meta_declaration_is_read_as_gb18030()
    {
        var html = $"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head><body>{Chinese}</body></html>";
        var page = Decode(Encode(html, "gbk"));
        Assert.Contains(Chinese, page.Text, StringComparison.Ordinal);
        Assert.Equal(CharsetEvidence.MetaTag, page.CharsetEvidence);
    }

    [Fact]
    public void Utf8_bytes_win_over_a_wrong_gb2312_declaration()
    {
        var page = Decode(Html(Chinese, "<meta charset=\"gb2312\">"));
        Assert.Contains(Chinese, page.Text, StringComparison.Ordinal);
        Assert.Equal(CharsetEvidence.DeclaredButInvalid, page.CharsetEvidence);
    }

    [Fact]
    public void Big5_bytes_win_over_a_wrong_gbk_declaration()
    {
        var html = $"<html><head><meta charset=\"gbk\"></head><body><p>{Traditional}</p></body></html>";
        var page = Decode(Encode(html, "big5"));
        Assert.Contains(Traditional, page.Text, StringComparison.Ordinal);
        Assert.Equal("big5", page.Charset);
    }

    [Fact]
    public void Gbk_bytes_win_over_a_wrong_utf8_declaration()
    {
        var html = $"<html><head><meta charset=\"utf-8\"></head><body><p>{Chinese}</p></body></html>";
        var page = Decode(Encode(html, "gbk"));
        Assert.Contains(Chinese, page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Content_type_header_is_used_when_it_fits()
    {
        var page = Decode(Encode($"<p>{Chinese}</p>", "gbk"), contentType: "text/html; charset=GBK");
        Assert.Equal(CharsetEvidence.ContentTypeHeader, page.CharsetEvidence);
        Assert.Contains(Chinese, page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Utf8_bom_is_honoured_and_stripped()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes(Chinese)).ToArray();
        var page = Decode(bytes, hint: PageFormat.Text);
        Assert.Equal(Chinese, page.Text);
        Assert.Equal(CharsetEvidence.ByteOrderMark, page.CharsetEvidence);
    }

    [Fact]
    public void Windows1252_european_text_is_detected()
    {
        var text = "<p>Le ministre a déclaré à la presse que l'accord était prêt. Über die Straße.</p>";
        var page = Decode(Encode(text, "windows-1252"));
        Assert.Contains("déclaré", page.Text, StringComparison.Ordinal);
        Assert.Contains("Straße", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Crlf_line_ends_are_unified()
    {
        var page = Decode(Encoding.UTF8.GetBytes("第一行\r\n第二行\r第三行"), hint: PageFormat.Text);
        Assert.Equal("第一行\n第二行\n第三行", page.Text);
    }

    [Theory]
    [InlineData(new byte[0], RejectionReason.Empty)]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D }, RejectionReason.Binary)]
    [InlineData(new byte[] { 0x20, 0x0A, 0x20, 0x09 }, RejectionReason.Empty)]
    public void Bad_bytes_are_rejected_with_a_reason(byte[] bytes, RejectionReason expected)
    {
        var e = Assert.Throws<PageRejectedException>(() => Decode(bytes));
        Assert.Equal(expected, e.Reason);
        Assert.False(string.IsNullOrWhiteSpace(e.Message));
    }

    [Fact]
    public void Random_high_bytes_are_undecodable()
    {
        var random = new Random(7);
        var bytes = new byte[4000];
        random.NextBytes(bytes);
        for (var i = 0; i < bytes.Length; i++)
            bytes[i] = (byte)(bytes[i] | 0x80); // garbage with no NULs or control bytes
        var e = Assert.Throws<PageRejectedException>(() => Decode(bytes));
        Assert.Equal(RejectionReason.Undecodable, e.Reason);
    }

    [Fact]
    public void Utf8_with_one_corrupt_byte_still_decodes()
    {
        var bytes = Encoding.UTF8.GetBytes(Chinese + Chinese + Chinese).ToList();
        bytes.Insert(30, 0xFF);
        var page = Decode([.. bytes], hint: PageFormat.Text);
        Assert.Equal("utf-8", page.Charset);
        Assert.Contains("崔善姬", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stray_nul_in_a_text_page_is_dropped_not_a_reason_to_reject()
    {
        var bytes = Encoding.UTF8.GetBytes($"<html><body><p>{Chinese}</p>\0<p>{Chinese}</p></body></html>");
        var page = Decode(bytes);
        Assert.DoesNotContain('\0', page.Text);
        Assert.Contains("崔善姬", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mostly_ascii_utf8_page_with_a_few_damaged_bytes_is_still_utf8()
    {
        var text = "<html><body><p>Le ministre a déclaré que la réunion était réussie, déjà prévue et bien préparée. " + new string('x', 2000) + "</p></body></html>";
        var bytes = Encoding.UTF8.GetBytes(text).ToList();
        bytes.Insert(1000, 0xFF);
        bytes.Insert(1500, 0xC3);
        bytes.Insert(2000, 0xFE);
        var page = Decode([.. bytes]);
        Assert.Equal("utf-8", page.Charset);
        Assert.Contains("déjà", page.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(PageFormat.Text, "<!DOCTYPE html><html><body>x</body></html>", PageFormat.Html)]
    [InlineData(PageFormat.Unknown, "# 标题\n\n正文", PageFormat.Markdown)]
    [InlineData(PageFormat.Unknown, "只是一段文字。", PageFormat.Text)]
    [InlineData(PageFormat.Markdown, "# 标题", PageFormat.Markdown)]
    public void Format_is_settled_from_hint_and_content(PageFormat hint, string text, PageFormat expected) =>
        Assert.Equal(expected, Decode(Encoding.UTF8.GetBytes(text), hint: hint).Format);
}
