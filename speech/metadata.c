#include "speech/metadata.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buffer.h"
#include "base/utf8.h"
#include "speech/date.h"
#include "speech/text_cursor.h"

enum {
	/* The byline block: the short lines between the title and the
	 * salutation. A longer line is prose, and ends the block. */
	BYLINE_MAX_LINES = 10,
	BYLINE_LINE_MAX_CHARACTERS = 60,
	SALUTATION_MAX_CHARACTERS = 15,
	OFFICE_MAX_CHARACTERS = 16,
	OCCASION_MAX_CHARACTERS = 60,
	/* After 在…上的: 讲话, 报告, 工作报告, 总结讲话, 讲话提纲 … */
	SPEECH_KIND_MAX_CHARACTERS = 12,
	SOURCE_MAX_CHARACTERS = 30,
};

static int is_han(long codepoint)
{
	return (codepoint >= 0x4E00 && codepoint <= 0x9FFF) ||
	       (codepoint >= 0x3400 && codepoint <= 0x4DBF);
}

/* The middle dot between the parts of a Uyghur or Tibetan name. */
static int is_name_dot(long codepoint)
{
	return codepoint == 0xB7 || codepoint == 0x30FB || codepoint == 0x2022 ||
	       codepoint == 0x2027;
}

static int ends_with(const char *text, size_t length, const char *suffix)
{
	size_t suffix_length = strlen(suffix);
	return length >= suffix_length &&
	       memcmp(text + length - suffix_length, suffix, suffix_length) == 0;
}

/* --- occasions --------------------------------------------------------------- */

/* The last character of a meeting's name: 会议, 大会, 仪式, 论坛, 典礼,
 * 培训班; 議 for texts in traditional characters. */
static int ends_meeting(const char *text, size_t length)
{
	static const char *const endings[] = {"会", "议", "議", "式", "坛", "礼", "典", "班"};
	for (size_t i = 0; i < sizeof endings / sizeof endings[0]; i++)
		if (ends_with(text, length, endings[i]))
			return 1;
	return 0;
}

/* What may follow 在…上: the end of the line, a closing bracket, 的 and the
 * kind of speech (的讲话), or a space and more (a speaker). *after gets
 * what follows a space. */
static int occasion_tail(struct text_cursor cursor, struct text_span *after)
{
	*after = (struct text_span){0, 0};
	if (cursor_at_end(&cursor))
		return 1;
	if (cursor_accept(&cursor, "）") || cursor_accept(&cursor, ")"))
		return cursor_at_end(&cursor);
	if (cursor_accept(&cursor, "的")) {
		size_t characters = 0;
		for (long c; (c = cursor_peek(&cursor)) >= 0; cursor_advance(&cursor), characters++)
			if (c == 0xFF0C || c == 0x3002 || c == 0xFF1B || c == 0xFF1A || c == ',' ||
			    c == ';')
				return 0;
		return characters >= 1 && characters <= SPEECH_KIND_MAX_CHARACTERS;
	}
	if (!text_is_space(cursor_peek(&cursor)))
		return 0;
	cursor_skip_spaces(&cursor);
	*after = (struct text_span){cursor.at, cursor.length - cursor.at};
	return 1;
}

/* With the cursor just after 在, finds the meeting named up to 上. */
static int read_occasion(struct text_cursor cursor, struct text_span *occasion,
			 struct text_span *after)
{
	size_t start = cursor.at, characters = 0;
	for (long c; (c = cursor_peek(&cursor)) >= 0 && characters <= OCCASION_MAX_CHARACTERS;
	     characters++) {
		size_t here = cursor.at;
		cursor_advance(&cursor);
		if (c != 0x4E0A /* 上 */ || characters < 2)
			continue;
		if (ends_meeting(cursor.text + start, here - start) &&
		    occasion_tail(cursor, after)) {
			*occasion = (struct text_span){start, here - start};
			return 1;
		}
	}
	return 0;
}

