#include "formats/lines.h"

#include <stdlib.h>
#include <string.h>

static void add_one(struct lines *lines, const char *text, size_t length,
		    struct document_line_hint hint)
{
	for (size_t i = 0; i < length; i++) {
		unsigned char c = (unsigned char)text[i];
		buffer_append_byte(&lines->text, c < 0x20 || c == 0x7F ? ' ' : (char)c);
	}
	buffer_append_byte(&lines->text, '\n');
	lines->hints =
	    xgrow(lines->hints, &lines->capacity, lines->count + 1, sizeof *lines->hints);
	lines->hints[lines->count++] = hint;
}

void lines_add(struct lines *lines, const char *text, size_t length, struct document_line_hint hint)
{
	for (;;) {
		const char *newline = memchr(text, '\n', length);
		size_t part = newline ? (size_t)(newline - text) : length;
		add_one(lines, text, part, hint);
		if (!newline)
			return;
		hint.heading_level = 0;
		text += part + 1;
		length -= part + 1;
	}
}

void lines_move(struct lines *to, struct lines *from)
{
	buffer_append(&to->text, from->text.data, from->text.length);
	for (size_t i = 0; i < from->count; i++) {
		to->hints = xgrow(to->hints, &to->capacity, to->count + 1, sizeof *to->hints);
		to->hints[to->count++] = from->hints[i];
	}
	from->text.length = 0;
	from->count = 0;
}

void lines_to_document(struct lines *lines, struct document *document)
{
	document->length = lines->text.length;
	document->text = buffer_string(&lines->text);
	document->hints = lines->hints;
	document->hint_count = lines->count;
	memset(lines, 0, sizeof *lines);
}

void lines_free(struct lines *lines)
{
	buffer_free(&lines->text);
	free(lines->hints);
	memset(lines, 0, sizeof *lines);
}
