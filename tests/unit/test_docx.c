/* The .docx reader on small packages this test builds with libzip:
 * number formats, Word's automatic numbering (multi-level, restarts,
 * overrides, numbering through styles), paragraphs, tables, text boxes,
 * notes, hints, and the defences against zip and entity bombs. */
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "base/buffer.h"
#include "formats/docx.h"
#include "formats/docx_numbering.h"
#include "formats/read.h"
#include "tap.h"

#define W "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""

struct part {
	const char *name;
	const char *data;
	size_t size; /* 0: strlen(data) */
};

/* A zip in memory holding the parts; *length its bytes. */
static unsigned char *make_zip(const struct part *parts, size_t count, size_t *length)
{
	zip_error_t problem;
	zip_error_init(&problem);
	zip_source_t *source = zip_source_buffer_create(NULL, 0, 0, &problem);
	zip_source_keep(source);
	zip_t *zip = zip_open_from_source(source, ZIP_TRUNCATE, &problem);
	for (size_t i = 0; i < count; i++) {
		size_t size = parts[i].size ? parts[i].size : strlen(parts[i].data);
		zip_source_t *data = zip_source_buffer(zip, parts[i].data, size, 0);
		zip_file_add(zip, parts[i].name, data, ZIP_FL_ENC_UTF_8);
	}
	zip_close(zip);
	zip_source_open(source);
	zip_source_seek(source, 0, SEEK_END);
	*length = (size_t)zip_source_tell(source);
	zip_source_seek(source, 0, SEEK_SET);
	unsigned char *bytes = malloc(*length ? *length : 1);
	zip_source_read(source, bytes, *length);
	zip_source_close(source);
	zip_source_free(source);
	zip_error_fini(&problem);
	return bytes;
}

/* Reads a package of a document body and optional numbering and styles. */
static int read_docx(const char *body, const char *numbering, const char *styles,
		     struct document *document, struct error *error)
{
	struct buffer xml = {0};
	buffer_printf(&xml,
		      "<?xml version=\"1.0\"?><w:document " W "><w:body>%s</w:body></w:document>",
		      body);
	struct part parts[4] = {{"word/document.xml", buffer_string(&xml), 0}};
	size_t count = 1;
	struct buffer numbering_xml = {0}, styles_xml = {0};
	if (numbering) {
		buffer_printf(&numbering_xml, "<w:numbering " W ">%s</w:numbering>", numbering);
		parts[count++] =
		    (struct part){"word/numbering.xml", buffer_string(&numbering_xml), 0};
	}
	if (styles) {
		buffer_printf(&styles_xml, "<w:styles " W ">%s</w:styles>", styles);
		parts[count++] = (struct part){"word/styles.xml", buffer_string(&styles_xml), 0};
	}
	size_t length;
	unsigned char *bytes = make_zip(parts, count, &length);
	int status = docx_read(bytes, length, document, error);
	free(bytes);
	buffer_free(&xml);
	buffer_free(&numbering_xml);
	buffer_free(&styles_xml);
	return status;
}

