#include "speech/structure.h"

#include <stdlib.h>
#include <string.h>

#include "base/buffer.h"
#include "base/utf8.h"
#include "formats/document.h"
#include "speech/clause.h"
#include "speech/front_matter.h"
#include "speech/heading.h"
#include "speech/lines.h"
#include "speech/unnumbered.h"

enum {
	LEVEL_COUNT = 10,
	/* How far before a restarted run its document's title may sit. */
	APPENDED_TITLE_LOOKBACK = 3,
	APPENDED_TITLE_MAX_CHARACTERS = 40,
	/* Paragraphs a speech has before an 附件 line can be its appendix. */
	APPENDIX_MIN_PARAGRAPH = 3,
	/* How far back a table's row label may have been said before. */
	TABLE_LABEL_LOOKBACK = 40,
	/* A heading without a number is shorter; prose may be hinted one. */
	HINTED_PROSE_MIN_CHARACTERS = 40,
	/* Clause headings that make a document one numbered by clauses. */
	CLAUSE_DOCUMENT_MIN_CLAUSES = 3,
};

/* A standard's chapters (1 范围 … 7 …): which paragraphs are chapter
 * numbers, and where the chapters begin and end. */
struct chapters {
	int *number; /* per paragraph: its chapter's number, 0 for none */
	size_t first, last;
	int level; /* the smallest heading level the markup gives them, 0: none */
	int found;
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
	const struct paragraph_marker *markers;
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

/* The item `value` of the enumeration whose marker opens `text` (三是
 * for 一是, 第三， for 第一，) into needle; returns its bytes. */
static size_t enumeration_item(const char *text, const struct heading_marker *marker, int value,
			       char needle[16])
{
	size_t size = 0;
	if (marker->kind == 0x7B2C /* 第 */) {
		memcpy(needle, "第", 3);
		size = 3;
	}
	size += write_numeral(value, needle + size);
	if (marker->kind != 0x7B2C) {
		/* The verb: the last character of the marker (three bytes). */
		memcpy(needle + size, text + marker->marker_length - 3, 3);
		size += 3;
	}
	return size;
}

/* 1 when a paragraph opening an enumeration (一是) holds its second item
 * (二是) too: the enumeration runs inside the paragraph, which is prose. */
static int holds_next_item(const char *text, size_t length, const struct heading_marker *marker)
{
	if (marker->value != 1)
		return 0;
	char needle[16];
	size_t size = enumeration_item(text, marker, 2, needle);
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

static struct paragraph_marker *parse_markers(const struct speech *speech,
					      const unsigned char *levels)
{
	struct paragraph_marker *markers = xcalloc(speech->paragraph_count, sizeof *markers);
	for (size_t i = 1; i < speech->paragraph_count; i++) {
		const char *text = paragraph_text(speech, i);
		size_t length = speech->paragraphs[i].length;
		struct heading_marker marker;
		if (levels[i] == DOCUMENT_NOT_HEADING)
			continue;
		if (!heading_marker_parse_any(text, length, &marker) &&
		    !(levels[i] && bare_number(text, length, &marker)))
			continue;
		if (marker.rank == HEADING_RANK_ENUMERATION &&
		    holds_next_item(text, length, &marker))
			continue;
		markers[i] =
		    (struct paragraph_marker){(signed char)marker.rank, marker.value, marker.kind};
	}
	return markers;
}

/* next_same[i]: the next paragraph after i with a marker of i's rank. */
static size_t *link_markers(const struct paragraph_marker *markers, size_t count,
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
	const struct paragraph_marker *marker = &runs->markers[i];
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
	const struct paragraph_marker *marker = &runs->markers[i];
	int rank = marker->rank;
	size_t next = next_of_rank(runs, rank, i);
	const struct paragraph_marker *after = next < runs->count ? &runs->markers[next] : NULL;
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
		const struct paragraph_marker *after = &runs->markers[next];
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

void structure_mark_heading(struct speech *speech, size_t i, int rank)
{
	struct paragraph *paragraph = &speech->paragraphs[i];
	paragraph->role = PARAGRAPH_HEADING;
	paragraph->rank = (signed char)rank;
	paragraph->label_length =
	    heading_label_length(paragraph_text(speech, i), paragraph->length);
}

/* A run restarts at 1 in the document's top rank (or a chapter begins
 * after the speech): a document printed after the speech. Its title, a
 * short line just before, heads a part of its own. */
static int appended_document(struct speech *speech, struct runs *runs, size_t i)
{
	const struct paragraph_marker *marker = &runs->markers[i];
	if (marker->value != 1 || runs->headings < 2)
		return 0;
	if (!((marker->rank == runs->top && runs->last[marker->rank] >= 2) ||
	      (marker->rank < runs->top && marker->rank <= 3)))
		return 0;
	for (size_t back = i - 1; back >= 1 && back + APPENDED_TITLE_LOOKBACK >= i; back--) {
		struct paragraph *paragraph = &speech->paragraphs[back];
		const char *text = paragraph_text(speech, back);
		if (paragraph->role != PARAGRAPH_BODY)
			return 0;
		if (line_could_be_title(text, paragraph->length) &&
		    text_at_most(text, paragraph->length, APPENDED_TITLE_MAX_CHARACTERS) &&
		    !text_contains(text, paragraph->length, "，") &&
		    !line_is_title_furniture(text, paragraph->length)) {
			structure_mark_heading(speech, back, RANK_APPENDIX);
			return 1;
		}
	}
	return 0;
}

/* Ranks for heading levels without a marker, beside the markers used at
 * the same or the nearest level. */
static void level_ranks(const struct speech *speech, const unsigned char *levels,
			const struct paragraph_marker *markers, int ranks[LEVEL_COUNT])
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

/* 1 when paragraph i says exactly what a plain paragraph shortly before
 * it says: a label a table repeats row after row (立身课程 / 立业课程 under
 * each column), which the markup may set in bold, not a heading. */
static int repeats_plain_line(const struct speech *speech, const unsigned char *levels, size_t i)
{
	const char *text = paragraph_text(speech, i);
	size_t length = speech->paragraphs[i].length;
	size_t first = i > TABLE_LABEL_LOOKBACK ? i - TABLE_LABEL_LOOKBACK : 1;
	for (size_t j = first; j < i; j++)
		if (levels[j] == 0 && speech->paragraphs[j].length == length &&
		    memcmp(paragraph_text(speech, j), text, length) == 0)
			return 1;
	return 0;
}

/* 1 for a paragraph of prose a reader's markup calls a heading (Word
 * styles that give body paragraphs and list items an outline level): a
 * sentence, ended as one and longer than a heading, or ended as one and
 * made of clauses (a comma or semicolon inside), where a heading without
 * a number is a phrase. */
static int hinted_prose(const char *text, size_t length)
{
	return text_ends_sentence(text, length) &&
	       (!text_at_most(text, length, HINTED_PROSE_MIN_CHARACTERS) ||
		text_contains(text, length, "，") || text_contains(text, length, "；"));
}

/* 1 for the heading of a table of contents (目次, 目　录, 目录; any spaces
 * between): the
 * contents it heads are not the document's, so neither is it. */
static int contents_heading(const char *text, size_t length)
{
	static const char *const words[] = {"目次", "目录"};
	char squeezed[16];
	size_t kept = 0;
	for (size_t at = 0; at < length;) {
		size_t step;
		long codepoint = utf8_decode((const unsigned char *)text + at, length - at, &step);
		if (codepoint == ' ' || codepoint == 0x3000 ||
		    (codepoint >= 0x2000 && codepoint <= 0x200B)) {
			at += step;
			continue;
		}
		if (kept >= sizeof squeezed)
			return 0;
		squeezed[kept++] = text[at++];
	}
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (kept == strlen(words[i]) && memcmp(squeezed, words[i], kept) == 0)
			return 1;
	return 0;
}

/* A heading the markup made (## 一、…, Word's Heading 2): its marker
 * keeps its rank and updates the runs; without one, its level decides. */
static void markup_heading(struct speech *speech, struct runs *runs, size_t i, int level_rank)
{
	const struct paragraph_marker *marker = &runs->markers[i];
	if (marker->rank == 0) {
		structure_mark_heading(speech, i, level_rank);
		return;
	}
	int rank = marker->rank;
	runs->last[rank] = marker->value;
	runs->kind[rank] = marker->kind;
	for (int below = rank + 1; below <= HEADING_RANK_COUNT; below++)
		runs->last[below] = 0;
	runs->innermost = rank;
	structure_mark_heading(speech, i, rank * RANK_PER_MARKER);
}

/* 1 when text holds `needle` right after a sentence's end (。一是), at
 * or after *from; *from is moved past it. */
static int holds_after_sentence(const char *text, size_t length, const char *needle, size_t size,
				size_t *from)
{
	static const char *const ends[] = {"。", "！", "？", "；", "："};
	for (const char *at = text + *from;
	     (at = memmem(at, length - (size_t)(at - text), needle, size)) != NULL; at += size) {
		for (size_t e = 0; e < sizeof ends / sizeof ends[0]; e++)
			if (at - text >= 3 && memcmp(at - 3, ends[e], 3) == 0) {
				*from = (size_t)(at - text) + size;
				return 1;
			}
	}
	return 0;
}

/* For an enumeration item i that no run explains (二是 with no 一是
 * before it): 1 when its first items were written into the prose of a
 * paragraph just before it (…工作。一是突出抓好… / 二是…), the items
 * before i's in order and none from i's on, with only plain paragraphs
 * (the first item's continuation) between. */
static int items_before_in_prose(const struct speech *speech, const struct runs *runs, size_t i)
{
	enum { LOOKBACK = 3 };
	const struct paragraph_marker *marker = &runs->markers[i];
	struct heading_marker parsed;
	if (marker->rank != HEADING_RANK_ENUMERATION || marker->value < 2 ||
	    !heading_marker_parse_any(paragraph_text(speech, i), speech->paragraphs[i].length,
				      &parsed))
		return 0;
	char first[16], last[16], own[16];
	const char *text = paragraph_text(speech, i);
	size_t first_size = enumeration_item(text, &parsed, 1, first);
	size_t last_size = enumeration_item(text, &parsed, marker->value - 1, last);
	size_t own_size = enumeration_item(text, &parsed, marker->value, own);
	for (size_t back = i - 1; back >= 1 && back + LOOKBACK >= i; back--) {
		const struct paragraph *paragraph = &speech->paragraphs[back];
		const char *prose = speech->text + paragraph->offset;
		size_t from = 0;
		if (holds_after_sentence(prose, paragraph->length, first, first_size, &from) &&
		    (marker->value == 2 ||
		     memmem(prose + from, paragraph->length - from, last, last_size)) &&
		    !memmem(prose + from, paragraph->length - from, own, own_size))
			return 1;
		if (runs->markers[back].rank != 0 || paragraph->role != PARAGRAPH_BODY)
			return 0;
	}
	return 0;
}

/* Sets the runs as if the items before i had been headings (see
 * items_before_in_prose), so that i continues their run. */
static void begin_run_in_prose(struct runs *runs, size_t i)
{
	const struct paragraph_marker *marker = &runs->markers[i];
	int rank = marker->rank;
	if (!(runs->nested_in[rank] && runs->last[runs->nested_in[rank]] > 0))
		runs->nested_in[rank] = outer_run(runs, i);
	int outer = runs->nested_in[rank];
	runs->last[rank] = marker->value - 1;
	runs->kind[rank] = marker->kind;
	runs->outer_last[rank] = 0;
	runs->outer_kind[rank] = 0;
	for (int below = (outer ? outer : rank) + 1; below <= HEADING_RANK_COUNT; below++) {
		runs->last[below] = 0;
		runs->nested_in[below] = 0;
		runs->outer_last[below] = 0;
	}
	runs->innermost = rank;
}

static void numbered_heading(struct speech *speech, struct runs *runs, size_t i)
{
	const struct paragraph_marker *marker = &runs->markers[i];
	int rank = marker->rank;
	if (!plausible(runs, i)) {
		if (!items_before_in_prose(speech, runs, i))
			return;
		begin_run_in_prose(runs, i);
	}
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
	structure_mark_heading(speech, i, effective);
}

/* Clears the chapter numbers flagged from paragraph `from` to `to`: a
 * run that no clause N.1 confirmed. */
static void unflag_chapters(struct chapters *chapters, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++)
		chapters->number[i] = 0;
}

/* A standard's chapters (GB/T 1.1): paragraphs that are a number and a
 * short name (clause_chapter_parse) in a run 1, 2, 3… (one number skipped
 * is forgiven), believed when one of the run is followed by its clause
 * N.1 before the next: a list of 3 个 lines never is. Returns the number
 * of clause headings of two parts or more seen (a document numbered by
 * clauses has several). */
static size_t find_chapters(const struct speech *speech, const unsigned char *levels,
			    const struct paragraph_marker *markers, struct chapters *chapters)
{
	size_t count = speech->paragraph_count, clause_lines = 0, run_start = 0;
	*chapters = (struct chapters){.number = xcalloc(count + 1, sizeof *chapters->number)};
	int last = 0, confirmed = 0;
	for (size_t i = 1; i < count; i++) {
		if (markers[i].rank || levels[i] == DOCUMENT_NOT_HEADING)
			continue;
		const char *text = paragraph_text(speech, i);
		size_t length = speech->paragraphs[i].length;
		int number = clause_chapter_parse(text, length);
		if (number == 1) {
			if (!confirmed)
				unflag_chapters(chapters, run_start, i);
			run_start = i, confirmed = 0;
		}
		if (number &&
		    (number == 1 || (last && (number == last + 1 || number == last + 2)))) {
			chapters->number[i] = number;
			last = number;
			continue;
		}
		struct clause_number clause;
		if (!clause_number_parse(text, length, &clause))
			continue;
		clause_lines++;
		if (last && clause.parts == 2 && clause.part[0] == last && clause.part[1] == 1)
			confirmed = 1;
	}
	if (!confirmed)
		unflag_chapters(chapters, run_start, count);
	for (size_t i = 1; i < count; i++) {
		if (!chapters->number[i])
			continue;
		if (!chapters->found)
			chapters->first = i;
		chapters->found = 1;
		chapters->last = i;
		int level = levels[i] < LEVEL_COUNT ? levels[i] : 0;
		if (level && (!chapters->level || level < chapters->level))
			chapters->level = level;
	}
	return clause_lines;
}

/* In a document numbered by clauses, 1) 2) are the items of lists (GB/T
 * 1.1's 列项: a) b), and under them 1) 2)), never headings. */
static void drop_list_markers(struct paragraph_marker *markers, size_t count)
{
	enum { RANK_DIGITS = 7 }; /* 1. 1、 1） (heading.h) */
	for (size_t i = 1; i < count; i++)
		if (markers[i].rank == RANK_DIGITS && markers[i].kind == ')')
			markers[i] = (struct paragraph_marker){0};
}

/* The rank of a heading the markup makes without a number in a standard
 * with chapters: before the first chapter (前言, 引言) or after the last
 * (附录 A, 参考文献), at the chapters' level or above, it is a part of the
 * document beside them. Else the rank of its level. */
static int unnumbered_markup_rank(const struct chapters *chapters, const unsigned char *levels,
				  size_t i, const int ranks[LEVEL_COUNT])
{
	if (chapters->found && (i < chapters->first || i > chapters->last) &&
	    (!chapters->level || levels[i] <= chapters->level))
		return RANK_CLAUSE + 1;
	return ranks[levels[i]];
}

void structure_find_headings(struct speech *speech, const unsigned char *levels)
{
	size_t count = speech->paragraph_count;
	struct paragraph_marker *markers = parse_markers(speech, levels);
	struct chapters chapters;
	if (find_chapters(speech, levels, markers, &chapters) >= CLAUSE_DOCUMENT_MIN_CLAUSES ||
	    chapters.found)
		drop_list_markers(markers, count);
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
	struct clause_number clauses[CLAUSE_MAX_PARTS + 1] = {{0}};
	for (size_t i = 1; i < count; i++) {
		const char *text = paragraph_text(speech, i);
		size_t length = speech->paragraphs[i].length;
		struct clause_number clause;
		if (levels[i] == DOCUMENT_NOT_HEADING)
			continue;
		if (chapters.number[i]) {
			/* A chapter: the clause of one part. */
			clauses[1] = (struct clause_number){1, {chapters.number[i]}};
			for (int deeper = 2; deeper <= CLAUSE_MAX_PARTS; deeper++)
				clauses[deeper].parts = 0;
			structure_mark_heading(speech, i, RANK_CLAUSE + 1);
		} else if (markers[i].rank == 0 && clause_number_parse(text, length, &clause)) {
			if (clause_continues(clauses, &clause)) {
				clauses[clause.parts] = clause;
				for (int deeper = clause.parts + 1; deeper <= CLAUSE_MAX_PARTS;
				     deeper++)
					clauses[deeper].parts = 0;
				structure_mark_heading(speech, i, RANK_CLAUSE + clause.parts);
			}
		} else if (levels[i] > 0 && levels[i] < LEVEL_COUNT) {
			if (markers[i].rank > 0 ||
			    (!repeats_plain_line(speech, levels, i) &&
			     !contents_heading(text, length) && !hinted_prose(text, length) &&
			     !clause_number_alone(text, length)))
				markup_heading(speech, &runs, i,
					       unnumbered_markup_rank(&chapters, levels, i, ranks));
		} else if (i >= APPENDIX_MIN_PARAGRAPH && heading_appendix_line(text, length) &&
			   !(speech->paragraphs[i - 1].role == PARAGRAPH_HEADING &&
			     speech->paragraphs[i - 1].rank == RANK_APPENDIX) &&
			   (next_marker[i] >= count || markers[next_marker[i]].value == 1) &&
			   !speech_goes_on(&runs, i)) {
			/* (附件2 / 名词解释: the second line is the first's caption.) */
			structure_mark_heading(speech, i, RANK_APPENDIX);
			runs_reset(&runs);
		} else if (markers[i].rank > 0) {
			numbered_heading(speech, &runs, i);
		}
	}
	unnumbered_find_headings(speech, markers);
	unnumbered_find_paired(speech);
	free(next_marker);
	free((void *)runs.next_same);
	free(markers);
	free(chapters.number);
}
