/* The web page reader: charsets (declared against real, GBK, BOM),
 * finding the article and its headline among a page's furniture, what
 * shows and what does not, heading hints, and pages built to hurt. */
#include <iconv.h>
#include <time.h>

#include "base/buffer.h"
#include "formats/charset.h"
#include "formats/html.h"
#include "formats/mhtml.h"
#include "formats_test.h"
#include "tap.h"

static int read_page(const char *page, struct document *document)
{
	struct error error = {{0}};
	int status = html_read((const unsigned char *)page, strlen(page), document, &error);
	if (status != 0)
		printf("#   error: %s\n", error.message);
	return status;
}

/* UTF-8 text converted to another charset with iconv, as a new string. */
static char *convert(const char *text, const char *charset)
{
	iconv_t converter = iconv_open(charset, "UTF-8");
	size_t in_left = strlen(text), out_size = in_left * 4 + 4, out_left = out_size;
	char *out = calloc(1, out_size), *target = out;
	char *in = (char *)text;
	iconv(converter, &in, &in_left, &target, &out_left);
	iconv_close(converter);
	return out;
}

static void decodes_page(const char *bytes, size_t length, const char *expected_text,
			 const char *expected_encoding, const char *name)
{
	struct charset_text text;
	struct error error = {{0}};
	if (!ok(charset_decode_page((const unsigned char *)bytes, length, &text, &error) == 0,
		"%s: decodes", name))
		return;
	ok(strstr(text.text, expected_text) != NULL, "%s: text", name);
	is_string(text.encoding, expected_encoding, "%s: encoding", name);
	free(text.text);
}

static void charsets(void)
{
	const char *utf8 = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; "
			   "charset=gb2312\"></head><body><p>同志们：今天召开全市工作会议。</p>";
	decodes_page(utf8, strlen(utf8), "同志们：今天召开全市工作会议。", "UTF-8",
		     "a GB2312 declaration over UTF-8 bytes: the bytes win");

	char *gbk = convert("<html><head><meta charset=\"gbk\"><title>讲话</title></head>"
			    "<body><p>同志们：今天召开全市工作会议。</p></body></html>",
			    "GBK");
	decodes_page(gbk, strlen(gbk), "同志们：今天召开全市工作会议。", "GB18030",
		     "GBK bytes declared GBK");
	free(gbk);

	char *undeclared = convert("<html><body><p>同志们：今天召开全市工作会议，主要任务是总结"
				   "去年工作，部署今年任务。刚才几位同志作了很好的发言。</p>"
				   "</body></html>",
				   "GB18030");
	decodes_page(undeclared, strlen(undeclared), "主要任务是总结去年工作", "GB18030",
		     "GBK bytes with no declaration: detected");
	free(undeclared);

	const char bom[] = "\xEF\xBB\xBF<meta charset=\"gbk\"><p>民生实事</p>";
	decodes_page(bom, sizeof bom - 1, "<p>民生实事</p>", "UTF-8",
		     "a UTF-8 byte order mark over a GBK declaration");

	/* UTF-16 holds NUL bytes: built by hand. */
	const char utf16le[] = "\xFF\xFE<\0p\0>\0\x11\x6c\x1f\x75\0";
	decodes_page(utf16le, sizeof utf16le - 2, "<p>民生", "UTF-16LE", "UTF-16LE with BOM");

	const char *damaged = "<meta charset=gb2312><p>同志们：今天召开全市工作会议\xFF。</p>";
	decodes_page(damaged, strlen(damaged), "同志们：今天召开全市工作会议\xEF\xBF\xBD。",
		     "UTF-8", "UTF-8 with a damaged byte stays UTF-8");

	char *big5 = convert("<meta charset=\"big5\"><p>臺灣同胞們：今天召開會議。</p>", "BIG5");
	decodes_page(big5, strlen(big5), "臺灣同胞們", "BIG5-HKSCS", "Big5 declared");
	free(big5);

	const char *meta1 = "<meta charset=\"GBK\">";
	is_string(charset_declared((const unsigned char *)meta1, strlen(meta1)), "GB18030",
		  "charset_declared: <meta charset=\"GBK\">");
	const char *meta2 = "<meta http-equiv=content-type content='text/html;charset=UTF-8'>";
	is_string(charset_declared((const unsigned char *)meta2, strlen(meta2)), "UTF-8",
		  "charset_declared: content=…;charset=UTF-8");
	const char *meta3 = "<p>charset is a word</p>";
	ok(charset_declared((const unsigned char *)meta3, strlen(meta3)) == NULL,
	   "charset_declared: none");
}

