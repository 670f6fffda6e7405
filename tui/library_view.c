/* library_view.c — the library: one row per speech with its date,
 * speaker, paragraphs, a bar of its tags per theme and how far it was
 * read. Rows come a page at a time from the store, so a library of 10,000
 * speeches scrolls and filters as fast as a small one. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "base/buffer.h"
#include "base/utf8.h"
#include "store/document.h"
#include "store/import_paths.h"
#include "store/library.h"
#include "store/metadata.h"
#include "store/removal.h"
#include "store/theme.h"
#include "tui/colors.h"
#include "tui/draw.h"
#include "tui/help.h"
#include "tui/pager.h"
#include "tui/prompt.h"
#include "tui/request.h"
#include "tui/screen.h"
#include "tui/search_view.h"
#include "tui/tui.h"

enum {
	PAGE_ROWS = 200,  /* rows fetched at a time */
	BAR_COLUMNS = 10, /* the tags bar */
	REMOVED_MAX = 64, /* removals u can bring back */
};

static const char *const sort_names[] = {"title", "date", "import time", "tags"};

struct library_view {
	struct tui *ui;
	struct store *store;
	struct store_library_query query;
	char filter[256];
	size_t count;			/* speeches under the query */
	size_t cursor;			/* row under the cursor */
	size_t top;			/* first row drawn */
	struct store_library_row *rows; /* rows[0] is row `first` */
	size_t first, row_count;
	int64_t *theme_ids; /* themes in key order, for the bar colours */
	size_t theme_count;
	int64_t removed[REMOVED_MAX];
	size_t removed_count;
	char message[256];
	int message_is_error;
};

static void set_message(struct library_view *view, int is_error, const char *format, ...)
    __attribute__((format(printf, 3, 4)));

static void set_message(struct library_view *view, int is_error, const char *format, ...)
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
	struct annotation_theme *colours = xcalloc(count ? count : 1, sizeof *colours);
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

/* Counts again after the query or the library changed. */
static void requery(struct library_view *view)
{
	struct error error;
	forget_rows(view);
	view->query.filter = view->filter;
	if (store_library_count(view->store, &view->query, &view->count, &error) != 0) {
		set_message(view, 1, "%s", error.message);
		view->count = 0;
	}
	if (view->cursor >= view->count)
		view->cursor = view->count ? view->count - 1 : 0;
}

/* The row at index, fetching the page around it when needed. */
static const struct store_library_row *row_at(struct library_view *view, size_t index)
{
	if (index >= view->count)
		return NULL;
	if (!view->rows || index < view->first || index >= view->first + view->row_count) {
		forget_rows(view);
		view->first = index > PAGE_ROWS / 2 ? index - PAGE_ROWS / 2 : 0;
		struct error error;
		if (store_library_page(view->store, &view->query, view->first, PAGE_ROWS,
				       &view->rows, &view->row_count, &error) != 0) {
			set_message(view, 1, "%s", error.message);
			return NULL;
		}
	}
	if (index - view->first >= view->row_count)
		return NULL;
	return &view->rows[index - view->first];
}

