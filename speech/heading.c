#include "speech/heading.h"

#include <string.h>

#include "base/utf8.h"

static int starts_with(const char *text, size_t length, const char *prefix)
{
	size_t prefix_length = strlen(prefix);
	return length >= prefix_length && memcmp(text, prefix, prefix_length) == 0;
}

static int digit_value(long codepoint)
{
	static const long digits[] = {0x96F6 /* 零 */, 0x4E00, 0x4E8C, 0x4E09, 0x56DB,
				      0x4E94,	       0x516D, 0x4E03, 0x516B, 0x4E5D};
	for (int value = 0; value < 10; value++)
		if (codepoint == digits[value])
			return value;
	if (codepoint == 0x3007 /* 〇 */)
		return 0;
	if (codepoint == 0x4E24 /* 两 */)
		return 2;
	return -1;
}

int chinese_numeral_parse(const char *text, size_t length, size_t *numeral_length)
{
	const unsigned char *bytes = (const unsigned char *)text;
	size_t offset = 0;
	int value = 0, pending = -1, characters = 0;
	while (offset < length && characters < 5) {
		size_t step;
		long codepoint = utf8_decode(bytes + offset, length - offset, &step);
		int digit = digit_value(codepoint);
		if (digit >= 0) {
			if (pending >= 0)
				break; /* two digits in a row: not a numeral we count */
			pending = digit;
		} else if (codepoint == 0x5341 /* 十 */) {
			if (value >= 10)
				break;
			value += (pending < 0 ? 1 : pending) * 10;
			pending = -1;
		} else {
			break;
		}
		offset += step;
		characters++;
	}
	if (pending > 0)
		value += pending;
	*numeral_length = offset;
	return offset > 0 ? value : 0;
}

/* Digits, ASCII or full-width; returns the value or -1. */
static int arabic_number_parse(const char *text, size_t length, size_t *number_length)
{
	const unsigned char *bytes = (const unsigned char *)text;
	size_t offset = 0;
	int value = 0, digits = 0;
	while (offset < length && digits < 3) {
		size_t step;
		long codepoint = utf8_decode(bytes + offset, length - offset, &step);
		int digit;
		if (codepoint >= '0' && codepoint <= '9')
			digit = (int)(codepoint - '0');
		else if (codepoint >= 0xFF10 && codepoint <= 0xFF19)
			digit = (int)(codepoint - 0xFF10);
		else
			break;
		value = value * 10 + digit;
		digits++;
		offset += step;
	}
	*number_length = offset;
	return digits > 0 && value > 0 ? value : -1;
}

/* Matches an opening bracket, a number, and a closing bracket. */
static int bracketed(const char *line, size_t length, int chinese, int *value,
		     size_t *marker_length)
{
	size_t open;
	if (starts_with(line, length, "（"))
		open = strlen("（");
	else if (starts_with(line, length, "("))
		open = 1;
	else
		return 0;
	size_t number_length;
	int number = chinese ? chinese_numeral_parse(line + open, length - open, &number_length)
			     : arabic_number_parse(line + open, length - open, &number_length);
	if (number <= 0)
		return 0;
	size_t after = open + number_length;
	size_t close;
	if (starts_with(line + after, length - after, "）"))
		close = strlen("）");
	else if (starts_with(line + after, length - after, ")"))
		close = 1;
	else
		return 0;
	*value = number;
	*marker_length = after + close;
	return 1;
}

/* Second characters that make 一X a word (一些, 一年, 两个), not an
 * enumeration verb. */
static const char *const not_verbs =
    "些切定直年个次般样起致方道批项种条位名天月日时度届代流线体份点半大中小同并再旦经律"
    "概向贯心意举手身边面级类期轮场分片层系号路家户国部篇章节万千百亿成倍上下里周岁辈人"
    "种来席番口张件把台座所则句声笔本会审期代";

/* 1 when the character at text (a code point of `size` bytes) can be the
 * verb of an enumeration: an ideograph, not a numeral, not a word maker. */
static int is_verb(const char *text, size_t size, long codepoint)
{
	if (codepoint < 0x4E00 || codepoint > 0x9FFF || digit_value(codepoint) >= 0 ||
	    codepoint == 0x5341 /* 十 */)
		return 0;
	/* Ideographs of this block are three bytes in UTF-8. */
	for (const char *word = not_verbs; *word; word += 3)
		if (size == 3 && memcmp(word, text, 3) == 0)
			return 0;
	return 1;
}

int heading_common_verb(long kind)
{
	return kind == 0x662F /* 是 */ || kind == 0x8981 /* 要 */ || kind == 0x7B2C /* 第 */;
}

