/* lines.h — building a document's text a line at a time, each line with
 * its hint (formats/document.h). Text handed in may hold '\n' (each
 * ends a line: the first line gets the heading level, every line the
 * role); control characters become spaces, so a reader cannot pass
 * escape sequences or NUL bytes on. */
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

/* Moves every line of from to the end of to, emptying from. */
void lines_move(struct lines *to, struct lines *from);

/* Hands the lines to document (text and hints), emptying lines. */
void lines_to_document(struct lines *lines, struct document *document);

void lines_free(struct lines *lines);

#endif
