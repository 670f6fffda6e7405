/* The structure rules of docs/structure.md, one failure class at a time:
 * titles past advertising and menus, back matter, unnumbered and appendix
 * parts, enumerations, numbering slips, runs inside runs, wrapped lines, a
 * speech on one line, and a format reader's hints. Every text is made up
 * for the test. */
#include "base/buffer.h"
#include "base/file.h"
#include "speech/clause.h"
#include "speech/front_matter.h"
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

static void title_is(const struct speech *speech, const char *expected, const char *name)
{
	is_span(paragraph_text(speech, 0), speech->paragraphs[0].length, expected, "%s", name);
}

static int shown(const struct speech *speech, size_t i)
{
	return speech->paragraphs[i].role != PARAGRAPH_FRONT_MATTER &&
	       speech->paragraphs[i].role != PARAGRAPH_BACK_MATTER;
}

/* Paragraphs shown (numbered ones less front and back matter), the title
 * counted. */
static size_t shown_count(const struct speech *speech)
{
	size_t count = 0;
	for (size_t i = 0; i < speech->paragraph_count; i++)
		count += (size_t)shown(speech, i);
	return count;
}

/* The last paragraph shown. */
static size_t last_shown(const struct speech *speech)
{
	size_t i = speech->paragraph_count - 1;
	while (i > 0 && !shown(speech, i))
		i--;
	return i;
}

/* The shown paragraph whose text starts with `start`, or 0. */
static size_t find(const struct speech *speech, const char *start)
{
	for (size_t i = 1; i < speech->paragraph_count; i++)
		if (shown(speech, i) && speech->paragraphs[i].length >= strlen(start) &&
		    memcmp(paragraph_text(speech, i), start, strlen(start)) == 0)
			return i;
	return 0;
}

/* Checks that the paragraph starting with `start` is a heading at `depth`
 * (0: a body paragraph) with the label `label` (NULL: not checked). */
static void heading(const struct speech *speech, const char *start, int depth, const char *label)
{
	size_t i = find(speech, start);
	if (!ok(i > 0, "'%s' is a paragraph", start))
		return;
	const struct paragraph *paragraph = &speech->paragraphs[i];
	if (depth == 0) {
		is_int(paragraph->role, PARAGRAPH_BODY, "'%s' is body text", start);
		return;
	}
	is_int(paragraph->role, PARAGRAPH_HEADING, "'%s' is a heading", start);
	is_int(paragraph->depth, depth, "'%s' at depth %d", start, depth);
	if (label)
		is_span(paragraph_text(speech, i), paragraph->label_length, label, "'%s' label",
			start);
}

static int spans_hold(const char *text, const struct text_span *spans, size_t count,
		      const char *wanted)
{
	for (size_t i = 0; i < count; i++)
		if (spans[i].length == strlen(wanted) &&
		    memcmp(text + spans[i].offset, wanted, spans[i].length) == 0)
			return 1;
	return 0;
}

static void advertising_before_title(void)
{
	const char *text = "某某范文网\n"
			   "用心写好每一篇\n"
			   "专注公文二十年\n"
			   "让写作更轻松\n"
			   "\n"
			   "每天更新 精品不断\n"
			   "扫码订阅全年内容\n"
			   "交流群：\n"
			   "群号：\n"
			   "\n"
			   "\n"
			   "在全县农村工作会议上的讲话\n"
			   "（2025年1月8日）\n"
			   "同志们：\n"
			   "今天我们召开会议，部署今年的农村工作。\n"
			   "一、提高认识\n"
			   "二、狠抓落实\n";
	struct speech speech;
	if (!ok(parse(text, &speech) == 0, "advertising block parses"))
		return;
	title_is(&speech, "在全县农村工作会议上的讲话", "the title after an advertising block");
	ok(spans_hold(speech.text, speech.front_matter, speech.front_matter_count,
		      "用心写好每一篇"),
	   "a slogan with no telltale word is front matter");
	is_int(speech.front_matter_count, 8, "the whole block is front matter");
	heading(&speech, "（2025年1月8日）", 0, NULL);
	heading(&speech, "同志们：", 0, NULL);
	heading(&speech, "一、提高认识", 1, NULL);
	speech_free(&speech);

	const char *named = "春季工作部署\n张三\n同志们：\n开会。\n";
	if (ok(parse(named, &speech) == 0, "a plain title and a name parse")) {
		title_is(&speech, "春季工作部署",
			 "a speaker's name before the salutation is no title");
		heading(&speech, "张三", 0, NULL);
		speech_free(&speech);
	}

	/* No title shape, no telltale words: the line nearest the
	 * salutation, after a gap, is the title. */
	const char *plain =
	    "品牌名称\n口号说得响亮\n口号说得好听\n\n\n春季工作部署会\n同志们：\n开会。\n";
	if (ok(parse(plain, &speech) == 0, "slogans parse")) {
		title_is(&speech, "春季工作部署会", "slogans before a plain title");
		is_int(speech.front_matter_count, 3, "three slogan lines hidden");
		speech_free(&speech);
	}
}

