#include "speech/lines.h"

#include <string.h>

#include "base/utf8.h"
#include "speech/clause.h"
#include "speech/heading.h"

enum {
	SALUTATION_MAX_CHARACTERS = 30,
	FURNITURE_MAX_CHARACTERS = 40,
	DATE_HEAD_BYTES = 36, /* 2025年12月31日, 一九六九年四月一日 */
	SPEAKER_MAX_CHARACTERS = 20,
};

int text_contains(const char *text, size_t length, const char *word)
{
	return memmem(text, length, word, strlen(word)) != NULL;
}

int text_at_most(const char *text, size_t length, size_t most)
{
	/* A character is at most four bytes and at least one. */
	if (length <= most)
		return 1;
	if (length > 4 * most)
		return 0;
	return utf8_count(text, length) <= most;
}

long text_last_codepoint(const char *text, size_t length, size_t *size)
{
	size_t start = length;
	while (start > 0 && length - start < 4 && ((unsigned char)text[start - 1] & 0xC0) == 0x80)
		start--;
	if (start == 0)
		return -1;
	start--;
	size_t step;
	long codepoint = utf8_decode((const unsigned char *)text + start, length - start, &step);
	*size = length - start;
	return step == *size ? codepoint : -1;
}

static int is_closer(long codepoint)
{
	return codepoint == 0x201D /* ” */ || codepoint == 0x2019 /* ’ */ ||
	       codepoint == 0x300D /* 」 */ || codepoint == 0x300F /* 』 */ || codepoint == '"' ||
	       codepoint == 0xFF09 /* ） */ || codepoint == ')';
}

/* text without closing quotes and brackets at its end. */
static size_t without_closers(const char *text, size_t length)
{
	size_t size;
	while (length > 0 && is_closer(text_last_codepoint(text, length, &size)))
		length -= size;
	return length;
}

int text_ends_sentence(const char *text, size_t length)
{
	length = without_closers(text, length);
	size_t size;
	long last = text_last_codepoint(text, length, &size);
	return last == 0x3002 /* 。 */ || last == 0xFF01 /* ！ */ || last == 0xFF1F /* ？ */ ||
	       last == 0xFF1B /* ； */ || last == 0x2026 /* … */ || last == '.' || last == '!' ||
	       last == '?' || last == ';';
}

int line_is_salutation(const char *text, size_t length)
{
	static const char *const addressed[] = {
	    "同志", "代表", "委员", "朋友", "同学", "老师", "来宾", "先生", "女士", "各位",
	    "尊敬", "亲爱", "大家", "领导", "嘉宾", "青年", "战友", "乡亲", "同仁", "家长"};
	if (!text_at_most(text, length, SALUTATION_MAX_CHARACTERS))
		return 0;
	int colon = text_ends_with(text, length, "：") || text_ends_with(text, length, ":");
	int exclaims = text_ends_with(text, length, "！") || text_ends_with(text, length, "!") ||
		       text_ends_with(text, length, "，");
	if (!colon && !exclaims)
		return 0;
	for (size_t i = 0; i < sizeof addressed / sizeof addressed[0]; i++)
		if (text_contains(text, length, addressed[i]))
			return 1;
	return 0;
}

int line_could_be_title(const char *text, size_t length)
{
	struct heading_marker marker;
	/* A chapter's number (1 范围) heads a standard's chapter, never it. */
	return text_at_most(text, length, TITLE_MAX_CHARACTERS) &&
	       !line_is_salutation(text, length) && !heading_marker_parse(text, length, &marker) &&
	       !clause_chapter_parse(text, length) && !text_ends_sentence(text, length) &&
	       !text_ends_with(text, length, "：") && !text_ends_with(text, length, "，");
}

