/* library_view.c — the library view's list: one row per speech with its date,
 * speaker, paragraphs, a bar of its tags per theme and how far it was
 * read. Rows come a page at a time from the store, so a library of 10,000
 * speeches scrolls and filters as fast as a small one. */
#include <curses.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "tui/library_view.h"
#include "base/buffer.h"
#include "base/i18n.h"
#include "store/library.h"
#include "store/theme.h"
#include "tui/app.h"
#include "tui/colors.h"
#include "tui/draw.h"
#include "tui/prompt.h"
#include "tui/request.h"
#include "tui/screen.h"
#include "tui/search_view.h"
#include "tui/tui.h"
#include "tui/view.h"

enum {
	PAGE_ROWS = 200,  /* rows fetched at a time */
	BAR_COLUMNS = 10, /* the tags bar */
};

static const char *const sort_names[] = {N_("title"), N_("date"), N_("import time"), N_("tags")};

void library_message(struct library_view *view, int is_error, const char *format, ...)
{
	va_list arguments;
	va_start(arguments, format);
	vsnprintf(view->message, sizeof view->message, format, arguments);
	va_end(arguments);
	view->message_is_error = is_error;
}

static void forget_rows(struct library_view *view)
{
	store_library_rows_free(view->rows, view->row_count);
	view->rows = NULL;
	view->row_count = 0;
}

static int load_themes(struct library_view *view, struct error *error)
{
	struct store_theme *themes;
	size_t count;
	if (store_themes_list(view->store, &themes, &count, error) != 0)
		return -1;
	struct mark_theme *colours = xcalloc(count ? count : 1, sizeof *colours);
	free(view->theme_ids);
	view->theme_ids = xcalloc(count ? count : 1, sizeof *view->theme_ids);
	for (size_t i = 0; i < count; i++) {
		view->theme_ids[i] = themes[i].id;
		colours[i].color = themes[i].definition.color ? themes[i].definition.color : "";
	}
	view->theme_count = count;
	colors_set_themes(colours, count);
	free(colours);
	store_themes_free(themes, count);
	return 0;
}

/* Reads the page around the cursor and counts the speeches the query
 * lists. A page that starts at the first speech and is not full is the
 * whole list, and so its count: a filter that finds few speeches costs
 * one pass over the library, not two. Without `count_now` a full page
 * leaves the count for later (library_painted). */
static void requery(struct library_view *view, int count_now)
{
	struct error error;
	forget_rows(view);
	view->query.filter = view->filter;
	size_t first = view->cursor > PAGE_ROWS / 2 ? view->cursor - PAGE_ROWS / 2 : 0;
	if (store_library_page(view->store, &view->query, first, PAGE_ROWS, &view->rows,
			       &view->row_count, &error) != 0) {
		library_message(view, 1, "%s", error.message);
		view->rows = NULL;
		view->row_count = 0;
	}
	view->first = first;
	view->counted = 1;
	if (first == 0 && view->row_count < PAGE_ROWS) {
		view->count = view->row_count;
	} else if (!count_now) {
		view->count = view->row_count;
		view->counted = 0;
	} else if (store_library_count(view->store, &view->query, &view->count, &error) != 0) {
		library_message(view, 1, "%s", error.message);
		view->count = 0;
	}
	if (view->cursor >= view->count)
		view->cursor = view->count ? view->count - 1 : 0;
}

/* Counts again after the query or the library changed. */
void library_requery(struct library_view *view)
{
	requery(view, 1);
}

/* The row at index, fetching the page around it when needed. */
const struct store_library_row *library_row_at(struct library_view *view, size_t index)
{
	if (index >= view->count)
		return NULL;
	if (!view->rows || index < view->first || index >= view->first + view->row_count) {
		forget_rows(view);
		view->first = index > PAGE_ROWS / 2 ? index - PAGE_ROWS / 2 : 0;
		struct error error;
		if (store_library_page(view->store, &view->query, view->first, PAGE_ROWS,
				       &view->rows, &view->row_count, &error) != 0) {
			library_message(view, 1, "%s", error.message);
			return NULL;
		}
	}
	if (index - view->first >= view->row_count)
		return NULL;
	return &view->rows[index - view->first];
}

static size_t body_rows(void)
{
	return LINES > 3 ? (size_t)LINES - 3 : 1;
}

static void keep_cursor_visible(struct library_view *view)
{
	size_t rows = body_rows();
	if (view->cursor < view->top)
		view->top = view->cursor;
	else if (view->cursor >= view->top + rows)
		view->top = view->cursor - rows + 1;
}