static void page_title_and_menus(void)
{
	struct speech speech;
	const char *page = "在全市经济工作会议上的讲话_某某日报网\n"
			   "首页 新闻 政务 经济 文化 视频\n"
			   "当前位置：首页 > 新闻 > 正文\n"
			   "在全市经济工作会议上的讲话\n"
			   "2025-01-10 10:00 来源：某某日报\n"
			   "同志们：\n"
			   "今年的工作很重要，我讲几点意见。\n";
	if (ok(parse(page, &speech) == 0, "a saved page parses")) {
		title_is(&speech, "在全市经济工作会议上的讲话",
			 "the headline, not the <title> line");
		ok(spans_hold(speech.text, speech.front_matter, speech.front_matter_count,
			      "首页 新闻 政务 经济 文化 视频"),
		   "the menu is front matter");
		ok(spans_hold(speech.text, speech.front_matter, speech.front_matter_count,
			      "在全市经济工作会议上的讲话_某某日报网"),
		   "the <title> line is front matter");
		heading(&speech, "同志们：", 0, NULL);
		speech_free(&speech);
	}
	const char *alone = "关于做好春耕生产工作的通知 - 某某市人民政府门户网站\n"
			    "各乡镇：\n"
			    "春耕在即，现将有关事项通知如下。\n";
	if (ok(parse(alone, &speech) == 0, "a page without a repeated headline parses")) {
		title_is(&speech, "关于做好春耕生产工作的通知", "the site's name is cut off");
		speech_free(&speech);
	}
	const char *bar = "在开学典礼上的致辞|某某大学新闻网\n老师们、同学们：\n新学期开始了。\n";
	if (ok(parse(bar, &speech) == 0, "a title with |站名 parses")) {
		title_is(&speech, "在开学典礼上的致辞", "the name after | is cut off");
		speech_free(&speech);
	}
	const char *word = "文化工作讲话 100%_done\n同志们：\n开会。\n";
	if (ok(parse(word, &speech) == 0, "a title with an underscore parses")) {
		title_is(&speech, "文化工作讲话 100%_done", "a plain word after _ is no site");
		speech_free(&speech);
	}
	const char *source =
	    "2025年某省政府工作报告\n来源 : 某某日报\n——2025年1月15日在某省人民代表大会上\n"
	    "某省省长 张三\n各位代表：\n现在，我代表省人民政府向大会报告工作。\n";
	if (ok(parse(source, &speech) == 0, "a source line under the title parses")) {
		title_is(&speech, "2025年某省政府工作报告",
			 "来源 : … is not the title's second line");
		is_int(speech.front_matter_count, 1, "来源 : … is front matter");
		speech_free(&speech);
	}
	const char *menu = "首页\n新闻\n政务\n互动\n在全区大会上的讲话\n同志们：\n开会。\n";
	if (ok(parse(menu, &speech) == 0, "a menu of short lines parses")) {
		title_is(&speech, "在全区大会上的讲话", "the title after a menu of short lines");
		is_int(speech.front_matter_count, 4, "the menu's lines are front matter");
		speech_free(&speech);
	}
}

static void back_matter(void)
{
	struct speech speech;
	const char *text = "在会上的讲话\n"
			   "同志们：\n"
			   "一、抓好落实\n"
			   "今年的任务很重，我们要一件一件抓好落实，不辜负群众的期待。\n"
			   "谢谢大家！\n"
			   "（责任编辑：张三）\n"
			   "相关新闻：\n"
			   "某某会议召开\n"
			   "某某工作推进会举行\n"
			   "打印 关闭窗口\n";
	if (!ok(parse(text, &speech) == 0, "back matter parses"))
		return;
	is_int(speech.back_matter_count, 5, "editor, related news and page controls hidden");
	size_t last = last_shown(&speech);
	is_span(paragraph_text(&speech, last), speech.paragraphs[last].length, "谢谢大家！",
		"the speech ends with its last paragraph");
	is_int(speech.outline[1].end_paragraph, last + 1, "the last section holds no back matter");
	is_int(speech.paragraph_count, last + 6, "the back matter's lines are numbered after it");
	is_int(speech.paragraphs[last + 1].role, PARAGRAPH_BACK_MATTER, "hidden as back matter");
	is_int(speech.paragraphs[last + 1].section, 0, "under the title alone");
	speech_free(&speech);

	const char *licence = "报告\n"
			      "各位代表：\n"
			      "我们要团结奋斗，创造更加美好的未来，这是全体人民的共同心愿。\n"
			      "本作品是中华人民共和国的\n"
			      "法律\n"
			      "、\n"
			      "法规\n"
			      "，依照著作权法不适用于该法，属于公有领域。\n"
			      "Public domain\n"
			      "false\n";
	if (ok(parse(licence, &speech) == 0, "licence trailer parses")) {
		is_int(shown_count(&speech), 3, "the licence trailer is no paragraph shown");
		ok(spans_hold(speech.text, speech.back_matter, speech.back_matter_count,
			      "Public domain"),
		   "Public domain is back matter");
		speech_free(&speech);
	}

	const char *source = "讲话\n同志们：\n来源：某某日报\n今天开会，研究部署全年工作，请大家认"
			     "真抓好落实，确保各项任务完成。\n"
			     "第二段，继续讲工作要求，请大家认真落实，按时完成，不打折扣。\n";
	if (ok(parse(source, &speech) == 0, "来源 near the top parses")) {
		is_int(speech.back_matter_count, 0,
		       "来源 followed by the speech is no back matter");
		speech_free(&speech);
	}
}

/* Hidden lines are numbered in reading order (docs/structure.md,
 * Numbering): an ad block before the title first, a footer last. */
static void hidden_lines_numbered(void)
{
	struct speech speech;
	const char *text = "品牌口号一句\n会员群：12345\n\n\n在某某会议上的讲话\n同志们：\n"
			   "今天开会。\n一、要求\n抓落实。\n（下转第二版）\n谢谢大家！\n"
			   "责任编辑：李四\n打印 关闭窗口\n";
	if (!ok(parse(text, &speech) == 0, "a speech between ads and a footer parses"))
		return;
	title_is(&speech, "在某某会议上的讲话", "the title");
	ok(speech.paragraphs[1].role == PARAGRAPH_FRONT_MATTER &&
	       speech.paragraphs[2].role == PARAGRAPH_FRONT_MATTER &&
	       speech.paragraphs[1].hidden_by_parser,
	   "the ad block is ¶1 and ¶2, hidden");
	is_span(paragraph_text(&speech, 3), speech.paragraphs[3].length, "同志们：",
		"the text starts at ¶3");
	size_t note = find(&speech, "抓落实") + 1;
	ok(note < speech.paragraph_count && speech.paragraphs[note].role == PARAGRAPH_FRONT_MATTER,
	   "a continuation note keeps its place, hidden");
	size_t last = last_shown(&speech);
	is_span(paragraph_text(&speech, last), speech.paragraphs[last].length, "谢谢大家！",
		"the last paragraph shown");
	ok(speech.paragraph_count == last + 3 &&
	       speech.paragraphs[last + 1].role == PARAGRAPH_BACK_MATTER,
	   "the footer is numbered after it, as back matter");
	speech_free(&speech);
}

