#include "speech/structure.h"

#include <stdlib.h>
#include <string.h>

#include "base/buffer.h"
#include "base/utf8.h"
#include "speech/front_matter.h"
#include "speech/heading.h"
#include "speech/lines.h"

enum {
	UNNUMBERED_MAX_CHARACTERS = 25,
	LEVEL_COUNT = 10,
	/* How far before a restarted run its document's title may sit. */
	APPENDED_TITLE_LOOKBACK = 3,
	APPENDED_TITLE_MAX_CHARACTERS = 40,
	/* Paragraphs a speech has before an 附件 line can be its appendix. */
	APPENDIX_MIN_PARAGRAPH = 3,
	SIBLING_LENGTH_DIFFERENCE = 4,
	/* Paragraphs an unnumbered heading's introduction may have before
	 * the numbered headings it contains. */
	UNNUMBERED_INTRODUCTION = 4,
	SIBLING_INTRODUCTION = 8,
};

struct marker {
	signed char rank; /* 0: none */
	int value;
	long kind;
};

struct runs {
	int last[HEADING_RANK_COUNT + 1];      /* last value of each rank's run */
	long kind[HEADING_RANK_COUNT + 1];     /* and its kind */
	int nested_in[HEADING_RANK_COUNT + 1]; /* an inner run: the outer rank */
	/* An enumeration inside another of the same rank (第一， 一是 二是
	 * 第二，): the outer run's state while the inner one goes on. */
	int outer_last[HEADING_RANK_COUNT + 1];
	long outer_kind[HEADING_RANK_COUNT + 1];
	int top;			     /* the smallest rank seen in this document */
	int innermost;			     /* rank of the latest numbered heading */
	size_t headings;		     /* numbered headings of this document */
	size_t next[HEADING_RANK_COUNT + 1]; /* cursor: next marker of each rank */
	const size_t *next_same;	     /* per paragraph: next marker of its rank */
	const struct marker *markers;
	size_t count;
};

/* Writes the Chinese numeral of value (1..99) to out; returns its bytes. */
static size_t write_numeral(int value, char *out)
{
	static const char *const digits[] = {"",   "一", "二", "三", "四",
					     "五", "六", "七", "八", "九"};
	size_t length = 0;
	if (value >= 10) {
		if (value >= 20) {
			memcpy(out + length, digits[value / 10], 3);
			length += 3;
		}
		memcpy(out + length, "十", 3);
		length += 3;
	}
	if (value % 10) {
		memcpy(out + length, digits[value % 10], 3);
		length += 3;
	}
	return length;
}

/* 1 when a paragraph opening an enumeration (一是) holds its second item
 * (二是) too: the enumeration runs inside the paragraph, which is prose. */
static int holds_next_item(const char *text, size_t length, const struct heading_marker *marker)
{
	if (marker->value != 1)
		return 0;
	char needle[16];
	size_t size = 0;
	if (marker->kind == 0x7B2C /* 第 */) {
		memcpy(needle, "第", 3);
		size = 3;
	}
	size += write_numeral(marker->value + 1, needle + size);
	if (marker->kind != 0x7B2C) {
		/* The verb: the last character of the marker (three bytes). */
		memcpy(needle + size, text + marker->marker_length - 3, 3);
		size += 3;
	}
	return memmem(text + marker->marker_length, length - marker->marker_length, needle, size) !=
	       NULL;
}

/* A heading the markup made that is a number alone (## 一, ## 2): the
 * number is its marker. */
static int bare_number(const char *text, size_t length, struct heading_marker *marker)
{
	size_t numeral;
	int value = chinese_numeral_parse(text, length, &numeral);
	if (value > 0 && numeral == length) {
		*marker = (struct heading_marker){4, value, length, 0};
		return 1;
	}
	value = 0;
	for (size_t at = 0; at < length; at++) {
		if (text[at] < '0' || text[at] > '9' || at >= 3)
			return 0;
		value = value * 10 + (text[at] - '0');
	}
	*marker = (struct heading_marker){7, value, length, '.'};
	return value > 0;
}