static void formats(void)
{
	static const struct {
		const char *format;
		long value;
		const char *expected;
	} cases[] = {
	    {"decimal", 3, "3"},
	    {"decimal", 12, "12"},
	    {"decimalZero", 5, "05"},
	    {"chineseCounting", 1, "一"},
	    {"chineseCounting", 10, "十"},
	    {"chineseCounting", 11, "十一"},
	    {"chineseCounting", 20, "二十"},
	    {"chineseCounting", 27, "二十七"},
	    {"chineseCounting", 100, "一百"},
	    {"chineseCounting", 105, "一百零五"},
	    {"chineseCounting", 110, "一百一十"},
	    {"chineseCountingThousand", 12, "十二"},
	    {"chineseCountingThousand", 1001, "一千零一"},
	    {"chineseCountingThousand", 10000, "一万"},
	    {"japaneseCounting", 3, "三"},
	    {"chineseLegalSimplified", 11, "壹拾壹"},
	    {"ideographDigital", 10, "一〇"},
	    {"ideographTraditional", 1, "甲"},
	    {"ideographTraditional", 3, "丙"},
	    {"ideographTraditional", 11, "甲"},
	    {"ideographZodiac", 2, "丑"},
	    {"decimalEnclosedParen", 1, "⑴"},
	    {"decimalEnclosedParen", 20, "⒇"},
	    {"decimalEnclosedParen", 21, "21"},
	    {"decimalEnclosedCircle", 3, "③"},
	    {"decimalEnclosedCircleChinese", 10, "⑩"},
	    {"decimalFullWidth", 12, "１２"},
	    {"lowerLetter", 1, "a"},
	    {"lowerLetter", 27, "aa"},
	    {"upperLetter", 3, "C"},
	    {"lowerRoman", 4, "iv"},
	    {"upperRoman", 14, "XIV"},
	    {"none", 3, ""},
	    {"cardinalText", 2, "2"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct buffer out = {0};
		docx_format_number(cases[i].format, cases[i].value, &out);
		is_string(buffer_string(&out), cases[i].expected, "%s %ld", cases[i].format,
			  cases[i].value);
		buffer_free(&out);
	}
}

#define P(num, level, text)                                                                        \
	"<w:p><w:pPr><w:numPr><w:ilvl w:val=\"" #level "\"/><w:numId w:val=\"" #num                \
	"\"/></w:numPr></w:pPr><w:r><w:t>" text "</w:t></w:r></w:p>"
#define STYLED(style, text)                                                                        \
	"<w:p><w:pPr><w:pStyle w:val=\"" style "\"/></w:pPr><w:r><w:t>" text "</w:t></w:r></w:p>"
#define LEVEL(index, start, format, text, suffix)                                                  \
	"<w:lvl w:ilvl=\"" #index "\"><w:start w:val=\"" #start "\"/><w:numFmt w:val=\"" format    \
	"\"/><w:suff w:val=\"" suffix "\"/><w:lvlText w:val=\"" text "\"/></w:lvl>"

static const char numbering[] =
    /* 0: a speech's 一、 / （一） / 1. */
    "<w:abstractNum w:abstractNumId=\"0\">" LEVEL(0, 1, "chineseCounting", "%1、", "nothing")
	LEVEL(1, 1, "chineseCountingThousand", "（%2）", "nothing") LEVEL(
	    2, 1, "decimal", "%3.",
	    "nothing") "</w:abstractNum>"
		       /* 1: a standard's clauses 5 / 5.1 / 5.1.1, the first at 5 */
		       "<w:abstractNum w:abstractNumId=\"1\">" LEVEL(0, 5, "decimal", "%1", "space")
			   LEVEL(1, 1, "decimal", "%1.%2", "tab") LEVEL(
			       2, 1, "decimal", "%1.%2.%3",
			       "tab") "</w:abstractNum>"
				      /* 2: linked to styles H1 and H2 */
				      "<w:abstractNum w:abstractNumId=\"2\"><w:lvl "
				      "w:ilvl=\"0\"><w:start w:val=\"1\"/>"
				      "<w:numFmt w:val=\"ideographTraditional\"/><w:pStyle "
				      "w:val=\"H1\"/>"
				      "<w:lvlText w:val=\"%1、\"/><w:suff "
				      "w:val=\"nothing\"/></w:lvl>"
				      "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt "
				      "w:val=\"decimalEnclosedParen\"/>"
				      "<w:lvlText w:val=\"%2\"/><w:suff "
				      "w:val=\"nothing\"/></w:lvl></w:abstractNum>"
				      /* 3: a legal-style level and a level that never restarts */
				      "<w:abstractNum w:abstractNumId=\"3\">" LEVEL(
					  0, 1, "chineseCounting", "第%1章",
					  "space") "<w:lvl w:ilvl=\"1\"><w:start "
						   "w:val=\"1\"/><w:numFmt "
						   "w:val=\"decimal\"/><w:isLgl/>"
						   "<w:lvlText w:val=\"%1.%2\"/><w:suff "
						   "w:val=\"space\"/></w:lvl>"
						   "<w:lvl w:ilvl=\"2\"><w:start "
						   "w:val=\"1\"/><w:numFmt w:val=\"lowerLetter\"/>"
						   "<w:lvlRestart w:val=\"0\"/><w:lvlText "
						   "w:val=\"%3)\"/><w:suff "
						   "w:val=\"nothing\"/></w:lvl>"
						   "</w:abstractNum>"
						   "<w:num w:numId=\"1\"><w:abstractNumId "
						   "w:val=\"0\"/></w:num>"
						   "<w:num w:numId=\"2\"><w:abstractNumId "
						   "w:val=\"0\"/>"
						   "<w:lvlOverride w:ilvl=\"0\"><w:startOverride "
						   "w:val=\"5\"/></w:lvlOverride></w:num>"
						   "<w:num w:numId=\"3\"><w:abstractNumId "
						   "w:val=\"1\"/></w:num>"
						   "<w:num w:numId=\"4\"><w:abstractNumId "
						   "w:val=\"2\"/></w:num>"
						   "<w:num w:numId=\"5\"><w:abstractNumId "
						   "w:val=\"3\"/></w:num>"
						   "<w:num w:numId=\"6\"><w:abstractNumId "
						   "w:val=\"0\"/><w:lvlOverride w:ilvl=\"0\">"
						   "<w:lvl w:ilvl=\"0\"><w:start "
						   "w:val=\"1\"/><w:numFmt w:val=\"upperRoman\"/>"
						   "<w:lvlText "
						   "w:val=\"%1.\"/></w:lvl></w:lvlOverride></"
						   "w:num>";

static const char styles[] =
    "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name "
    "w:val=\"Normal\"/></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"H1\"><w:name w:val=\"heading 1\"/>"
    "<w:pPr><w:numPr><w:numId w:val=\"4\"/></w:numPr><w:outlineLvl w:val=\"0\"/></w:pPr>"
    "</w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"H2\"><w:name w:val=\"标题 2\"/>"
    "<w:basedOn w:val=\"Normal\"/><w:pPr><w:numPr><w:ilvl w:val=\"1\"/><w:numId "
    "w:val=\"4\"/></w:numPr></w:pPr></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Mine\"><w:name w:val=\"my heading\"/>"
    "<w:basedOn w:val=\"H2\"/></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"TOC1\"><w:name w:val=\"toc 1\"/></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"TOCH\"><w:name w:val=\"TOC Heading\"/></w:style>";

static void numbering_rendered(void)
{
	struct document document;
	struct error error = {{0}};
	int status = read_docx(
	    /* multi-level, restarts of deeper levels */
	    P(1, 0, "总体要求") P(1, 1, "稳增长") P(1, 1, "促改革") P(1, 2, "抓项目")
		P(1, 2, "抓招商") P(1, 0, "重点任务") P(1, 1, "保民生") P(1, 2, "稳就业")
	    /* another instance of the same list, with startOverride */
	    P(2, 0, "另起") P(2, 0, "再起")
	    /* the first instance counts on */
	    P(1, 0, "第三部分")
	    /* clauses: %1.%2, space and tab suffixes */
	    P(3, 0, "范围") P(3, 1, "总则") P(3, 2, "细则") P(3, 1, "要求") P(3, 0, "术语")
		P(3, 1, "定义")
	    /* numbering through styles: pStyle in the level, numPr in the style,
	     * inherited by basedOn; numId 0 switches it off */
	    STYLED("H1", "第一项") STYLED("H2", "分项") STYLED(
		"Mine", "分项二") "<w:p><w:pPr><w:pStyle w:val=\"H1\"/><w:numPr><w:ilvl "
				  "w:val=\"1\"/></w:numPr></w:pPr><w:r><w:t>仅级别</w:t></w:r></"
				  "w:p>" STYLED("H1",
						"第二项") "<w:p><w:pPr><w:pStyle "
							  "w:val=\"H1\"/><w:numPr><w:numId "
							  "w:val=\"0\"/></w:numPr></"
							  "w:pPr><w:r><w:t>无编号</w:t></w:r></w:p>"
	    /* isLgl shows the chapter as decimal; lvlRestart 0 never restarts */
	    P(5, 0, "总则") P(5, 1, "目的") P(5, 2, "甲") P(5, 0, "分则") P(5, 1, "范围")
		P(5, 2, "乙")
	    /* a level overridden whole */
	    P(6, 0, "罗马") P(6, 1, "其下"),
	    numbering, styles, &document, &error);
	if (!ok(status == 0, "a numbered document reads (%s)", error.message))
		return;
	is_string(document.text,
		  "一、总体要求\n（一）稳增长\n（二）促改革\n1.抓项目\n2.抓招商\n二、重点任务\n"
		  "（一）保民生\n1.稳就业\n五、另起\n六、再起\n三、第三部分\n"
		  "5 范围\n5.1 总则\n5.1.1 细则\n5.2 要求\n6 术语\n6.1 定义\n"
		  "甲、第一项\n⑴分项\n⑵分项二\n⑶仅级别\n乙、第二项\n无编号\n"
		  "第一章 总则\n1.1 目的\na)甲\n第二章 分则\n2.1 范围\nb)乙\n"
		  "I.罗马\n（一）其下\n",
		  "numbers rendered as Word shows them");
	is_string(document.format, "docx", "format docx");
	ok(document.hint_count == 31, "a hint per line (%zu)", document.hint_count);
	if (document.hint_count == 31) {
		is_int(document.hints[17].heading_level, 1, "heading 1 style: level 1");
		is_int(document.hints[18].heading_level, 2, "标题 2 style: level 2");
		is_int(document.hints[19].heading_level, 2, "a style based on 标题 2: level 2");
		is_int(document.hints[0].heading_level, 0, "a numbered paragraph alone: no level");
	}
	document_free(&document);
}

static void paragraphs_and_hints(void)
{
	struct document document;
	struct error error = {{0}};
	int status = read_docx(
	    STYLED("Title", "关于做好民生工作的讲话") STYLED("TOCH", "目录")
		STYLED("TOC1",
		       "一、总体要求 1") "<w:p><w:pPr><w:outlineLvl "
					 "w:val=\"2\"/></w:pPr><w:r><w:t>大纲三级</w:t></w:r></w:p>"
					 "<w:p><w:r><w:t xml:space=\"preserve\">第一行 "
					 "</w:t><w:br/><w:t>第二行</w:t>"
					 "<w:tab/><w:t>续</w:t></w:r><w:r><w:rPr><w:vanish/></"
					 "w:rPr><w:t>隐藏</w:t></w:r>"
					 "<w:del><w:r><w:delText>删去</w:delText></w:r></w:del>"
					 "<w:r><w:instrText>PAGE</w:instrText></w:r></w:p>"
					 "<w:tbl><w:tblPr/><w:tr><w:tc><w:p><w:r><w:t>项目</w:t></"
					 "w:r></w:p></w:tc>"
					 "<w:tc><w:p><w:r><w:t>投资</w:t></w:r></"
					 "w:p><w:p><w:r><w:t>亿元</w:t></w:r></w:p>"
					 "</w:tc></w:tr><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl>"
					 "<w:p><w:r><w:t>正文</w:t></w:r><w:r><mc:AlternateContent "
					 "xmlns:mc=\"http://schemas.openxmlformats.org/"
					 "markup-compatibility/2006\">"
					 "<mc:Choice "
					 "Requires=\"wps\"><w:drawing><w:txbxContent><w:p><w:r><w:"
					 "t>文本框</w:t>"
					 "</w:r></w:p></w:txbxContent></w:drawing></"
					 "mc:Choice><mc:Fallback><w:pict>"
					 "<w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></"
					 "w:txbxContent></w:pict>"
					 "</mc:Fallback></mc:AlternateContent></"
					 "w:r><w:r><w:t>之后</w:t></w:r></w:p>"
					 "<w:p/>",
	    NULL, styles, &document, &error);
	if (!ok(status == 0, "a document reads (%s)", error.message))
		return;
	is_string(document.text,
		  "关于做好民生工作的讲话\n目录\n一、总体要求 1\n大纲三级\n第一行 \n第二行 续\n"
		  "项目 投资 亿元\n\n正文之后\n文本框\n\n",
		  "paragraphs, a line break, a table row a line, a text box after its paragraph");
	ok(document.hint_count == 11, "a hint per line (%zu)", document.hint_count);
	if (document.hint_count == 11) {
		is_int(document.hints[0].role, DOCUMENT_TITLE, "the Title style: title");
		is_int(document.hints[1].role, DOCUMENT_FRONT,
		       "the contents' heading: front matter");
		is_int(document.hints[2].role, DOCUMENT_FRONT, "a contents line: front matter");
		is_int(document.hints[3].heading_level, 3, "outline level 2: heading level 3");
		is_int(document.hints[4].heading_level, 0, "body: no level");
	}
	document_free(&document);
}

/* A style at Word's body-text outline level (9) based on a clause
 * heading's style (a standard's untitled clause): its paragraphs, and
 * those of a style based on it, are body text. */
static void body_text_level(void)
{
	static const char level_styles[] =
	    "<w:style w:type=\"paragraph\" w:styleId=\"Clause\"><w:name w:val=\"条标题\"/>"
	    "<w:pPr><w:outlineLvl w:val=\"2\"/></w:pPr></w:style>"
	    "<w:style w:type=\"paragraph\" w:styleId=\"Untitled\"><w:name w:val=\"无标题条\"/>"
	    "<w:basedOn w:val=\"Clause\"/><w:pPr><w:outlineLvl w:val=\"9\"/></w:pPr></w:style>"
	    "<w:style w:type=\"paragraph\" w:styleId=\"Deeper\"><w:name w:val=\"无标题条二\"/>"
	    "<w:basedOn w:val=\"Untitled\"/></w:style>";
	struct document document;
	struct error error = {{0}};
	int status = read_docx(STYLED("Clause", "5.1 确定范围") STYLED("Untitled", "正文段落。")
				   STYLED("Deeper", "更深的正文。"),
			       NULL, level_styles, &document, &error);
	if (!ok(status == 0, "a document with body-text styles reads (%s)", error.message))
		return;
	if (ok(document.hint_count == 3, "a hint per line (%zu)", document.hint_count)) {
		is_int(document.hints[0].heading_level, 3, "a clause style: outline level 2");
		is_int(document.hints[1].heading_level, 0,
		       "a style at the body-text level based on it: no level");
		is_int(document.hints[2].heading_level, 0, "nor one based on that");
	}
	document_free(&document);
}

static void notes_and_core_title(void)
{
	const char *body = "<?xml version=\"1.0\"?><w:document " W "><w:body><w:p><w:r><w:t>正文"
			   "</w:t></w:r><w:r><w:footnoteReference w:id=\"1\"/></w:r></w:p>"
			   "</w:body></w:document>";
	const char *notes =
	    "<w:footnotes " W "><w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:r>"
	    "<w:separator/></w:r></w:p></w:footnote><w:footnote w:id=\"1\"><w:p><w:r>"
	    "<w:t>出自某某文件。</w:t></w:r></w:p></w:footnote></w:footnotes>";
	const char *core =
	    "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/"
	    "metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
	    "<dc:title> 在全县经济工作会议上的讲话 </dc:title></cp:coreProperties>";
	struct part parts[] = {{"word/document.xml", body, 0},
			       {"word/footnotes.xml", notes, 0},
			       {"docProps/core.xml", core, 0}};
	size_t length;
	unsigned char *bytes = make_zip(parts, 3, &length);
	struct document document;
	struct error error = {{0}};
	if (ok(docx_read(bytes, length, &document, &error) == 0, "notes read (%s)",
	       error.message)) {
		is_string(document.text, "正文\n\n[1] 出自某某文件。\n", "the note after the text");
		if (document.hint_count == 3)
			is_int(document.hints[2].role, DOCUMENT_BACK, "as back matter");
		is_string(document.title, "在全县经济工作会议上的讲话", "the core title");
		document_free(&document);
	}
	free(bytes);
}

static void refuses(const struct part *parts, size_t count, const char *message, const char *name)
{
	size_t length;
	unsigned char *bytes = make_zip(parts, count, &length);
	struct document document;
	struct error error = {{0}};
	int status = docx_read(bytes, length, &document, &error);
	ok(status != 0, "%s: refused", name);
	ok(strstr(error.message, message) != NULL, "%s: says so (%s)", name, error.message);
	if (status == 0)
		document_free(&document);
	free(bytes);
}

static void defences(void)
{
	const char *laughs =
	    "<?xml version=\"1.0\"?><!DOCTYPE w [<!ENTITY a \"aaaaaaaaaa\">"
	    "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;\">"
	    "]><w:document " W "><w:body><w:p><w:r><w:t>&c;</w:t></w:r></w:p></w:body>"
	    "</w:document>";
	struct part entity_bomb[] = {{"word/document.xml", laughs, 0}};
	refuses(entity_bomb, 1, "declares a document type", "an entity bomb");

	const char *external = "<?xml version=\"1.0\"?><!DOCTYPE w SYSTEM "
			       "\"http://example.invalid/x.dtd\"><w:document " W "/>";
	struct part network[] = {{"word/document.xml", external, 0}};
	refuses(network, 1, "declares a document type", "an external DTD");

	struct part broken[] = {{"word/document.xml", "<w:document " W "><w:body><w:p>", 0}};
	refuses(broken, 1, "not well-formed", "truncated XML");

	struct part no_body[] = {{"xl/workbook.xml", "<workbook/>", 0}};
	refuses(no_body, 1, "not a speech pizhu can read", "a zip that is no Word file");

	/* 40 MB of one byte shrinks a thousand times: refused before it is
	 * unpacked. */
	size_t size = 40u * 1024 * 1024;
	char *zeros = malloc(size);
	memset(zeros, ' ', size);
	memcpy(zeros, "<w:document " W ">", strlen("<w:document " W ">"));
	struct part bomb[] = {{"word/document.xml", zeros, size}};
	refuses(bomb, 1, "zip bomb", "a zip bomb");
	free(zeros);

	ok(format_detect((const unsigned char *)"PK\003\004\024\000", 6, "a.docx") == NULL,
	   "a zip without word/document.xml is no known format");
}

int main(void)
{
	formats();
	numbering_rendered();
	paragraphs_and_hints();
	body_text_level();
	notes_and_core_title();
	defences();
	return tap_done();
}
