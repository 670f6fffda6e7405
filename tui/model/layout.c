#include "tui/model/layout.h"

#include <stdint.h>
#include <stdlib.h>
#include <unictype.h>
#include <unigbrk.h>
#include <unilbrk.h>

#include "base/buffer.h"
#include "base/utf8.h"
#include "base/width.h"

/* A break UAX #14 may allow but the punctuation rules forbid. Kept apart
 * from UC_BREAK_PROHIBITED so that cutting an overlong run can still
 * avoid it. */
enum { BREAK_PUNCTUATION = 16 };

static unsigned decode_at(const char *text, size_t length, size_t offset, size_t *step)
{
	long codepoint = utf8_decode((const unsigned char *)text + offset, length - offset, step);
	return codepoint < 0 ? UTF8_REPLACEMENT : (unsigned)codepoint;
}

static int is_cjk_ideograph(unsigned c)
{
	return (c >= 0x3400 && c <= 0x9FFF) || (c >= 0x20000 && c <= 0x3FFFF);
}

/* Pause and stop marks and closing brackets and quotes (general categories
 * Pe and Pf): CLREQ's characters not allowed at the start of a line. */
static int forbids_line_start(unsigned c)
{
	switch (c) {
	case ',':
	case '.':
	case ';':
	case ':':
	case '?':
	case '!':
	case ')':
	case ']':
	case '}':
	case 0x00B7: /* · interpunct */
	case 0x203C: /* ‼ */
	case 0x2047: /* ⁇ */
	case 0x2048: /* ⁈ */
	case 0x2049: /* ⁉ */
	case 0x3001: /* 、 */
	case 0x3002: /* 。 */
	case 0x30FB: /* ・ */
	case 0xFF01: /* ！ */
	case 0xFF0C: /* ， */
	case 0xFF0E: /* ． */
	case 0xFF1A: /* ： */
	case 0xFF1B: /* ； */
	case 0xFF1F: /* ？ */
	case 0xFF61: /* ｡ */
	case 0xFF64: /* ､ */
		return 1;
	}
	if (c < 0x80 || is_cjk_ideograph(c))
		return 0;
	if ((c >= 0xFE10 && c <= 0xFE16) || (c >= 0xFE50 && c <= 0xFE57))
		return 1; /* vertical and small forms of the marks above */
	return uc_is_general_category_withtable(c, UC_CATEGORY_MASK_Pe | UC_CATEGORY_MASK_Pf);
}

/* Opening brackets and quotes (general categories Ps and Pi): not allowed
 * at the end of a line. */
static int forbids_line_end(unsigned c)
{
	if (c < 0x80)
		return c == '(' || c == '[' || c == '{';
	if (is_cjk_ideograph(c))
		return 0;
	return uc_is_general_category_withtable(c, UC_CATEGORY_MASK_Ps | UC_CATEGORY_MASK_Pi);
}

/* Break opportunities of text[0..length), one per byte as
 * u8_possible_linebreaks() gives them, with the punctuation rules applied:
 * a break before a character that may not start a line, or after one that
 * may not end it (spaces between do not count), becomes BREAK_PUNCTUATION.
 * UAX #14 already keeps “ ” (class QU) and ，。）」 (CL) and ！？ (EX) to
 * their neighbours, but allows a break after the space in "“ 中" or before
 * ” in "中 ”". */
static char *break_opportunities(const char *text, size_t length)
{
	char *breaks = xmalloc(length);
	u8_possible_linebreaks((const uint8_t *)text, length, "UTF-8", breaks);
	unsigned last = ' '; /* the last code point that is not a space */
	size_t step;
	for (size_t i = 0; i < length; i += step) {
		unsigned c = decode_at(text, length, i, &step);
		if (i > 0 && breaks[i] != UC_BREAK_MANDATORY &&
		    breaks[i] != UC_BREAK_CR_BEFORE_LF &&
		    (forbids_line_start(c) || forbids_line_end(last)))
			breaks[i] = BREAK_PUNCTUATION;
		if (c != ' ')
			last = c;
	}
	return breaks;
}

struct wrapper {
	const char *text;
	size_t length;
	const char *breaks; /* from break_opportunities() */
	int ambiguous_wide;
};

/* Whether c is of UAX #29's class Other and is neither Prepend nor
 * anything a cluster can join (Extend, ZWJ, SpacingMark, Hangul, regional
 * indicators, pictographs): ASCII letters and punctuation, CJK
 * punctuation and ideographs, fullwidth forms, general punctuation's
 * dashes and quotes. Between two such a cluster always ends, which
 * spares most of a Chinese text the general rule's lookup. */