/* 在…上 anywhere in a title: 在区委全体会议上的讲话, 市长在…大会上的讲话. */
static int title_occasion(const char *text, size_t length, struct text_span *occasion)
{
	struct text_cursor cursor = {text, length, 0};
	struct text_span after;
	while (!cursor_at_end(&cursor)) {
		long c = cursor_peek(&cursor);
		cursor_advance(&cursor);
		if (c == 0x5728 /* 在 */ && read_occasion(cursor, occasion, &after) &&
		    after.length == 0)
			return 1;
	}
	return 0;
}

/* --- speakers ---------------------------------------------------------------- */

/* Common surnames. Characters that are also common words (党, 全, 文, 时 …)
 * are left out, so that a short line such as 党建 is never taken for a
 * name. */
static const char surnames[] =
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶"
    "程苏魏吕丁任沈姚卢姜崔钟谭陆汪范贾夏韦付邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚"
    "邵钱严覃武戴莫孔汤温康施牛樊葛邢齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿兰焦俞左柳甘祝"
    "包宁尚符舒阮柯纪梅童凌毕季裴霍涂苗谷盛曲翁冉骆蓝游辛靳柴蒙鲍华喻祁蒲房滕屈饶牟艾尤"
    "阳穆农卓吉缪项芦麦褚娄窦戚岑景宫费卜冷晏席卫米柏宗瞿桂佟臧闵苟邬卞姬仇栾隋刁沙荣巫"
    "寇桑郎甄丛仲虞敖巩佘池麻苑迟邝习栗楼高";

static const char *const compound_surnames[] = {"欧阳", "司马", "上官", "诸葛", "东方",
						"皇甫", "尉迟", "公孙", "令狐", "慕容",
						"夏侯", "长孙", "宇文", "司徒"};

/* The characters of text without spaces, if they are all Han characters or
 * name dots; *characters counts them and *dots the dots. NULL otherwise. */
static char *name_characters(const char *text, size_t length, size_t *characters, size_t *dots)
{
	struct buffer name = {0};
	struct text_cursor cursor = {text, length, 0};
	*characters = *dots = 0;
	for (long c; (c = cursor_peek(&cursor)) >= 0;) {
		size_t here = cursor.at;
		cursor_advance(&cursor);
		if (text_is_space(c))
			continue;
		if (!is_han(c) && !is_name_dot(c)) {
			buffer_free(&name);
			return NULL;
		}
		*dots += is_name_dot(c) != 0;
		(*characters)++;
		buffer_append(&name, text + here, cursor.at - here);
	}
	return buffer_string(&name);
}

/* A personal name written after an office: 2-4 Han characters, or a
 * transcribed name with dots (艾尔肯·吐尼亚孜). A new string or NULL. */
static char *name_after_office(const char *text, size_t length)
{
	size_t characters, dots;
	char *name = name_characters(text, length, &characters, &dots);
	if (!name)
		return NULL;
	size_t size = strlen(name);
	int dotted_ok =
	    dots > 0 && characters <= 12 && !is_name_dot(name[0]) && !ends_with(name, size, "·");
	if ((dots == 0 && characters >= 2 && characters <= 4) || dotted_ok)
		return name;
	free(name);
	return NULL;
}

/* A name standing alone: 2-3 Han characters under a known surname (3-4
 * under a compound one). A new string or NULL. */
static char *lone_name(const char *text, size_t length)
{
	size_t characters, dots;
	char *name = name_characters(text, length, &characters, &dots);
	if (!name)
		return NULL;
	int known = 0;
	if (dots == 0 && characters >= 2 && characters <= 3) {
		size_t step;
		utf8_decode((const unsigned char *)name, strlen(name), &step);
		char first[5] = {0};
		memcpy(first, name, step);
		known = strstr(surnames, first) != NULL;
	}
	for (size_t i = 0; !known && i < sizeof compound_surnames / sizeof compound_surnames[0];
	     i++)
		known = dots == 0 && characters >= 3 && characters <= 4 &&
			strncmp(name, compound_surnames[i], strlen(compound_surnames[i])) == 0;
	if (known)
		return name;
	free(name);
	return NULL;
}