static void unnumbered_headings(void)
{
	struct speech speech;
	const char *text = "政府工作报告\n"
			   "各位代表：\n"
			   "现在，我代表市人民政府向大会报告工作。\n"
			   "过去一年工作回顾\n"
			   "过去一年，我们做了大量工作。\n"
			   "一是经济稳中有进。内容。\n"
			   "二是改革不断深化。内容。\n"
			   "2026年工作安排\n"
			   "今年是关键之年。\n"
			   "（一）扩大有效需求。内容。\n"
			   "（二）推进科技创新。内容。\n"
			   "加强政府自身建设\n"
			   "（一）坚持依法行政。内容。\n"
			   "（二）持续改进作风。内容。\n";
	if (!ok(parse(text, &speech) == 0, "unnumbered headings parse"))
		return;
	heading(&speech, "过去一年工作回顾", 1, "过去一年工作回顾");
	heading(&speech, "一是经济稳中有进", 2, "一是经济稳中有进");
	heading(&speech, "2026年工作安排", 1, NULL);
	heading(&speech, "（一）扩大有效需求", 2, NULL);
	heading(&speech, "加强政府自身建设", 1, NULL);
	heading(&speech, "（二）持续改进作风", 2, NULL);
	heading(&speech, "今年是关键之年", 0, NULL);
	speech_free(&speech);

	/* A short line that heads nothing stays text. */
	const char *lone = "讲话\n同志们：\n一、抓好经济\n内容很多，要认真落实。\n主要做法\n各地都"
			   "有好的经验。\n二、抓好民生\n";
	if (ok(parse(lone, &speech) == 0, "a lone short line parses")) {
		heading(&speech, "主要做法", 0, NULL);
		heading(&speech, "二、抓好民生", 1, NULL);
		speech_free(&speech);
	}
}

static void appendices(void)
{
	struct speech speech;
	const char *text = "报告\n"
			   "各位代表：\n"
			   "一、过去一年\n"
			   "内容。\n"
			   "二、今年安排\n"
			   "内容。\n"
			   "附件1\n"
			   "十件民生实事\n"
			   "一、提高补助标准\n"
			   "二、新建一批学校\n"
			   "附件2\n"
			   "名词解释\n"
			   "1.“两新”：内容。\n"
			   "2.“两重”：内容。\n";
	if (!ok(parse(text, &speech) == 0, "appendices parse"))
		return;
	heading(&speech, "附件1", 1, "附件1");
	heading(&speech, "十件民生实事", 0, NULL);
	heading(&speech, "一、提高补助标准", 2, NULL);
	heading(&speech, "附件2", 1, NULL);
	heading(&speech, "名词解释", 0, NULL);
	heading(&speech, "1.“两新”", 2, "1.“两新”");
	speech_free(&speech);

	const char *glossary =
	    "报告\n各位代表：\n一、工作\n内容。\n名词解释\n1.甲：内容。\n2.乙：内容。\n";
	if (ok(parse(glossary, &speech) == 0, "a glossary parses")) {
		heading(&speech, "名词解释", 1, NULL);
		heading(&speech, "1.甲", 2, NULL);
		speech_free(&speech);
	}
}

static void enumerations(void)
{
	struct speech speech;
	const char *verbs =
	    "讲话\n同志们：\n一抓学习，提高本领。\n内容。\n二抓落实，务求实效。\n"
	    "三抓作风，转变风气。\n四川日报记者报道了我们的工作。\n三峡工程很重要。\n";
	if (ok(parse(verbs, &speech) == 0, "一抓 parses")) {
		heading(&speech, "一抓学习", 1, "一抓学习，提高本领");
		heading(&speech, "三抓作风", 1, NULL);
		heading(&speech, "四川日报", 0, NULL);
		heading(&speech, "三峡工程", 0, NULL);
		speech_free(&speech);
	}
	const char *parts = "报告\n第一部分 回顾\n一、成绩\n二、不足\n第二部分 安排\n一、目标\n"
			    "第一章 总则\n";
	if (ok(parse(parts, &speech) == 0, "第一部分 parses")) {
		heading(&speech, "第一部分", 1, "第一部分 回顾");
		heading(&speech, "一、成绩", 2, NULL);
		heading(&speech, "第二部分", 1, NULL);
		heading(&speech, "一、目标", 2, NULL);
		heading(&speech, "第一章", 2, NULL);
		speech_free(&speech);
	}
	const char *markdown = "# 关于做好工作的意见\n"
			       "\n"
			       "> 来源：某某网\n"
			       "\n"
			       "## 一、总体要求\n"
			       "### （一）指导思想\n"
			       "正文。\n"
			       "## 结语\n"
			       "**二、保障措施**\n"
			       "正文。\n";
	if (ok(parse(markdown, &speech) == 0, "Markdown parses")) {
		title_is(&speech, "关于做好工作的意见", "# line is the title, without #");
		heading(&speech, "一、总体要求", 1, "一、总体要求");
		heading(&speech, "（一）指导思想", 2, "（一）指导思想");
		heading(&speech, "结语", 1, "结语");
		heading(&speech, "二、保障措施", 1, "二、保障措施");
		is_int(speech.front_matter_count, 1, "the quoted 来源 line is front matter");
		speech_free(&speech);
	}
	const char *bare = "## 一\n内容。\n## 二\n内容。\n### 1. 小点\n";
	if (ok(parse(bare, &speech) == 0, "## 一 parses")) {
		ok(!speech.title_found, "a ## heading is no title");
		heading(&speech, "一", 1, "一");
		heading(&speech, "二", 1, NULL);
		heading(&speech, "1. 小点", 2, NULL);
		speech_free(&speech);
	}
}

static void numbering_slips(void)
{
	struct speech speech;
	const char *twice = "讲话\n同志们：\n一、甲\n二、乙\n三、丙\n内容。\n三、结语\n";
	if (ok(parse(twice, &speech) == 0, "a number typed twice parses")) {
		heading(&speech, "三、丙", 1, NULL);
		heading(&speech, "三、结语", 1, NULL);
		speech_free(&speech);
	}
	const char *skipped = "讲话\n同志们：\n一、甲\n二、乙\n四、丁\n五、戊\n";
	if (ok(parse(skipped, &speech) == 0, "a skipped number parses")) {
		heading(&speech, "四、丁", 1, NULL);
		heading(&speech, "五、戊", 1, NULL);
		speech_free(&speech);
	}
	const char *prose = "讲话\n同志们：\n一是抓学习，二是抓落实，三是抓作风。\n一、总体要求\n";
	if (ok(parse(prose, &speech) == 0, "一是…二是… in one paragraph parses")) {
		heading(&speech, "一是抓学习", 0, NULL);
		heading(&speech, "一、总体要求", 1, NULL);
		speech_free(&speech);
	}
}

