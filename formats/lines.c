#include "formats/lines.h"

#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"

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
		if (hint.heading_level != DOCUMENT_NOT_HEADING)
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

int lines_is_cjk(long c)
{
	return (c >= 0x2E80 && c <= 0x9FFF) ||	 /* radicals, kana, CJK symbols, ideographs */
	       (c >= 0xAC00 && c <= 0xD7AF) ||	 /* Hangul */
	       (c >= 0xF900 && c <= 0xFAFF) ||	 /* compatibility ideographs */
	       (c >= 0xFE30 && c <= 0xFE4F) ||	 /* CJK compatibility forms */
	       (c >= 0xFF00 && c <= 0xFFEF) ||	 /* full-width forms */
	       (c >= 0x20000 && c <= 0x3FFFF) || /* ideographs, planes 2 and 3 */
	       c == 0x2014 || c == 0x2026 ||	 /* — … */
	       (c >= 0x2018 && c <= 0x201D);	 /* ‘ ’ “ ” */
}

static int is_space(long c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

int lines_add_paragraph(struct lines *lines, const char *text, size_t length,
			enum document_role role, int heading_level)
{
	const unsigned char *bytes = (const unsigned char *)text;
	size_t start = lines->text.length;
	int pending_space = 0;
	for (size_t i = 0; i < length;) {
		size_t step;
		long c = utf8_decode(bytes + i, length - i, &step);
		if (c < 0)
			c = UTF8_REPLACEMENT;
		i += step;
		if (is_space(c)) {
			pending_space = lines->text.length > start;
			continue;
		}
		if (c < 0x20 || (c >= 0x7F && c < 0xA0) || c == 0xFEFF || c == 0x200B)
			continue;
		if (pending_space)
			buffer_append_byte(&lines->text, ' ');
		pending_space = 0;
		if (c == UTF8_REPLACEMENT || step == 1)
			buffer_append_codepoint(&lines->text, (unsigned)c);
		else
			buffer_append(&lines->text, bytes + i - step, step);
	}
	if (lines->text.length == start)
		return 0;
	buffer_append_byte(&lines->text, '\n');
	lines->hints =
	    xgrow(lines->hints, &lines->capacity, lines->count + 1, sizeof *lines->hints);
	lines->hints[lines->count].role = (unsigned char)role;
	lines->hints[lines->count].heading_level =
	    (unsigned char)(heading_level == DOCUMENT_NOT_HEADING ? DOCUMENT_NOT_HEADING
			    : heading_level < 0			  ? 0
			    : heading_level > 9			  ? 9
								  : heading_level);
	lines->count++;
	return 1;
}

const char *lines_get(const struct lines *lines, size_t index, size_t *length)
{
	/* Lines are found by walking the text: the readers ask for a few lines
	 * near the end only, so an index is not worth its memory. */
	const char *text = lines->text.data;
	const char *end = text + lines->text.length;
	size_t line = lines->count;
	const char *cursor = end;
	/* Walk back from the end: callers look at the latest lines. */
	while (line > index) {
		cursor--; /* the '\n' ending line `line - 1` */
		const char *newline = cursor;
		while (cursor > text && cursor[-1] != '\n')
			cursor--;
		line--;
		if (line == index) {
			*length = (size_t)(newline - cursor);
			return cursor;
		}
	}
	*length = 0;
	return text;
}

int lines_opens_with_marker(const char *text, size_t length)
{
	static const char numerals[] = "一二三四五六七八九十百零〇";
	const char *p = text, *end = text + length;
	int open = 0;
	if (end - p >= 3 && memcmp(p, "（", 3) == 0)
		p += 3, open = 1;
	else if (p < end && *p == '(')
		p++, open = 1;
	else if (end - p >= 3 && memcmp(p, "第", 3) == 0)
		return 1;
	const char *digits = p;
	while (p < end && *p >= '0' && *p <= '9')
		p++;
	if (p == digits) /* numerals are three bytes each in UTF-8 */
		while (end - p >= 3 && memmem(numerals, sizeof numerals - 1, p, 3))
			p += 3;
	if (p == digits || p >= end)
		return 0;
	if (open)
		return (end - p >= 3 && memcmp(p, "）", 3) == 0) || *p == ')';
	return *p == '.' || (end - p >= 3 && (memcmp(p, "、", 3) == 0 || memcmp(p, "．", 3) == 0 ||
					      memcmp(p, "是", 3) == 0 || memcmp(p, "要", 3) == 0));
}