static size_t body_rows(void)
{
	return LINES > 2 ? (size_t)LINES - 2 : 1;
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

static int draw_field(int y, int x, const char *text, int columns, attr_t attributes)
{
	if (text)
		draw_text(stdscr, y, x, text, strlen(text), columns, attributes);
	return x + columns + 1;
}

static void draw_row(struct library_view *view, const struct store_library_row *row, int y,
		     int selected)
{
	int width = COLS;
	attr_t attributes =
	    selected ? colors_attr(ELEMENT_OUTLINE_SELECTED) : colors_attr(ELEMENT_TEXT);
	draw_fill(stdscr, y, 0, width, ' ', attributes);
	/* Right to left: progress, tags, paragraphs, then date and speaker
	 * while the terminal is wide enough; the title takes the rest. */
	char progress[8], paragraphs[16];
	snprintf(progress, sizeof progress, "%3zu%%",
		 row->paragraph_count ? row->position * 100 / row->paragraph_count : 0);
	snprintf(paragraphs, sizeof paragraphs, "¶%zu", row->paragraph_count);
	int right = width - 5;
	draw_text(stdscr, y, right, progress, strlen(progress), 4, attributes);
	right -= BAR_COLUMNS + 1;
	draw_bar(view, row, y, right);
	right -= 7;
	draw_text(stdscr, y, right, paragraphs, strlen(paragraphs), 6, attributes);
	int title_end = right - 1;
	if (width >= 90) {
		title_end -= 30;
		int x = draw_field(y, title_end + 1, row->date, 10, attributes);
		draw_field(y, x, row->speaker, 18, attributes);
	}
	draw_text(stdscr, y, 1, row->title, strlen(row->title), title_end - 1,
		  attributes | (selected ? 0 : A_BOLD));
}

static void draw(struct library_view *view)
{
	erase();
	char header[512];
	snprintf(header, sizeof header, " pizhu library: %zu speech%s · sorted by %s%s%s%s%s",
		 view->count, view->count == 1 ? "" : "es", sort_names[view->query.sort],
		 view->query.reverse ? " (reversed)" : "", view->filter[0] ? " · title has “" : "",
		 view->filter, view->filter[0] ? "”" : "");
	draw_fill(stdscr, 0, 0, COLS, ' ', colors_attr(ELEMENT_STATUS));
	draw_text(stdscr, 0, 0, header, strlen(header), COLS, colors_attr(ELEMENT_STATUS));
	size_t rows = body_rows();
	keep_cursor_visible(view);
	for (size_t r = 0; r < rows; r++) {
		const struct store_library_row *row = row_at(view, view->top + r);
		if (!row)
			break;
		draw_row(view, row, (int)r + 1, view->top + r == view->cursor);
	}
	if (view->count == 0) {
		const char *empty = view->filter[0] ? "no speech has that in its title (Esc clears)"
						    : "the library is empty: press i to import "
						      "a file or a directory";
		draw_text(stdscr, 2, 2, empty, strlen(empty), COLS - 4, colors_attr(ELEMENT_DIM));
	}
	const char *hint = "Enter read  / search  s sort  f filter  i import  e edit  d remove  "
			   "? help  q quit";
	const char *bottom = view->message[0] ? view->message : hint;
	attr_t attributes =
	    colors_attr(view->message_is_error ? ELEMENT_STATUS_MESSAGE : ELEMENT_STATUS);
	draw_fill(stdscr, LINES - 1, 0, COLS, ' ', attributes);
	draw_text(stdscr, LINES - 1, 1, bottom, strlen(bottom), COLS - 2, attributes);
	refresh();
}

static void open_speech(struct library_view *view)
{
	const struct store_library_row *row = row_at(view, view->cursor);
	if (!row)
		return;
	struct error error;
	if (tui_read_library_speech(view->ui, view->store, row->id, -1, NULL, &error) != 0)
		set_message(view, 1, "%s", error.message);
	/* Tags, progress and themes may have changed while reading. */
	load_themes(view, &error);
	requery(view);
}

static void edit_filter(struct library_view *view)
{
	int resized;
	char *filter = prompt_read(stdscr, LINES - 1, COLS, "title has: ", view->filter, &resized);
	if (!filter)
		return;
	snprintf(view->filter, sizeof view->filter, "%s", filter);
	free(filter);
	view->cursor = view->top = 0;
	requery(view);
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
	requery(view);
}

static void erase_filter_character(struct library_view *view)
{
	size_t length = strlen(view->filter);
	while (length > 0 && ((unsigned char)view->filter[length - 1] & 0xC0) == 0x80)
		length--;
	if (length > 0)
		length--;
	view->filter[length] = '\0';
	requery(view);
}

struct import_screen {
	struct buffer failures; /* one line per failed or skipped file */
	size_t failure_count;
};

static int import_progress(void *context, size_t files_done, size_t files_total,
			   uint64_t bytes_done, uint64_t bytes_total, const char *path)
{
	(void)context;
	char line[512];
	snprintf(line, sizeof line, " importing %zu/%zu files · %.1f/%.1f MB · %s", files_done,
		 files_total, (double)bytes_done / 1e6, (double)bytes_total / 1e6,
		 path ? path : "done");
	int width = COLS;
	int done = files_total
		       ? (int)((long long)width * (long long)files_done / (long long)files_total)
		       : width;
	draw_fill(stdscr, LINES - 1, 0, width, ' ', colors_attr(ELEMENT_STATUS));
	draw_text(stdscr, LINES - 1, 0, line, strlen(line), width, colors_attr(ELEMENT_STATUS));
	/* The part done shows in reverse, as a bar under the words. */
	mvchgat(LINES - 1, 0, done, A_REVERSE, 0, NULL);
	refresh();
	return tui_stop_signal != 0;
}

static void import_failed(void *context, const char *path, const char *message)
{
	struct import_screen *screen = context;
	buffer_printf(&screen->failures, "%s: %s", path, message);
	buffer_append_byte(&screen->failures, '\n');
	screen->failure_count++;
}

static void show_failures(struct import_screen *screen)
{
	size_t count = screen->failure_count;
	struct pager_line *lines = xcalloc(count, sizeof *lines);
	char *cursor = screen->failures.data;
	for (size_t i = 0; i < count; i++) {
		char *end = strchr(cursor, '\n');
		lines[i] = (struct pager_line){cursor, (size_t)(end - cursor), ELEMENT_TEXT};
		cursor = end + 1;
	}
	pager_show("files that could not be imported", lines, count, 'q', &tui_stop_signal);
	free(lines);
}

static void import_files(struct library_view *view)
{
	int resized;
	char *path =
	    prompt_read(stdscr, LINES - 1, COLS, "import file or directory: ", NULL, &resized);
	if (!path || !*path) {
		free(path);
		return;
	}
	struct import_screen screen = {0};
	struct store_import_progress progress = {
	    .context = &screen,
	    .progress = import_progress,
	    .failed = import_failed,
	    .skipped = import_failed,
	};
	struct store_import_report report;
	struct error error;
	char *paths[] = {path};
	int status = store_import_paths(view->store, paths, 1, &progress, &report, &error);
	if (status != 0)
		set_message(view, 1, "import stopped: %s", error.message);
	else
		set_message(view, report.failed > 0,
			    "%zu new, %zu new versions, %zu already there, %zu failed%s",
			    report.imported, report.new_versions, report.unchanged, report.failed,
			    report.skipped ? ", some files skipped" : "");
	if (screen.failure_count)
		show_failures(&screen);
	buffer_free(&screen.failures);
	free(path);
	requery(view);
}

/* Asks for one metadata field, starting from its value; NULL when kept. */
static char *ask_field(const char *label, const char *value, int *cancelled)
{
	int resized;
	char *answer = prompt_read(stdscr, LINES - 1, COLS, label, value ? value : "", &resized);
	if (!answer) {
		*cancelled = 1;
		return NULL;
	}
	if (strcmp(answer, value ? value : "") == 0) {
		free(answer);
		return NULL;
	}
	return answer;
}

static void edit_metadata(struct library_view *view)
{
	const struct store_library_row *row = row_at(view, view->cursor);
	if (!row)
		return;
	struct store_document document;
	struct error error;
	if (store_document_get(view->store, row->id, &document, &error) != 0) {
		set_message(view, 1, "%s", error.message);
		return;
	}
	int cancelled = 0;
	struct store_metadata_change change = {0};
	char *date = ask_field("date (2026-01-08): ", document.date, &cancelled);
	char *speaker = cancelled ? NULL : ask_field("speaker: ", document.speaker, &cancelled);
	char *occasion = cancelled ? NULL : ask_field("occasion: ", document.occasion, &cancelled);
	char *source = cancelled ? NULL : ask_field("source: ", document.source, &cancelled);
	change = (struct store_metadata_change){date, speaker, occasion, source};
	if (cancelled)
		set_message(view, 0, "metadata unchanged");
	else if (!date && !speaker && !occasion && !source)
		set_message(view, 0, "nothing changed");
	else if (store_metadata_set(view->store, row->id, &change, &error) != 0)
		set_message(view, 1, "%s", error.message);
	else
		set_message(view, 0, "metadata saved");
	free(date);
	free(speaker);
	free(occasion);
	free(source);
	store_document_clear(&document);
	requery(view);
}

static int confirm(struct library_view *view, const char *question)
{
	set_message(view, 1, "%s", question);
	for (;;) {
		draw(view);
		int key = getch();
		if (tui_stop_signal)
			return 0;
		if (key == ERR || key == KEY_RESIZE)
			continue;
		view->message[0] = '\0';
		return key == 'y' || key == 'Y';
	}
}

static void remove_speech(struct library_view *view)
{
	const struct store_library_row *row = row_at(view, view->cursor);
	if (!row)
		return;
	int64_t id = row->id;
	size_t tags, notes;
	struct error error;
	if (store_document_annotation_counts(view->store, id, &tags, &notes, &error) != 0) {
		set_message(view, 1, "%s", error.message);
		return;
	}
	char question[512];
	snprintf(question, sizeof question,
		 "Remove “%.200s” with its %zu tag%s and %zu note%s? (y/n)", row->title, tags,
		 tags == 1 ? "" : "s", notes, notes == 1 ? "" : "s");
	if (!confirm(view, question))
		return;
	char *recovery = NULL;
	if (store_document_remove(view->store, id, NULL, &recovery, &error) != 0) {
		set_message(view, 1, "%s", error.message);
		return;
	}
	if (view->removed_count == REMOVED_MAX) {
		memmove(view->removed, view->removed + 1,
			(REMOVED_MAX - 1) * sizeof *view->removed);
		view->removed_count--;
	}
	view->removed[view->removed_count++] = id;
	if (recovery)
		set_message(view, 0,
			    "removed (u brings it back until pizhu ends); its annotations "
			    "are saved in %s",
			    recovery);
	else
		set_message(view, 0, "removed (u brings it back until pizhu ends)");
	free(recovery);
	requery(view);
}

static void restore_speech(struct library_view *view)
{
	if (view->removed_count == 0) {
		set_message(view, 0, "nothing removed to bring back");
		return;
	}
	struct error error;
	int64_t id = view->removed[view->removed_count - 1];
	if (store_document_restore(view->store, id, &error) != 0) {
		set_message(view, 1, "%s", error.message);
		return;
	}
	view->removed_count--;
	set_message(view, 0, "speech %lld is back", (long long)id);
	requery(view);
}

static void search(struct library_view *view)
{
	int resized;
	char *query = prompt_read(stdscr, LINES - 1, COLS, "search every speech: ", NULL, &resized);
	if (query && *query) {
		struct error error;
		if (search_view_run(view->ui, view->store, query, &error) != 0)
			set_message(view, 1, "%s", error.message);
		requery(view);
	}
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

/* Returns 0 to leave the library. */
static int on_request(struct library_view *view, enum request request)
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
		requery(view);
		break;
	case REQUEST_LIBRARY_REVERSE:
		view->query.reverse = !view->query.reverse;
		requery(view);
		break;
	case REQUEST_LIBRARY_FILTER:
		edit_filter(view);
		break;
	case REQUEST_LIBRARY_CLEAR:
		view->filter[0] = '\0';
		requery(view);
		break;
	case REQUEST_LIBRARY_SEARCH:
		search(view);
		break;
	case REQUEST_LIBRARY_IMPORT:
		import_files(view);
		break;
	case REQUEST_LIBRARY_EDIT:
		edit_metadata(view);
		break;
	case REQUEST_LIBRARY_REMOVE:
		remove_speech(view);
		break;
	case REQUEST_LIBRARY_RESTORE:
		restore_speech(view);
		break;
	case REQUEST_HELP:
		help_show(&tui_stop_signal);
		break;
	case REQUEST_REDRAW:
		clearok(curscr, TRUE);
		break;
	case REQUEST_QUIT:
		return 0;
	default:
		set_message(view, 1, "unknown key (press ? for help)");
	}
	return 1;
}

