/* The Markdown reader: front matter, titles, headings by level and by
 * bold phrase, inline markup that does not show, footnotes, joining. */
#include "formats/lines.h"
#include "formats/markdown.h"
#include "formats_test.h"
#include "tap.h"

static int read_markdown(const char *text, struct document *document)
{
	struct error error = {{0}};
	int status = markdown_read((const unsigned char *)text, strlen(text), document, &error);
	if (status != 0)
		printf("#   error: %s\n", error.message);
	return status;
}

static void inline_markup(void)
{
	static const struct {
		const char *markdown, *text;
	} cases[] = {
	    {"**加粗**和*强调*和__粗__和_斜_", "加粗和强调和粗和斜"},
	    {"见[政府工作报告](https://example.gov.cn/a.html)全文", "见政府工作报告全文"},
	    {"图![示意图](a.png)在此", "图在此"},
	    {"代码`x_y`和snake_case_name", "代码x_y和snake_case_name"},
	    {"脚注引用[^1]在此", "脚注引用在此"},
	    {"转义\\*星号\\*", "转义*星号*"},
	    {"~~删除~~与<span style=\"x\">标签</span>", "删除与标签"},
	    {"3 * 4 = 12", "3 * 4 = 12"},
	    {"引用链接[文件][ref]", "引用链接文件"},
	    {"<https://example.cn/x>", "https://example.cn/x"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct buffer out = {0};
		markdown_inline(cases[i].markdown, strlen(cases[i].markdown), &out);
		is_string(buffer_string(&out), cases[i].text, "inline: %s", cases[i].markdown);
		buffer_free(&out);
	}
}

static void front_matter(void)
{
	struct document document;
	const char *text = "---\n"
			   "title: \"在 全 市 工 作 会 议 上 的 讲 话\"\n"
			   "date: 2024-03-05\n"
			   "source: https://example.gov.cn/a.html\n"
			   "author: 张三\n"
			   "tags: [讲话]\n"
			   "---\n"
			   "\n"
			   "同志们：\n"
			   "\n"
			   "今天召开会议。\n";
	if (!ok(read_markdown(text, &document) == 0, "front matter: read"))
		return;
	is_string(document.format, "md", "front matter: format");
	is_string(document.title, "在全市工作会议上的讲话",
		  "front matter: letter-spaced title joined");
	is_string(document.date, "2024-03-05", "front matter: date");
	is_string(document.source, "https://example.gov.cn/a.html", "front matter: source");
	ok(find_line(&document, "author: 张三", DOCUMENT_FRONT) == 0 &&
	       find_line(&document, "tags: [讲话]", DOCUMENT_FRONT) == 1,
	   "front matter: other fields are front matter lines");
	ok(find_line(&document, "在全市工作会议上的讲话", DOCUMENT_TITLE) == 2,
	   "front matter: a title line follows");
	ok(find_line(&document, "同志们：", DOCUMENT_TEXT) == 3, "front matter: then the text");
	document_free(&document);

	const char *spaced = "---\ntitle: 中共中央 国务院关于做好工作的意见\n---\n"
			     "# 中共中央 国务院关于做好工作的意见\n\n正文。\n";
	if (ok(read_markdown(spaced, &document) == 0, "title repeated as # line: read")) {
		is_string(document.title, "中共中央 国务院关于做好工作的意见",
			  "title: a title that is not letter-spaced keeps its space");
		ok(document.hint_count == 2 && document.hints[0].role == DOCUMENT_TITLE,
		   "title: the # line repeating it is the one title line");
		document_free(&document);
	}
}

static void headings(void)
{
	struct document document;
	const char *text = "# 关于锚定现代化的意见\n"
			   "\n"
			   "**（2026年1月3日）**\n"
			   "\n"
			   "> 来源：https://example.gov.cn/a.htm\n"
			   "\n"
			   "开头一段，说明背景。\n"
			   "\n"
			   "## 一、提升生产能力\n"
			   "\n"
			   "### （一）稳定粮油生产\n"
			   "\n"
			   "正文第一段，这一行\n"
			   "接着下一行。\n"
			   "\n"
			   "**二、实施精准帮扶**\n"
			   "\n"
			   "**（二）健全帮扶政策**。正文紧随其后。\n"
			   "\n"
			   "**这是一句加粗的导语**，后面是正文。\n"
			   "\n"
			   "- 列表一项\n"
			   "* 列表二项\n"
			   "1. 编号一项\n"
			   "\n"
			   "| 项目 | 数量 |\n"
			   "|---|---|\n"
			   "| 粮食 | 1.4万亿斤 |\n"
			   "\n"
			   "副标题\n"
			   "---\n"
			   "\n"
			   "```\n"
			   "代码 **不变**\n"
			   "```\n"
			   "一行一段。\n"
			   "第二段紧接着写。\n"
			   "\n"
			   "[^1]: 脚注的内容。\n";
	if (!ok(read_markdown(text, &document) == 0, "headings: read"))
		return;
	is_string(document.title, "关于锚定现代化的意见",
		  "headings: the first # line is the title");
	is_string(document.date, "2026-01-03", "headings: the date line under the title");
	is_string(document.source, "https://example.gov.cn/a.htm",
		  "headings: 来源 under the title");
	ok(find_line(&document, "（2026年1月3日）", DOCUMENT_FRONT) >= 0 &&
	       find_line(&document, "来源：https://example.gov.cn/a.htm", DOCUMENT_FRONT) >= 0,
	   "headings: date and source lines are front matter, quote mark gone");
	long title = find_line(&document, "关于锚定现代化的意见", DOCUMENT_TITLE);
	ok(title == 2, "headings: title line after them");
	long h2 = find_line(&document, "一、提升生产能力", DOCUMENT_TEXT);
	ok(h2 > title && document.hints[h2].heading_level == 2, "headings: ## is level 2");
	long h3 = find_line(&document, "（一）稳定粮油生产", DOCUMENT_TEXT);
	ok(h3 > h2 && document.hints[h3].heading_level == 3, "headings: ### is level 3");
	ok(find_line(&document, "正文第一段，这一行接着下一行。", DOCUMENT_TEXT) > h3,
	   "headings: lines of a paragraph join without a space between Chinese");
	long bold = find_line(&document, "二、实施精准帮扶", DOCUMENT_TEXT);
	ok(bold > 0 && document.hints[bold].heading_level == 4, "headings: **二、…** is a heading");
	long run_in = find_line(&document, "（二）健全帮扶政策。正文紧随其后。", DOCUMENT_TEXT);
	ok(run_in > 0 && document.hints[run_in].heading_level == 4,
	   "headings: **（二）…**。正文 is a heading");
	long lead = find_line(&document, "这是一句加粗的导语，后面是正文。", DOCUMENT_TEXT);
	ok(lead > 0 && document.hints[lead].heading_level == 0,
	   "headings: a bold lead sentence is not a heading");
	ok(find_line(&document, "列表一项", DOCUMENT_TEXT) > 0 &&
	       find_line(&document, "列表二项", DOCUMENT_TEXT) > 0 &&
	       find_line(&document, "1. 编号一项", DOCUMENT_TEXT) > 0,
	   "headings: bullets do not show, numbers do");
	ok(find_line(&document, "项目 数量", DOCUMENT_TEXT) > 0 &&
	       find_line(&document, "粮食 1.4万亿斤", DOCUMENT_TEXT) > 0 &&
	       strstr(document.text, "---") == NULL,
	   "headings: table rows are lines of cells");
	long setext = find_line(&document, "副标题", DOCUMENT_TEXT);
	ok(setext > 0 && document.hints[setext].heading_level == 2,
	   "headings: a --- underline makes a level 2 heading");
	ok(find_line(&document, "代码 **不变**", DOCUMENT_TEXT) > 0,
	   "headings: fenced code is kept as written");
	ok(find_line(&document, "一行一段。", DOCUMENT_TEXT) > 0 &&
	       find_line(&document, "第二段紧接着写。", DOCUMENT_TEXT) > 0,
	   "headings: a line ending a sentence ends its paragraph");
	long note = find_line(&document, "1. 脚注的内容。", DOCUMENT_BACK);
	ok(note == (long)document.hint_count - 1, "headings: footnote definitions are back matter");
	document_free(&document);

	const char *untitled = "\n尊敬的各位老师：\n\n大家好！\xE2\x80\x8B我是张三。\n";
	if (ok(read_markdown(untitled, &document) == 0, "no headline: read")) {
		ok(document.title == NULL && find_line(&document, "尊敬的各位老师：", -1) == 0 &&
		       document.hints[0].role == DOCUMENT_TEXT,
		   "no headline: no title; the parser decides");
		ok(find_line(&document, "大家好！我是张三。", DOCUMENT_TEXT) == 1,
		   "no headline: zero-width spaces dropped");
		document_free(&document);
	}
	const char *parts = "## 一、总体要求\n\n正文。\n\n## 二、重点任务\n\n正文。\n";
	if (ok(read_markdown(parts, &document) == 0, "opening with a part: read")) {
		ok(document.title == NULL && document.hints[0].role == DOCUMENT_TEXT &&
		       document.hints[0].heading_level == 2,
		   "opening with a part: a ## heading with siblings is not the title");
		document_free(&document);
	}
	struct error error = {{0}};
	ok(markdown_read((const unsigned char *)"---\n---\n\n", 9, &document, &error) != 0 &&
	       strcmp(error.message, "no text in the Markdown file") == 0,
	   "an empty file: %s", error.message);
}

/* The readers' one test of a heading marker at a paragraph's start. */
static void markers(void)
{
	static const char *const marked[] = {
	    "一、总体要求", "（一）稳增长", "(二)促改革", "一是抓项目", "二要保民生", "第一，坚持",
	    "1. 范围",	    "2、目标",	    "3．要求",	  "（1）外观",	"(12)性能",   "十一、其他"};
	for (size_t i = 0; i < sizeof marked / sizeof marked[0]; i++)
		ok(lines_opens_with_marker(marked[i], strlen(marked[i])), "a marker: %s",
		   marked[i]);
	static const char *const plain[] = {"一些问题", "2024年", "（注）", "1", "一", "三峡工程"};
	for (size_t i = 0; i < sizeof plain / sizeof plain[0]; i++)
		ok(!lines_opens_with_marker(plain[i], strlen(plain[i])), "no marker: %s", plain[i]);
}

int main(void)
{
	inline_markup();
	front_matter();
	headings();
	markers();
	return tap_done();
}
