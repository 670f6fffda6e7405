/* The PDF reader: rejoining lines into paragraphs on line lists written
 * here, page furniture, then a real PDF (tests/fixtures/speech.pdf, made by
 * make-speech-pdf.py), a PDF without text and PDFs built to loop. */
#include "base/buffer.h"
#include "formats/pdf.h"
#include "formats/pdf_lines.h"
#include "formats_test.h"
#include "tap.h"

/* A line on page `page` at row `row` (22 points apart, 12-point type) from
 * x0 to x1. */
static struct pdf_line line_at(const char *text, int page, int row, double x0, double x1)
{
	return (struct pdf_line){.text = text,
				 .length = strlen(text),
				 .x0 = x0,
				 .x1 = x1,
				 .y0 = 100 + row * 22,
				 .y1 = 112 + row * 22,
				 .font_size = 12,
				 .page = page};
}

static void paragraphs(const struct pdf_line *lines, size_t count, size_t page_count,
		       const char *metadata_title, struct document *document, char **title)
{
	struct pdf_page_size pages[4] = {{595, 842}, {595, 842}, {595, 842}, {595, 842}};
	struct lines out = {0};
	pdf_lines_paragraphs(lines, count, pages, page_count, metadata_title, &out, title);
	memset(document, 0, sizeof *document);
	lines_to_document(&out, document);
}

static void rejoining(void)
{
	/* Body from x 72 to 523; a paragraph starts with a two-character indent
	 * (indentation is not text: the paragraph starts at its first character). */
	struct pdf_line lines[] = {
	    line_at("　　同志们，今天召开全市工作会议，主要任务是总结", 0, 0, 96, 523),
	    line_at("去年工作，部署今年任务。", 0, 1, 72, 230),
	    line_at("一 、认清形势 （ 一 ）", 0, 2, 72, 150),
	    line_at("过去一年，我们顶住压力，经济运行稳中有进，民生保障", 0, 3, 72, 523),
	    line_at("持续加强。The economy grew by five per-", 0, 4, 72, 522),
	    line_at("cent in the year, and jobs", 0, 5, 72, 523),
	    line_at("held up well.", 0, 6, 72, 160),
	    line_at("　　项目是发展的生命线，要坚持项目为王，紧盯重大项", 0, 7, 96, 523),
	    line_at("- 1 -", 0, 32, 280, 310),
	    line_at("目，强化要素保障。", 1, 0, 72, 200),
	    line_at("第 2 页 共 2 页", 1, 32, 260, 330),
	};
	struct document document;
	char *title;
	paragraphs(lines, sizeof lines / sizeof *lines, 2, NULL, &document, &title);
	ok(title == NULL, "rejoining: no title in body-sized type");
	is_int(document.hint_count, 4, "rejoining: four paragraphs");
	char *first = document_line(&document, 0);
	is_string(first, "同志们，今天召开全市工作会议，主要任务是总结去年工作，部署今年任务。",
		  "rejoining: Chinese lines join without a space");
	free(first);
	char *heading = document_line(&document, 1);
	is_string(heading, "一、认清形势 （一）",
		  "rejoining: a line after one ending short is a new paragraph, the spaces "
		  "glyph positions put around full-width punctuation gone");
	free(heading);
	char *mixed = document_line(&document, 2);
	is_string(mixed,
		  "过去一年，我们顶住压力，经济运行稳中有进，民生保障持续加强。The economy grew "
		  "by five percent in the year, and jobs held up well.",
		  "rejoining: Latin words get a space, a hyphenated word is whole again");
	free(mixed);
	char *across = document_line(&document, 3);
	is_string(across, "项目是发展的生命线，要坚持项目为王，紧盯重大项目，强化要素保障。",
		  "rejoining: a paragraph runs on across a page break, page numbers gone");
	free(across);
	document_free(&document);

	/* An indented line begins a paragraph even when the one before was full;
	 * a heading marker after a full stop does too. */
	struct pdf_line clauses[] = {
	    line_at("1.4.1 根据申请，经审图与检验，确认船舶已符合本规范", 0, 0, 72, 523),
	    line_at("要求。", 0, 1, 72, 110),
	    line_at("（1） 可根据船舶实际具有的功能授予，并可根据技术的", 0, 2, 90, 523),
	    line_at("发展增加。", 0, 3, 72, 523),
	    line_at("（2） 之间只能选一个。", 0, 4, 72, 523),
	};
	paragraphs(clauses, sizeof clauses / sizeof *clauses, 1, NULL, &document, &title);
	is_int(document.hint_count, 3, "markers: three paragraphs");
	char *second = document_line(&document, 1);
	is_string(second, "（1） 可根据船舶实际具有的功能授予，并可根据技术的发展增加。",
		  "markers: an indented line begins a paragraph");
	free(second);
	document_free(&document);

	/* A full line and the sentence's closing stop alone on the next. */
	struct pdf_line stop[] = {
	    line_at("　　今天召开全县工作会议，主要任务是总结去年工作，部署今", 0, 0, 96, 523),
	    line_at("年任务。下面，我讲三点意见，请大家抓好落实，确保实效", 0, 1, 72, 523),
	    line_at("。", 0, 2, 72, 84),
	    line_at("　　一要抓项目建设。", 0, 3, 96, 250),
	};
	paragraphs(stop, sizeof stop / sizeof *stop, 1, NULL, &document, &title);
	char *ended = document_line(&document, 0);
	is_string(ended,
		  "今天召开全县工作会议，主要任务是总结去年工作，部署今年任务。下面，我讲三点"
		  "意见，请大家抓好落实，确保实效。",
		  "a line of a full stop alone ends the paragraph, not a rule");
	free(ended);
	document_free(&document);
}