static int theme_index(const struct library_view *view, int64_t id)
{
	for (size_t i = 0; i < view->theme_count; i++)
		if (view->theme_ids[i] == id)
			return (int)i;
	return -1;
}

/* A bar of the speech's tags, a cell per tag while they fit, each theme in
 * its colour. */
static void draw_bar(const struct library_view *view, const struct store_library_row *row, int y,
		     int x)
{
	size_t total = row->tag_count, drawn = 0;
	for (size_t i = 0; i < row->theme_count; i++) {
		size_t cells = total <= BAR_COLUMNS ? row->themes[i].count
						    : row->themes[i].count * BAR_COLUMNS / total;
		if (cells == 0 && row->themes[i].count)
			cells = 1;
		int theme = theme_index(view, row->themes[i].theme_id);
		for (size_t c = 0; c < cells && drawn < BAR_COLUMNS; c++, drawn++)
			draw_text(stdscr, y, x + (int)drawn, "█", strlen("█"), 1,
				  theme >= 0 ? colors_theme_attr((size_t)theme) : A_BOLD);
	}
}

/* Where each column of the library starts, for its rows and the header
 * above them. Right to left: progress, tags, paragraphs, then date,
 * speaker and occasion while the terminal is wide enough (they tell apart
 * the several 政府工作报告 of a library); the title takes the rest. */
struct columns {
	int progress, tags, paragraphs, date, speaker, occasion, title_end;
};

enum {
	DATE_COLUMNS = 10,
	SPEAKER_COLUMNS = 12,
	OCCASION_COLUMNS = 16,
};

static struct columns columns_for(int width)
{
	struct columns c = {.date = -1, .speaker = -1, .occasion = -1};
	c.progress = width - 5;
	c.tags = c.progress - BAR_COLUMNS - 1;
	c.paragraphs = c.tags - 7;
	c.title_end = c.paragraphs - 1;
	if (width >= 100) {
		c.title_end -= OCCASION_COLUMNS + 1;
		c.occasion = c.title_end + 1;
	}
	if (width >= 80) {
		c.title_end -= DATE_COLUMNS + SPEAKER_COLUMNS + 2;
		c.date = c.title_end + 1;
		c.speaker = c.date + DATE_COLUMNS + 1;
	}
	return c;
}

static void draw_field(int y, int x, const char *text, int columns, attr_t attributes)
{
	if (text && x >= 0)
		draw_text(stdscr, y, x, text, strlen(text), columns, attributes);
}

static void draw_column_headers(int y)
{
	struct columns c = columns_for(COLS);
	attr_t attributes = colors_attr(ELEMENT_DIM) | A_UNDERLINE;
	draw_fill(stdscr, y, 0, COLS, ' ', colors_attr(ELEMENT_TEXT));
	draw_field(y, 1, _("title"), c.title_end - 1, attributes);
	draw_field(y, c.date, _("date"), DATE_COLUMNS, attributes);
	draw_field(y, c.speaker, _("speaker"), SPEAKER_COLUMNS, attributes);
	draw_field(y, c.occasion, _("occasion"), OCCASION_COLUMNS, attributes);
	draw_field(y, c.paragraphs, _("paras"), 6, attributes);
	draw_field(y, c.tags, _("tags"), BAR_COLUMNS, attributes);
	draw_field(y, c.progress, _("read"), 4, attributes);
}

static void draw_row(struct library_view *view, const struct store_library_row *row, int y,
		     int selected)
{
	struct columns c = columns_for(COLS);
	attr_t attributes =
	    selected ? colors_attr(ELEMENT_OUTLINE_SELECTED) : colors_attr(ELEMENT_TEXT);
	draw_fill(stdscr, y, 0, COLS, ' ', attributes);
	char progress[8], paragraphs[16];
	snprintf(progress, sizeof progress, "%3zu%%",
		 row->paragraph_count ? row->position * 100 / row->paragraph_count : 0);
	snprintf(paragraphs, sizeof paragraphs, "¶%zu", row->paragraph_count);
	draw_field(y, c.progress, progress, 4, attributes);
	draw_bar(view, row, y, c.tags);
	draw_field(y, c.paragraphs, paragraphs, 6, attributes);
	draw_field(y, c.date, row->date, DATE_COLUMNS, attributes);
	draw_field(y, c.speaker, row->speaker, SPEAKER_COLUMNS, attributes);
	draw_field(y, c.occasion, row->occasion, OCCASION_COLUMNS, attributes);
	draw_text(stdscr, y, 1, row->title, strlen(row->title), c.title_end - 1,
		  attributes | (selected ? 0 : A_BOLD));
}