/* A run whose first items the author wrote into the paragraph before
 * it: 二是… starting a paragraph continues the 一是 of that prose. */
static void first_items_in_prose(void)
{
	struct speech speech;
	const char *second =
	    "讲话\n同志们：\n一、任务\n抓好节水工作。一是建好水窖，让村里有水喝。\n"
	    "这项工作明年完成。\n二是修好水渠。渠要通到地头。\n三是管好水价。\n"
	    "五是用好水权。\n";
	if (ok(parse(second, &speech) == 0, "一是 in prose, 二是 after parses")) {
		heading(&speech, "抓好节水工作", 0, NULL);
		heading(&speech, "这项工作", 0, NULL);
		heading(&speech, "二是修好水渠", 2, "二是修好水渠");
		heading(&speech, "三是管好水价", 2, NULL);
		heading(&speech, "五是用好水权", 2, NULL);
		speech_free(&speech);
	}
	const char *third = "讲话\n同志们：\n一、任务\n抓好节水。一要建窖，二要修渠。\n"
			    "三要管价。价要公道。\n四要用权。\n";
	if (ok(parse(third, &speech) == 0, "一要 二要 in prose, 三要 after parses")) {
		heading(&speech, "三要管价", 2, "三要管价");
		heading(&speech, "四要用权", 2, NULL);
		speech_free(&speech);
	}
	/* Without the first item before it, a 二是 stays prose; and an
	 * 一是 that is not after a sentence's end starts nothing. */
	const char *none = "讲话\n同志们：\n一、任务\n我们说了很多。\n二是修好水渠。\n"
			   "主要是一是建窖\n二是管价。\n";
	if (ok(parse(none, &speech) == 0, "a lone 二是 parses")) {
		heading(&speech, "二是修好水渠", 0, NULL);
		heading(&speech, "二是管价", 0, NULL);
		speech_free(&speech);
	}
}

static void runs_inside_runs(void)
{
	struct speech speech;
	const char *inner = "讲话\n同志们：\n1、抓经济\n第一，抓投资。\n第二，抓消费。\n2、抓民生\n"
			    "一是抓就业。\n二是抓教育。\n3、抓安全\n";
	if (ok(parse(inner, &speech) == 0, "runs inside runs parse")) {
		heading(&speech, "1、抓经济", 1, NULL);
		heading(&speech, "第一，抓投资", 2, NULL);
		heading(&speech, "2、抓民生", 1, NULL);
		heading(&speech, "二是抓教育", 2, NULL);
		heading(&speech, "3、抓安全", 1, NULL);
		speech_free(&speech);
	}
	const char *same_rank =
	    "讲话\n同志们：\n第一，抓经济。\n一是抓投资。\n二是抓消费。\n第二，抓民生。\n";
	if (ok(parse(same_rank, &speech) == 0, "一是 inside 第一， parses")) {
		heading(&speech, "第一，抓经济", 1, NULL);
		heading(&speech, "一是抓投资", 2, NULL);
		heading(&speech, "第二，抓民生", 1, NULL);
		speech_free(&speech);
	}
	const char *appended = "讲话\n同志们：\n一、甲\n二、乙\n三、丙\n谢谢大家。\n"
			       "某某市文明行为促进办法\n一、总则\n二、细则\n";
	if (ok(parse(appended, &speech) == 0, "an appended document parses")) {
		heading(&speech, "某某市文明行为促进办法", 1, NULL);
		heading(&speech, "一、总则", 2, NULL);
		speech_free(&speech);
	}
	const char *newspaper = "讲话\n同志们：\n我们要抓好落实（下转第七版）\n（上接第一版）\n"
				"（上接第一版）继续推进改革。\n";
	if (ok(parse(newspaper, &speech) == 0, "continuation notes parse")) {
		heading(&speech, "我们要抓好落实", 0, NULL);
		is_int(speech.paragraphs[find(&speech, "我们要抓好落实")].length,
		       strlen("我们要抓好落实"), "the note at a line's end is cut off");
		heading(&speech, "继续推进改革", 0, NULL);
		is_int(speech.front_matter_count, 1, "a note alone on its line is hidden");
		speech_free(&speech);
	}
}

static void wrapped_headings(void)
{
	struct speech speech;
	const char *text =
	    "报告\n各位代表：\n一、2025年工作回顾和\n2026年工作安排\n内容。\n二是\n推进改革。\n";
	if (!ok(parse(text, &speech) == 0, "wrapped headings parse"))
		return;
	heading(&speech, "一、2025年工作回顾和2026年工作安排", 1,
		"一、2025年工作回顾和2026年工作安排");
	heading(&speech, "二是推进改革", 0, NULL);
	ok(find(&speech, "2026年工作安排") == 0, "the wrapped part is no paragraph of its own");
	speech_free(&speech);
}

static void one_line(void)
{
	struct buffer text = {0};
	buffer_append_string(&text, "在全县工作大会上的讲话 同志们：今天召开大会。");
	for (int part = 0; part < 3; part++) {
		static const char *const markers[] = {"一、统一思想", "二、狠抓落实",
						      "三、转变作风"};
		buffer_append_string(&text, markers[part]);
		buffer_append_string(&text, "。");
		for (int i = 0; i < 20; i++)
			buffer_append_string(&text, "我们要认真学习，深刻领会，抓好贯彻落实。");
	}
	struct speech speech;
	if (!ok(parse(buffer_string(&text), &speech) == 0, "a speech on one line parses")) {
		buffer_free(&text);
		return;
	}
	title_is(&speech, "在全县工作大会上的讲话", "the title of a one-line speech");
	heading(&speech, "同志们：", 0, NULL);
	heading(&speech, "一、统一思想", 1, "一、统一思想");
	heading(&speech, "三、转变作风", 1, NULL);
	speech_free(&speech);
	buffer_free(&text);
}

