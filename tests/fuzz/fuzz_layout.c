/* fuzz_layout.c — wrapping any text at any width.
 *
 * The first three bytes choose the options (width -2..253, first indent
 * 0..31, ambiguous width), the rest is the text. Checks layout.h's
 * promises: at least one line; lines in order inside the text, with only
 * spaces or line breaks between them; no line wider than the width unless
 * it holds a single grapheme cluster; each line's width as text_width
 * measures it. */
#include <string.h>
#include <unigbrk.h>

#include "tests/fuzz/fuzz.h"
#include "tui/model/layout.h"
#include "base/width.h"

/* Spaces, and the mandatory breaks of UAX #14: LF, CR, VT, FF, NEL,
 * U+2028, U+2029 (cleaned text holds none, but layout must cope). */
static int only_breaks(const char *text, size_t length)
{
	for (size_t i = 0; i < length;) {
		if (text[i] != '\0' && strchr(" \n\r\v\f", text[i])) {
			i++;
		} else if (length - i >= 2 && memcmp(text + i, "\xc2\x85", 2) == 0) {
			i += 2;
		} else if (length - i >= 3 && (memcmp(text + i, "\u2028", 3) == 0 ||
					       memcmp(text + i, "\u2029", 3) == 0)) {
			i += 3;
		} else {
			return 0;
		}
	}
	return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 3)
		return 0;
	struct layout_options options = {
	    .width = (int)data[0] - 2,
	    .first_indent = data[1] & 31,
	    .ambiguous_wide = data[2] & 1,
	};
	const char *text = (const char *)data + 3;
	size_t length = size - 3;
	size_t count = 0;
	struct layout_line *lines = layout_wrap(text, length, &options, &count);
	fuzz_assert(lines != NULL && count >= 1);
	int width = options.width < 1 ? 1 : options.width;
	size_t end = 0;
	for (size_t i = 0; i < count; i++) {
		const struct layout_line *line = &lines[i];
		fuzz_assert(line->offset >= end);
		fuzz_assert(line->offset <= length && line->length <= length - line->offset);
		fuzz_assert(only_breaks(text + end, line->offset - end));
		fuzz_assert(line->indent >= 0 && line->width >= 0);
		fuzz_assert(line->width ==
			    text_width(text + line->offset, line->length, options.ambiguous_wide));
		if (line->indent + line->width > width) {
			/* Allowed only for a line of one cluster too wide for any line. */
			const uint8_t *start = (const uint8_t *)text + line->offset;
			const uint8_t *next = u8_grapheme_next(start, start + line->length);
			fuzz_assert(line->indent == 0 || i == 0);
			fuzz_assert(next == start + line->length);
		}
		end = line->offset + line->length;
	}
	/* Wrapping makes progress: no more lines than bytes. */
	fuzz_assert(count <= length + 1);
	free(lines);
	return 0;
}
