/* layout.h — wrapping one paragraph into screen lines. No curses: the
 * reader draws what this computes, and unit tests drive it directly.
 *
 * Break opportunities are those of UAX #14 (libunistring, encoding
 * "UTF-8"): Chinese may break between any two characters; Latin words and
 * numbers such as 3.9% stay whole. On top of UAX #14, a line never starts
 * with a pause or stop mark or closing punctuation (，。、；：？！· and
 * ）」』》】” ’ and the other closing brackets and quotes) and never ends
 * with opening punctuation (“ ‘「『（《【 and the like), also where spaces
 * stand between, which UAX #14 alone allows. Lines are filled greedily.
 *
 * A run that fits on no line (a long URL, a word wider than the line) is
 * cut at the last grapheme cluster that fits, where possible at a point
 * the punctuation rules allow; a character is never split, nor a base
 * character from its combining marks. Widths are those of width.h.
 * Linear time in the length of the text. */
#ifndef PIZHU_TUI_MODEL_LAYOUT_H
#define PIZHU_TUI_MODEL_LAYOUT_H

#include <stddef.h>
#include <stdint.h>

struct layout_options {
	int width;	    /* columns per line; below 1 counts as 1 */
	int first_indent;   /* blank columns before the first line's text */
	int ambiguous_wide; /* East Asian Ambiguous characters take 2 columns */
};

/* The cache keeps these for every paragraph read so far: 32-bit fields
 * (a paragraph is under SPEECH_MAX_BYTES). */
struct layout_line {
	uint32_t offset; /* bytes from the start of the text */
	uint32_t length; /* bytes; spaces where the line breaks are left out */
	int indent;	 /* blank columns before the text */
	int width;	 /* columns of the text, as text_width() measures it */
};

/* Wraps text[0..length) (UTF-8; offsets and lengths in bytes) into lines
 * and returns them in a new array for free(), their number (at least one)
 * in *count. Empty text is one empty line.
 *
 * Lines are in text order; what lies between two lines is spaces or a
 * mandatory break (a newline, which cleaned text does not hold). On every
 * line indent + width <= options->width, but for a line whose first
 * grapheme cluster alone is wider than that (a 2-column character at
 * width 1): it holds that cluster, so wrapping always makes progress.
 *
 * The first line is indented by options->first_indent columns (clamped to
 * the width), unless its first unbreakable run would not fit after the
 * indent but fits a whole line: then it starts at column 0. */
struct layout_line *layout_wrap(const char *text, size_t length,
				const struct layout_options *options, size_t *count);

#endif
