#include "speech/text_cursor.h"

#include <string.h>

#include "base/utf8.h"

long cursor_peek(const struct text_cursor *cursor)
{
	if (cursor->at >= cursor->length)
		return -1;
	size_t step;
	return utf8_decode((const unsigned char *)cursor->text + cursor->at,
			   cursor->length - cursor->at, &step);
}

void cursor_advance(struct text_cursor *cursor)
{
	size_t step;
	utf8_decode((const unsigned char *)cursor->text + cursor->at, cursor->length - cursor->at,
		    &step);
	cursor->at += step;
}

int cursor_at_end(const struct text_cursor *cursor)
{
	return cursor->at >= cursor->length;
}

int cursor_accept(struct text_cursor *cursor, const char *literal)
{
	size_t length = strlen(literal);
	if (cursor->length - cursor->at < length ||
	    memcmp(cursor->text + cursor->at, literal, length) != 0)
		return 0;
	cursor->at += length;
	return 1;
}

int text_is_space(long codepoint)
{
	return codepoint == ' ' || codepoint == '\t' || codepoint == 0x3000 || codepoint == 0xA0;
}

void cursor_skip_spaces(struct text_cursor *cursor)
{
	while (text_is_space(cursor_peek(cursor)))
		cursor_advance(cursor);
}

/* text without its leading and trailing spaces. */
void text_trim(const char **text, size_t *length)
{
	struct text_cursor cursor = {*text, *length, 0};
	cursor_skip_spaces(&cursor);
	*text += cursor.at;
	*length -= cursor.at;
	for (;;) {
		const char *end = *text + *length;
		if (*length >= 1 && (end[-1] == ' ' || end[-1] == '\t'))
			*length -= 1;
		else if (*length >= 3 && memcmp(end - 3, "\u3000", 3) == 0)
			*length -= 3;
		else if (*length >= 2 && memcmp(end - 2, "\u00a0", 2) == 0)
			*length -= 2;
		else
			return;
	}
}
