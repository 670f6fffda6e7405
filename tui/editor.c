/* editor.c — the note editor view. */
#include "tui/editor.h"

#include <curses.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "base/buffer.h"
#include "base/i18n.h"
#include "base/utf8.h"
#include "base/width.h"
#include "tui/colors.h"
#include "tui/draw.h"
#include "tui/prompt.h"

enum { EDITOR_MAX_CHARACTERS = 20000 };

struct editor {
	char *title;
	editor_done *done;
	void *context;
	struct view *view;
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
	const char *hint = _("Ctrl-S: save   Esc: cancel   Enter: new line");
	draw_fill(stdscr, top + rows - 1, 0, COLS, ' ', colors_attr(ELEMENT_STATUS));
	draw_text(stdscr, top + rows - 1, 1, hint, strlen(hint), COLS - 2,
		  colors_attr(ELEMENT_STATUS));
	move(top + 1 + (int)(cursor_row - editor->top_row), 1 + cursor_column);
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

struct editor_arguments {
	const char *title, *text;
	editor_done *done;
	void *context;
};

static int editor_open_state(struct view *view, const void *arguments, struct error *error)
{
	(void)error;
	const struct editor_arguments *given = arguments;
	struct editor *editor = view->state;
	editor->view = view;
	editor->title = xstrdup(given->title);
	editor->done = given->done;
	editor->context = given->context;
	load(editor, given->text);
	return 0;
}

/* The box: the lower half of the screen, at least six rows. */
static void editor_box(int *top, int *rows)
{
	*rows = LINES / 2 < 6 ? (LINES < 6 ? LINES : 6) : LINES / 2;
	*top = LINES - *rows;
}

static void editor_draw(struct view *view)
{
	struct editor *editor = view->state;
	int top, rows;
	editor_box(&top, &rows);
	draw_editor(editor, editor->title, top, rows, COLS);
}

static void discard(void *context, int yes)
{
	struct editor *editor = context;
	if (yes)
		view_close(editor->view);
}

static enum view_result editor_key(struct view *view, const struct view_key *key)
{
	struct editor *editor = view->state;
	int width = COLS;
	size_t row;
	int column;
	position_of(editor, editor->cursor, width - 2, &row, &column);
	switch (view_key_request(key, PANE_EDITOR)) {
	case REQUEST_EDITOR_LEFT:
		if (editor->cursor > 0)
			editor->cursor--;
		return VIEW_HANDLED;
	case REQUEST_EDITOR_RIGHT:
		if (editor->cursor < editor->length)
			editor->cursor++;
		return VIEW_HANDLED;
	case REQUEST_EDITOR_UP:
		if (row > 0)
			editor->cursor = index_at(editor, row - 1, column, width - 2);
		return VIEW_HANDLED;
	case REQUEST_EDITOR_DOWN:
		editor->cursor = index_at(editor, row + 1, column, width - 2);
		return VIEW_HANDLED;
	case REQUEST_EDITOR_LINE_START:
		while (editor->cursor > 0 && editor->text[editor->cursor - 1] != '\n')
			editor->cursor--;
		return VIEW_HANDLED;
	case REQUEST_EDITOR_LINE_END:
		while (editor->cursor < editor->length && editor->text[editor->cursor] != '\n')
			editor->cursor++;
		return VIEW_HANDLED;
	case REQUEST_EDITOR_ERASE:
		if (editor->cursor > 0)
			delete_at(editor, --editor->cursor);
		return VIEW_HANDLED;
	case REQUEST_EDITOR_DELETE:
		delete_at(editor, editor->cursor);
		return VIEW_HANDLED;
	case REQUEST_EDITOR_NEW_LINE:
		insert(editor, '\n');
		return VIEW_HANDLED;
	case REQUEST_EDITOR_SAVE: {
		struct buffer out = {0};
		append_utf8(&out, editor->text, editor->length);
		editor->done(editor->context, buffer_string(&out));
		return VIEW_CLOSE;
	}
	case REQUEST_EDITOR_CANCEL:
		if (!editor->changed)
			return VIEW_CLOSE;
		question_open(view->driver, _("Discard the changes to this note? (y/n)"), discard,
			      editor);
		return VIEW_HANDLED;
	default:
		break;
	}
	if (key->kind == OK && key->code >= 0x20 && key->code != 0x7F)
		insert(editor, (unsigned)key->code);
	return VIEW_HANDLED;
}

static void editor_close(struct view *view)
{
	struct editor *editor = view->state;
	free(editor->text);
	free(editor->title);
}

static const struct view_ops editor_ops = {
    .name = "editor",
    .state_size = sizeof(struct editor),
    .overlay = 1,
    .cursor = 1,
    .open = editor_open_state,
    .draw = editor_draw,
    .key = editor_key,
    .close = editor_close,
};

struct view *editor_open(struct view_driver *driver, const char *title, const char *text,
			 editor_done *done, void *context)
{
	struct editor_arguments arguments = {title, text, done, context};
	struct error error;
	return view_open(driver, &editor_ops, &arguments, &error);
}
