#include "speech/clause.h"

#include <string.h>

#include "base/utf8.h"

enum {
	CLAUSE_PART_MAX_DIGITS = 2, /* 10.2.13, never 167.01 (a table's figure) */
	CHAPTER_NAME_MAX_CHARACTERS = 30,
};

/* A quantity after the number (2.5万, 3.5倍, 1.2亿): not a clause. */
static int unit_follows(long codepoint)
{
	static const long units[] = {0x4E07 /* 万 */, 0x4EBF /* 亿 */, 0x500D /* 倍 */,
				     0x5143 /* 元 */, 0x4E2A /* 个 */, 0x5E74 /* 年 */,
				     0x7C73 /* 米 */, 0x5428 /* 吨 */, 0x5206 /* 分 */};
	for (size_t i = 0; i < sizeof units / sizeof units[0]; i++)
		if (codepoint == units[i])
			return 1;
	return 0;
}

int clause_number_parse(const char *line, size_t length, struct clause_number *number)
{
	memset(number, 0, sizeof *number);
	size_t at = 0;
	for (;;) {
		size_t digits = 0;
		int value = 0;
		if (at + 1 < length && line[at] == '0' && line[at + 1] >= '0' &&
		    line[at + 1] <= '9')
			return 0; /* 1.05: a figure */
		while (at < length && line[at] >= '0' && line[at] <= '9' &&
		       digits < CLAUSE_PART_MAX_DIGITS) {
			value = value * 10 + (line[at++] - '0');
			digits++;
		}
		if (digits == 0 || (at < length && line[at] >= '0' && line[at] <= '9') ||
		    number->parts == CLAUSE_MAX_PARTS)
			return 0;
		number->part[number->parts++] = value;
		if (at + 1 < length && line[at] == '.' && line[at + 1] >= '0' &&
		    line[at + 1] <= '9')
			at++;
		else
			break;
	}
	if (number->parts < 2 || number->part[number->parts - 1] == 0)
		return 0;
	/* What follows: white space (an ASCII space, U+3000, a tab), then
	 * text, or Chinese text right after the number. */
	size_t text = at;
	while (text < length) {
		if (line[text] == ' ' || line[text] == '\t')
			text++;
		else if (length - text >= 3 && memcmp(line + text, "\u3000", 3) == 0)
			text += 3;
		else
			break;
	}
	if (text >= length)
		return 0;
	size_t step;
	long codepoint = utf8_decode((const unsigned char *)line + text, length - text, &step);
	if (unit_follows(codepoint) || codepoint == 0x3001 || codepoint == 0x3002 ||
	    (codepoint >= 0xFF00 && codepoint <= 0xFFEF))
		return 0;     /* 2.5万, 1.2、, 3.5％ */
	if (codepoint < 0x80) /* 1.4.1 CCS…, never 2.5% or 1.2.3.4 */
		return text > at && (codepoint | 0x20) >= 'a' && (codepoint | 0x20) <= 'z';
	return 1;
}

int clause_continues(const struct clause_number seen[CLAUSE_MAX_PARTS + 1],
		     const struct clause_number *number)
{
	int parts = number->parts;
	int last = number->part[parts - 1];
	if (last == 1)
		return 1;
	/* The clause before at this depth: the last one of it, or the one a
	 * deeper clause since implies (2.3 of 2.3.2, when 2.3 itself was the
	 * page's title or in another form). */
	const struct clause_number *before = &seen[parts];
	for (int deeper = parts + 1; deeper <= CLAUSE_MAX_PARTS; deeper++)
		if (seen[deeper].parts) {
			before = &seen[deeper];
			break;
		}
	if (before->parts < parts ||
	    memcmp(before->part, number->part, (size_t)(parts - 1) * sizeof number->part[0]) != 0)
		return 0;
	int previous = before->part[parts - 1];
	return last == previous + 1 || last == previous + 2;
}

/* The length of the white space at text[0..length): ASCII spaces, tabs,
 * U+3000. */
