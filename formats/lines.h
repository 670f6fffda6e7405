/* lines.h — building a struct document one line at a time.
 *
 * The web, Markdown and PDF readers produce their text a paragraph at a
 * time; this keeps the text and the per-line hints in step, so a line
 * and its hint can never drift apart. A line handed in is cleaned for the
 * document's promise of one paragraph a line: line ends and tabs inside it
 * become spaces, runs of white space one space, and it is trimmed; control
 * characters other than these are dropped and invalid UTF-8 becomes
 * U+FFFD. A line that is blank after that is not added. */
#ifndef PIZHU_FORMATS_LINES_H
#define PIZHU_FORMATS_LINES_H

#include <stddef.h>

#include "base/buffer.h"
#include "formats/document.h"

struct lines {
	struct buffer text;
	struct document_line_hint *hints;
	size_t count;
	size_t capacity;
};

/* Appends a cleaned line; returns 1 when one was added, 0 when it was blank. */
int lines_add(struct lines *lines, const char *text, size_t length, enum document_role role,
	      int heading_level);

/* The text of line `index` (not NUL-terminated) and its length. */
const char *lines_get(const struct lines *lines, size_t index, size_t *length);

/* Appends every line of `from` to `to` with its hint, and empties `from`. */
void lines_move(struct lines *to, struct lines *from);

/* Moves the lines into `document` (text, length, hints, hint_count) and
 * leaves `lines` empty. */
void lines_finish(struct lines *lines, struct document *document);

void lines_free(struct lines *lines);

/* Whether code point c is a CJK character or full-width punctuation, after
 * or before which no space is written when lines are joined. */
int lines_is_cjk(long c);

#endif