static void furniture_and_title(void)
{
	struct pdf_line lines[] = {
	    line_at("某某市人民政府办公室文件 2024年3月", 0, -3, 72, 300),
	    line_at("在全市工作会议上的讲话", 0, 1, 200, 400),
	    line_at("2024-03-05 来源：某某日报", 0, 2, 72, 250),
	    line_at("同志们：", 0, 3, 72, 130),
	    line_at("　　今天召开会议。", 0, 4, 96, 300),
	    line_at("某某市人民政府办公室文件 2024年3月", 1, -3, 72, 300),
	    line_at("　　明天继续开会。", 1, 0, 96, 300),
	    line_at("==============", 1, 1, 72, 300),
	    line_at("第2页", 1, 32, 280, 310),
	};
	lines[1].font_size = 18;
	struct document document;
	char *title;
	paragraphs(lines, sizeof lines / sizeof *lines, 2, NULL, &document, &title);
	is_string(title, "在全市工作会议上的讲话", "title: the line in the largest type");
	ok(find_line(&document, "在全市工作会议上的讲话", DOCUMENT_TITLE) >= 0,
	   "title: its line has the title role");
	ok(find_line(&document, "2024-03-05 来源：某某日报", DOCUMENT_FRONT) >= 0,
	   "title: the date and source line under it is front matter");
	ok(strstr(document.text, "办公室文件") == NULL, "running heads are dropped");
	ok(strstr(document.text, "===") == NULL && strstr(document.text, "第2页") == NULL,
	   "rules and page numbers are dropped");
	ok(find_line(&document, "明天继续开会。", DOCUMENT_TEXT) >= 0, "the text is all there");
	free(title);
	document_free(&document);

	/* A browser's print: the metadata title with the site's name on top. */
	struct pdf_line print[] = {
	    line_at("百年接力，党旗映照校园 - 中华人民共和国教育部政府门户网站", 0, -2, 72, 500),
	    line_at("正文第一段。", 0, 2, 72, 200),
	};
	paragraphs(print, 2, 1, "百年接力，党旗映照校园 - 中华人民共和国教育部政府门户网站",
		   &document, &title);
	is_string(title, "百年接力，党旗映照校园", "title: metadata title without the site's name");
	free(title);
	document_free(&document);

	static const char *const numbers[] = {"3",   "- 3 -",  "— 12 —", "第3页", "第 3 页 共 9 页",
					      "3/9", "Page 3", "－3－",	 NULL};
	for (const char *const *number = numbers; *number; number++)
		ok(pdf_page_number(*number, strlen(*number)), "page number: %s", *number);
	static const char *const not_numbers[] = {"2024年", "一、总体要求", "3.1 范围", "第三章",
						  NULL};
	for (const char *const *text = not_numbers; *text; text++)
		ok(!pdf_page_number(*text, strlen(*text)), "not a page number: %s", *text);
}