static void draw(struct library_view *view)
{
	erase();
	char header[512];
	struct buffer filter = {0};
	if (view->filter[0])
		buffer_printf(&filter, _(" · title has “%s”"), view->filter);
	snprintf(header, sizeof header, _(" pizhu library: %s · sorted by %s%s%s"),
		 view->counted ? i18n_count(view->count, "%zu speech", "%zu speeches")
			       : _("counting…"),
		 _(sort_names[view->query.sort]), view->query.reverse ? _(" (reversed)") : "",
		 filter.data ? filter.data : "");
	buffer_free(&filter);
	draw_fill(stdscr, 0, 0, COLS, ' ', colors_attr(ELEMENT_STATUS));
	draw_text(stdscr, 0, 0, header, strlen(header), COLS, colors_attr(ELEMENT_STATUS));
	size_t rows = body_rows();
	keep_cursor_visible(view);
	if (view->count)
		draw_column_headers(1);
	for (size_t r = 0; r < rows; r++) {
		const struct store_library_row *row = library_row_at(view, view->top + r);
		if (!row)
			break;
		draw_row(view, row, (int)r + 2, view->top + r == view->cursor);
	}
	if (view->count == 0) {
		const char *empty = view->filter[0]
					? _("no speech has that in its title (Esc clears)")
					: _("the library is empty: press i to import "
					    "a file or a directory");
		draw_text(stdscr, 2, 2, empty, strlen(empty), COLS - 4, colors_attr(ELEMENT_DIM));
	}
	const char *hint = _("Enter read  / search  s sort  f filter  i import  e edit  d remove  "
			     "? help  q quit");
	const char *bar = library_import_bar(view);
	const char *bottom = view->message[0] ? view->message : bar ? bar : hint;
	attr_t attributes =
	    colors_attr(view->message_is_error ? ELEMENT_STATUS_MESSAGE : ELEMENT_STATUS);
	draw_fill(stdscr, LINES - 1, 0, COLS, ' ', attributes);
	draw_text(stdscr, LINES - 1, 1, bottom, strlen(bottom), COLS - 2, attributes);
}

/* Tags, progress and themes may have changed while reading (library_reveal). */
static void open_speech(struct library_view *view)
{
	const struct store_library_row *row = library_row_at(view, view->cursor);
	if (!row)
		return;
	struct error error;
	if (!reader_view_open(view->view->driver, view->ui, view->store, row->id, -1, NULL, &error))
		library_message(view, 1, "%s", error.message);
}

static void filter_answer(void *context, char *filter)
{
	struct library_view *view = context;
	if (!filter)
		return;
	snprintf(view->filter, sizeof view->filter, "%s", filter);
	free(filter);
	view->cursor = view->top = 0;
	library_requery(view);
}

/* Typing a character that is no command (Chinese, digits) filters at once. */
static void type_filter(struct library_view *view, wint_t character)
{
	struct buffer encoded = {0};
	buffer_append_codepoint(&encoded, (unsigned)character);
	size_t length = strlen(view->filter);
	if (length + encoded.length < sizeof view->filter) {
		memcpy(view->filter + length, encoded.data, encoded.length);
		view->filter[length + encoded.length] = '\0';
	}
	buffer_free(&encoded);
	view->cursor = view->top = 0;
	library_requery(view);
}

static void erase_filter_character(struct library_view *view)
{
	size_t length = strlen(view->filter);
	while (length > 0 && ((unsigned char)view->filter[length - 1] & 0xC0) == 0x80)
		length--;
	if (length > 0)
		length--;
	view->filter[length] = '\0';
	library_requery(view);
}

static void search_answer(void *context, char *query)
{
	struct library_view *view = context;
	struct error error;
	if (query && *query &&
	    !search_view_open(view->view->driver, view->ui, view->store, query, &error))
		library_message(view, 1, "%s", error.message);
	free(query);
}

static void move_cursor(struct library_view *view, long rows)
{
	if (view->count == 0)
		return;
	long target = (long)view->cursor + rows;
	if (target < 0)
		target = 0;
	if (target >= (long)view->count)
		target = (long)view->count - 1;
	view->cursor = (size_t)target;
}

