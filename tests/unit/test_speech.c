/* The speech model: title, front matter, paragraphs, headings, outline. */
#include "base/buffer.h"
#include "base/file.h"
#include "speech/speech.h"
#include "tap.h"

static int parse(const char *text, struct speech *speech)
{
	struct error error = {{0}};
	int status =
	    speech_parse((const unsigned char *)text, strlen(text), "fallback", speech, &error);
	if (status != 0)
		printf("#   parse error: %s\n", error.message);
	return status;
}

static int load(const char *path, struct speech *speech)
{
	unsigned char *bytes;
	size_t length;
	struct error error;
	if (file_read(path, &bytes, &length, &error) != 0)
		return -1;
	int status = speech_parse(bytes, length, "fallback", speech, &error);
	free(bytes);
	return status;
}

static size_t count_depth(const struct speech *speech, int depth)
{
	size_t count = 0;
	for (size_t i = 0; i < speech->outline_count; i++)
		count += speech->outline[i].depth == depth;
	return count;
}

static void structure_example(void)
{
	const char *text = "在区委全体会议上的讲话\n"
			   "\n"
			   "同志们：\n"
			   "　　今天召开会议。下面，我讲三个方面。\n"
			   "一、提高政治站位，强化使命担当\n"
			   "（一）在谱写新篇章中牢记嘱托。要坚持。\n"
			   "一是全力抓好经济工作。这里，我着重强调。\n"
			   "二是扎实推进农业农村工作。\n"
			   "（二）在发展中奋勇争先\n"
			   "1.加强学习\n"
			   "（1）学原文\n"
			   "2.完善制度\n"
			   "二、坚定信心决心\n"
			   "正文中提到三、四个方面。\n"
			   "三、紧盯更高定位\n";
	struct speech speech;
	if (!ok(parse(text, &speech) == 0, "example parses"))
		return;
	is_span(paragraph_text(&speech, 0), speech.paragraphs[0].length, "在区委全体会议上的讲话",
		"title is paragraph 0");
	ok(speech.title_found, "title found in the text");
	is_int(speech.paragraph_count, 14, "paragraph count (title + 13)");
	is_span(paragraph_text(&speech, 1), speech.paragraphs[1].length, "同志们：",
		"salutation is paragraph 1");
	is_int(speech.paragraphs[1].role, PARAGRAPH_BODY, "salutation is body");
	is_span(paragraph_text(&speech, 2), speech.paragraphs[2].length,
		"今天召开会议。下面，我讲三个方面。", "indentation removed");

	int expected_depth[] = {0, 0, 0, 1, 2, 3, 3, 2, 3, 4, 3, 1, 0, 1};
	enum paragraph_role H = PARAGRAPH_HEADING, B = PARAGRAPH_BODY;
	enum paragraph_role expected_role[] = {
	    PARAGRAPH_TITLE, B, B, H, H, H, H, H, H, H, H, H, B, H};
	for (size_t i = 0; i < speech.paragraph_count && i < 14; i++) {
		is_int(speech.paragraphs[i].role, expected_role[i], "paragraph %zu role", i);
		is_int(speech.paragraphs[i].depth, expected_depth[i], "paragraph %zu depth", i);
	}
	is_span(paragraph_text(&speech, 5), speech.paragraphs[5].label_length,
		"一是全力抓好经济工作", "rank-3 label is the first sentence");
	is_span(paragraph_text(&speech, 3), speech.paragraphs[3].label_length,
		"一、提高政治站位，强化使命担当", "short heading label is the line");

	is_int(speech.outline_count, 11, "outline entries (title + 10 headings)");
	is_int(speech.outline[1].parent, 0, "一、 under the title");
	is_int(speech.outline[3].parent, 2, "一是 under （一）");
	is_int(speech.outline[1].end_paragraph, 11, "一、 section ends before 二、");
	is_int(speech.outline[0].end_paragraph, 14, "title section is the whole speech");
	is_int(speech.paragraphs[12].section, 9, "prose under 二、 is in its section");
	is_int(speech.paragraphs[2].section, 0, "preamble is in the title section");
	speech_free(&speech);
}