/* The heading level the reader hinted for the paragraph `text`, -1 when
 * there is no such paragraph. */
static int hinted_level(const struct document *document, const char *text)
{
	for (size_t i = 0; i < document->hint_count; i++) {
		char *line = document_line(document, i);
		int same = strcmp(line, text) == 0;
		free(line);
		if (same)
			return document->hints[i].heading_level;
	}
	return -1;
}

static void columns(void)
{
	/* A research report's page: a sidebar (x 24 to 190) in larger type
	 * than the text column (x 213 to 567) beside it; a heading in the
	 * text column; a table of two cells a row in the column. */
	struct pdf_line lines[] = {
	    line_at("高测股份：扩产金刚线", 0, -2, 213, 450),
	    line_at("证券分析师", 0, 0, 24, 84),
	    line_at("重要提示", 0, 0, 213, 273),
	    line_at("倪某某", 0, 1, 24, 60),
	    line_at("顺应下游需求扩张，金刚线产能快速扩产，保证公司内", 0, 1, 213, 567),
	    line_at("相关研究", 0, 2, 24, 84),
	    line_at("供和外销。光伏金刚线需求提升源于两方面，一是产业", 0, 2, 213, 567),
	    line_at("链景气度高涨，二是细线化趋势加速，带动线耗提升。", 0, 3, 213, 567),
	    line_at("营业收入", 0, 4, 213, 273),
	    line_at("二〇二二年", 0, 4, 400, 460),
	    line_at("公司在山西长治金刚线生产厂区采购电力的平均单价较", 0, 5, 213, 567),
	    line_at("低，壶关后续拓展有望进一步降低公司金刚线电价成本", 0, 6, 213, 567),
	    line_at("，推动切割工艺持续进步，保障公司利润持续释放。", 0, 7, 213, 567),
	};
	for (size_t i = 0; i < sizeof lines / sizeof *lines; i++)
		if (lines[i].x0 < 200 || strcmp(lines[i].text, "重要提示") == 0 ||
		    lines[i].x1 < 500)
			lines[i].font_size = 15;
	lines[0].font_size = 22;
	struct document document;
	char *title;
	paragraphs(lines, sizeof lines / sizeof *lines, 1, NULL, &document, &title);
	is_string(title, "高测股份：扩产金刚线", "columns: the title");
	is_int(hinted_level(&document, "证券分析师"), 0,
	       "columns: a sidebar line in larger type is no heading");
	is_int(hinted_level(&document, "相关研究"), 0, "columns: nor is another");
	ok(hinted_level(&document, "重要提示") > 0,
	   "columns: a line in larger type alone in the text column is a heading");
	is_int(hinted_level(&document, "营业收入"), DOCUMENT_NOT_HEADING,
	       "columns: a table cell in larger type beside another is no heading");
	document_free(&document);
	free(title);
}

/* A research report: a heading in the text's own size set apart by its
 * colour, a sidebar beside the text, a coloured caption over a table, a
 * legend's numbered cells; and a page of two columns of text. */