int tui_library(struct tui *ui, struct store *store, struct error *error)
{
	struct library_view view = {.ui = ui, .store = store};
	if (load_themes(&view, error) != 0)
		return -1;
	requery(&view);
	int64_t version = 0;
	store_data_version(store, &version, NULL);
	for (;;) {
		draw(&view);
		wint_t key;
		int kind = get_wch(&key);
		if (tui_stop_signal)
			break;
		int64_t now = version;
		if (store_data_version(store, &now, NULL) == 0 && now != version) {
			/* Another pizhu changed the library. */
			version = now;
			requery(&view);
		}
		if (kind == ERR || (kind == KEY_CODE_YES && key == KEY_RESIZE))
			continue;
		view.message[0] = '\0';
		if (kind == OK && (key >= 0x80 || (key >= '0' && key <= '9'))) {
			type_filter(&view, key);
			continue;
		}
		if ((kind == KEY_CODE_YES && key == KEY_BACKSPACE) ||
		    (kind == OK && (key == 127 || key == 8))) {
			erase_filter_character(&view);
			continue;
		}
		enum request request = request_for_key(PANE_LIBRARY, (int)key);
		if (!on_request(&view, request))
			break;
	}
	forget_rows(&view);
	free(view.theme_ids);
	return 0;
}
