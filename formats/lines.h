/* lines.h — building a document's text a line at a time, each line with
 * its hint (formats/document.h). Text handed in may hold '\n' (each
 * ends a line: the first line gets the heading level, every line the
 * role); control characters become spaces, so a reader cannot pass
 * escape sequences or NUL bytes on.
 *
 * lines_add_paragraph is for readers whose text comes a paragraph at a
 * time from markup (web pages, Markdown, PDF): it cleans the paragraph to
 * the document's promise of one paragraph a line, and skips it when
 * nothing is left. */
#ifndef PIZHU_FORMATS_LINES_H
#define PIZHU_FORMATS_LINES_H

#include <stddef.h>

#include "base/buffer.h"
#include "formats/document.h"

struct lines {
	struct buffer text; /* lines, each ended by '\n' */
	struct document_line_hint *hints;
	size_t count, capacity;
};

void lines_add(struct lines *lines, const char *text, size_t length,
	       struct document_line_hint hint);

/* Appends one paragraph as one line: line ends, tabs and runs of white
 * space become one space, the ends are trimmed, control characters and
 * zero-width spaces are dropped and invalid UTF-8 becomes U+FFFD. Returns
 * 1 when a line was added, 0 when the paragraph was blank. */
int lines_add_paragraph(struct lines *lines, const char *text, size_t length,
			enum document_role role, int heading_level);

/* The text of line `index` (not NUL-terminated) and its length; meant for
 * the last few lines (it walks back from the end). */
const char *lines_get(const struct lines *lines, size_t index, size_t *length);

/* Moves every line of from to the end of to, emptying from. */
void lines_move(struct lines *to, struct lines *from);

/* Hands the lines to document (text and hints), emptying lines. */
void lines_to_document(struct lines *lines, struct document *document);

void lines_free(struct lines *lines);

/* Whether text opens with a Chinese or decimal heading marker: 一、 （一）
 * (一) 一是 一要 第一 1. 1、 1． （1） (1). The readers use it where markup
 * or layout decides (a bold lead that is a heading, a line that begins a
 * paragraph); the parser decides what really heads a section. */
int lines_opens_with_marker(const char *text, size_t length);

/* Whether code point c is a CJK character or full-width punctuation, next
 * to which no space is written when lines are joined. */
int lines_is_cjk(long c);

#endif
