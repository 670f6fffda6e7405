#include "tui/editor.h"

#include <curses.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "base/buffer.h"
#include "base/utf8.h"
#include "tui/colors.h"
#include "tui/draw.h"
#include "tui/width.h"

enum { EDITOR_MAX_CHARACTERS = 20000 };

struct editor {
	unsigned *text; /* code points */
	size_t length, capacity;
	size_t cursor;	/* index into text */
	size_t top_row; /* first display row shown */
	int changed;
};

static void insert(struct editor *editor, unsigned codepoint)
{
	if (editor->length >= EDITOR_MAX_CHARACTERS)
		return;
	editor->text =
	    xgrow(editor->text, &editor->capacity, editor->length + 1, sizeof *editor->text);
	memmove(editor->text + editor->cursor + 1, editor->text + editor->cursor,
		(editor->length - editor->cursor) * sizeof *editor->text);
	editor->text[editor->cursor++] = codepoint;
	editor->length++;
	editor->changed = 1;
}

static void delete_at(struct editor *editor, size_t index)
{
	if (index >= editor->length)
		return;
	memmove(editor->text + index, editor->text + index + 1,
		(editor->length - index - 1) * sizeof *editor->text);
	editor->length--;
	editor->changed = 1;
}

static int width_of(unsigned codepoint)
{
	return codepoint_width(codepoint, draw_ambiguous_wide());
}

/* Display position (row, column) of a text index when wrapped at `width`
 * columns; a newline ends a row. */
static void position_of(const struct editor *editor, size_t index, int width, size_t *row,
			int *column)
{
	size_t r = 0;
	int c = 0;
	for (size_t i = 0; i < index; i++) {
		unsigned codepoint = editor->text[i];
		if (codepoint == '\n') {
			r++;
			c = 0;
			continue;
		}
		int w = width_of(codepoint);
		if (c + w > width) {
			r++;
			c = 0;
		}
		c += w;
	}
	if (index < editor->length && editor->text[index] != '\n' &&
	    c + width_of(editor->text[index]) > width) {
		r++;
		c = 0;
	}
	*row = r;
	*column = c;
}

/* The text index nearest to (row, column): one pass, placing each
 * character as position_of does. */
static size_t index_at(const struct editor *editor, size_t row, int column, int width)
{
	size_t r = 0;
	int c = 0;
	size_t last_on_row = 0;
	for (size_t i = 0; i <= editor->length; i++) {
		if (i < editor->length && editor->text[i] != '\n' &&
		    c + width_of(editor->text[i]) > width) {
			r++;
			c = 0;
		}
		if (r == row && c >= column)
			return i;
		if (r > row)
			return last_on_row;
		if (r == row)
			last_on_row = i;
		if (i == editor->length)
			break;
		if (editor->text[i] == '\n') {
			r++;
			c = 0;
		} else {
			c += width_of(editor->text[i]);
		}
	}
	return r >= row ? editor->length : last_on_row;
}

static void append_utf8(struct buffer *out, const unsigned *text, size_t length)
{
	for (size_t i = 0; i < length; i++)
		buffer_append_codepoint(out, text[i]);
}

static void draw_editor(struct editor *editor, const char *title, int top, int rows, int width)
{
	int text_width = width - 2;
	size_t cursor_row;
	int cursor_column;
	position_of(editor, editor->cursor, text_width, &cursor_row, &cursor_column);
	int body = rows - 2;
	if (cursor_row < editor->top_row)
		editor->top_row = cursor_row;
	if (cursor_row >= editor->top_row + (size_t)body)
		editor->top_row = cursor_row - (size_t)body + 1;

	draw_fill(stdscr, top, 0, COLS, ' ', colors_attr(ELEMENT_STATUS));
	draw_text(stdscr, top, 1, title, strlen(title), COLS - 2, colors_attr(ELEMENT_STATUS));
	for (int r = 0; r < body; r++)
		draw_fill(stdscr, top + 1 + r, 0, COLS, ' ', colors_attr(ELEMENT_TEXT));
	/* Walk the text once, drawing the rows that are on screen. */
	struct buffer line = {0};
	size_t row = 0;
	int column = 0;
	for (size_t i = 0; i <= editor->length; i++) {
		int end_of_row = i == editor->length || editor->text[i] == '\n' ||
				 column + width_of(editor->text[i]) > text_width;
		if (end_of_row) {
			if (row >= editor->top_row && row < editor->top_row + (size_t)body)
				draw_text(stdscr, top + 1 + (int)(row - editor->top_row), 1,
					  line.data, line.length, text_width,
					  colors_attr(ELEMENT_TEXT));
			line.length = 0;
			if (i == editor->length)
				break;
			row++;
			column = 0;
			if (editor->text[i] == '\n')
				continue;
		}
		append_utf8(&line, &editor->text[i], 1);
		column += width_of(editor->text[i]);
	}
	buffer_free(&line);
	const char *hint = "Ctrl-S: save   Esc: cancel   Enter: new line";
	draw_fill(stdscr, top + rows - 1, 0, COLS, ' ', colors_attr(ELEMENT_STATUS));
	draw_text(stdscr, top + rows - 1, 1, hint, strlen(hint), COLS - 2,
		  colors_attr(ELEMENT_STATUS));
	move(top + 1 + (int)(cursor_row - editor->top_row), 1 + cursor_column);
	refresh();
}