static void stray_markers(void)
{
	const char *text = "标题\n"
			   "三、这一段以三、开头但前面没有一、二、。\n"
			   "一、第一部分\n"
			   "三、跳过了二\n"
			   "二、第二部分\n"
			   "2.没有1.的2.\n";
	struct speech speech;
	if (!ok(parse(text, &speech) == 0, "stray markers parse"))
		return;
	is_int(speech.paragraphs[1].role, PARAGRAPH_BODY, "stray 三、 is prose");
	is_int(speech.paragraphs[2].role, PARAGRAPH_HEADING, "一、 is a heading");
	is_int(speech.paragraphs[3].role, PARAGRAPH_BODY, "三、 after 一、 is prose");
	is_int(speech.paragraphs[4].role, PARAGRAPH_HEADING, "二、 continues the run");
	is_int(speech.paragraphs[5].role, PARAGRAPH_BODY, "2. without 1. is prose");
	speech_free(&speech);
}

static void relative_depth(void)
{
	const char *text = "讲话\n同志们：\n一要狠抓理论武装。内容。\n二要强化项目建设。\n"
			   "1.加强学习\n三要加强环境整治。\n";
	struct speech speech;
	if (!ok(parse(text, &speech) == 0, "一要 speech parses"))
		return;
	is_int(speech.paragraphs[2].depth, 1, "一要 at depth 1 when it is the top rank");
	is_int(speech.paragraphs[4].depth, 2, "1. under 二要");
	is_int(speech.paragraphs[5].depth, 1, "三要 back at depth 1");
	speech_free(&speech);
}

static void front_matter(void)
{
	const char *text = "本资料仅供学习 禁止外传\n"
			   "加入会员群 QQ群：123456\n"
			   "订阅更多范文\n"
			   "在全市工作会议上的讲话\n"
			   "同志们：\n"
			   "今天开会。\n";
	struct speech speech;
	if (!ok(parse(text, &speech) == 0, "front matter parses"))
		return;
	is_int(speech.front_matter_count, 3, "three front-matter lines");
	is_span(paragraph_text(&speech, 0), speech.paragraphs[0].length, "在全市工作会议上的讲话",
		"front matter is never the title");
	is_int(speech.paragraph_count, 6, "front matter is numbered in reading order");
	ok(speech.paragraphs[1].role == PARAGRAPH_FRONT_MATTER &&
	       speech.paragraphs[3].role == PARAGRAPH_FRONT_MATTER &&
	       speech.paragraphs[3].hidden_by_parser,
	   "as hidden front matter");
	is_span(paragraph_text(&speech, 4), speech.paragraphs[4].length, "同志们：",
		"the text follows it");
	speech_free(&speech);

	const char *untitled = "仅供学习 禁止外传\n同志们：\n今天开会。\n";
	if (ok(parse(untitled, &speech) == 0, "boilerplate then a salutation parses")) {
		is_int(speech.front_matter_count, 1, "only the boilerplate line is front matter");
		is_span(paragraph_text(&speech, 2), speech.paragraphs[2].length, "同志们：",
			"a short salutation after boilerplate stays a paragraph");
		speech_free(&speech);
	}

	const char *web = "下载\n打印\n【字号：\n加大\n还原\n减小\n】\n2026年某省政府工作报告\n"
			  "来源：某某日报\n时间：2026-02-11\n【字体：\n大\n中\n小\n】\n分享：\n"
			  "各位代表：\n一、回顾\n";
	if (!ok(parse(web, &speech) == 0, "web page controls parse"))
		return;
	is_span(paragraph_text(&speech, 0), speech.paragraphs[0].length, "2026年某省政府工作报告",
		"title after page controls");
	is_int(speech.front_matter_count, 7 + 7, "page controls before and after the title hidden");
	is_span(paragraph_text(&speech, 9), speech.paragraphs[9].length, "时间：2026-02-11",
		"date line stays a paragraph");
	is_int(speech.paragraphs[9].role, PARAGRAPH_BODY, "shown");
	is_span(paragraph_text(&speech, 16), speech.paragraphs[16].length, "各位代表：",
		"salutation follows the hidden controls");
	speech_free(&speech);
}