/* 第 + numeral + 部分/编/篇/章/节 (ranks 1-3) or + ，/、 (rank 6). */
static int ordinal_marker(const char *line, size_t length, struct heading_marker *marker)
{
	static const struct {
		const char *word;
		int rank;
	} units[] = {{"部分", 1}, {"编", 1}, {"篇", 1}, {"章", 2}, {"节", 3}, {"，", 6}, {"、", 6}};
	size_t prefix = strlen("第"), number_length;
	int value = chinese_numeral_parse(line + prefix, length - prefix, &number_length);
	if (value <= 0)
		return 0;
	size_t after = prefix + number_length;
	for (size_t i = 0; i < sizeof units / sizeof units[0]; i++) {
		if (!starts_with(line + after, length - after, units[i].word))
			continue;
		size_t marker_length = after + strlen(units[i].word);
		/* 第一篇 and 第一编 head a part only before a space (第一篇 总论):
		 * 第二篇讲话 is the second speech. */
		if ((strcmp(units[i].word, "篇") == 0 || strcmp(units[i].word, "编") == 0) &&
		    !starts_with(line + marker_length, length - marker_length, " ") &&
		    !starts_with(line + marker_length, length - marker_length, "　"))
			return 0;
		/* 第一章 is followed by a space or its name; 第一，by anything. */
		while (units[i].rank < 6 && marker_length < length &&
		       (line[marker_length] == ' ' ||
			starts_with(line + marker_length, length - marker_length, "　")))
			marker_length += line[marker_length] == ' ' ? 1 : strlen("　");
		*marker = (struct heading_marker){units[i].rank, value, marker_length,
						  units[i].rank == 6 ? 0x7B2C : 0};
		return 1;
	}
	return 0;
}

static int marker_at(const char *line, size_t length, struct heading_marker *marker)
{
	int value;
	size_t marker_length, number_length;

	if (bracketed(line, length, 1, &value, &marker_length)) {
		*marker = (struct heading_marker){5, value, marker_length, 0};
		return 1;
	}
	if (bracketed(line, length, 0, &value, &marker_length)) {
		*marker = (struct heading_marker){8, value, marker_length, 0};
		return 1;
	}
	if (starts_with(line, length, "第"))
		return ordinal_marker(line, length, marker);
	value = chinese_numeral_parse(line, length, &number_length);
	if (value > 0) {
		const char *after = line + number_length;
		size_t left = length - number_length;
		if (starts_with(after, left, "、")) {
			*marker =
			    (struct heading_marker){4, value, number_length + strlen("、"), 0};
			return 1;
		}
		if (left == 0)
			return 0;
		size_t step;
		long verb = utf8_decode((const unsigned char *)after, left, &step);
		if (!is_verb(after, step, verb))
			return 0;
		*marker = (struct heading_marker){6, value, number_length + step, verb};
		return 1;
	}
	value = arabic_number_parse(line, length, &number_length);
	if (value > 0) {
		const char *after = line + number_length;
		size_t left = length - number_length;
		size_t separator = 0;
		long kind = 0;
		if (starts_with(after, left, ".") || starts_with(after, left, ")"))
			separator = 1, kind = after[0];
		else if (starts_with(after, left, "、"))
			separator = strlen("、"), kind = 0x3001;
		else if (starts_with(after, left, "．"))
			separator = strlen("．"), kind = '.';
		else if (starts_with(after, left, "）"))
			separator = strlen("）"), kind = ')';
		if (separator == 0)
			return 0;
		/* 1.5% is a number, not a marker. */
		size_t rest_length;
		if (arabic_number_parse(after + separator, left - separator, &rest_length) >= 0 ||
		    (left > separator && after[separator] == '0'))
			return 0;
		*marker = (struct heading_marker){7, value, number_length + separator, kind};
		return 1;
	}
	return 0;
}

int heading_marker_parse_any(const char *line, size_t length, struct heading_marker *marker)
{
	if (!marker_at(line, length, marker))
		return 0;
	/* A marker alone on its line heads nothing. */
	return marker->marker_length < length;
}

int heading_marker_parse(const char *line, size_t length, struct heading_marker *marker)
{
	return heading_marker_parse_any(line, length, marker) &&
	       (marker->rank != HEADING_RANK_ENUMERATION || heading_common_verb(marker->kind));
}

int heading_marker_alone(const char *line, size_t length)
{
	struct heading_marker marker;
	return marker_at(line, length, &marker) && marker.marker_length == length &&
	       (marker.rank != HEADING_RANK_ENUMERATION || heading_common_verb(marker.kind));
}

int heading_appendix_line(const char *line, size_t length)
{
	static const char *const openers[] = {"附件", "附录", "附：", "附:", "名词解释"};
	/* Quick: 附 and 名 both start with bytes no other opener shares. */
	if (length < 3 || !(starts_with(line, length, "附") || starts_with(line, length, "名")))
		return 0;
	int opens = 0;
	for (size_t i = 0; i < sizeof openers / sizeof openers[0]; i++)
		opens |= starts_with(line, length, openers[i]);
	if (!opens || utf8_count(line, length) > 30)
		return 0;
	/* 附件 in a sentence (附件所列…。) is prose. */
	static const char *const ends[] = {"。", "；", "，", "！", "？"};
	for (size_t i = 0; i < sizeof ends / sizeof ends[0]; i++)
		if (memmem(line, length, ends[i], strlen(ends[i])))
			return 0;
	return 1;
}

size_t heading_label_length(const char *line, size_t length)
{
	static const char *const ends[] = {"。", "！", "？", "："};
	size_t offset = 0;
	while (offset < length) {
		for (size_t i = 0; i < sizeof ends / sizeof ends[0]; i++) {
			if (starts_with(line + offset, length - offset, ends[i]))
				return offset;
		}
		size_t step;
		utf8_decode((const unsigned char *)line + offset, length - offset, &step);
		offset += step;
	}
	return length;
}