/* Asks whether to throw away the changes; 1 for yes. */
static int confirm_discard(int row, volatile const int *stop)
{
	const char *question = "Discard the changes to this note? (y/n)";
	draw_fill(stdscr, row, 0, COLS, ' ', colors_attr(ELEMENT_STATUS_MESSAGE));
	draw_text(stdscr, row, 1, question, strlen(question), COLS - 2,
		  colors_attr(ELEMENT_STATUS_MESSAGE));
	refresh();
	for (;;) {
		int key = getch();
		if (*stop)
			return 1;
		if (key == 'y' || key == 'Y')
			return 1;
		if (key != ERR && key != KEY_RESIZE)
			return 0;
	}
}

static void load(struct editor *editor, const char *text)
{
	if (!text)
		return;
	const unsigned char *bytes = (const unsigned char *)text;
	size_t length = strlen(text), offset = 0;
	while (offset < length) {
		size_t step;
		long codepoint = utf8_decode(bytes + offset, length - offset, &step);
		insert(editor, codepoint < 0 ? UTF8_REPLACEMENT : (unsigned)codepoint);
		offset += step;
	}
	editor->cursor = editor->length;
	editor->changed = 0;
}

char *editor_run(const char *title, const char *text, volatile const int *stop)
{
	struct editor editor = {0};
	load(&editor, text);
	char *result = NULL;
	curs_set(1);
	for (;;) {
		int rows = LINES / 2 < 6 ? (LINES < 6 ? LINES : 6) : LINES / 2;
		int top = LINES - rows;
		int width = COLS;
		draw_editor(&editor, title, top, rows, width);
		wint_t key;
		int kind = get_wch(&key);
		if (*stop)
			break;
		if (kind == ERR)
			continue;
		size_t row;
		int column;
		position_of(&editor, editor.cursor, width - 2, &row, &column);
		if (kind == KEY_CODE_YES) {
			switch (key) {
			case KEY_LEFT:
				if (editor.cursor > 0)
					editor.cursor--;
				break;
			case KEY_RIGHT:
				if (editor.cursor < editor.length)
					editor.cursor++;
				break;
			case KEY_UP:
				if (row > 0)
					editor.cursor =
					    index_at(&editor, row - 1, column, width - 2);
				break;
			case KEY_DOWN:
				editor.cursor = index_at(&editor, row + 1, column, width - 2);
				break;
			case KEY_HOME:
				while (editor.cursor > 0 && editor.text[editor.cursor - 1] != '\n')
					editor.cursor--;
				break;
			case KEY_END:
				while (editor.cursor < editor.length &&
				       editor.text[editor.cursor] != '\n')
					editor.cursor++;
				break;
			case KEY_BACKSPACE:
				if (editor.cursor > 0)
					delete_at(&editor, --editor.cursor);
				break;
			case KEY_DC:
				delete_at(&editor, editor.cursor);
				break;
			case KEY_ENTER:
				insert(&editor, '\n');
				break;
			}
			continue;
		}
		if (key == 19) { /* Ctrl-S */
			struct buffer out = {0};
			append_utf8(&out, editor.text, editor.length);
			result = buffer_string(&out);
			break;
		}
		if (key == 27) {
			if (!editor.changed || confirm_discard(top + rows - 1, stop))
				break;
			continue;
		}
		if (key == '\r' || key == '\n') {
			insert(&editor, '\n');
		} else if (key == 127 || key == 8) {
			if (editor.cursor > 0)
				delete_at(&editor, --editor.cursor);
		} else if (key >= 0x20 && key != 0x7F) {
			insert(&editor, (unsigned)key);
		}
	}
	curs_set(0);
	free(editor.text);
	return result;
}