static void two_line_titles(void)
{
	struct speech speech;
	const char *report = "决胜全面建成小康社会\n夺取新时代中国特色社会主义伟大胜利\n"
			     "——在全国代表大会上的报告\n同志们：\n";
	if (ok(parse(report, &speech) == 0, "two-line title parses")) {
		is_span(paragraph_text(&speech, 0), speech.paragraphs[0].length,
			"决胜全面建成小康社会 夺取新时代中国特色社会主义伟大胜利",
			"a title on two lines before a —— subtitle is one title");
		is_span(paragraph_text(&speech, 1), speech.paragraphs[1].length,
			"——在全国代表大会上的报告", "the subtitle is paragraph 1");
		speech_free(&speech);
	}
	const char *cut = "政府工作报\n告\n——2026年1月在大会上\n各位代表：\n";
	if (ok(parse(cut, &speech) == 0, "title cut in a word parses")) {
		is_span(paragraph_text(&speech, 0), speech.paragraphs[0].length, "政府工作报告",
			"a word cut at the line end is joined without a space");
		speech_free(&speech);
	}
	const char *plain = "在会议上的讲话\n（2026年1月8日）\n同志们：\n";
	if (ok(parse(plain, &speech) == 0, "one-line title with a date parses")) {
		is_span(paragraph_text(&speech, 0), speech.paragraphs[0].length, "在会议上的讲话",
			"without a —— subtitle the next line stays a paragraph");
		speech_free(&speech);
	}
}

static void no_title_no_headings(void)
{
	struct speech speech;
	if (!ok(parse("各位代表：\n我代表政府作报告。\n", &speech) == 0, "untitled parses"))
		return;
	ok(!speech.title_found, "no title line");
	is_span(paragraph_text(&speech, 0), speech.paragraphs[0].length, "fallback",
		"fallback title");
	is_int(speech.outline_count, 1, "outline is the title alone");
	is_int(speech.paragraph_count, 3, "both lines are paragraphs");
	speech_free(&speech);

	struct error error = {{0}};
	ok(speech_parse((const unsigned char *)"\n \n　\n", strlen("\n \n　\n"), "x", &speech,
			&error) != 0,
	   "blank text refused");
	is_string(error.message, "no text", "blank text message");
}

static void large_inputs(void)
{
	/* 20 MB of short paragraphs with headings, and one 10 MB line. */
	struct buffer big = {0};
	buffer_append_string(&big, "标题\n");
	for (int section = 1; big.length < 20u * 1000 * 1000; section++) {
		buffer_printf(&big, "%d.第%d节\n", (section - 1) % 99 + 1, section);
		for (int i = 0; i < 50; i++)
			buffer_append_string(&big, "这是一个用于测试的段落，内容重复。\n");
	}
	struct speech speech;
	ok(parse(buffer_string(&big), &speech) == 0, "20 MB speech parses");
	ok(speech.outline_count > 5000, "20 MB speech has its headings");
	speech_free(&speech);
	buffer_free(&big);

	for (int i = 0; i < 3 * 1000 * 1000; i++)
		buffer_append_string(&big, "字");
	ok(parse(buffer_string(&big), &speech) == 0, "10 MB line parses");
	is_int(speech.paragraph_count, 2, "a long line is no title: the fallback is paragraph 0");
	speech_free(&speech);
	buffer_free(&big);
}

static int same_bytes(const void *a, const void *b, size_t length)
{
	return length == 0 || memcmp(a, b, length) == 0;
}