static void document_hints(void)
{
	static struct document_line_hint hints[] = {
	    {DOCUMENT_FRONT, 0}, {DOCUMENT_TITLE, 0}, {DOCUMENT_TEXT, 2}, {DOCUMENT_TEXT, 0},
	    {DOCUMENT_TEXT, 3},	 {DOCUMENT_TEXT, 0},  {DOCUMENT_BACK, 0},
	};
	char text[] =
	    "某某网站\n在会上的讲话\n工作回顾\n正文。\n（一）主要成绩\n正文。\n网站地图\n";
	struct document document = {.text = text,
				    .length = strlen(text),
				    .hints = hints,
				    .hint_count = sizeof hints / sizeof hints[0],
				    .format = "html"};
	struct speech speech;
	struct error error = {{0}};
	if (ok(speech_parse_document(&document, "fallback", &speech, &error) == 0,
	       "a hinted document parses")) {
		title_is(&speech, "在会上的讲话", "the hinted title");
		is_int(speech.front_matter_count, 1, "the hinted front matter");
		is_int(speech.back_matter_count, 1, "the hinted back matter");
		heading(&speech, "工作回顾", 1, "工作回顾");
		heading(&speech, "（一）主要成绩", 2, NULL);
		speech_free(&speech);
	}

	char untitled[] = "同志们：\n今天开会。\n";
	struct document named = {.text = untitled,
				 .length = strlen(untitled),
				 .format = "docx",
				 .title = "元数据里的标题 - 某某网站"};
	if (ok(speech_parse_document(&named, "fallback", &speech, &error) == 0,
	       "a document with a metadata title parses")) {
		title_is(&speech, "元数据里的标题", "the metadata title names an untitled text");
		ok(speech.title_found, "a metadata title counts as found");
		speech_free(&speech);
	}

	/* A standard: its name on the cover and again before clause 1; a
	 * table of contents' heading. */
	static struct document_line_hint standard_hints[] = {
	    {DOCUMENT_TEXT, 0}, {DOCUMENT_TEXT, 0},  {DOCUMENT_TEXT, 0},  {DOCUMENT_TEXT, 0},
	    {DOCUMENT_TEXT, 1}, {DOCUMENT_FRONT, 0}, {DOCUMENT_FRONT, 0}, {DOCUMENT_TEXT, 1},
	    {DOCUMENT_TEXT, 0}, {DOCUMENT_TEXT, 1},  {DOCUMENT_TEXT, 2},  {DOCUMENT_TEXT, 0},
	};
	char standard[] = "AB 某某行业标准\n某某设备检修规程\n第3部分：阀门\n"
			  "（本稿完成日期：2030年1月1日）\n目\u2002\u2002次\n前言 II\n1 范围 1\n"
			  "前\u3000\u3000言\n本部分按照有关规则起草，由某某协会提出并归口。\n"
			  "某某设备检修规程　第3部分：阀门\n1　范围\n"
			  "本部分规定了阀门检修的要求，适用于某某设备的阀门。\n";
	struct document standard_document = {.text = standard,
					     .length = strlen(standard),
					     .hints = standard_hints,
					     .hint_count =
						 sizeof standard_hints / sizeof standard_hints[0],
					     .format = "docx"};
	if (ok(speech_parse_document(&standard_document, "fallback", &speech, &error) == 0,
	       "a standard parses")) {
		title_is(&speech, "某某设备检修规程 第3部分：阀门",
			 "the cover's name, said again before clause 1, is the title");
		ok(find(&speech, "某某设备检修规程") == 0, "the repeat is no paragraph");
		heading(&speech, "目", 0, NULL);
		heading(&speech, "前", 1, NULL);
		speech_free(&speech);
	}

	/* A paragraph of prose a Word style gives an outline level. */
	static struct document_line_hint prose_hints[] = {
	    {DOCUMENT_TITLE, 0},
	    {DOCUMENT_TEXT, 1},
	    {DOCUMENT_TEXT, 2},
	    {DOCUMENT_TEXT, 2},
	};
	char prose_text[] = "某某规程\n一、总则\n适用范围\n"
			    "本规程适用于某某单位的全部设备，各部门应当按照本规程的要求组织检修"
			    "工作，并做好记录。\n";
	struct document prose_document = {.text = prose_text,
					  .length = strlen(prose_text),
					  .hints = prose_hints,
					  .hint_count = sizeof prose_hints / sizeof prose_hints[0],
					  .format = "docx"};
	if (ok(speech_parse_document(&prose_document, "fallback", &speech, &error) == 0,
	       "a document with hinted prose parses")) {
		heading(&speech, "适用范围", 2, "适用范围");
		heading(&speech, "本规程适用于", 0, NULL);
		speech_free(&speech);
	}

	/* A table's row label, in bold in one row: not a heading. */
	static struct document_line_hint table_hints[] = {
	    {DOCUMENT_TITLE, 0}, {DOCUMENT_TEXT, 1}, {DOCUMENT_TEXT, 0}, {DOCUMENT_TEXT, 0},
	    {DOCUMENT_TEXT, 0},	 {DOCUMENT_TEXT, 0}, {DOCUMENT_TEXT, 1}, {DOCUMENT_TEXT, 0},
	    {DOCUMENT_TEXT, 1},	 {DOCUMENT_TEXT, 0},
	};
	char table[] = "某校工作汇报\n一、课程建设\n基础课程\n语文、数学等必修课程。\n"
		       "拓展课程\n各类选修课程。\n基础课程\n各类竞赛课程。\n二、队伍建设\n"
		       "学校坚持以培养为主，引进为辅，建设一支高素质的教师队伍。\n";
	struct document tabled = {.text = table,
				  .length = strlen(table),
				  .hints = table_hints,
				  .hint_count = sizeof table_hints / sizeof table_hints[0],
				  .format = "html"};
	if (ok(speech_parse_document(&tabled, "fallback", &speech, &error) == 0,
	       "a document with a table parses")) {
		size_t label = find(&speech, "基础课程");
		size_t repeated = 0;
		for (size_t i = label + 1; i < speech.paragraph_count; i++)
			if (memcmp(paragraph_text(&speech, i), "基础课程", strlen("基础课程")) == 0)
				repeated = i;
		ok(repeated > 0 && speech.paragraphs[repeated].role == PARAGRAPH_BODY,
		   "a bold line repeating a plain line just before is a table label, not a "
		   "heading");
		heading(&speech, "二、队伍建设", 1, "二、队伍建设");
		speech_free(&speech);
	}
}

static int load(const char *relative, struct speech *speech)
{
	char path[4096];
	if (!tap_corpus_path(relative, path, sizeof path))
		return -1;
	unsigned char *bytes;
	size_t length;
	struct error error;
	if (file_read(path, &bytes, &length, &error) != 0)
		return -1;
	int status = speech_parse(bytes, length, "fallback", speech, &error);
	free(bytes);
	return status;
}

