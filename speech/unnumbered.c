#include "speech/unnumbered.h"

#include <stdlib.h>
#include <string.h>

#include "base/buffer.h"
#include "base/utf8.h"
#include "speech/front_matter.h"
#include "speech/heading.h"
#include "speech/lines.h"
#include "speech/structure.h"

enum {
	UNNUMBERED_MAX_CHARACTERS = 25,
	SIBLING_LENGTH_DIFFERENCE = 4,
	/* Paragraphs an unnumbered heading's introduction may have before
	 * the numbered headings it contains. */
	UNNUMBERED_INTRODUCTION = 4,
	SIBLING_INTRODUCTION = 8,
	PAIRED_MAX_CHARACTERS = 20,
	PAIRED_PHRASE_MIN_CHARACTERS = 2,
	PROSE_MIN_CHARACTERS = 30,
};

/* 1 when text starts with a letter or digit, not punctuation (” 。 ，). */
static int starts_with_word(const char *text, size_t length)
{
	size_t step;
	long codepoint = utf8_decode((const unsigned char *)text, length, &step);
	return (codepoint >= 0x4E00 && codepoint <= 0x9FFF) ||
	       (codepoint >= '0' && codepoint <= '9') ||
	       ((codepoint | 0x20) >= 'a' && (codepoint | 0x20) <= 'z') ||
	       (codepoint >= 0xFF10 && codepoint <= 0xFF19) || codepoint == 0x201C /* “ */ ||
	       codepoint == 0x300A /* 《 */ || codepoint == 0xFF08 /* （ */;
}

/* 1 when text ends on an opening bracket or quote (我国第一部《): the
 * rest of its sentence is on the next line. */
static int ends_opening(const char *text, size_t length)
{
	static const char *const opens[] = {"《", "“", "（", "(", "「", "‘", "【"};
	for (size_t i = 0; i < sizeof opens / sizeof opens[0]; i++)
		if (text_ends_with(text, length, opens[i]))
			return 1;
	return 0;
}

/* A short standalone line that may head a part without a number. */
static int unnumbered_candidate(const struct speech *speech, size_t i)
{
	const struct paragraph *paragraph = &speech->paragraphs[i];
	const char *text = paragraph_text(speech, i);
	size_t length = paragraph->length;
	if (paragraph->role != PARAGRAPH_BODY || text_ends_sentence(text, length) ||
	    !text_at_most(text, length, UNNUMBERED_MAX_CHARACTERS) ||
	    text_at_most(text, length, 1) || !line_could_be_title(text, length) ||
	    text_contains(text, length, "，") || line_is_title_furniture(text, length) ||
	    front_matter_line(text, length) || heading_appendix_line(text, length))
		return 0;
	/* It stands between paragraphs: after a sentence's end, a salutation
	 * or a heading, not amid fragments of a broken line or right under a
	 * title (a speaker's name). It starts with a word, and something
	 * follows it. */
	if (i + 1 >= speech->paragraph_count || !starts_with_word(text, length) ||
	    ends_opening(text, length) ||
	    !starts_with_word(paragraph_text(speech, i + 1), speech->paragraphs[i + 1].length))
		return 0;
	const struct paragraph *before = &speech->paragraphs[i - 1];
	const char *before_text = paragraph_text(speech, i - 1);
	if (i == 1 || (before->role != PARAGRAPH_HEADING &&
		       !text_ends_sentence(before_text, before->length) &&
		       !line_is_salutation(before_text, before->length)))
		return 0;
	/* The caption under 附件1 names the appendix; it heads nothing. */
	return !(before->role == PARAGRAPH_HEADING && before->rank == RANK_APPENDIX);
}

/* Two unnumbered headings read as siblings: similar lengths, or both
 * opening with a year (2025年工作回顾 / 2026年工作安排). */
static int alike(const char *a, size_t a_length, const char *b, size_t b_length)
{
	size_t a_count = utf8_count(a, a_length), b_count = utf8_count(b, b_length);
	size_t difference = a_count > b_count ? a_count - b_count : b_count - a_count;
	return difference <= SIBLING_LENGTH_DIFFERENCE ||
	       (a[0] >= '0' && a[0] <= '9' && b[0] >= '0' && b[0] <= '9');
}

struct open_heading {
	int rank;
	size_t unnumbered; /* its paragraph when it is an unnumbered heading, else 0 */
};

/* The first numbered heading after candidate i and the smallest rank
 * among the headings up to the next candidate, one of rank `bound` or
 * less or an appendix; 0 when there is none. */
static size_t contents(const struct speech *speech, const unsigned char *candidate, size_t i,
		       int bound, int *top)
{
	size_t first = 0;
	*top = PARAGRAPH_RANK_MAX + 1;
	for (size_t j = i + 1; j < speech->paragraph_count && !candidate[j]; j++) {
		const struct paragraph *inner = &speech->paragraphs[j];
		if (inner->role != PARAGRAPH_HEADING)
			continue;
		if (inner->rank <= bound || inner->rank == RANK_APPENDIX)
			break;
		if (!first)
			first = j;
		if (inner->rank < *top)
			*top = inner->rank;
	}
	return first;
}

/* 1 when the paragraphs between candidate i and its first heading are a
 * short introduction: a few, with no salutation (各位代表！) and none that
 * announces the list itself (…有以下几点：), which would own it. A sibling
 * of an earlier unnumbered heading (`sibling`) may have a longer one,
 * announcing its list. */