/* Whether two parses of the same bytes agree on everything. */
static int same_speech(const struct speech *a, const struct speech *b)
{
	if (a->text_length != b->text_length || !same_bytes(a->text, b->text, a->text_length) ||
	    a->paragraph_count != b->paragraph_count || a->outline_count != b->outline_count ||
	    a->front_matter_count != b->front_matter_count || a->encoding != b->encoding ||
	    a->replaced_bytes != b->replaced_bytes || a->title_found != b->title_found)
		return 0;
	return same_bytes(a->paragraphs, b->paragraphs,
			  a->paragraph_count * sizeof *a->paragraphs) &&
	       same_bytes(a->outline, b->outline, a->outline_count * sizeof *a->outline) &&
	       same_bytes(a->front_matter, b->front_matter,
			  a->front_matter_count * sizeof *a->front_matter);
}

static void in_place(void)
{
	static const struct {
		const char *name, *bytes;
		size_t length; /* 0: strlen */
	} cases[] = {
	    {"plain UTF-8", "在会议上的讲话\n同志们：\n一、总体要求\n要坚持。\n", 0},
	    {"BOM, CRLF, indentation", "\xEF\xBB\xBF标题的讲话\r\n\u3000\u3000第一段。  \r\n\r\n",
	     0},
	    {"no final line end", "标题的讲话\n最后一段", 0},
	    {"two-line title, short fallback",
	     "决胜全面建成小康社会\n夺取新时代中国特色社会主义伟大胜利\n——在大会上的报告\n", 0},
	    {"title cut in a word", "政府工作报\n告\n——2026年1月在大会上\n各位代表：\n", 0},
	    {"no title: the fallback is appended", "各位代表：\n我代表政府作报告。\n", 0},
	    {"controls grow: copied", "标题的讲话\n\x1b[31m红\x7f\xC2\x85字\n", 0},
	    {"damaged UTF-8", "标题的讲话\n坏\xFF字节\n", 0},
	    {"GB18030", "\xB1\xEA\xCC\xE2\n\xD5\xFD\xCE\xC4\n", 0},
	    {"UTF-16LE", "\xFF\xFE\x07\x68\x98\x98\x0A\x00\x63\x6B\x87\x65\x0A\x00", 14},
	    {"U+2028 and U+3000 inside", "标题的讲话\n一\u2028二\u3000三\n", 0},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		size_t length = cases[i].length ? cases[i].length : strlen(cases[i].bytes);
		struct speech copied, cleaned_in_place;
		struct error error;
		int status = speech_parse((const unsigned char *)cases[i].bytes, length, "x",
					  &copied, &error);
		unsigned char *bytes = xmalloc(length + 1);
		memcpy(bytes, cases[i].bytes, length);
		bytes[length] = '\0';
		int in_place_status =
		    speech_parse_in_place(bytes, length, "x", &cleaned_in_place, &error);
		if (!ok(status == 0 && in_place_status == 0, "%s: both parse", cases[i].name))
			continue;
		ok(same_speech(&copied, &cleaned_in_place), "%s: in place gives the same speech",
		   cases[i].name);
		speech_free(&copied);
		speech_free(&cleaned_in_place);
	}
	struct error error;
	struct speech speech;
	unsigned char *binary = xmalloc(3);
	memcpy(binary, "a\0b", 3);
	ok(speech_parse_in_place(binary, 3, "x", &speech, &error) != 0,
	   "in place: binary refused (and its bytes freed)");
}