/* An office title: Han characters only, ending in 书记, 长, 主席, 总理 … */
static int is_office(const char *text, size_t length)
{
	static const char *const endings[] = {"书记", "长",   "主席",	"总理",
					      "主任", "政委", "司令员", "委员"};
	size_t characters, dots;
	char *office = name_characters(text, length, &characters, &dots);
	if (!office)
		return 0;
	size_t size = strlen(office);
	int found = 0;
	for (size_t i = 0; !found && i < sizeof endings / sizeof endings[0]; i++)
		found = ends_with(office, size, endings[i]);
	free(office);
	return found && dots == 0 && characters >= 2 && characters <= OFFICE_MAX_CHARACTERS;
}

/* "OFFICE NAME" (省长 王清宪, 自治区主席 韦 韬): tries each space as the
 * split, since the name may have spaces of its own. A new string
 * "OFFICE NAME" with the spaces normalised, or NULL. */
static char *office_and_name(const char *text, size_t length)
{
	struct text_cursor cursor = {text, length, 0};
	while (!cursor_at_end(&cursor)) {
		size_t here = cursor.at;
		long c = cursor_peek(&cursor);
		cursor_advance(&cursor);
		if (!text_is_space(c) || here == 0 || !is_office(text, here))
			continue;
		char *name = name_after_office(text + cursor.at, length - cursor.at);
		if (!name)
			continue;
		size_t characters, dots;
		char *office = name_characters(text, here, &characters, &dots);
		struct buffer speaker = {0};
		buffer_printf(&speaker, "%s %s", office, name);
		free(office);
		free(name);
		return buffer_string(&speaker);
	}
	return NULL;
}

/* --- the byline block --------------------------------------------------------- */

enum date_strength { DATE_NONE, DATE_TIMESTAMP, DATE_OF_SPEECH };

/* What one line of the byline block says. Spans are into the line. */
struct line_facts {
	enum date_strength strength;
	char date[DATE_ISO_SIZE];
	int opens_occasion;	   /* a date followed by 在, occasion or not */
	struct text_span occasion; /* length 0 when none */
	struct text_span after;	   /* what follows the occasion after a space */
};

static const char *const date_labels[] = {
    "时间：", "时间:", "日期：", "日期:", "发布时间：", "发表时间：", "发布日期：", "发布时间:"};

static void skip_dashes(struct text_cursor *cursor)
{
	while (cursor_accept(cursor, "—") || cursor_accept(cursor, "―") ||
	       cursor_accept(cursor, "－") || cursor_accept(cursor, "-") ||
	       cursor_accept(cursor, "─"))
		;
	cursor_skip_spaces(cursor);
}

static void read_line_facts(const char *text, size_t length, struct line_facts *facts)
{
	memset(facts, 0, sizeof *facts);
	struct text_cursor cursor = {text, length, 0};
	for (size_t i = 0; i < sizeof date_labels / sizeof date_labels[0]; i++)
		if (cursor_accept(&cursor, date_labels[i])) {
			cursor_skip_spaces(&cursor);
			struct date date;
			if (date_read(&cursor, &date) &&
			    (cursor_at_end(&cursor) || date_time_read(&cursor))) {
				facts->strength = DATE_TIMESTAMP;
				date_format(&date, facts->date);
			}
			return;
		}
	skip_dashes(&cursor);
	int bracketed = cursor_accept(&cursor, "（") || cursor_accept(&cursor, "(");
	struct date date;
	if (date_read(&cursor, &date)) {
		date_format(&date, facts->date);
		struct text_cursor rest = cursor;
		if (cursor_at_end(&cursor) ||
		    ((cursor_accept(&rest, "）") || cursor_accept(&rest, ")")) &&
		     cursor_at_end(&rest)))
			facts->strength = DATE_OF_SPEECH;
		else if (date_time_read(&cursor))
			facts->strength = DATE_TIMESTAMP;
		else if (cursor_peek(&cursor) == 0x5728 /* 在 */)
			facts->strength = DATE_OF_SPEECH;
		else if (bracketed &&
			 (ends_with(text, length, "）") || ends_with(text, length, ")")))
			facts->strength = DATE_OF_SPEECH; /* （2022年3月11日…会议通过） */
		if (facts->strength == DATE_NONE)
			facts->date[0] = '\0';
	}
	if (cursor_peek(&cursor) != 0x5728)
		return;
	cursor_advance(&cursor);
	facts->opens_occasion = 1;
	read_occasion(cursor, &facts->occasion, &facts->after);
}