static struct marker *parse_markers(const struct speech *speech, const unsigned char *levels)
{
	struct marker *markers = xcalloc(speech->paragraph_count, sizeof *markers);
	for (size_t i = 1; i < speech->paragraph_count; i++) {
		const char *text = paragraph_text(speech, i);
		size_t length = speech->paragraphs[i].length;
		struct heading_marker marker;
		if (!heading_marker_parse_any(text, length, &marker) &&
		    !(levels[i] && bare_number(text, length, &marker)))
			continue;
		if (marker.rank == HEADING_RANK_ENUMERATION &&
		    holds_next_item(text, length, &marker))
			continue;
		markers[i] = (struct marker){(signed char)marker.rank, marker.value, marker.kind};
	}
	return markers;
}

/* next_same[i]: the next paragraph after i with a marker of i's rank. */
static size_t *link_markers(const struct marker *markers, size_t count,
			    size_t first[HEADING_RANK_COUNT + 1])
{
	size_t *next_same = xmalloc(count * sizeof *next_same);
	for (int rank = 0; rank <= HEADING_RANK_COUNT; rank++)
		first[rank] = count;
	for (size_t i = count; i-- > 1;) {
		next_same[i] = count;
		int rank = markers[i].rank;
		if (rank == 0)
			continue;
		next_same[i] = first[rank];
		first[rank] = i;
	}
	return next_same;
}

/* The next marker of `rank` after paragraph i (or count). */
static size_t next_of_rank(struct runs *runs, int rank, size_t i)
{
	while (runs->next[rank] <= i && runs->next[rank] < runs->count)
		runs->next[rank] = runs->next_same[runs->next[rank]];
	return runs->next[rank];
}

static void runs_reset(struct runs *runs)
{
	for (int rank = 0; rank <= HEADING_RANK_COUNT; rank++) {
		runs->last[rank] = 0;
		runs->kind[rank] = 0;
		runs->nested_in[rank] = 0;
		runs->outer_last[rank] = 0;
		runs->outer_kind[rank] = 0;
	}
	runs->top = HEADING_RANK_COUNT + 1;
	runs->innermost = 0;
	runs->headings = 0;
}

/* 1 when the marker at i ends an inner run and continues the outer one. */
static int resumes_outer_run(const struct runs *runs, size_t i)
{
	const struct marker *marker = &runs->markers[i];
	int rank = marker->rank;
	return runs->outer_last[rank] && runs->outer_kind[rank] == marker->kind &&
	       marker->value == runs->outer_last[rank] + 1 &&
	       !(runs->kind[rank] == marker->kind && marker->value == runs->last[rank] + 1);
}

/* Whether the marker at i continues or starts a run plausibly: 1 starts
 * one; the next number continues it; a number typed twice (三、…三、) or
 * one skipped (一、二、四、) too, unless the run goes on from the number
 * before (三、 between 一、 and 二、 is prose). */
static int plausible(struct runs *runs, size_t i)
{
	const struct marker *marker = &runs->markers[i];
	int rank = marker->rank;
	size_t next = next_of_rank(runs, rank, i);
	const struct marker *after = next < runs->count ? &runs->markers[next] : NULL;
	int same_after = after && after->kind == marker->kind;
	if (marker->value == 1) {
		if (rank != HEADING_RANK_ENUMERATION || heading_common_verb(marker->kind))
			return 1;
		/* 一抓 counts only when 二抓 follows. */
		return same_after && after->value == 2;
	}
	int last = runs->last[rank];
	if (resumes_outer_run(runs, i))
		return 1;
	if (last == 0 || runs->kind[rank] != marker->kind)
		return 0;
	if (marker->value == last + 1)
		return 1;
	if (marker->value == last && rank <= 5)
		return !same_after || after->value != last + 1;
	if (marker->value == last + 2)
		return !same_after || after->value == marker->value + 1;
	return 0;
}

/* For a run starting at i inside the latest heading's run of a larger
 * rank: the outer rank when the outer run goes on after it (1、 第一，
 * 第二， 2、), else 0. */