static void report_page(void)
{
	const long accent = 0xA08259;
	struct pdf_line lines[] = {
	    line_at("某某股份：扩产金刚线，强化三元布局", 0, -2, 213, 450),
	    line_at("相关研究", 0, 0, 24, 84),
	    line_at("投资要点", 0, 0, 201, 249),
	    line_at("1.《某某股份：深度报告》", 0, 1, 25, 190),
	    line_at("事件：公司拟与县政府签署金刚线项目投资协议书，项目一期计划", 0, 1, 213, 567),
	    line_at("，2022.4.29", 0, 2, 25, 100),
	    line_at("建设年产四千万千米金刚线产能，预计一期总投资约六亿元。", 0, 2, 213, 480),
	    line_at("顺应下游需求扩张，金刚线产能快速扩产，保证公司内供和外销，", 0, 3, 213, 567),
	    line_at("光伏金刚线需求提升源于产业链景气度高涨和细线化趋势加速。", 0, 4, 213, 480),
	    line_at("风险提示", 0, 5, 213, 261),
	    line_at("硅片扩产不及预期，公司代工业务利润波动，市场竞争加剧风险。", 0, 6, 213, 480),
	    line_at("主要财务数据", 0, 8, 213, 285),
	    line_at("2020", 0, 9, 313, 331),
	    line_at("2021", 0, 9, 371, 390),
	    /* Page two: the legend, a table of two cells a row. */
	    line_at("投资评级说明：各项标准以报告发布后六个月内公司股价（或行业指数）的", 1, 0, 72,
		    523),
	    line_at("涨跌幅相对同期市场基准指数的涨跌幅为比较标准，香港市场以恒生指数为", 1, 1, 72,
		    523),
	    line_at("基准，美国市场以标普五百或纳斯达克综合指数为基准，详见下表所列。", 1, 2, 72,
		    500),
	    line_at("1. 投资评级标准：", 1, 4, 72, 200),
	    line_at("买入", 1, 4, 300, 330),
	    line_at("2. 市场基准：", 1, 5, 72, 180),
	    line_at("增持", 1, 5, 300, 330),
	    /* Page three: two columns of text as wide as each other. */
	    line_at("一、左栏的正文，写满了一整行，从左边一直写到中间", 2, 0, 72, 290),
	    line_at("的栏间距为止，然后接着写下一行，一样宽的两栏。", 2, 1, 72, 280),
	    line_at("二、右栏的正文也是正文，写满了一整行，直到页面的", 2, 0, 305, 523),
	    line_at("右边缘为止，然后接着写下一行，都是文章的正文。", 2, 1, 305, 515),
	};
	size_t count = sizeof lines / sizeof *lines;
	lines[0].font_size = 22;
	lines[0].color = 0xFFFFFF;
	for (size_t i = 1; i < count; i++)
		if (strcmp(lines[i].text, "相关研究") == 0 ||
		    strcmp(lines[i].text, "投资要点") == 0 ||
		    strcmp(lines[i].text, "主要财务数据") == 0)
			lines[i].color = accent;
		else if (strncmp(lines[i].text, "事件", strlen("事件")) == 0 ||
			 strcmp(lines[i].text, "风险提示") == 0)
			lines[i].color = PDF_COLOR_MIXED; /* a lead: coloured, then black */
	struct document document;
	char *title;
	paragraphs(lines, count, 3, NULL, &document, &title);
	ok(hinted_level(&document, "投资要点") > 0,
	   "report: a short line of the body's size in another colour is a heading");
	ok(find_line(&document, "投资要点", DOCUMENT_TEXT) >= 0, "report: it is text");
	is_int(hinted_level(&document, "风险提示"), 0,
	       "report: a line only partly in colour is no heading");
	is_int(hinted_level(&document, "主要财务数据"), 0,
	       "report: a coloured caption over a table is no heading");
	ok(find_line(&document, "相关研究", DOCUMENT_FRONT) >= 0,
	   "report: a sidebar's label is front matter");
	ok(find_line(&document, "1.《某某股份：深度报告》", DOCUMENT_FRONT) >= 0,
	   "report: so is its numbered list of related reports");
	ok(find_line(
	       &document,
	       "事件：公司拟与县政府签署金刚线项目投资协议书，项目一期计划建设年产四千万千米金刚"
	       "线产能，预计一期总投资约六亿元。",
	       DOCUMENT_TEXT) >= 0,
	   "report: the text beside the sidebar reads on, its lines joined");
	is_int(hinted_level(&document, "1. 投资评级标准："), DOCUMENT_NOT_HEADING,
	       "report: a legend's numbered cell is no heading");
	is_int(hinted_level(&document, "2. 市场基准："), DOCUMENT_NOT_HEADING,
	       "report: nor is the next");
	const char *right_column = "二、右栏的正文也是正文，写满了一整行，直到页面的";
	ok(find_line(&document, right_column, DOCUMENT_TEXT) >= 0,
	   "report: a second column as wide as the first is text, not a sidebar");
	is_int(hinted_level(&document, right_column), 0,
	       "report: its lines beside the first column's are no table cells");
	document_free(&document);
	free(title);
}