static void corpus(void)
{
	char path[4096];
	struct speech speech;
	if (!tap_corpus_path("seeds/speech-b.txt", path, sizeof path)) {
		tap_skip("../shared/corpus absent");
		return;
	}
	if (ok(load(path, &speech) == 0, "speech-b parses")) {
		is_int(count_depth(&speech, 1), 4, "speech-b: 4 depth-1 headings");
		is_int(count_depth(&speech, 2), 14, "speech-b: 14 depth-2 headings");
		is_span(paragraph_text(&speech, 0), speech.paragraphs[0].length,
			"在区委全体会议暨经济工作会议上的讲话", "speech-b title");
		speech_free(&speech);
	}
	if (tap_corpus_path("seeds/speech-c.txt", path, sizeof path) &&
	    ok(load(path, &speech) == 0, "speech-c parses")) {
		is_int(count_depth(&speech, 1), 3, "speech-c: 3 depth-1 headings");
		is_int(count_depth(&speech, 2), 14, "speech-c: 14 depth-2 headings");
		size_t under_third = 0;
		for (size_t i = 0; i < speech.outline_count; i++)
			if (speech.outline[i].depth == 2 &&
			    speech.paragraphs[speech.outline[i].paragraph].rank == 6 * 4)
				under_third++;
		is_int(under_third, 7, "speech-c: 一是…七是 at depth 2");
		speech_free(&speech);
	}
	if (tap_corpus_path("seeds/speech-a.txt", path, sizeof path) &&
	    ok(load(path, &speech) == 0, "speech-a parses")) {
		is_int(count_depth(&speech, 1), 6, "speech-a: 一要…六要 at depth 1");
		is_int(speech.outline_count, 7, "speech-a: title and six headings");
		speech_free(&speech);
	}
	if (tap_corpus_path("provincial-2026/gov-report-2026-anhui.txt", path, sizeof path) &&
	    ok(load(path, &speech) == 0, "anhui parses")) {
		is_span(paragraph_text(&speech, 0), speech.paragraphs[0].length,
			"2026年安徽省政府工作报告", "anhui: title after the page controls");
		ok(speech.front_matter_count >= 9, "anhui: page controls are front matter");
		speech_free(&speech);
	}
	if (tap_corpus_path("raw/cpc-19th-congress-report-utf8-crlf.txt", path, sizeof path) &&
	    ok(load(path, &speech) == 0, "CRLF congress report parses")) {
		ok(memchr(speech.text, '\r', speech.text_length) == NULL, "no CR left");
		is_int(count_depth(&speech, 1), 13, "19th congress report: 13 parts");
		speech_free(&speech);
	}
	if (tap_corpus_path("national/gov-report-2025.txt", path, sizeof path) &&
	    ok(load(path, &speech) == 0, "2025 government work report parses")) {
		is_int(count_depth(&speech, 1), 3, "2025 report: three parts 一、二、三");
		is_int(count_depth(&speech, 2), 17, "2025 report: 一是…七是 and （一）…（十）");
		speech_free(&speech);
	}
	if (tap_corpus_path("cpc-congress/cpc-congress-20-report.txt", path, sizeof path) &&
	    ok(load(path, &speech) == 0, "20th congress report parses")) {
		is_int(count_depth(&speech, 1), 15, "20th congress report: 15 parts");
		is_int(count_depth(&speech, 2), 41, "20th congress report: 41 sections");
		speech_free(&speech);
	}
	if (tap_corpus_path("national/npc-resolution-on-gov-report-14-3.txt", path, sizeof path) &&
	    ok(load(path, &speech) == 0, "NPC resolution parses")) {
		is_int(speech.outline_count, 1, "a resolution has no headings: the title alone");
		speech_free(&speech);
	}
	if (tap_corpus_path("provincial-2026/gov-report-2026-sichuan.txt", path, sizeof path) &&
	    ok(load(path, &speech) == 0, "sichuan parses")) {
		is_int(count_depth(&speech, 1), 4,
		       "sichuan: three parts and the 名词解释 appendix");
		is_int(count_depth(&speech, 3), 0,
		       "sichuan: the glossary's entries do not nest under the last heading");
		ok(speech.front_matter_count >= 5, "sichuan: page controls after the title hidden");
		speech_free(&speech);
	}
	if (tap_corpus_path("national/gov-report-1954.txt", path, sizeof path) &&
	    ok(load(path, &speech) == 0, "1954 report parses")) {
		ok(!speech.title_found, "1954: opens with 各位代表：, no title line");
		speech_free(&speech);
	}
}

int main(void)
{
	structure_example();
	stray_markers();
	relative_depth();
	front_matter();
	two_line_titles();
	no_title_no_headings();
	large_inputs();
	in_place();
	corpus();
	return tap_done();
}