static void titles(void)
{
	static const struct {
		const char *page_title, *headline;
	} cases[] = {
	    {"在全市工作会议上的讲话_某某日报网", "在全市工作会议上的讲话"},
	    {"在全市工作会议上的讲话 - 某某市人民政府门户网站", "在全市工作会议上的讲话"},
	    {"关于做好春季农业生产的通知|某某县人民政府", "关于做好春季农业生产的通知"},
	    {"时局 | 习近平：欢迎知识分子提出批评 -- 大案 -- 传送门",
	     "时局 | 习近平：欢迎知识分子提出批评"},
	    {"博雅通达——某某中学工作汇报--校长专栏-某某中学", "博雅通达——某某中学工作汇报"},
	    {"没有站名的标题", "没有站名的标题"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *headline = html_title_without_site(cases[i].page_title);
		is_string(headline, cases[i].headline, "title without site: %s",
			  cases[i].page_title);
		free(headline);
	}
}

/* A news page: menus, breadcrumb, headline, date line, the article, share
 * buttons, related news, footer, and a script and style in between. */
static const char news_page[] =
    "<!DOCTYPE html><html><head><title>在全市春季工作会议上的讲话_某某日报网</title>"
    "<style>p { color: red }</style><script>var menu = '首页';</script></head><body>"
    "<div class=\"nav\"><a href=\"/\">首页</a> <a href=\"/news\">新闻</a> "
    "<a href=\"/gov\">政务</a> <a href=\"/city\">城市</a></div>"
    "<div class=\"crumb\">当前位置：<a href=\"/\">首页</a> &gt; <a href=\"/n\">要闻</a></div>"
    "<h1>在全市春季工作会议上的讲话</h1>"
    "<div class=\"info\">2024年03月05日 08:30 来源：某某日报</div>"
    "<div id=\"article\" class=\"content\">"
    "<p>同志们：</p>"
    "<p>　　今天召开全市春季工作会议，主要任务是总结去年工作，部署今年任务。刚才，几位同志作了"
    "很好的发言，讲得都很实在，我都同意。</p>"
    "<h2>一、认清形势，坚定信心</h2>"
    "<p>　　过去一年，我们顶住压力、迎难而上，经济运行稳中有进，民生保障持续加强，社会大局"
    "和谐稳定。&ldquo;民生&rdquo;&amp;&ldquo;发展&rdquo;两手抓。</p>"
    "<p><strong>　　抓好项目建设</strong></p>"
    "<p>　　项目是发展的生命线，要坚持项目为王，紧盯重大项目，强化要素保障，确保早见效。</p>"
    "<p><strong>一是抓招商。</strong>要创新招商方式，围绕主导产业精准招商，引进好项目。</p>"
    "<div>第一行<br>第二行<br/>第三行</div>"
    "<p style=\"display:none\">隐藏的文字不显示</p>"
    "<script>document.write('脚本不显示')</script>"
    "</div>"
    "<div class=\"share\">分享到：<a href=\"#\">微信</a> <a href=\"#\">微博</a></div>"
    "<div class=\"related\"><h3>相关新闻</h3><ul>"
    "<li><a href=\"/1\">全市经济工作会议召开</a></li>"
    "<li><a href=\"/2\">春季农业生产全面展开</a></li></ul></div>"
    "<div class=\"footer\">版权所有：某某日报社 地址：某某路1号</div>"
    "</body></html>";

static void article(void)
{
	struct document document;
	if (!ok(read_page(news_page, &document) == 0, "news page: read"))
		return;
	is_string(document.format, "html", "news page: format");
	is_string(document.title, "在全市春季工作会议上的讲话", "news page: headline as title");
	is_string(document.date, "2024-03-05", "news page: date from the date line");
	is_string(document.source, "某某日报", "news page: source from 来源：");
	long title = find_line(&document, "在全市春季工作会议上的讲话", DOCUMENT_TITLE);
	ok(title >= 0, "news page: the headline line is the title");
	long salutation = find_line(&document, "同志们：", DOCUMENT_TEXT);
	ok(salutation > title, "news page: the article follows the title");
	ok(find_line(&document, "首页 新闻 政务 城市", DOCUMENT_FRONT) >= 0 &&
	       find_line(&document, "首页 新闻 政务 城市", DOCUMENT_FRONT) < title,
	   "news page: the menu is front matter before the title");
	ok(find_line(&document, "当前位置：首页 > 要闻", DOCUMENT_FRONT) >= 0,
	   "news page: breadcrumb is front matter, &gt; decoded");
	ok(find_line(&document, "2024年03月05日 08:30 来源：某某日报", DOCUMENT_FRONT) >= 0,
	   "news page: the date line is front matter");
	ok(find_line(&document, "分享到：微信 微博", DOCUMENT_BACK) >= 0,
	   "news page: share buttons are back matter");
	ok(find_line(&document, "全市经济工作会议召开", DOCUMENT_BACK) >= 0,
	   "news page: related news is back matter");
	ok(find_line(&document, "版权所有：某某日报社 地址：某某路1号", DOCUMENT_BACK) >= 0,
	   "news page: the footer is back matter");
	long entities = find_line(&document,
				  "　　过去一年，我们顶住压力、迎难而上，经济运行稳中有进，民生保障"
				  "持续加强，社会大局和谐稳定。“民生”&“发展”两手抓。",
				  DOCUMENT_TEXT);
	ok(entities > salutation, "news page: entities decoded, paragraph kept whole");
	long heading = find_line(&document, "一、认清形势，坚定信心", DOCUMENT_TEXT);
	ok(heading >= 0 && document.hints[heading].heading_level == 2,
	   "news page: <h2> gives heading level 2");
	long bold = find_line(&document, "　　抓好项目建设", DOCUMENT_TEXT);
	ok(bold >= 0 && document.hints[bold].heading_level == 3,
	   "news page: a paragraph that is one bold phrase is a heading (level 3)");
	long lead =
	    find_line(&document, "一是抓招商。要创新招商方式，围绕主导产业精准招商，引进好项目。",
		      DOCUMENT_TEXT);
	ok(lead >= 0 && document.hints[lead].heading_level == 0,
	   "news page: a bold lead sentence gives no heading hint");
	ok(find_line(&document, "第一行", DOCUMENT_TEXT) >= 0 &&
	       find_line(&document, "第二行", DOCUMENT_TEXT) ==
		   find_line(&document, "第一行", DOCUMENT_TEXT) + 1 &&
	       find_line(&document, "第三行", DOCUMENT_TEXT) >= 0,
	   "news page: <br> ends lines");
	ok(strstr(document.text, "隐藏") == NULL, "news page: display:none does not show");
	ok(strstr(document.text, "脚本") == NULL && strstr(document.text, "color") == NULL &&
	       strstr(document.text, "var menu") == NULL,
	   "news page: script and style never show");
	document_free(&document);
}

static void containers(void)
{
	/* WeChat: #js_content is the article, though the list beside it is longer. */
	struct buffer page = {0};
	buffer_append_string(&page,
			     "<html><head><title>习近平：关于做好工作的讲话</title></head><body>"
			     "<h2 class=\"rich_media_title\" id=\"activity-name\">"
			     "习近平：关于做好工作的讲话</h2><div id=\"js_content\">"
			     "<section><p>同志们：</p><p>今天我们在这里召开会议，研究部署工作。"
			     "</p></section></div><div class=\"list\">");
	for (int i = 0; i < 30; i++)
		buffer_printf(&page,
			      "<p>推荐文章第%d篇的很长很长的摘要内容在这里，有很多很多字</p>", i);
	buffer_append_string(&page, "</div></body></html>");
	struct document document;
	if (ok(read_page(buffer_string(&page), &document) == 0, "WeChat page: read")) {
		ok(find_line(&document, "同志们：", DOCUMENT_TEXT) >= 0 &&
		       find_line(&document, "今天我们在这里召开会议，研究部署工作。",
				 DOCUMENT_TEXT) >= 0,
		   "WeChat page: #js_content is the article");
		ok(find_line(&document, "推荐文章第1篇的很长很长的摘要内容在这里，有很多很多字",
			     DOCUMENT_BACK) >= 0,
		   "WeChat page: what follows it is back matter");
		is_string(document.title, "习近平：关于做好工作的讲话", "WeChat page: title");
		document_free(&document);
	}
	buffer_free(&page);

	/* A government site's TRS_Editor, paragraphs made with <br>. */
	const char *trs =
	    "<html><head><title>关于春耕的通知 - 某某县人民政府门户网站</title></head>"
	    "<body><table><tr><td><a href=\"/\">首页</a></td><td><a href=\"/x\">"
	    "政务公开</a></td></tr></table><div class=\"TRS_Editor\">　　各乡镇："
	    "<br>　　为做好春耕生产工作，现将有关事项通知如下。<br>　　一、提高认识"
	    "<br>　　春耕生产事关全年粮食丰收。</div><div>主办：某某县人民政府</div>"
	    "</body></html>";
	if (ok(read_page(trs, &document) == 0, "TRS page: read")) {
		is_string(document.title, "关于春耕的通知", "TRS page: <title> without site name");
		ok(find_line(&document, "关于春耕的通知", DOCUMENT_TITLE) == 2,
		   "TRS page: title line after the front matter");
		ok(find_line(&document, "　　一、提高认识", DOCUMENT_TEXT) >= 0,
		   "TRS page: <br> makes paragraphs");
		ok(find_line(&document, "主办：某某县人民政府", DOCUMENT_BACK) >= 0,
		   "TRS page: the footer is back matter");
		document_free(&document);
	}
}

static void mhtml(void)
{
	/* Chrome's "Save as MHTML": quoted-printable, soft line breaks, =3D. */
	const char *chrome =
	    "From: <Saved by Blink>\r\n"
	    "Snapshot-Content-Location: https://example.gov.cn/a.html\r\n"
	    "Subject: =?utf-8?Q?x?=\r\n"
	    "MIME-Version: 1.0\r\n"
	    "Content-Type: multipart/related;\r\n"
	    "\ttype=\"text/html\";\r\n"
	    "\tboundary=\"----MultipartBoundary--abc----\"\r\n"
	    "\r\n"
	    "\r\n"
	    "------MultipartBoundary--abc----\r\n"
	    "Content-Type: text/html\r\n"
	    "Content-Transfer-Encoding: quoted-printable\r\n"
	    "Content-Location: https://example.gov.cn/a.html\r\n"
	    "\r\n"
	    "<html><head><meta charset=3D\"utf-8\"><title>=E8=AE=B2=E8=AF=9D</title></head>=\r\n"
	    "<body><div id=3D\"content\"><p>=E5=90=8C=E5=BF=97=E4=BB=AC=EF=BC=9A=E4=BB=8A=\r\n"
	    "=E5=A4=A9=E5=BC=80=E4=BC=9A=E3=80=82</p></div></body></html>\r\n"
	    "------MultipartBoundary--abc----\r\n"
	    "Content-Type: image/png\r\n"
	    "Content-Transfer-Encoding: base64\r\n"
	    "\r\n"
	    "iVBORw0KGgo=\r\n"
	    "------MultipartBoundary--abc------\r\n";
	ok(mhtml_detect((const unsigned char *)chrome, strlen(chrome), "mhtml"),
	   "MHTML: detected by its headers");
	struct document document;
	if (ok(read_page(chrome, &document) == 0, "MHTML (Chrome): read")) {
		ok(find_line(&document, "同志们：今天开会。", DOCUMENT_TEXT) >= 0,
		   "MHTML (Chrome): quoted-printable decoded, soft line breaks joined");
		is_string(document.title, "讲话", "MHTML (Chrome): title");
		is_string(document.source, "https://example.gov.cn/a.html",
			  "MHTML (Chrome): the page's address is its source");
		document_free(&document);
	}
	/* Internet Explorer's .mht: base64, the charset only in the part's header. */
	char *gbk =
	    convert("<html><body><p>同志们：今天召开全市工作会议。</p></body></html>", "GBK");
	struct buffer encoded = {0};
	static const char digits[] =
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	size_t n = strlen(gbk);
	for (size_t i = 0; i < n; i += 3) {
		unsigned v = (unsigned char)gbk[i] << 16;
		if (i + 1 < n)
			v |= (unsigned char)gbk[i + 1] << 8;
		if (i + 2 < n)
			v |= (unsigned char)gbk[i + 2];
		buffer_append_byte(&encoded, digits[(v >> 18) & 63]);
		buffer_append_byte(&encoded, digits[(v >> 12) & 63]);
		buffer_append_byte(&encoded, i + 1 < n ? digits[(v >> 6) & 63] : '=');
		buffer_append_byte(&encoded, i + 2 < n ? digits[v & 63] : '=');
	}
	free(gbk);
	struct buffer ie = {0};
	buffer_printf(&ie,
		      "MIME-Version: 1.0\nContent-Type: multipart/related; boundary=XYZ\n\n"
		      "--XYZ\nContent-Type: text/html; charset=\"gb2312\"\n"
		      "Content-Transfer-Encoding: base64\n\n%s\n--XYZ--\n",
		      buffer_string(&encoded));
	if (ok(read_page(buffer_string(&ie), &document) == 0, "MHT (IE): read")) {
		ok(find_line(&document, "同志们：今天召开全市工作会议。", DOCUMENT_TEXT) >= 0,
		   "MHT (IE): base64 decoded, the part's GB2312 charset used");
		document_free(&document);
	}
	buffer_free(&encoded);
	buffer_free(&ie);
}

static void hostile(void)
{
	struct document document;
	struct error error = {{0}};
	const char *bomb =
	    "<!DOCTYPE html [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">"
	    "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;\">"
	    "<!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;\"><!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;\">]>"
	    "<html><body><p>&f;&f;&f;&f;&f;&f;&f;&f;</p><p>同志们：这是正文。</p></body></html>";
	if (ok(read_page(bomb, &document) == 0, "entity bomb: read")) {
		ok(document.length < 4096, "entity bomb: entities are not expanded (%zu bytes)",
		   document.length);
		ok(strstr(document.text, "同志们：这是正文。") != NULL, "entity bomb: text kept");
		document_free(&document);
	}
	/* 50 MB, nearly all of it an inline image, as saved WeChat pages are. */
	struct buffer big = {0};
	buffer_append_string(&big,
			     "<html><body><div id=\"content\"><p>同志们：第一段正文在这里。</p>"
			     "<img src=\"data:image/png;base64,");
	buffer_reserve(&big, (size_t)50 << 20);
	memset(big.data + big.length, 'A', (size_t)50 << 20);
	big.length += (size_t)50 << 20;
	buffer_append_string(&big, "\"><p>第二段正文在这里。</p></div></body></html>");
	struct timespec start, end;
	clock_gettime(CLOCK_MONOTONIC, &start);
	int status = html_read((const unsigned char *)big.data, big.length, &document, &error);
	clock_gettime(CLOCK_MONOTONIC, &end);
	double seconds = (double)(end.tv_sec - start.tv_sec);
	if (ok(status == 0, "50 MB page: read (%.0f s)", seconds)) {
		ok(strstr(document.text, "同志们：第一段正文在这里。") &&
		       strstr(document.text, "第二段正文在这里。"),
		   "50 MB page: its text is there");
		ok(document.length < 4096, "50 MB page: the image is not text");
		document_free(&document);
	}
	buffer_free(&big);
	/* Over the limit: refused without being parsed. */
	size_t huge = HTML_MAX_BYTES + 1;
	unsigned char *bytes = calloc(1, huge);
	memcpy(bytes, "<html>", 6);
	ok(html_read(bytes, huge, &document, &error) != 0 &&
	       strstr(error.message, "web page too large") != NULL,
	   "a page over the limit is refused: %s", error.message);
	free(bytes);
	/* Deeply nested. */
	struct buffer deep = {0};
	for (int i = 0; i < 20000; i++)
		buffer_append_string(&deep, "<div>");
	buffer_append_string(&deep, "深");
	ok(html_read((const unsigned char *)deep.data, deep.length, &document, &error) != 0 ||
	       (document_free(&document), 1),
	   "20000 nested elements: a result or a message, no crash");
	buffer_free(&deep);
	const char *untitled =
	    "<h1>在全市工作会议上的讲话</h1><p>同志们：</p><p>今天召开会议，部署工作。</p>";
	if (ok(read_page(untitled, &document) == 0, "a page without <title>: read")) {
		ok(find_line(&document, "在全市工作会议上的讲话", DOCUMENT_TITLE) == 0,
		   "a page without <title>: its <h1> is the title");
		document_free(&document);
	}
	ok(html_read((const unsigned char *)"<html><body></body></html>", 26, &document, &error) !=
		   0 &&
	       strcmp(error.message, "no text in the web page") == 0,
	   "an empty page: %s", error.message);
}

int main(void)
{
	charsets();
	titles();
	article();
	containers();
	mhtml();
	hostile();
	return tap_done();
}