static size_t white_space(const char *text, size_t length)
{
	size_t at = 0;
	while (at < length) {
		if (text[at] == ' ' || text[at] == '\t')
			at++;
		else if (length - at >= 3 && memcmp(text + at, "\u3000", 3) == 0)
			at += 3;
		else
			break;
	}
	return at;
}

/* Whether text ends with a page number after white space or leader dots
 * (范围 1, 范围……1, 前言 II): a line of a table of contents. */
static int ends_with_page_number(const char *text, size_t length)
{
	size_t end = length, digits = 0;
	while (end > 0) {
		unsigned char c = (unsigned char)text[end - 1];
		if ((c >= '0' && c <= '9') || c == 'I' || c == 'V' || c == 'X' || c == 'i' ||
		    c == 'v' || c == 'x') {
			end--, digits++;
			continue;
		}
		/* Full-width digits and Roman numerals (Ⅰ…Ⅻ): three bytes. */
		size_t step;
		long codepoint =
		    end >= 3 ? utf8_decode((const unsigned char *)text + end - 3, 3, &step) : -1;
		if (end >= 3 && step == 3 &&
		    ((codepoint >= 0xFF10 && codepoint <= 0xFF19) ||
		     (codepoint >= 0x2160 && codepoint <= 0x217F))) {
			end -= 3, digits++;
			continue;
		}
		break;
	}
	if (digits == 0 || digits > 4 || end == 0)
		return 0;
	unsigned char before = (unsigned char)text[end - 1];
	if (before == ' ' || before == '\t' || before == '.')
		return 1;
	static const char *const leaders[] = {"\u3000", "\u2026" /* … */, "\u00B7" /* · */,
					      "\uFF0E" /* ． */};
	for (size_t i = 0; i < sizeof leaders / sizeof leaders[0]; i++) {
		size_t size = strlen(leaders[i]);
		if (end >= size && memcmp(text + end - size, leaders[i], size) == 0)
			return 1;
	}
	return 0;
}

int clause_chapter_parse(const char *line, size_t length)
{
	size_t at = 0;
	int value = 0;
	while (at < length && line[at] >= '0' && line[at] <= '9' && at < CLAUSE_PART_MAX_DIGITS)
		value = value * 10 + (line[at++] - '0');
	if (at == 0 || line[0] == '0' || at == length || (line[at] >= '0' && line[at] <= '9'))
		return 0;
	size_t space = white_space(line + at, length - at);
	if (space == 0 || at + space >= length)
		return 0;
	const char *name = line + at + space;
	size_t name_length = length - at - space, characters = 0;
	size_t step;
	long first = utf8_decode((const unsigned char *)name, name_length, &step);
	/* 3 个方面, 2 0 2 4: a quantity or digits apart, not a chapter. */
	if ((first < 0x80 && !((first | 0x20) >= 'a' && (first | 0x20) <= 'z')) ||
	    unit_follows(first) || (first >= 0xFF00 && first <= 0xFFEF) ||
	    (first >= 0x3000 && first <= 0x303F))
		return 0;
	static const long sentence[] = {0x3002 /* 。 */, 0xFF0C /* ， */, 0xFF1B /* ； */,
					0xFF01 /* ！ */, 0xFF1F /* ？ */, 0xFF1A /* ： */};
	for (size_t i = 0; i < name_length; i += step, characters++) {
		long codepoint =
		    utf8_decode((const unsigned char *)name + i, name_length - i, &step);
		for (size_t k = 0; k < sizeof sentence / sizeof sentence[0]; k++)
			if (codepoint == sentence[k])
				return 0;
		if (characters >= CHAPTER_NAME_MAX_CHARACTERS)
			return 0;
	}
	return ends_with_page_number(name, name_length) ? 0 : value;
}

int clause_number_alone(const char *line, size_t length)
{
	int parts = 0;
	for (size_t at = 0; at < length; at++) {
		if (line[at] == '.') {
			if (at == 0 || line[at - 1] == '.' || at + 1 == length)
				return 0;
			continue;
		}
		if (line[at] < '0' || line[at] > '9')
			return 0;
		if (at == 0 || line[at - 1] == '.')
			parts++;
	}
	return parts >= 2 && parts <= CLAUSE_MAX_PARTS;
}