static enum view_result on_request(struct library_view *view, enum request request)
{
	long page = (long)body_rows();
	switch (request) {
	case REQUEST_LIBRARY_DOWN:
		move_cursor(view, 1);
		break;
	case REQUEST_LIBRARY_UP:
		move_cursor(view, -1);
		break;
	case REQUEST_LIBRARY_PAGE_DOWN:
		move_cursor(view, page);
		break;
	case REQUEST_LIBRARY_PAGE_UP:
		move_cursor(view, -page);
		break;
	case REQUEST_LIBRARY_FIRST:
		view->cursor = 0;
		break;
	case REQUEST_LIBRARY_LAST:
		move_cursor(view, (long)view->count);
		break;
	case REQUEST_LIBRARY_OPEN:
		open_speech(view);
		break;
	case REQUEST_LIBRARY_SORT:
		view->query.sort = (enum store_library_sort)((view->query.sort + 1) % 4);
		library_requery(view);
		break;
	case REQUEST_LIBRARY_REVERSE:
		view->query.reverse = !view->query.reverse;
		library_requery(view);
		break;
	case REQUEST_LIBRARY_FILTER:
		prompt_open(view->view->driver, _("title has: "), view->filter, filter_answer,
			    view);
		break;
	case REQUEST_LIBRARY_CLEAR:
		view->filter[0] = '\0';
		library_requery(view);
		break;
	case REQUEST_LIBRARY_SEARCH:
		prompt_open(view->view->driver, _("search every speech: "), NULL, search_answer,
			    view);
		break;
	case REQUEST_LIBRARY_IMPORT:
		library_import(view);
		break;
	case REQUEST_LIBRARY_EDIT:
		library_edit_metadata(view);
		break;
	case REQUEST_LIBRARY_REMOVE:
		library_remove(view);
		break;
	case REQUEST_LIBRARY_RESTORE:
		library_restore(view);
		break;
	case REQUEST_HELP:
	case REQUEST_REDRAW:
		return VIEW_IGNORED;
	case REQUEST_QUIT:
		return VIEW_CLOSE;
	default:
		library_message(view, 1, _("unknown key (press ? for help)"));
	}
	return VIEW_HANDLED;
}

static int library_open(struct view *base, const void *arguments, struct error *error)
{
	const struct library_view *given = arguments;
	struct library_view *view = base->state;
	view->ui = given->ui;
	view->store = given->store;
	view->view = base;
	if (load_themes(view, error) != 0)
		return -1;
	/* The first screen does not wait for the count (ten thousand
	 * speeches and more): it comes right after (library_painted). */
	requery(view, 0);
	store_data_version(view->store, &view->data_version, NULL);
	return 0;
}

static void library_painted(struct view *base)
{
	struct library_view *view = base->state;
	struct error error;
	if (view->counted)
		return;
	if (store_library_count(view->store, &view->query, &view->count, &error) != 0) {
		library_message(view, 1, "%s", error.message);
		view->count = view->row_count;
	}
	view->counted = 1;
}

static void library_draw(struct view *base)
{
	draw(base->state);
}

static int library_poll(struct view *base, int library_due)
{
	struct library_view *view = base->state;
	int changed = library_import_poll(view);
	int64_t now = view->data_version;
	if (library_due && store_data_version(view->store, &now, NULL) == 0 &&
	    now != view->data_version) {
		/* Another pizhu changed the library. */
		view->data_version = now;
		library_requery(view);
		changed = 1;
	}
	return changed;
}

static enum view_result library_key(struct view *base, const struct view_key *key)
{
	struct library_view *view = base->state;
	view->message[0] = '\0';
	if (key->kind == OK && (key->code >= 0x80 || (key->code >= '0' && key->code <= '9'))) {
		type_filter(view, key->code);
		return VIEW_HANDLED;
	}
	if ((key->kind == KEY_CODE_YES && key->code == KEY_BACKSPACE) ||
	    (key->kind == OK && (key->code == 127 || key->code == 8))) {
		erase_filter_character(view);
		return VIEW_HANDLED;
	}
	return on_request(view, view_key_request(key, PANE_LIBRARY));
}

static void library_reveal(struct view *base, int after_overlay)
{
	struct library_view *view = base->state;
	if (after_overlay)
		return;
	struct error error;
	if (load_themes(view, &error) != 0)
		library_message(view, 1, "%s", error.message);
	library_requery(view);
}

static void library_close(struct view *base)
{
	struct library_view *view = base->state;
	library_form_end(view);
	library_import_end(view);
	forget_rows(view);
	free(view->theme_ids);
}

static const struct view_ops library_ops = {
    .name = "library",
    .state_size = sizeof(struct library_view),
    .open = library_open,
    .draw = library_draw,
    .painted = library_painted,
    .key = library_key,
    .poll = library_poll,
    .reveal = library_reveal,
    .close = library_close,
};

int tui_library(struct tui *ui, struct store *store, struct error *error)
{
	struct library_view arguments = {.ui = ui, .store = store};
	return view_run(&library_ops, &arguments, error);
}
