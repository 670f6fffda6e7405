#include "tui/draw.h"

#include <string.h>

#include "base/utf8.h"
#include "tui/width.h"

static int ambiguous_wide;

void draw_set_ambiguous_wide(int wide)
{
	ambiguous_wide = wide;
}

int draw_ambiguous_wide(void)
{
	return ambiguous_wide;
}

static int is_bidi_control(long codepoint)
{
	return codepoint == 0x061C || codepoint == 0x200E || codepoint == 0x200F ||
	       (codepoint >= 0x202A && codepoint <= 0x202E) ||
	       (codepoint >= 0x2066 && codepoint <= 0x2069);
}

static int is_control(long codepoint)
{
	return codepoint < 0x20 || (codepoint >= 0x7F && codepoint < 0xA0);
}

/* The code point drawn for the one at text: controls become U+FFFD,
 * bidirectional controls nothing (-1). */
static long displayed(long codepoint)
{
	if (codepoint < 0 || is_control(codepoint))
		return UTF8_REPLACEMENT;
	if (is_bidi_control(codepoint))
		return -1;
	return codepoint;
}

int draw_width(const char *text, size_t length)
{
	int used;
	draw_fit(text, length, 1 << 30, &used);
	return used;
}

size_t draw_fit(const char *text, size_t length, int columns, int *used)
{
	const unsigned char *bytes = (const unsigned char *)text;
	size_t offset = 0;
	int width = 0;
	while (offset < length) {
		size_t step;
		long codepoint = displayed(utf8_decode(bytes + offset, length - offset, &step));
		int cell = codepoint < 0 ? 0 : codepoint_width((unsigned)codepoint, ambiguous_wide);
		if (width + cell > columns)
			break;
		width += cell;
		offset += step;
	}
	if (used)
		*used = width;
	return offset;
}

int draw_text(WINDOW *window, int y, int x, const char *text, size_t length, int columns,
	      attr_t attributes)
{
	const unsigned char *bytes = (const unsigned char *)text;
	size_t offset = 0;
	int width = 0;
	wattrset(window, attributes);
	wmove(window, y, x);
	while (offset < length) {
		/* Characters that go out as they are, in one call: a page of
		 * text is a few calls a line, not one a character. */
		size_t run = offset;
		int run_width = 0;
		while (run < length) {
			size_t step = 1;
			long codepoint = bytes[run] < 0x80
					     ? (long)bytes[run]
					     : utf8_decode(bytes + run, length - run, &step);
			if (displayed(codepoint) != codepoint)
				break;
			int cell = codepoint_width((unsigned)codepoint, ambiguous_wide);
			/* An ambiguous character drawn wide needs its own move. */
			if (ambiguous_wide && cell == 2 &&
			    codepoint_width((unsigned)codepoint, 0) == 1)
				break;
			if (width + run_width + cell > columns)
				break;
			run_width += cell;
			run += step;
		}
		if (run > offset) {
			waddnstr(window, text + offset, (int)(run - offset));
			width += run_width;
			offset = run;
			continue;
		}
		size_t step;
		long codepoint = displayed(utf8_decode(bytes + offset, length - offset, &step));
		if (codepoint < 0) {
			offset += step;
			continue;
		}
		int cell = codepoint_width((unsigned)codepoint, ambiguous_wide);
		if (width + cell > columns)
			break;
		if (codepoint == UTF8_REPLACEMENT && (step != 3 || bytes[offset] != 0xEF))
			waddstr(window, "\xEF\xBF\xBD");
		else
			waddnstr(window, text + offset, (int)step);
		width += cell;
		/* curses counts an ambiguous character as one column; where the
		 * terminal draws two, move past the second ourselves. */
		if (cell == 2 && codepoint_width((unsigned)codepoint, 0) == 1)
			wmove(window, y, x + width);
		offset += step;
	}
	return width;
}

void draw_fill(WINDOW *window, int y, int x, int count, char fill, attr_t attributes)
{
	if (count <= 0)
		return;
	wattrset(window, attributes);
	wmove(window, y, x);
	for (int i = 0; i < count; i++)
		waddch(window, (chtype)(unsigned char)fill);
}
