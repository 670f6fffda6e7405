/* text_cursor.h — reading a line of UTF-8 one code point at a time, for
 * the date reader (date.h) and the byline guess (metadata.h). Pure: no
 * files, no allocation. */
#ifndef PIZHU_SPEECH_TEXT_CURSOR_H
#define PIZHU_SPEECH_TEXT_CURSOR_H

#include <stddef.h>

struct text_cursor {
	const char *text;
	size_t length;
	size_t at; /* byte offset */
};

/* The code point at the cursor, -1 at the end. */
long cursor_peek(const struct text_cursor *cursor);
/* Moves past the code point at the cursor (not past the end). */
void cursor_advance(struct text_cursor *cursor);
int cursor_at_end(const struct text_cursor *cursor);
/* Moves past literal and returns 1 when the text goes on with it; else 0. */
int cursor_accept(struct text_cursor *cursor, const char *literal);
/* Moves past spaces (text_is_space). */
void cursor_skip_spaces(struct text_cursor *cursor);

/* ASCII space and tab, the ideographic space U+3000 and NBSP. */
int text_is_space(long codepoint);
/* Narrows text[0..length) to leave out leading and trailing spaces. */
void text_trim(const char **text, size_t *length);

#endif