static int stands_alone(unsigned c)
{
	return (c >= 0x20 && c < 0x7F) || (c >= 0x4E00 && c <= 0x9FFF) ||
	       (c >= 0x3000 && c <= 0x3029) || (c >= 0xFF01 && c <= 0xFF5E) ||
	       (c >= 0x2010 && c <= 0x2027);
}

/* Returns the end of the grapheme cluster at `offset` and its columns. */
static size_t next_cluster(const struct wrapper *w, size_t offset, int *columns)
{
	size_t step;
	unsigned previous = decode_at(w->text, w->length, offset, &step);
	*columns = codepoint_width(previous, w->ambiguous_wide);
	size_t end = offset + step;
	while (end < w->length) {
		unsigned c = decode_at(w->text, w->length, end, &step);
		if ((stands_alone(previous) && stands_alone(c)) ||
		    uc_is_grapheme_break(previous, c))
			break;
		*columns += codepoint_width(c, w->ambiguous_wide);
		previous = c;
		end += step;
	}
	return end;
}

/* One line's worth of text from some start. */
struct line_fit {
	size_t end;  /* bytes: the end of the line's text, trailing spaces left out */
	size_t next; /* bytes: where the next line starts */
	int width;   /* columns of the line's text */
	int forced;  /* cut inside a run, at no break opportunity */
};

/* Fills one line from `start` with at most `available` columns (but its
 * first cluster, whatever its width). Reads up to the first cluster that
 * does not fit; the next line starts before it and takes in at least the
 * text between, so each byte is read a bounded number of times. */
static struct line_fit fit_line(const struct wrapper *w, size_t start, int available)
{
	long long columns = 0; /* of text[start..i), spaces included */
	size_t end = start;    /* after the last cluster that is not a space */
	int end_columns = 0;
	struct line_fit opportunity = {0}, cut = {0}; /* .next 0: none yet */
	size_t i = start;
	while (i < w->length) {
		char kind = w->breaks[i];
		if (kind == UC_BREAK_MANDATORY || kind == UC_BREAK_CR_BEFORE_LF) {
			size_t step;
			decode_at(w->text, w->length, i, &step);
			size_t next = kind == UC_BREAK_CR_BEFORE_LF ? i + 2 : i + step;
			return (struct line_fit){end, next, end_columns, 0};
		}
		if (i > start && (kind == UC_BREAK_POSSIBLE || kind == UC_BREAK_HYPHENATION))
			opportunity = (struct line_fit){end, i, end_columns, 0};
		int cluster_columns;
		size_t cluster_end = next_cluster(w, i, &cluster_columns);
		int space = cluster_end == i + 1 && w->text[i] == ' ';
		if (!space && i > start) {
			if (kind != BREAK_PUNCTUATION)
				cut = (struct line_fit){end, i, end_columns, 1};
			if (columns + cluster_columns > available) {
				if (opportunity.next)
					return opportunity;
				if (cut.next)
					return cut;
				return (struct line_fit){end, i, end_columns, 1};
			}
		}
		columns += cluster_columns;
		i = cluster_end;
		if (!space) {
			end = i;
			end_columns = (int)columns;
		}
	}
	return (struct line_fit){end, w->length, end_columns, 0};
}

struct layout_line *layout_wrap(const char *text, size_t length,
				const struct layout_options *options, size_t *count)
{
	int width = options->width < 1 ? 1 : options->width;
	int indent = options->first_indent;
	if (indent < 0)
		indent = 0;
	if (indent > width)
		indent = width;
	char *breaks = break_opportunities(text, length);
	struct wrapper w = {text, length, breaks, options->ambiguous_wide};
	struct layout_line *lines = NULL;
	size_t line_count = 0, capacity = 0;
	size_t start = 0;
	do {
		struct line_fit fit;
		int line_indent = 0;
		if (line_count == 0 && indent > 0) {
			fit = fit_line(&w, start, width - indent);
			line_indent = indent;
			int overflows = fit.width > width - indent;
			if (fit.forced || overflows) {
				/* The first run does not fit after the indent: try it
				 * on a whole line. */
				struct line_fit whole = fit_line(&w, start, width);
				if (!whole.forced || overflows) {
					fit = whole;
					line_indent = 0;
				}
			}
		} else {
			fit = fit_line(&w, start, width);
		}
		lines = xgrow(lines, &capacity, line_count + 1, sizeof *lines);
		lines[line_count++] =
		    (struct layout_line){start, fit.end - start, line_indent, fit.width};
		start = fit.next;
	} while (start < length);
	free(breaks);
	*count = line_count;
	return lines;
}