static int outer_run(struct runs *runs, size_t i)
{
	int rank = runs->markers[i].rank, outer = runs->innermost;
	if (outer <= rank || runs->last[outer] == 0)
		return 0;
	size_t next = next_of_rank(runs, outer, i);
	if (next >= runs->count || runs->markers[next].kind != runs->kind[outer] ||
	    runs->markers[next].value != runs->last[outer] + 1)
		return 0;
	/* No heading above the inner run comes first. */
	for (int higher = 1; higher < rank; higher++)
		if (next_of_rank(runs, higher, i) < next)
			return 0;
	return outer;
}

/* For a run starting at i in the rank of the latest heading: 1 when it
 * runs inside the latest item and the outer run goes on after it. Of
 * another kind (第一， 一是 二是 第二，) the outer run's next number is
 * the next of its kind; of the same kind (一、 二、 [一、 二、 三、] 三、) it
 * is what breaks the inner run's count. */
static int same_rank_inner_run(struct runs *runs, size_t i)
{
	enum { MAX_HOPS = 64 };
	int rank = runs->markers[i].rank;
	long kind = runs->markers[i].kind;
	int last = runs->last[rank];
	if (runs->innermost != rank || last == 0 || runs->outer_last[rank])
		return 0;
	int expected = 2;
	size_t next = runs->next_same[i];
	for (int hops = 0; next < runs->count && hops < MAX_HOPS; hops++) {
		const struct marker *after = &runs->markers[next];
		next = runs->next_same[next];
		if (kind != runs->kind[rank]) {
			if (after->kind == runs->kind[rank])
				return after->value == last + 1;
			continue;
		}
		if (after->kind != kind)
			continue;
		if (after->value == expected) {
			expected++;
			continue;
		}
		return expected > 2 && after->value == last + 1;
	}
	return 0;
}

/* 1 when a run open at paragraph i goes on after it (（二） … 附：… （三）):
 * the speech is not over. */
static int speech_goes_on(struct runs *runs, size_t i)
{
	for (int rank = 1; rank <= HEADING_RANK_COUNT; rank++) {
		if (runs->last[rank] == 0)
			continue;
		for (size_t next = next_of_rank(runs, rank, i); next < runs->count;
		     next = runs->next_same[next]) {
			if (runs->markers[next].kind != runs->kind[rank])
				continue;
			if (runs->markers[next].value == runs->last[rank] + 1)
				return 1;
			break;
		}
	}
	return 0;
}

static void mark_heading(struct speech *speech, size_t i, int rank)
{
	struct paragraph *paragraph = &speech->paragraphs[i];
	paragraph->role = PARAGRAPH_HEADING;
	paragraph->rank = (signed char)rank;
	paragraph->label_length =
	    heading_label_length(speech->text + paragraph->offset, paragraph->length);
}

/* A run restarts at 1 in the document's top rank (or a chapter begins
 * after the speech): a document printed after the speech. Its title, a
 * short line just before, heads a part of its own. */
static int appended_document(struct speech *speech, struct runs *runs, size_t i)
{
	const struct marker *marker = &runs->markers[i];
	if (marker->value != 1 || runs->headings < 2)
		return 0;
	if (!((marker->rank == runs->top && runs->last[marker->rank] >= 2) ||
	      (marker->rank < runs->top && marker->rank <= 3)))
		return 0;
	for (size_t back = i - 1; back >= 1 && back + APPENDED_TITLE_LOOKBACK >= i; back--) {
		struct paragraph *paragraph = &speech->paragraphs[back];
		const char *text = speech->text + paragraph->offset;
		if (paragraph->role != PARAGRAPH_BODY)
			return 0;
		if (line_could_be_title(text, paragraph->length) &&
		    text_at_most(text, paragraph->length, APPENDED_TITLE_MAX_CHARACTERS) &&
		    !text_contains(text, paragraph->length, "，") &&
		    !line_is_title_furniture(text, paragraph->length)) {
			mark_heading(speech, back, RANK_APPENDIX);
			return 1;
		}
	}
	return 0;
}

