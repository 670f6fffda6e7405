/* clean.h — cleaning decoded text into lines.
 *
 * Line ends (LF, CRLF, CR, U+2028, U+2029) end a line; indentation and
 * trailing white space (ASCII space and tab, U+3000, U+00A0, and the
 * zero-width U+FEFF, U+200B, U+200C, U+200D, U+2060) are dropped; blank lines are dropped; control
 * characters become visible symbols so they can never reach a terminal: a tab inside a line becomes
 * a space, other C0 controls and DEL their Control Pictures (ESC → ␛), and C1 controls U+FFFD. */
#ifndef PIZHU_SPEECH_CLEAN_H
#define PIZHU_SPEECH_CLEAN_H

#include <stddef.h>

#include "base/buffer.h"
#include "base/mapping.h"

struct text_line {
	size_t offset;	       /* into the output buffer */
	size_t length;	       /* bytes, without the line end */
	size_t source_line;    /* 0-based line of the input it came from (CRLF is one end) */
	unsigned blank_before; /* blank input lines just before it (a gap) */
};

/* Appends the cleaned non-blank lines of text[0..length) to `out`, each
 * followed by '\n', and returns their positions in a new array. The text
 * must be valid UTF-8, as decode_text() gives it. Linear in the input. */
struct text_line *clean_lines(const char *text, size_t length, struct buffer *out,
			      size_t *line_count);

/* clean_lines of text in the mapping `input` into `out`, whose memory is
 * the mapping `output` (either may be NULL, or both the same): the pages
 * its pass leaves behind are given back (base/mapping.h). */
struct text_line *clean_lines_mapped(const char *text, size_t length, struct mapping *input,
				     struct buffer *out, struct mapping *output,
				     size_t *line_count);

/* Whether cleaning can make text[0..length) longer: only control
 * characters do (each becomes a three-byte symbol). When it cannot,
 * clean_lines may write its output over the text it reads, the output
 * buffer then being the text's own memory. */
int clean_grows(const char *text, size_t length);
/* clean_grows of text in a mapping, given back behind its pass. */
int clean_grows_mapped(const char *text, size_t length, struct mapping *mapping);

/* Appends text with its control characters made visible as above and every
 * line end or tab turned into a space: for one-line output of any text. */
void clean_inline(const char *text, size_t length, struct buffer *out);

#endif