/* text without spaces (the expected outlines are compared so; the tab
 * between depth and label stays). */
static void squeeze(const char *text, size_t length, struct buffer *out)
{
	for (size_t i = 0; i < length;) {
		if (text[i] == ' ' || text[i] == '\r') {
			i++;
		} else if (length - i >= 3 && memcmp(text + i, "　", 3) == 0) {
			i += 3;
		} else {
			buffer_append_byte(out, text[i]);
			i++;
		}
	}
}

/* The outline as DEPTH<TAB>LABEL lines, white space squeezed out. */
static char *outline_lines(const struct speech *speech)
{
	struct buffer out = {0};
	for (size_t i = 0; i < speech->outline_count; i++) {
		const struct outline_entry *entry = &speech->outline[i];
		buffer_printf(&out, "%d\t", entry->depth);
		squeeze(paragraph_text(speech, entry->paragraph),
			speech->paragraphs[entry->paragraph].label_length, &out);
		buffer_append_byte(&out, '\n');
	}
	return buffer_string(&out);
}

/* Real files of ../shared/corpus (skipped when it is absent). */
static void corpus(void)
{
	struct speech speech;
	if (load("provincial-2026/gov-report-2026-ningxia.txt", &speech) != 0) {
		tap_skip("../shared/corpus absent");
		return;
	}
	title_is(&speech, "2026年宁夏回族自治区政府工作报告",
		 "ningxia: the page's fuller headline over the document's own");
	speech_free(&speech);
	if (load("national/gov-report-2018.txt", &speech) == 0) {
		ok(speech.back_matter_count > 0, "2018: the licence trailer is back matter");
		ok(find(&speech, "Public domain") == 0, "2018: no licence line is a paragraph");
		speech_free(&speech);
	}
	if (load("provincial-2026/gov-report-2026-guangdong.txt", &speech) == 0) {
		heading(&speech, "附件1", 1, NULL);
		speech_free(&speech);
	}
	if (load("formats/md-01-central-no1-document-2026.md", &speech) == 0) {
		char path[4096];
		unsigned char *bytes;
		size_t length;
		struct error error;
		tap_corpus_path("formats/md-01-central-no1-document-2026.md.expected.tsv", path,
				sizeof path);
		if (file_read(path, &bytes, &length, &error) == 0) {
			struct buffer expected = {0};
			squeeze((const char *)bytes, length, &expected);
			char *got = outline_lines(&speech);
			is_string(got, buffer_string(&expected),
				  "md-01: the outline a Markdown file expects");
			free(got);
			buffer_free(&expected);
			free(bytes);
		}
		speech_free(&speech);
	}
}

/* A cover: the document's name set over lines above a line naming its
 * kind, a standard's number before the name, a kind spaced out one
 * character a line. */
static void covers(void)
{
	struct speech speech;
	const char *note = "\n"
			   "AB/T 12345－2030 某某设备检修规程 第3部分：阀门\n"
			   "编制说明\n"
			   "（征求意见稿）\n"
			   "（2030年5月）\n"
			   "\n\n"
			   "一、任务来源\n"
			   "本规程由某某协会下达计划，要求在年底前完成修订工作，现说明如下。\n"
			   "二、编制过程\n"
			   "起草组调研了多家单位，形成了征求意见稿，并广泛征求了意见。\n";
	if (ok(parse(note, &speech) == 0, "a standard's cover parses")) {
		title_is(&speech, "某某设备检修规程 第3部分：阀门 编制说明",
			 "the name over the kind line, the standard's number dropped");
		heading(&speech, "一、任务来源", 1, "一、任务来源");
		speech_free(&speech);
	}
	const char *alone = "AB/T 12345－2030\n"
			    "某某设备检修规程 第3部分：阀门\n"
			    "编制说明\n"
			    "\n"
			    "一、任务来源\n"
			    "本规程由某某协会下达计划，要求在年底前完成修订工作，现说明如下。\n";
	if (ok(parse(alone, &speech) == 0, "a number on its own cover line parses")) {
		title_is(&speech, "某某设备检修规程 第3部分：阀门 编制说明",
			 "a standard's number alone on its line is not in the title");
		speech_free(&speech);
	}
	const char *plan = "\n\n"
			   "某某学院“走进田野，读懂乡村”\n"
			   "暑期社会实践活动\n"
			   "\n\n"
			   "策\n"
			   "划\n"
			   "书\n"
			   "\n"
			   "某某学院团委\n"
			   "2030年6月\n"
			   "\n"
			   "一、活动背景\n"
			   "为引导青年学生走进基层、了解国情，学院决定组织暑期社会实践活动。\n"
			   "二、活动时间\n"
			   "2030年7月1日至7月10日，共十天，分两批出发，按时返回学校。\n";
	if (ok(parse(plan, &speech) == 0, "a plan's cover parses")) {
		title_is(&speech, "某某学院“走进田野，读懂乡村” 暑期社会实践活动策划书",
			 "the name over two lines and the spaced-out kind are the title");
		heading(&speech, "二、活动时间", 1, "二、活动时间");
		speech_free(&speech);
	}
	const char *references = "关于某项工作的说明\n"
				 "一、参考资料\n"
				 "本说明参考了下列文件，并结合实际作了补充，现列出如下。\n"
				 "[1]  AB 100-2030 某某设备安全运行管理规定\n"
				 "[2]  XY-25 Periodic Review for Water Treatment Plants\n"
				 "二、其他需要说明的问题\n"
				 "无\n";
	if (ok(parse(references, &speech) == 0, "a reference list parses")) {
		is_int(speech.back_matter_count, 0,
		       "an English reference title is no footer menu: nothing after it is hidden");
		heading(&speech, "二、其他需要说明的问题", 1, NULL);
		speech_free(&speech);
	}
}

/* Decimal clause numbers of a standard or rules: ranked by their parts,
 * in a plausible sequence; figures and quantities are not clauses. */
