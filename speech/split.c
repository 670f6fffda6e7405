#include "speech/split.h"

#include <stdlib.h>
#include <string.h>

#include "base/buffer.h"
#include "base/utf8.h"
#include "speech/heading.h"

enum {
	RUN_ON_MIN_BYTES = 3000, /* about 1,000 characters */
	SALUTATION_SEARCH_BYTES = 600,
	SALUTATION_MAX_BYTES = 90,
};

struct pieces {
	struct text_line *line;
	size_t count, capacity;
};

static int is_space_at(const char *text, size_t length, size_t *size)
{
	if (text[0] == ' ') {
		*size = 1;
		return 1;
	}
	if (text_starts_with(text, length, "　")) {
		*size = strlen("　");
		return 1;
	}
	return 0;
}

static void add(struct pieces *pieces, const char *text, size_t start, size_t end,
		size_t source_line, unsigned blank_before)
{
	size_t size;
	while (start < end && is_space_at(text + start, end - start, &size))
		start += size;
	while (end > start && text[end - 1] == ' ')
		end--;
	while (end - start >= 3 && memcmp(text + end - 3, "　", 3) == 0)
		end -= 3;
	if (end <= start)
		return;
	pieces->line =
	    xgrow(pieces->line, &pieces->capacity, pieces->count + 1, sizeof *pieces->line);
	pieces->line[pieces->count++] =
	    (struct text_line){(size_t)0, end - start, source_line, blank_before};
	pieces->line[pieces->count - 1].offset = start;
}

/* 1 for a code point that ends a sentence (or closes a quote after one). */
static int sentence_end(long codepoint)
{
	return codepoint == 0x3002 /* 。 */ || codepoint == 0xFF01 /* ！ */ ||
	       codepoint == 0xFF1F /* ？ */ || codepoint == 0xFF1B /* ； */ ||
	       codepoint == 0x201D /* ” */;
}

/* A heading marker that may open a paragraph: not 一是 (often inline). */
static int marker_opens(const char *text, size_t length)
{
	struct heading_marker marker;
	if (length > 64)
		length = 64;
	return heading_marker_parse(text, length, &marker) &&
	       marker.rank != HEADING_RANK_ENUMERATION;
}

/* Where a salutation starts in the first bytes of a run-on line, and its
 * end after the ：, or 0. */
static size_t salutation_at(const char *text, size_t length, size_t *end)
{
	static const char *const openers[] = {"同志们",	  "各位代表", "尊敬的",	 "女士们",
					      "各位领导", "同学们",   "老师们",	 "亲爱的",
					      "朋友们",	  "各位委员", "各位来宾"};
	size_t limit = length < SALUTATION_SEARCH_BYTES ? length : SALUTATION_SEARCH_BYTES;
	for (size_t at = 0; at < limit; at++) {
		for (size_t i = 0; i < sizeof openers / sizeof openers[0]; i++) {
			if (!text_starts_with(text + at, length - at, openers[i]))
				continue;
			size_t window =
			    length - at < SALUTATION_MAX_BYTES ? length - at : SALUTATION_MAX_BYTES;
			const char *colon = memmem(text + at, window, "：", strlen("："));
			if (!colon)
				continue;
			*end = (size_t)(colon - text) + strlen("：");
			return at;
		}
	}
	return 0;
}

static void split_line(struct pieces *pieces, const char *base, const struct text_line *line)
{
	const char *text = base + line->offset;
	size_t length = line->length, start = 0;
	size_t salutation_end = 0;
	size_t salutation = salutation_at(text, length, &salutation_end);
	unsigned gap = line->blank_before;
	int after_end = 0; /* the character before ended a sentence */
	for (size_t at = 0; at < length;) {
		size_t size;
		if (salutation_end && (at == salutation || at == salutation_end)) {
			if (at > start) {
				add(pieces, base, line->offset + start, line->offset + at,
				    line->source_line, gap);
				gap = 0;
			}
			start = at;
			if (at == salutation_end)
				salutation_end = 0;
		}
		if (is_space_at(text + at, length - at, &size)) {
			size_t end = at, spaces = 0, wide = 0;
			while (end < length && is_space_at(text + end, length - end, &size)) {
				wide |= size > 1;
				spaces++;
				end += size;
			}
			if (wide || spaces >= 2 || after_end) {
				add(pieces, base, line->offset + start, line->offset + at,
				    line->source_line, gap);
				gap = 0;
				start = end;
			}
			at = end;
			after_end = 0;
			continue;
		}
		if (after_end && at > start && marker_opens(text + at, length - at)) {
			add(pieces, base, line->offset + start, line->offset + at,
			    line->source_line, gap);
			gap = 0;
			start = at;
		}
		after_end =
		    sentence_end(utf8_decode((const unsigned char *)text + at, length - at, &size));
		at += size;
	}
	add(pieces, base, line->offset + start, line->offset + length, line->source_line, gap);
}

void split_run_on_lines(struct lines *lines)
{
	size_t total = 0;
	for (size_t i = 0; i < lines->count; i++)
		total += lines->line[i].length;
	int any = 0;
	for (size_t i = 0; i < lines->count && !any; i++)
		any =
		    lines->line[i].length >= RUN_ON_MIN_BYTES && 2 * lines->line[i].length > total;
	if (!any)
		return;
	struct pieces pieces = {0};
	for (size_t i = 0; i < lines->count; i++) {
		const struct text_line *line = &lines->line[i];
		if (line->length >= RUN_ON_MIN_BYTES && 2 * line->length > total)
			split_line(&pieces, lines->text, line);
		else
			add(&pieces, lines->text, line->offset, line->offset + line->length,
			    line->source_line, line->blank_before);
	}
	free(lines->line);
	lines->line = pieces.line;
	lines->count = pieces.count;
}