/* Ranks for heading levels without a marker, beside the markers used at
 * the same or the nearest level. */
static void level_ranks(const struct speech *speech, const unsigned char *levels,
			const struct marker *markers, int ranks[LEVEL_COUNT])
{
	int marked[LEVEL_COUNT] = {0};
	for (size_t i = 1; i < speech->paragraph_count; i++) {
		int level = levels[i];
		if (level > 0 && level < LEVEL_COUNT && markers[i].rank > 0 &&
		    (marked[level] == 0 || markers[i].rank < marked[level]))
			marked[level] = markers[i].rank;
	}
	for (int level = 1; level < LEVEL_COUNT; level++) {
		ranks[level] = 2 * level + 1;
		if (marked[level]) {
			ranks[level] = marked[level] * RANK_PER_MARKER;
			continue;
		}
		for (int deeper = level + 1; deeper < LEVEL_COUNT; deeper++)
			if (marked[deeper]) {
				int rank = marked[deeper] * RANK_PER_MARKER - 2 * (deeper - level);
				ranks[level] = rank > RANK_APPENDIX ? rank : RANK_APPENDIX + 1;
				break;
			}
		if (ranks[level] != 2 * level + 1)
			continue;
		for (int higher = level - 1; higher >= 1; higher--)
			if (marked[higher]) {
				ranks[level] =
				    marked[higher] * RANK_PER_MARKER + 2 * (level - higher);
				break;
			}
	}
}

/* A heading the markup made (## 一、…, Word's Heading 2): its marker
 * keeps its rank and updates the runs; without one, its level decides. */
static void markup_heading(struct speech *speech, struct runs *runs, size_t i, int level_rank)
{
	const struct marker *marker = &runs->markers[i];
	if (marker->rank == 0) {
		mark_heading(speech, i, level_rank);
		return;
	}
	int rank = marker->rank;
	runs->last[rank] = marker->value;
	runs->kind[rank] = marker->kind;
	for (int below = rank + 1; below <= HEADING_RANK_COUNT; below++)
		runs->last[below] = 0;
	runs->innermost = rank;
	mark_heading(speech, i, rank * RANK_PER_MARKER);
}