static void clauses(void)
{
	struct speech speech;
	const char *rules = "某某设备管理规则\n"
			    "2.3.1 设备应当按期检验，检验合格后方可投入使用。\n"
			    "2.3.2 检验项目如下：\n"
			    "（1）外观检查；\n"
			    "（2）性能试验。\n"
			    "2.3.3 对于特殊设备，经申请可延长检验周期。\n"
			    "2.4 维护\n"
			    "2.4.1维护记录应当保存五年以上。\n"
			    "2.5万台设备已完成检验，合格率达到百分之九十九。\n"
			    "3.1\n"
			    "术语的定义写在这一行里，编号单独占一行。\n"
			    "167.01 营业收入\n"
			    "2.07 净利润增长\n";
	if (!ok(parse(rules, &speech) == 0, "clauses parse"))
		return;
	heading(&speech, "2.3.1 设备", 1, "2.3.1 设备应当按期检验，检验合格后方可投入使用");
	heading(&speech, "2.3.2 检验", 1, "2.3.2 检验项目如下");
	heading(&speech, "（1）外观", 2, NULL);
	heading(&speech, "2.3.3 对于", 1, NULL);
	heading(&speech, "2.4 维护", 1, "2.4 维护");
	heading(&speech, "2.4.1维护", 2, NULL);
	heading(&speech, "2.5万台", 0, NULL);
	heading(&speech, "3.1", 0, NULL);
	heading(&speech, "167.01", 0, NULL);
	heading(&speech, "2.07", 0, NULL);
	speech_free(&speech);

	const char *stray = "某某工作总结\n"
			    "今年完成了各项任务，群众满意度进一步提高，成绩来之不易。\n"
			    "3.7 亿元的投资已经全部到位，项目进展顺利，年底可以完工。\n";
	if (ok(parse(stray, &speech) == 0, "a stray figure parses")) {
		heading(&speech, "3.7 亿元", 0, NULL);
		speech_free(&speech);
	}
	const char *out_of_sequence = "某某规定\n"
				      "1.1 总则\n"
				      "本规定适用于全体人员，自发布之日起施行。\n"
				      "4.6 特别说明\n"
				      "本条为正文中的一个编号，前后没有连续的条款。\n";
	if (ok(parse(out_of_sequence, &speech) == 0, "a clause out of sequence parses")) {
		heading(&speech, "1.1 总则", 1, NULL);
		heading(&speech, "4.6 特别说明", 0, NULL);
		speech_free(&speech);
	}
}

/* A standard (GB/T 1.1): chapters numbered 1 范围 …, their clauses 3.1,
 * list items a) and 1) under them; its parts without a number beside the
 * chapters; term entries; a table's row of marks near the end. */
static void standards(void)
{
	is_int(clause_chapter_parse("5 范围", strlen("5 范围")), 5, "chapter: 5 范围");
	is_int(clause_chapter_parse("12\u3000术语和定义", strlen("12\u3000术语和定义")), 12,
	       "chapter: 12 and U+3000");
	static const char *const not_chapters[] = {"3 个方面的问题",
						   "2 0 2 4",
						   "5 范围。本文件规定了要求",
						   "3.1 范围",
						   "1.《某某》",
						   "5范围",
						   "05 范围",
						   "123 范围",
						   "1 范围 1",
						   "1 范围……1",
						   "3 术语和定义 ..... 12",
						   "2 规范性引用文件　Ⅱ"};
	for (size_t i = 0; i < sizeof not_chapters / sizeof not_chapters[0]; i++)
		is_int(clause_chapter_parse(not_chapters[i], strlen(not_chapters[i])), 0,
		       "not a chapter: %s", not_chapters[i]);
	ok(clause_number_alone("3.1", 3) && clause_number_alone("6.1.2", 5),
	   "a clause number alone: 3.1, 6.1.2");
	ok(!clause_number_alone("3", 1) && !clause_number_alone("3.", 2) &&
	       !clause_number_alone("3.1 范围", strlen("3.1 范围")),
	   "not a number alone: 3, 3., 3.1 范围");
	const char *marks = "SF2 × × × × × × ×";
	ok(!front_matter_menu(marks, strlen(marks)), "a table's row of marks is no menu");
	const char *menu = "首页 新闻 政务 服务 互动";
	ok(front_matter_menu(menu, strlen(menu)), "a row of words is");

	struct speech speech;
	const char *standard =
	    "某某设备检修规程\n"
	    "1 范围\n"
	    "本部分规定了某某设备阀门检修的项目、方法、周期、质量要求和记录格式。\n"
	    "本部分适用于某某公司所属各电厂的阀门检修工作，其他单位可参照执行。\n"
	    "2 规范性引用文件\n"
	    "下列文件对于本文件的应用是必不可少的。\n"
	    "3 检修要求\n"
	    "3.1 一般要求\n"
	    "检修前应当编制方案，方案包括以下内容：\n"
	    "a)检修范围\n"
	    "1)设备清单；\n"
	    "2)工作界面。\n"
	    "b)安全措施\n"
	    "1)隔离措施；\n"
	    "2)监护人员。\n"
	    "3.2 质量要求\n"
	    "检修质量应当符合设计要求。\n"
	    "4 验收\n"
	    "检修完成后应当组织验收。\n";
	if (ok(parse(standard, &speech) == 0, "a standard's text parses")) {
		heading(&speech, "1 范围", 1, "1 范围");
		heading(&speech, "2 规范性", 1, NULL);
		heading(&speech, "3 检修要求", 1, NULL);
		heading(&speech, "3.1 一般要求", 2, NULL);
		heading(&speech, "a)检修范围", 0, NULL);
		heading(&speech, "1)设备清单", 0, NULL);
		heading(&speech, "b)安全措施", 0, NULL);
		heading(&speech, "3.2 质量要求", 2, NULL);
		heading(&speech, "4 验收", 1, NULL);
		speech_free(&speech);
	}
	const char *numbered = "在某某会议上的讲话\n"
			       "同志们：\n"
			       "今年要抓好以下几项工作。\n"
			       "1 项目建设\n"
			       "抓项目就是抓发展，要盯紧每一个项目。\n"
			       "2 民生保障\n"
			       "民生无小事，要办好每一件实事。\n";
	if (ok(parse(numbered, &speech) == 0, "numbered lines without clauses parse")) {
		heading(&speech, "1 项目建设", 0, NULL);
		speech_free(&speech);
	}
	const char *items = "某某编制说明\n"
			    "一、任务来源\n"
			    "本标准的制定任务来源如下。\n"
			    "1）理由一\n"
			    "理由：说明。\n"
			    "2）理由二\n"
			    "理由：说明。\n";
	if (ok(parse(items, &speech) == 0, "a text without clauses parses")) {
		heading(&speech, "1）理由一", 2, NULL);
		speech_free(&speech);
	}

	/* The same from Word: 前言 and 引言 at a level above the chapters',
	 * a term's number alone with a level, a list item with a level. */
	static struct document_line_hint hints[] = {
	    {DOCUMENT_TEXT, 0}, {DOCUMENT_TEXT, 1}, {DOCUMENT_TEXT, 0}, {DOCUMENT_TEXT, 1},
	    {DOCUMENT_TEXT, 0}, {DOCUMENT_TEXT, 2}, {DOCUMENT_TEXT, 0}, {DOCUMENT_TEXT, 2},
	    {DOCUMENT_TEXT, 3}, {DOCUMENT_TEXT, 0}, {DOCUMENT_TEXT, 2}, {DOCUMENT_TEXT, 3},
	    {DOCUMENT_TEXT, 3}, {DOCUMENT_TEXT, 0}, {DOCUMENT_TEXT, 1}, {DOCUMENT_TEXT, 0},
	};
	char text[] = "某某设备检修规程\n"
		      "前\u3000\u3000言\n"
		      "本部分按照有关规则起草。\n"
		      "引\u3000\u3000言\n"
		      "阀门检修关系设备安全。\n"
		      "1\u3000范围\n"
		      "本部分规定了阀门检修的要求。\n"
		      "2\u3000术语和定义\n"
		      "2.1\n"
		      "阀门 valve\n"
		      "3\u3000检修要求\n"
		      "3.1\u3000一般要求\n"
		      "对重要的检修项目，可邀请专家评审。\n"
		      "检修质量应当符合设计要求。\n"
		      "附\u3000录\u3000A\n"
		      "检修记录表的格式见下表。\n";
	struct document document = {.text = text,
				    .length = strlen(text),
				    .hints = hints,
				    .hint_count = sizeof hints / sizeof hints[0],
				    .format = "docx"};
	struct error error = {{0}};
	if (ok(speech_parse_document(&document, "fallback", &speech, &error) == 0,
	       "a standard from Word parses")) {
		heading(&speech, "前", 1, NULL);
		heading(&speech, "引", 1, NULL);
		heading(&speech, "1\u3000范围", 1, NULL);
		heading(&speech, "2.1", 0, NULL);
		heading(&speech, "3.1\u3000一般要求", 2, NULL);
		heading(&speech, "对重要的检修项目", 0, NULL);
		heading(&speech, "附", 1, NULL);
		speech_free(&speech);
	}

	/* A reader's hint that a line heads nothing (a legend's cells). */
	static struct document_line_hint cell_hints[] = {
	    {DOCUMENT_TITLE, 0}, {DOCUMENT_TEXT, DOCUMENT_NOT_HEADING},
	    {DOCUMENT_TEXT, 0},	 {DOCUMENT_TEXT, DOCUMENT_NOT_HEADING},
	    {DOCUMENT_TEXT, 0},
	};
	char cells[] = "某某公司点评\n1. 投资评级标准：\n以报告发布后六个月内的表现为准。\n"
		       "2. 市场基准：\n以沪深三百指数为基准。\n";
	struct document legend = {.text = cells,
				  .length = strlen(cells),
				  .hints = cell_hints,
				  .hint_count = sizeof cell_hints / sizeof cell_hints[0],
				  .format = "pdf"};
	if (ok(speech_parse_document(&legend, "fallback", &speech, &error) == 0,
	       "a document with table cells parses")) {
		heading(&speech, "1. 投资评级标准", 0, NULL);
		heading(&speech, "2. 市场基准", 0, NULL);
		speech_free(&speech);
	}
}