int line_has_title_shape(const char *text, size_t length)
{
	static const char *const endings[] = {
	    "讲话",   "报告", "发言", "致辞",	"致词", "提纲",	  "讲稿",   "演讲",
	    "演讲稿", "意见", "通知", "决定",	"决议", "方案",	  "纪要",   "总结",
	    "规划",   "纲要", "公报", "主持词", "贺信", "宣言",	  "条例",   "办法",
	    "规定",   "党课", "述职", "汇报",	"说明", "倡议书", "策划书", "计划书"};
	if (!text_at_most(text, length, TITLE_MAX_CHARACTERS))
		return 0;
	size_t trimmed = without_closers(text, length);
	for (size_t i = 0; i < sizeof endings / sizeof endings[0]; i++)
		if (text_ends_with(text, trimmed, endings[i]))
			return 1;
	/* 在…会议上的讲话（摘要）, 在…上的发言（2025年1月1日）. */
	return text_starts_with(text, length, "在") && text_contains(text, length, "上的");
}

/* 1 when the text holds a date written in digits: 2025-01-01, 2025/1/1,
 * 2025.01.01 (after a word such as 时间： or alone). */
static int has_digit_date(const char *text, size_t length)
{
	size_t digits = 0;
	for (size_t i = 0; i < length; i++) {
		if (text[i] >= '0' && text[i] <= '9') {
			digits++;
			continue;
		}
		if (digits == 4 && (text[i] == '-' || text[i] == '/' || text[i] == '.') &&
		    i + 1 < length && text[i + 1] >= '0' && text[i + 1] <= '9')
			return 1;
		digits = 0;
	}
	return 0;
}

/* 1 when text opens with a date in words: 2025年1月18日…, 一九六九年四月一日…. */
static int starts_with_date(const char *text, size_t length)
{
	size_t head = length < DATE_HEAD_BYTES ? length : DATE_HEAD_BYTES;
	const char *year = memmem(text, head, "年", strlen("年"));
	const char *month = memmem(text, head, "月", strlen("月"));
	const char *day = memmem(text, head, "日", strlen("日"));
	return year && month && day && year < month && month < day &&
	       (size_t)(year - text) <= 4 * 3;
}

/* 1 when text holds ideographs and spaces only. */
static int only_chinese_words(const char *text, size_t length)
{
	for (size_t at = 0; at < length;) {
		size_t step;
		long codepoint = utf8_decode((const unsigned char *)text + at, length - at, &step);
		if (!(codepoint >= 0x4E00 && codepoint <= 0x9FFF) && codepoint != ' ' &&
		    codepoint != 0x3000 && codepoint != 0x00B7 /* · */)
			return 0;
		at += step;
	}
	return 1;
}

int line_is_title_furniture(const char *text, size_t length)
{
	if (!text_at_most(text, length, TITLE_MAX_CHARACTERS) || text_ends_sentence(text, length))
		return 0;
	/* A subtitle: ——在…上的报告, or a date and the occasion it was given at
	 * (2025年1月18日在…会议上). */
	if (text_starts_with(text, length, "——") || text_starts_with(text, length, "—") ||
	    text_starts_with(text, length, "－－") || text_starts_with(text, length, "--") ||
	    (starts_with_date(text, length) && text_contains(text, length, "在")))
		return 1;
	if (!text_at_most(text, length, FURNITURE_MAX_CHARACTERS))
		return 0;
	if ((text_starts_with(text, length, "（") && text_ends_with(text, length, "）")) ||
	    (text_starts_with(text, length, "(") && text_ends_with(text, length, ")")))
		return 1;
	if (has_digit_date(text, length))
		return 1;
	if (text_contains(text, length, "年") && text_contains(text, length, "月") &&
	    text_contains(text, length, "日") && !line_has_title_shape(text, length))
		return 1;
	if (!text_at_most(text, length, SPEAKER_MAX_CHARACTERS))
		return 0;
	/* 省长 张三, 习　近　平, 张三同志: a short line of a name or two words
	 * in Chinese. */
	return text_ends_with(text, length, "同志") ||
	       ((text_contains(text, length, " ") || text_contains(text, length, "　")) &&
		!line_has_title_shape(text, length) && only_chinese_words(text, length));
}

void line_delete(struct lines *lines, size_t i, size_t at, size_t count)
{
	struct text_line *line = &lines->line[i];
	char *start = (char *)line_text(lines, i);
	memmove(start + at, start + at + count, line->length - at - count);
	memset(start + line->length - count, ' ', count);
	line->length -= count;
}
