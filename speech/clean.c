#include "speech/clean.h"

#include <stdlib.h>

#include "base/utf8.h"

static int is_space(long codepoint)
{
	return codepoint == ' ' || codepoint == '\t' || codepoint == 0x3000 || codepoint == 0xA0 ||
	       codepoint == 0xFEFF || codepoint == 0x200B || codepoint == 0x200C ||
	       codepoint == 0x200D || codepoint == 0x2060;
}

static int is_line_end(long codepoint)
{
	return codepoint == '\n' || codepoint == '\r' || codepoint == 0x2028 || codepoint == 0x2029;
}

/* Appends one code point, neutralising controls. */
static void append_safe(struct buffer *out, long codepoint, const char *bytes, size_t length)
{
	if (codepoint == '\t' || is_line_end(codepoint))
		buffer_append_byte(out, ' ');
	else if (codepoint < 0x20)
		buffer_append_codepoint(out, 0x2400 + (unsigned)codepoint);
	else if (codepoint == 0x7F)
		buffer_append_codepoint(out, 0x2421);
	else if (codepoint < 0 || (codepoint >= 0x80 && codepoint < 0xA0))
		buffer_append_codepoint(out, UTF8_REPLACEMENT);
	else
		buffer_append(out, bytes, length);
}

/* The end of the run from i of characters that go through unchanged and
 * are not white space: most of any text, copied in one piece. Stops at
 * anything the careful path must see: ASCII space and controls, C1
 * controls, NBSP, U+2028/2029, U+200B-U+200D, U+2060, U+3000, U+FEFF. */
static size_t content_run(const unsigned char *bytes, size_t i, size_t length)
{
	while (i < length) {
		unsigned lead = bytes[i];
		if (lead > 0x20 && lead < 0x7F) {
			i++;
			continue;
		}
		if (lead < 0xC2 || lead > 0xF4)
			break;
		size_t size = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
		if (i + size > length)
			break;
		const unsigned char *next = bytes + i + 1;
		if ((lead == 0xC2 && next[0] <= 0xA0) ||
		    (lead == 0xE2 && next[0] == 0x80 && (next[1] >= 0x8B && next[1] <= 0x8D)) ||
		    (lead == 0xE2 && next[0] == 0x80 && (next[1] == 0xA8 || next[1] == 0xA9)) ||
		    (lead == 0xE2 && next[0] == 0x81 && next[1] == 0xA0) ||
		    (lead == 0xE3 && next[0] == 0x80 && next[1] == 0x80) ||
		    (lead == 0xEF && next[0] == 0xBB && next[1] == 0xBF))
			break;
		i += size;
	}
	return i;
}

struct text_line *clean_lines(const char *text, size_t length, struct buffer *out,
			      size_t *line_count)
{
	return clean_lines_mapped(text, length, NULL, out, NULL, line_count);
}

struct text_line *clean_lines_mapped(const char *text, size_t length, struct mapping *input,
				     struct buffer *out, struct mapping *output, size_t *line_count)
{
	struct text_line *lines = NULL;
	size_t count = 0, capacity = 0;
	const unsigned char *bytes = (const unsigned char *)text;
	size_t i = 0;
	size_t source_line = 0, next_unseen = 0; /* the first input line not yet counted as a gap */
	while (i < length) {
		/* Skip indentation. */
		size_t step;
		long codepoint;
		while (i < length &&
		       is_space(codepoint = utf8_decode(bytes + i, length - i, &step)))
			i += step;
		size_t line_start = out->length;
		size_t kept = out->length; /* end of the last non-space character */
		int ended = 0;
		while (i < length) {
			mapping_passed(input, text + i);
			mapping_passed(output, out->data + out->length);
			size_t run = content_run(bytes, i, length);
			if (run > i) {
				buffer_append(out, text + i, run - i);
				kept = out->length;
				i = run;
				continue;
			}
			codepoint = utf8_decode(bytes + i, length - i, &step);
			if (is_line_end(codepoint)) {
				i += step;
				if (codepoint == '\r' && i < length && bytes[i] == '\n')
					i++;
				ended = 1;
				break;
			}
			append_safe(out, codepoint, text + i, step);
			if (!is_space(codepoint))
				kept = out->length;
			i += step;
		}
		out->length = kept;
		if (kept > line_start) {
			lines = xgrow(lines, &capacity, count + 1, sizeof *lines);
			lines[count].offset = line_start;
			lines[count].length = kept - line_start;
			lines[count].source_line = source_line;
			lines[count].blank_before = (unsigned)(source_line - next_unseen > 1000
								   ? 1000
								   : source_line - next_unseen);
			next_unseen = source_line + 1;
			count++;
			buffer_append_byte(out, '\n');
		}
		source_line += ended;
	}
	buffer_string(out);
	mapping_give_back(input);
	mapping_give_back(output);
	*line_count = count;
	return lines;
}

int clean_grows(const char *text, size_t length)
{
	return clean_grows_mapped(text, length, NULL);
}

int clean_grows_mapped(const char *text, size_t length, struct mapping *mapping)
{
	const unsigned char *bytes = (const unsigned char *)text;
	size_t i;
	for (i = 0; i < length; i++) {
		if (i % 4096 == 0)
			mapping_passed(mapping, bytes + i);
		unsigned char c = bytes[i];
		if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F)
			break;
		if (c == 0xC2 && i + 1 < length && bytes[i + 1] < 0xA0) /* C1: U+0080-U+009F */
			break;
	}
	mapping_give_back(mapping);
	return i < length;
}

void clean_inline(const char *text, size_t length, struct buffer *out)
{
	const unsigned char *bytes = (const unsigned char *)text;
	size_t i = 0;
	while (i < length) {
		size_t step;
		long codepoint = utf8_decode(bytes + i, length - i, &step);
		append_safe(out, codepoint, text + i, step);
		i += step;
	}
	buffer_string(out);
}
