#include "tui/draw.h"

#include <string.h>

#include "base/utf8.h"
#include "base/width.h"

static int ambiguous_wide;

void draw_set_ambiguous_wide(int wide)
{
	ambiguous_wide = wide;
}

int draw_ambiguous_wide(void)
{
	return ambiguous_wide;
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
	/* None is below U+061C: most text is decided without a call. */
	if (codepoint >= 0x061C && utf8_is_bidi_control(codepoint))
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

/* Characters waiting to go out in one wadd_wchnstr call. */
struct run {
	cchar_t cells[128];
	int count;
	int width;
};

/* Puts the run at column x of row y; returns the columns it took. */
static int flush_run(WINDOW *window, int y, int x, struct run *run)
{
	int width = run->width;
	if (run->count > 0) {
		wmove(window, y, x);
		wadd_wchnstr(window, run->cells, run->count);
	}
	run->count = 0;
	run->width = 0;
	return width;
}

/* A page of text is most of what the reader draws, and curses' own path
 * for a string converts and measures it a character at a time; cells
 * made here go onto the window directly. Only characters curses measures
 * as we do (one or two columns, not widened as ambiguous) take this way;
 * the rest are drawn one by one as before. */
int draw_text(WINDOW *window, int y, int x, const char *text, size_t length, int columns,
	      attr_t attributes)
{
	const unsigned char *bytes = (const unsigned char *)text;
	attr_t plain = attributes & ~A_COLOR;
	short pair = (short)PAIR_NUMBER(attributes);
	struct run run = {.count = 0};
	size_t offset = 0;
	int width = 0;
	wattrset(window, attributes);
	while (offset < length) {
		size_t step = 1;
		long codepoint = bytes[offset] < 0x80
				     ? (long)bytes[offset]
				     : utf8_decode(bytes + offset, length - offset, &step);
		long shown = displayed(codepoint);
		if (shown < 0) {
			offset += step;
			continue;
		}
		int cell = codepoint_width((unsigned)shown, ambiguous_wide);
		if (width + run.width + cell > columns)
			break;
		int curses_cell = ambiguous_wide ? codepoint_width((unsigned)shown, 0) : cell;
		if (cell >= 1 && cell == curses_cell) {
			wchar_t wide[2] = {(wchar_t)shown, 0};
			setcchar(&run.cells[run.count++], wide, plain, pair, NULL);
			run.width += cell;
			if (run.count == (int)(sizeof run.cells / sizeof *run.cells))
				width += flush_run(window, y, x + width, &run);
			offset += step;
			continue;
		}
		width += flush_run(window, y, x + width, &run);
		wmove(window, y, x + width);
		if (shown == UTF8_REPLACEMENT && (step != 3 || bytes[offset] != 0xEF))
			waddstr(window, "\xEF\xBF\xBD");
		else
			waddnstr(window, text + offset, (int)step);
		/* curses counts an ambiguous character as one column; where the
		 * terminal draws two, the next one goes after the second. */
		width += cell;
		offset += step;
	}
	width += flush_run(window, y, x + width, &run);
	wmove(window, y, x + width);
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