static char *span_copy(const char *text, struct text_span span)
{
	return xstrndup(text + span.offset, span.length);
}

/* 来源：青海日报 → 青海日报. A new string or NULL. */
static char *source_in(const char *text, size_t length)
{
	static const char *const labels[] = {"来源：", "来源:"};
	for (size_t i = 0; i < 2; i++) {
		const char *found = memmem(text, length, labels[i], strlen(labels[i]));
		if (!found)
			continue;
		struct text_cursor cursor = {text, length,
					     (size_t)(found - text) + strlen(labels[i])};
		cursor_skip_spaces(&cursor);
		size_t start = cursor.at, characters = 0;
		while (!cursor_at_end(&cursor) && !text_is_space(cursor_peek(&cursor))) {
			cursor_advance(&cursor);
			characters++;
		}
		if (characters >= 1 && characters <= SOURCE_MAX_CHARACTERS)
			return xstrndup(text + start, cursor.at - start);
	}
	return NULL;
}

static int is_salutation(const char *text, size_t length)
{
	return (ends_with(text, length, "：") || ends_with(text, length, ":")) &&
	       utf8_count(text, length) <= SALUTATION_MAX_CHARACTERS;
}

/* The first paragraphs after the title that are shown (not front or
 * back matter): their numbers into lines[], at most BYLINE_MAX_LINES + 1
 * (the byline and the line after it). Returns how many. */
static size_t shown_lines(const struct speech *speech, size_t lines[BYLINE_MAX_LINES + 1])
{
	size_t count = 0;
	for (size_t i = 1; i < speech->paragraph_count && count <= BYLINE_MAX_LINES; i++)
		if (speech->paragraphs[i].role == PARAGRAPH_HEADING ||
		    speech->paragraphs[i].role == PARAGRAPH_BODY)
			lines[count++] = i;
	return count;
}

/* The paragraphs of the byline block: after the title, short, before the
 * salutation and the first heading. Returns how many (of lines[]). */
static size_t byline_length(const struct speech *speech, const size_t *lines, size_t line_count)
{
	size_t count = 0;
	for (size_t l = 0; l < line_count && count < BYLINE_MAX_LINES; l++) {
		size_t i = lines[l];
		const struct paragraph *paragraph = &speech->paragraphs[i];
		const char *text = paragraph_text(speech, i);
		if (paragraph->role == PARAGRAPH_HEADING ||
		    is_salutation(text, paragraph->length) ||
		    utf8_count(text, paragraph->length) > BYLINE_LINE_MAX_CHARACTERS)
			break;
		count++;
	}
	return count;
}

struct guess {
	const struct speech *speech;
	struct speech_metadata *metadata;
	enum date_strength date_strength;
};

static void take_date(struct guess *guess, const struct line_facts *facts)
{
	if (facts->strength <= guess->date_strength)
		return;
	free(guess->metadata->date);
	guess->metadata->date = xstrdup(facts->date);
	guess->date_strength = facts->strength;
}

static void take(char **field, char *value)
{
	if (*field || !value) {
		free(value);
		return;
	}
	*field = value;
}

/* A line that names its occasion on two lines (——2026年1月26日在广东省第十四届
 * / 人民代表大会第五次会议上) is read as one. Returns 1 when the next line
 * was used. */