static int introduces(const struct speech *speech, size_t i, size_t first, int sibling)
{
	if (first - i - 1 > (sibling ? SIBLING_INTRODUCTION : UNNUMBERED_INTRODUCTION))
		return 0;
	for (size_t j = i + 1; j < first && !sibling; j++) {
		const char *text = paragraph_text(speech, j);
		size_t length = speech->paragraphs[j].length;
		if (line_is_salutation(text, length) || text_ends_with(text, length, "：") ||
		    text_ends_with(text, length, ":"))
			return 0;
	}
	return 1;
}

/* The rank of unnumbered candidate i, or 0 when it heads nothing. A
 * sibling of an open unnumbered heading like it takes its rank; else it
 * heads a fresh run (its first heading is 1) of its enclosing heading's
 * contents, 2 above their highest rank. */
static int unnumbered_rank(const struct speech *speech, const struct paragraph_marker *markers,
			   const unsigned char *candidate, size_t i,
			   const struct open_heading *stack, size_t height)
{
	const struct paragraph *paragraph = &speech->paragraphs[i];
	const char *text = paragraph_text(speech, i);
	int top;
	for (size_t at = height; at-- > 0;) {
		size_t open = stack[at].unnumbered;
		if (!open)
			continue;
		const struct paragraph *other = &speech->paragraphs[open];
		if (!alike(text, paragraph->length, paragraph_text(speech, open), other->length))
			break;
		int bound = at ? stack[at - 1].rank : 0;
		size_t first = contents(speech, candidate, i, bound, &top);
		if (!first || markers[first].rank == 0 || !introduces(speech, i, first, 1))
			return 0;
		int rank = top - 2 < stack[at].rank ? top - 2 : stack[at].rank;
		return rank > bound ? rank : 0;
	}
	int enclosing = height ? stack[height - 1].rank : 0;
	size_t first = contents(speech, candidate, i, enclosing, &top);
	if (!first || markers[first].rank == 0 || markers[first].value != 1 ||
	    top - 2 <= enclosing || !introduces(speech, i, first, 0))
		return 0;
	return top - 2;
}

/* Finds the unnumbered headings among the short standalone lines. */
void unnumbered_find_headings(struct speech *speech, const struct paragraph_marker *markers)
{
	size_t count = speech->paragraph_count;
	unsigned char *candidate = xcalloc(count, 1);
	for (size_t i = 1; i < count; i++)
		candidate[i] = (unsigned char)unnumbered_candidate(speech, i);
	struct open_heading stack[PARAGRAPH_RANK_MAX + 2];
	size_t height = 0;
	for (size_t i = 1; i < count; i++) {
		struct paragraph *paragraph = &speech->paragraphs[i];
		struct open_heading heading = {paragraph->rank, 0};
		if (candidate[i]) {
			heading.rank =
			    unnumbered_rank(speech, markers, candidate, i, stack, height);
			if (heading.rank == 0)
				continue;
			heading.unnumbered = i;
			structure_mark_heading(speech, i, heading.rank);
		} else if (paragraph->role != PARAGRAPH_HEADING) {
			continue;
		}
		while (height > 0 && stack[height - 1].rank >= heading.rank)
			height--;
		if (height < PARAGRAPH_RANK_MAX + 1)
			stack[height++] = heading;
	}
	free(candidate);
}

/* The shape of a paired sub-heading: its characters and those before its
 * one comma (packed as characters * 64 + before), or 0 when the line is
 * not two phrases of words around one ， with no other punctuation. */
static size_t paired_shape(const char *text, size_t length)
{
	size_t characters = 0, before = 0, commas = 0;
	for (size_t at = 0; at < length;) {
		size_t step;
		long codepoint = utf8_decode((const unsigned char *)text + at, length - at, &step);
		if (codepoint == 0xFF0C) {
			commas++;
			before = characters;
		} else if (!(codepoint >= 0x4E00 && codepoint <= 0x9FFF)) {
			return 0;
		}
		if (++characters > PAIRED_MAX_CHARACTERS)
			return 0;
		at += step;
	}
	if (commas != 1 || before < PAIRED_PHRASE_MIN_CHARACTERS ||
	    characters - before - 1 < PAIRED_PHRASE_MIN_CHARACTERS)
		return 0;
	return characters * 64 + before;
}

/* 1 for a paragraph of prose: a sentence's end, or a long line. */
static int prose(const struct speech *speech, size_t i)
{
	const char *text = paragraph_text(speech, i);
	size_t length = speech->paragraphs[i].length;
	return text_ends_sentence(text, length) ||
	       !text_at_most(text, length, PROSE_MIN_CHARACTERS);
}

void unnumbered_find_paired(struct speech *speech)
{
	size_t count = speech->paragraph_count;
	for (size_t i = 1; i < count; i++)
		if (speech->paragraphs[i].role == PARAGRAPH_HEADING)
			return;
	size_t *shape = xcalloc(count, sizeof *shape);
	for (size_t i = 2; i + 1 < count; i++)
		if (prose(speech, i - 1) && prose(speech, i + 1))
			shape[i] =
			    paired_shape(paragraph_text(speech, i), speech->paragraphs[i].length);
	/* Each shape that stands twice or more makes headings (beside 一、,
	 * the first rank of a speech's parts). */
	size_t *seen = xcalloc((PAIRED_MAX_CHARACTERS + 1) * 64, sizeof *seen);
	for (size_t i = 2; i + 1 < count; i++)
		seen[shape[i]] += shape[i] != 0;
	for (size_t i = 2; i + 1 < count; i++)
		if (shape[i] && seen[shape[i]] >= 2)
			structure_mark_heading(speech, i, 4 * RANK_PER_MARKER);
	free(seen);
	free(shape);
}