/* Paired sub-headings in an article with no numbered headings: two
 * phrases around one comma, alike, between paragraphs of prose. */
static void paired_headings(void)
{
	struct speech speech;
	const char *article = "某校开展主题教育活动\n"
			      "近日，某校启动主题教育活动，全校师生积极参与，反响热烈。\n"
			      "回望来路，坚定前行方向\n"
			      "学校组织师生参观校史馆，重温建校以来的奋斗历程，深受教育。\n"
			      "同学们说，这是一次难忘的经历，今后要更加努力学习。\n"
			      "立足岗位，争做时代先锋\n"
			      "各院系结合实际开展志愿服务，把学习成果转化为实际行动。\n"
			      "春风拂面，桃花盛开\n";
	if (ok(parse(article, &speech) == 0, "an article with paired sub-headings parses")) {
		heading(&speech, "回望来路", 1, "回望来路，坚定前行方向");
		heading(&speech, "立足岗位", 1, "立足岗位，争做时代先锋");
		heading(&speech, "春风拂面", 0, NULL);
		speech_free(&speech);
	}
	const char *single = "某校开展主题教育活动\n"
			     "近日，某校启动主题教育活动，全校师生积极参与，反响热烈。\n"
			     "回望来路，坚定前行方向\n"
			     "学校组织师生参观校史馆，重温建校以来的奋斗历程，深受教育。\n";
	if (ok(parse(single, &speech) == 0, "one such line parses")) {
		heading(&speech, "回望来路", 0, NULL);
		speech_free(&speech);
	}
	const char *numbered = "在会上的讲话\n"
			       "一、总体要求\n"
			       "今年的工作任务很重，我们要认真抓好落实，确保完成任务。\n"
			       "回望来路，坚定前行方向\n"
			       "学校组织师生参观校史馆，重温建校以来的奋斗历程，深受教育。\n"
			       "立足岗位，争做时代先锋\n"
			       "各院系结合实际开展志愿服务，把学习成果转化为实际行动。\n";
	if (ok(parse(numbered, &speech) == 0, "a speech with headings parses")) {
		heading(&speech, "回望来路", 0, NULL);
		speech_free(&speech);
	}
}

int main(void)
{
	advertising_before_title();
	page_title_and_menus();
	back_matter();
	hidden_lines_numbered();
	unnumbered_headings();
	appendices();
	enumerations();
	numbering_slips();
	first_items_in_prose();
	runs_inside_runs();
	wrapped_headings();
	one_line();
	document_hints();
	covers();
	clauses();
	standards();
	paired_headings();
	corpus();
	return tap_done();
}