static void real_pdf(void)
{
	char pdf_path[4096], text_path[4096];
	const char *root = getenv("PIZHU_SOURCE");
	snprintf(pdf_path, sizeof pdf_path, "%s/tests/fixtures/speech.pdf", root ? root : ".");
	snprintf(text_path, sizeof text_path, "%s/tests/fixtures/speech.txt", root ? root : ".");
	size_t length, expected_length;
	unsigned char *bytes = read_whole(pdf_path, &length);
	unsigned char *expected = read_whole(text_path, &expected_length);
	if (!bytes || !expected) {
		tap_skip("tests/fixtures/speech.pdf not found (run from the source tree)");
		free(bytes);
		free(expected);
		return;
	}
	expected[expected_length] = '\0';
	struct document document;
	struct error error = {{0}};
	if (ok(pdf_read(bytes, length, &document, &error) == 0, "speech.pdf: read")) {
		is_string(document.format, "pdf", "speech.pdf: format");
		is_string(document.title, "在全市春季工作会议上的讲话",
			  "speech.pdf: title without the site's name");
		is_string(document.text, (const char *)expected,
			  "speech.pdf: the paragraphs as written, no running head or page number");
		ok(document.hints[0].role == DOCUMENT_TITLE,
		   "speech.pdf: the first line is the title");
		document_free(&document);
	}
	free(bytes);
	free(expected);
}

static void hostile(void)
{
	struct document document;
	struct error error = {{0}};
	/* One page and only an image on it: a scan. */
	const char *scan =
	    "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
	    "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
	    "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]"
	    "/Resources<</XObject<</Im1 5 0 R>>>>/Contents 4 0 R>>endobj\n"
	    "4 0 obj<</Length 32>>stream\nq 500 0 0 700 50 50 cm /Im1 Do Q\nendstream endobj\n"
	    "5 0 obj<</Type/XObject/Subtype/Image/Width 4/Height 4/ColorSpace/DeviceGray"
	    "/BitsPerComponent 8/Length 16>>stream\nxxxxxxxxxxxxxxxx\nendstream endobj\n"
	    "trailer<</Root 1 0 R>>\n%%EOF\n";
	ok(pdf_read((const unsigned char *)scan, strlen(scan), &document, &error) != 0 &&
	       strstr(error.message, "this PDF has no text layer (a scanned PDF)") != NULL &&
	       strstr(error.message, "OCR") != NULL,
	   "a scanned PDF: %s", error.message);
	/* One page and nothing on it. */
	const char *empty = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
			    "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
			    "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
			    "trailer<</Root 1 0 R>>\n%%EOF\n";
	ok(pdf_read((const unsigned char *)empty, strlen(empty), &document, &error) != 0 &&
	       strcmp(error.message, "no text in the PDF") == 0,
	   "an empty PDF: %s", error.message);
	/* The page tree is its own child, and an object is its own length. */
	const char *loop = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
			   "2 0 obj<</Type/Pages/Kids[2 0 R]/Count 1>>endobj\n"
			   "4 0 obj<</Length 4 0 R>>stream\nBT ET\nendstream endobj\n"
			   "trailer<</Root 1 0 R>>\n%%EOF\n";
	int status = pdf_read((const unsigned char *)loop, strlen(loop), &document, &error);
	ok(status != 0, "a PDF whose page tree loops: %s", status ? error.message : "read");
	if (status == 0)
		document_free(&document);
	/* More pages than pizhu reads: refused before any is read. */
	struct buffer many = {0};
	buffer_append_string(&many, "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
				    "2 0 obj<</Type/Pages/Kids[");
	for (int i = 0; i <= PDF_MAX_PAGES; i++)
		buffer_printf(&many, "%d 0 R ", i + 10);
	buffer_printf(&many, "]/Count %d>>endobj\n", PDF_MAX_PAGES + 1);
	for (int i = 0; i <= PDF_MAX_PAGES; i++)
		buffer_printf(&many,
			      "%d 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n",
			      i + 10);
	buffer_append_string(&many, "trailer<</Root 1 0 R>>\n%%EOF\n");
	ok(pdf_read((const unsigned char *)many.data, many.length, &document, &error) != 0 &&
	       strstr(error.message, "pizhu reads PDFs of up to 3000 pages") != NULL,
	   "too many pages: %s", error.message);
	buffer_free(&many);
	ok(pdf_read((const unsigned char *)"%PDF-1.4 garbage", 16, &document, &error) != 0 &&
	       strstr(error.message, "not a PDF pizhu can read") != NULL,
	   "garbage: %s", error.message);
}

int main(void)
{
	rejoining();
	furniture_and_title();
	columns();
	report_page();
	real_pdf();
	hostile();
	return tap_done();
}