static int joined_occasion(struct guess *guess, const char *text, size_t length, const char *next,
			   size_t next_length)
{
	struct buffer joined = {0};
	buffer_append(&joined, text, length);
	buffer_append(&joined, next, next_length);
	struct line_facts facts;
	read_line_facts(joined.data, joined.length, &facts);
	int used = facts.occasion.length > 0;
	if (used) {
		take(&guess->metadata->occasion, span_copy(joined.data, facts.occasion));
		take(&guess->metadata->speaker,
		     facts.after.length
			 ? office_and_name(joined.data + facts.after.offset, facts.after.length)
			 : NULL);
	}
	buffer_free(&joined);
	return used;
}

/* What the previous line of the byline was, for reading the next one. */
enum previous_line {
	AFTER_OTHER,
	AFTER_TITLE_OR_DATE, /* a lone name may follow */
	AFTER_OFFICE,	     /* a name line completes the office */
};

static void guess_byline(struct guess *guess)
{
	const struct speech *speech = guess->speech;
	struct speech_metadata *metadata = guess->metadata;
	size_t lines[BYLINE_MAX_LINES + 1];
	size_t line_count = shown_lines(speech, lines);
	size_t count = byline_length(speech, lines, line_count);
	enum previous_line previous = AFTER_TITLE_OR_DATE;
	const char *office = NULL;
	size_t office_length = 0;
	for (size_t l = 0; l < count; l++) {
		size_t i = lines[l];
		const char *text = paragraph_text(speech, i);
		size_t length = speech->paragraphs[i].length;
		text_trim(&text, &length);
		struct line_facts facts;
		read_line_facts(text, length, &facts);
		take_date(guess, &facts);
		take(&metadata->source, source_in(text, length));
		if (facts.occasion.length) {
			take(&metadata->occasion, span_copy(text, facts.occasion));
			if (facts.after.length)
				take(&metadata->speaker, office_and_name(text + facts.after.offset,
									 facts.after.length));
		} else if (facts.opens_occasion && l + 1 < count) {
			const char *next = paragraph_text(speech, lines[l + 1]);
			size_t next_length = speech->paragraphs[lines[l + 1]].length;
			text_trim(&next, &next_length);
			l += (size_t)joined_occasion(guess, text, length, next, next_length);
		}
		if (facts.strength != DATE_NONE || facts.opens_occasion) {
			previous = AFTER_TITLE_OR_DATE;
			continue;
		}
		char *speaker = office_and_name(text, length);
		if (!speaker && previous == AFTER_OFFICE) {
			char *name = name_after_office(text, length);
			if (name) {
				struct buffer both = {0};
				buffer_append(&both, office, office_length);
				buffer_printf(&both, " %s", name);
				free(name);
				speaker = buffer_string(&both);
			}
		}
		if (!speaker && previous == AFTER_TITLE_OR_DATE)
			speaker = lone_name(text, length);
		take(&metadata->speaker, speaker);
		previous = is_office(text, length) ? AFTER_OFFICE : AFTER_OTHER;
		office = text;
		office_length = length;
	}
}

void metadata_guess(const struct speech *speech, struct speech_metadata *metadata)
{
	memset(metadata, 0, sizeof *metadata);
	struct guess guess = {speech, metadata, DATE_NONE};
	if (speech->paragraph_count > 0 && speech->title_found) {
		const char *title = paragraph_text(speech, 0);
		size_t length = speech->paragraphs[0].length;
		struct text_span occasion;
		if (title_occasion(title, length, &occasion))
			metadata->occasion = span_copy(title, occasion);
		guess_byline(&guess);
	}
	for (size_t i = 0; i < speech->front_matter_count; i++)
		take(&metadata->source, source_in(speech->text + speech->front_matter[i].offset,
						  speech->front_matter[i].length));
}

void metadata_free(struct speech_metadata *metadata)
{
	free(metadata->date);
	free(metadata->speaker);
	free(metadata->occasion);
	free(metadata->source);
	memset(metadata, 0, sizeof *metadata);
}