static void numbered_heading(struct speech *speech, struct runs *runs, size_t i)
{
	const struct marker *marker = &runs->markers[i];
	int rank = marker->rank;
	if (!plausible(runs, i))
		return;
	int inner = marker->value == 1 && same_rank_inner_run(runs, i);
	if (!inner && appended_document(speech, runs, i))
		runs_reset(runs);
	if (resumes_outer_run(runs, i)) {
		/* The outer enumeration goes on: the inner one has ended. */
		runs->outer_last[rank] = 0;
		runs->outer_kind[rank] = 0;
	} else if (inner) {
		runs->outer_last[rank] = runs->last[rank];
		runs->outer_kind[rank] = runs->kind[rank];
	} else if (marker->value == 1 &&
		   !(runs->nested_in[rank] && runs->last[runs->nested_in[rank]] > 0)) {
		/* (A run restarting inside an outer item stays inside it.) */
		runs->nested_in[rank] = outer_run(runs, i);
	}
	int outer = runs->nested_in[rank];
	runs->last[rank] = marker->value;
	runs->kind[rank] = marker->kind;
	/* An inner run leaves the runs that enclose its outer item alone. */
	for (int below = (outer ? outer : rank) + 1; below <= HEADING_RANK_COUNT; below++) {
		runs->last[below] = 0;
		runs->nested_in[below] = 0;
		runs->outer_last[below] = 0;
	}
	runs->innermost = rank;
	if (rank < runs->top)
		runs->top = rank;
	runs->headings++;
	int effective = rank * RANK_PER_MARKER;
	if (runs->outer_last[rank])
		effective += 1;
	else if (outer)
		effective = outer * RANK_PER_MARKER + 1;
	mark_heading(speech, i, effective);
}

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
	const char *text = speech->text + paragraph->offset;
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
	const char *before_text = speech->text + before->offset;
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
static int unnumbered_rank(const struct speech *speech, const struct marker *markers,
			   const unsigned char *candidate, size_t i,
			   const struct open_heading *stack, size_t height)
{
	const struct paragraph *paragraph = &speech->paragraphs[i];
	const char *text = speech->text + paragraph->offset;
	int top;
	for (size_t at = height; at-- > 0;) {
		size_t open = stack[at].unnumbered;
		if (!open)
			continue;
		const struct paragraph *other = &speech->paragraphs[open];
		if (!alike(text, paragraph->length, speech->text + other->offset, other->length))
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
static void unnumbered_headings(struct speech *speech, const struct marker *markers)
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
			mark_heading(speech, i, heading.rank);
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

void structure_find_headings(struct speech *speech, const unsigned char *levels)
{
	size_t count = speech->paragraph_count;
	struct marker *markers = parse_markers(speech, levels);
	int ranks[LEVEL_COUNT];
	level_ranks(speech, levels, markers, ranks);
	struct runs runs = {.markers = markers, .count = count};
	runs.next_same = link_markers(markers, count, runs.next);
	runs_reset(&runs);
	/* An appendix comes after the speech: the next numbered paragraph
	 * starts a run of its own (附：… amid the text, followed by （二）, is
	 * an annotation). */
	size_t *next_marker = xmalloc(count * sizeof *next_marker);
	for (size_t i = count, next = count; i-- > 0;) {
		next_marker[i] = next;
		if (markers[i].rank > 0)
			next = i;
	}
	for (size_t i = 1; i < count; i++) {
		const char *text = paragraph_text(speech, i);
		size_t length = speech->paragraphs[i].length;
		if (levels[i] > 0 && levels[i] < LEVEL_COUNT) {
			markup_heading(speech, &runs, i, ranks[levels[i]]);
		} else if (i >= APPENDIX_MIN_PARAGRAPH && heading_appendix_line(text, length) &&
			   !(speech->paragraphs[i - 1].role == PARAGRAPH_HEADING &&
			     speech->paragraphs[i - 1].rank == RANK_APPENDIX) &&
			   (next_marker[i] >= count || markers[next_marker[i]].value == 1) &&
			   !speech_goes_on(&runs, i)) {
			/* (附件2 / 名词解释: the second line is the first's caption.) */
			mark_heading(speech, i, RANK_APPENDIX);
			runs_reset(&runs);
		} else if (markers[i].rank > 0) {
			numbered_heading(speech, &runs, i);
		}
	}
	unnumbered_headings(speech, markers);
	free(next_marker);
	free((void *)runs.next_same);
	free(markers);
}

void structure_build_outline(struct speech *speech)
{
	size_t capacity = 0;
	size_t stack[PARAGRAPH_RANK_MAX + 2];
	size_t height = 0;
	speech->outline = xgrow(NULL, &capacity, 1, sizeof *speech->outline);
	speech->outline[0] = (struct outline_entry){0, 0, -1, speech->paragraph_count};
	speech->outline_count = 1;
	stack[height++] = 0;
	for (size_t i = 1; i < speech->paragraph_count; i++) {
		struct paragraph *paragraph = &speech->paragraphs[i];
		if (paragraph->role == PARAGRAPH_HEADING) {
			while (
			    height > 1 &&
			    speech->paragraphs[speech->outline[stack[height - 1]].paragraph].rank >=
				paragraph->rank) {
				speech->outline[stack[height - 1]].end_paragraph = i;
				height--;
			}
			size_t parent = stack[height - 1];
			speech->outline = xgrow(speech->outline, &capacity,
						speech->outline_count + 1, sizeof *speech->outline);
			int depth = speech->outline[parent].depth + 1;
			speech->outline[speech->outline_count] =
			    (struct outline_entry){i, depth, (long)parent, speech->paragraph_count};
			paragraph->depth = (signed char)depth;
			stack[height++] = speech->outline_count++;
		}
		paragraph->section = (uint32_t)stack[height - 1];
	}
}
