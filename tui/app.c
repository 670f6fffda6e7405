/* app.c — the reader's loop: screen set-up and restore, geometry, key
 * dispatch through the request table, mouse, signals and resizing. */
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "base/buffer.h"
#include "tui/colors.h"
#include "tui/draw.h"
#include "tui/outline_pane.h"
#include "tui/help.h"
#include "tui/pager.h"
#include "tui/prompt.h"
#include "tui/reader.h"
#include "tui/request.h"
#include "tui/search_view.h"
#include "tui/status.h"
#include "tui/tui.h"
#include "tui/screen.h"
#include "store/annotation.h"
#include "store/document.h"
#include "tui/app.h"
#include "store/store.h"

enum {
	MIN_COLUMNS = 20,
	MIN_ROWS = 3,
	OUTLINE_MIN_COLUMNS = 40, /* below this the outline pane hides itself */
	OUTLINE_MIN_ROWS = 10,
	WHEEL_LINES = 3,
};

static void layout_panes(struct app *app)
{
	int rows = LINES, columns = COLS;
	app->too_small = columns < MIN_COLUMNS || rows < MIN_ROWS;
	app->outline_width = 0;
	if (app->outline_shown && columns >= OUTLINE_MIN_COLUMNS && rows >= OUTLINE_MIN_ROWS) {
		int width = columns * 3 / 10;
		app->outline_width = width < 20 ? 20 : width > 36 ? 36 : width;
	}
	if (!app->outline_width)
		app->focus_outline = 0;
	int reader_x = app->outline_width ? app->outline_width + 1 : 0;
	reader_resize(&app->reader, columns - reader_x, rows - 1);
}

/* What the outline pane shows now, to compare with what it showed. */
static struct outline_look outline_look(const struct app *app, int rows)
{
	const struct outline_pane *pane = &app->outline;
	return (struct outline_look){pane->top,		 pane->current,	     pane->selected,
				     app->focus_outline, app->outline_width, rows};
}

static int same_look(struct outline_look a, struct outline_look b)
{
	return a.top == b.top && a.current == b.current && a.selected == b.selected &&
	       a.focused == b.focused && a.width == b.width && a.rows == b.rows;
}

void app_draw(struct app *app)
{
	int rows = LINES - 1;
	if (app->too_small) {
		app->outline_drawn_valid = 0;
		erase();
		const char *text = "terminal too small";
		draw_text(stdscr, LINES / 2, 0, text, strlen(text), COLS,
			  colors_attr(ELEMENT_TEXT));
		refresh();
		return;
	}
	int reader_x = app->outline_width ? app->outline_width + 1 : 0;
	if (app->outline_width)
		outline_pane_follow(&app->outline,
				    app->speech->paragraphs[app->reader.cursor].section,
				    app->focus_outline);
	struct outline_look look = outline_look(app, rows);
	if (app->only_moved && app->outline_drawn_valid && same_look(look, app->outline_drawn)) {
		for (int row = 0; row <= rows; row++) {
			wmove(stdscr, row, row < rows ? reader_x : 0);
			wclrtoeol(stdscr);
		}
	} else {
		erase();
		if (app->outline_width) {
			outline_pane_draw(&app->outline, stdscr, 0, 0, app->outline_width, rows,
					  app->focus_outline);
			for (int row = 0; row < rows; row++)
				draw_text(stdscr, row, app->outline_width, "│", strlen("│"), 1,
					  colors_attr(ELEMENT_BORDER));
		}
		app->outline_drawn = look;
		app->outline_drawn_valid = app->outline_width > 0;
	}
	reader_draw(&app->reader, stdscr, 0, reader_x, COLS - reader_x, rows);
	status_draw(stdscr, LINES - 1, COLS, &app->annotations, app->reader.cursor, app->message,
		    app->message_is_error);
	refresh();
}

void app_message(struct app *app, int is_error, const char *format, ...)
{
	va_list arguments;
	va_start(arguments, format);
	vsnprintf(app->message, sizeof app->message, format, arguments);
	va_end(arguments);
	app->message_is_error = is_error;
}

static void show_front_matter(struct app *app)
{
	const struct speech *speech = app->speech;
	if (speech->front_matter_count == 0) {
		app_message(app, 0, "this speech has no front matter");
		return;
	}
	struct pager_line *lines = xcalloc(speech->front_matter_count, sizeof *lines);
	for (size_t i = 0; i < speech->front_matter_count; i++) {
		lines[i].text = speech->text + speech->front_matter[i].offset;
		lines[i].length = speech->front_matter[i].length;
		lines[i].element = ELEMENT_DIM;
	}
	pager_show("front matter (hidden from the speech)", lines, speech->front_matter_count, 'M',
		   &tui_stop_signal);
	free(lines);
}

static void prompt_search(struct app *app)
{
	int resized;
	char *query = prompt_read(stdscr, LINES - 1, COLS, "/", NULL, &resized);
	if (resized)
		layout_panes(app);
	if (!query)
		return;
	if (!*query) {
		free(query);
		if (!app->reader.query)
			return;
		query = xstrdup(app->reader.query);
	}
	int found = reader_search(&app->reader, query, 1, 1);
	if (found < 0)
		app_message(app, 1, "not found: %s", query);
	else if (found == 1)
		app_message(app, 0, "search wrapped to the top");
	free(query);
}

/* Widens the search from this speech to the whole library. */
static void search_library(struct app *app)
{
	int resized;
	char *query = app->reader.query ? xstrdup(app->reader.query)
					: prompt_read(stdscr, LINES - 1, COLS,
						      "search every speech: ", NULL, &resized);
	if (query && *query) {
		struct error error;
		if (search_view_run(app->ui, app->annotations.store, query, &error) != 0)
			app_message(app, 1, "%s", error.message);
		/* A reader opened from there may have changed this speech's
		 * tags through this same connection, which data_version does not
		 * count: load them again. */
		if (annotations_reload(&app->annotations, &error) != 0)
			app_message(app, 1, "%s", error.message);
		colors_set_themes(app->annotations.themes, app->annotations.theme_count);
		reader_annotations_changed(&app->reader);
		layout_panes(app);
	}
	free(query);
}

static void prompt_goto(struct app *app)
{
	int resized;
	char *input = prompt_read(stdscr, LINES - 1, COLS, ":", NULL, &resized);
	if (resized)
		layout_panes(app);
	if (!input)
		return;
	char *end;
	long number = strtol(input, &end, 10);
	if (*input == '\0' || *end != '\0' || number < 0)
		app_message(app, 1, "not a paragraph number: %s", input);
	else
		reader_goto(&app->reader, (size_t)number);
	free(input);
}

static void on_mouse(struct app *app)
{
	MEVENT event;
	if (getmouse(&event) != OK)
		return;
	int in_outline = app->outline_width && event.x < app->outline_width;
	int lines = (event.bstate & BUTTON4_PRESSED)   ? -WHEEL_LINES
		    : (event.bstate & BUTTON5_PRESSED) ? WHEEL_LINES
						       : 0;
	if (lines) {
		if (in_outline)
			outline_pane_scroll(&app->outline, lines);
		else
			reader_scroll(&app->reader, lines);
		return;
	}
	if (!(event.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED)) || event.y >= LINES - 1)
		return;
	if (in_outline) {
		app->focus_outline = 1;
		if (outline_pane_select_row(&app->outline, event.y)) {
			size_t jump;
			outline_pane_request(&app->outline, REQUEST_OUTLINE_JUMP, &jump);
			reader_goto(&app->reader, jump);
		}
		return;
	}
	app->focus_outline = 0;
	size_t paragraph = reader_paragraph_at_row(&app->reader, event.y);
	if (paragraph != (size_t)-1)
		reader_goto(&app->reader, paragraph);
}

/* Whether a key only moves through the text, changing nothing in the
 * outline pane but where it points. G is left out: after digits it undoes
 * the tags they made. */
static int moves_only(const struct app *app, int key)
{
	if (app->focus_outline)
		return 0;
	switch (request_for_key(PANE_READER, key)) {
	case REQUEST_PARAGRAPH_NEXT:
	case REQUEST_PARAGRAPH_PREVIOUS:
	case REQUEST_PAGE_DOWN:
	case REQUEST_PAGE_UP:
	case REQUEST_HALF_PAGE_DOWN:
	case REQUEST_HALF_PAGE_UP:
	case REQUEST_FIRST:
	case REQUEST_HEADING_NEXT:
	case REQUEST_HEADING_PREVIOUS:
	case REQUEST_SEARCH_NEXT:
	case REQUEST_SEARCH_PREVIOUS:
	case REQUEST_TAGGED_NEXT:
	case REQUEST_TAGGED_PREVIOUS:
		return 1;
	default:
		return 0;
	}
}

/* Handles one key; returns 0 to quit. */
static int on_key(struct app *app, int key)
{
	enum request_pane pane = app->focus_outline ? PANE_OUTLINE : PANE_READER;
	if (pane == PANE_READER && key >= '0' && key <= '9') {
		app->message[0] = '\0';
		annotate_digit(app, key - '0');
		return 1;
	}
	enum request request = request_for_key(pane, key);
	if (pane == PANE_READER && request == REQUEST_LAST && annotate_count_goto(app))
		return 1;
	annotate_count_reset(app);
	app->message[0] = '\0';
	switch (request) {
	case REQUEST_NONE:
		if (key != 27)
			app_message(app, 1, "unknown key (press ? for help)");
		return 1;
	case REQUEST_QUIT:
		return 0;
	case REQUEST_HELP:
		help_show(&tui_stop_signal);
		return 1;
	case REQUEST_REDRAW:
		clearok(curscr, TRUE);
		return 1;
	case REQUEST_FOCUS_NEXT:
		if (app->outline_width)
			app->focus_outline = !app->focus_outline;
		else
			app_message(app, 0, "the outline pane is hidden (o shows it)");
		return 1;
	case REQUEST_OUTLINE_SHOW:
		app->outline_shown = !app->outline_shown;
		layout_panes(app);
		if (app->outline_shown && !app->outline_width)
			app_message(app, 0, "the terminal is too narrow for the outline pane");
		return 1;
	case REQUEST_SEARCH:
		prompt_search(app);
		return 1;
	case REQUEST_GOTO:
		prompt_goto(app);
		return 1;
	case REQUEST_FRONT_MATTER:
		show_front_matter(app);
		return 1;
	case REQUEST_SEARCH_LIBRARY:
		search_library(app);
		return 1;
	default:
		break;
	}
	if (pane == PANE_OUTLINE) {
		size_t jump = (size_t)-1;
		outline_pane_request(&app->outline, request, &jump);
		if (jump != (size_t)-1) {
			reader_goto(&app->reader, jump);
			app->focus_outline = 0;
		}
		return 1;
	}
	if (annotate_request(app, request))
		return 1;
	if (reader_request(&app->reader, request, 0, app->message, sizeof app->message) < 0)
		app->message_is_error = 1;
	else
		app->message_is_error = 0;
	return 1;
}

/* Folds and the cursor as the library kept them; `cited` (when not -1)
 * names the paragraph to open at instead. */
static int restore_position(struct app *app, long cited, struct error *error)
{
	const struct speech *speech = app->speech;
	int64_t id = app->annotations.document_id;
	size_t paragraph = 0, *folded = NULL, count = 0;
	if (id && (store_position_get(app->annotations.store, id, &paragraph, error) != 0 ||
		   store_folds_get(app->annotations.store, id, &folded, &count, error) != 0))
		return -1;
	for (size_t i = 0; i < count; i++) {
		if (folded[i] >= speech->paragraph_count)
			continue;
		long entry = visible_entry_of(&app->reader.visible, folded[i]);
		if (entry > 0 && !app->reader.visible.folded[entry])
			visible_toggle_fold(&app->reader.visible, (size_t)entry);
	}
	free(folded);
	if (cited >= 0)
		paragraph = (size_t)cited;
	if (paragraph >= speech->paragraph_count)
		paragraph = 0;
	app->reader.cursor = visible_owner(&app->reader.visible, paragraph);
	app->reader.top = app->reader.cursor;
	return 0;
}

/* Keeps where the reader left off: the cursor paragraph and the folds. */
static int save_position(const struct app *app, struct error *error)
{
	const struct speech *speech = app->speech;
	struct store *store = app->annotations.store;
	int64_t id = app->annotations.document_id;
	if (!id)
		return 0;
	if (store_position_set(store, id, app->reader.cursor, error) != 0)
		return -1;
	for (size_t entry = 1; entry < speech->outline_count; entry++)
		if (store_fold_set(store, id, speech->outline[entry].paragraph,
				   app->reader.visible.folded[entry], error) != 0)
			return -1;
	return 0;
}

/* Takes the whole speech in place of its beginning, keeping the place:
 * paragraphs are numbered the same in both. */
static int take_whole_speech(struct app *app, const struct speech *speech, struct error *error)
{
	struct store *store = app->annotations.store;
	size_t cursor = app->reader.cursor, top = app->reader.top;
	int top_line = app->reader.top_line;
	outline_pane_free(&app->outline);
	reader_free(&app->reader);
	annotations_free(&app->annotations);
	app->speech = speech;
	if (annotations_load(&app->annotations, store, 0, speech, error) != 0)
		return -1;
	reader_init(&app->reader, speech, &app->annotations, app->ui->options.max_columns);
	outline_pane_init(&app->outline, speech, &app->annotations);
	app->reader.cursor = cursor;
	app->reader.top = top;
	app->reader.top_line = top_line;
	layout_panes(app);
	return 0;
}

/* Where the cursor's paragraph is in a new version: the paragraph with
 * the same text nearest to its number, else the same number. */
static size_t same_place(const struct speech *old, size_t cursor, const struct speech *new)
{
	size_t best = cursor < new->paragraph_count ? cursor : new->paragraph_count - 1;
	size_t distance = (size_t)-1, length = old->paragraphs[cursor].length;
	const char *text = paragraph_text(old, cursor);
	for (size_t p = 0; p < new->paragraph_count; p++) {
		size_t d = p > cursor ? p - cursor : cursor - p;
		if (d < distance && new->paragraphs[p].length == length &&
		    memcmp(paragraph_text(new, p), text, length) == 0) {
			best = p;
			distance = d;
		}
	}
	return best;
}

/* When another pizhu has imported the file again, the speech read here
 * is a replaced version: tags made on it would go among the orphans.
 * Moves to the current version, keeping the place, and says so (as an
 * error, so it stays until a key is pressed). Returns 1 when it changed
 * what is shown. */
static int follow_new_version(struct app *app, int key_dropped)
{
	struct store *store = app->annotations.store;
	int64_t id = app->annotations.document_id, current;
	struct error error;
	if (!store || !id || store_document_current(store, id, &current, &error) != 0 ||
	    current == id)
		return 0;
	struct speech *newer = xcalloc(1, sizeof *newer);
	if (store_speech_load(store, current, newer, &error) != 0) {
		free(newer);
		app_message(app, 1,
			    "this speech was imported again as speech %lld, which "
			    "cannot be shown: %s",
			    (long long)current, error.message);
		return 1;
	}
	size_t cursor = same_place(app->speech, app->reader.cursor, newer);
	outline_pane_free(&app->outline);
	reader_free(&app->reader);
	annotations_free(&app->annotations);
	if (app->newer) {
		speech_free(app->newer);
		free(app->newer);
	}
	app->newer = newer;
	app->speech = newer;
	if (annotations_load(&app->annotations, store, current, newer, &error) != 0) {
		app_message(app, 1, "%s", error.message);
		return 1;
	}
	colors_set_themes(app->annotations.themes, app->annotations.theme_count);
	reader_init(&app->reader, newer, &app->annotations, app->ui->options.max_columns);
	outline_pane_init(&app->outline, newer, &app->annotations);
	app->reader.cursor = visible_owner(&app->reader.visible, cursor);
	app->reader.top = app->reader.cursor;
	layout_panes(app);
	app_message(app, 1,
		    "this speech was imported again: now reading its new version, speech %lld, "
		    "at ¶%zu%s",
		    (long long)current, app->reader.cursor,
		    key_dropped ? "; the key just pressed was not applied, press it again" : "");
	return 1;
}

/* Follows a speech being read and imported: its whole text, then tags.
 * Returns 1 when it changed what is shown. */
static int poll_import(struct app *app)
{
	if (!app->import)
		return 0;
	struct error error;
	const struct speech *whole = app->import->speech(app->import->context);
	int swapped = whole && whole != app->speech;
	if (swapped && take_whole_speech(app, whole, &error) != 0) {
		app->import = NULL;
		app_message(app, 1, "%s", error.message);
		return 1;
	}
	int64_t id;
	int state = app->import->poll(app->import->context, &id, &error);
	/* What the status line says changes with the work, unless it shows
	 * a problem (a broken theme file) that should stay in view. */
	if (swapped && state == 0 && !app->message_is_error)
		app_message(app, 0, "adding this speech to the library…");
	if (state == 0 || (state > 0 && whole != app->speech))
		return swapped;
	app->import = NULL;
	if (state < 0) {
		app_message(app, 1, "not imported, so no tags or notes: %s", error.message);
		return 1;
	}
	app->annotations.document_id = id;
	/* A speech already in the library opens where it was left, unless
	 * the reader has moved meanwhile. */
	if ((app->reader.cursor == 0 && restore_position(app, -1, &error) != 0) ||
	    annotations_reload(&app->annotations, &error) != 0) {
		app_message(app, 1, "%s", error.message);
		return 1;
	}
	reader_annotations_changed(&app->reader);
	layout_panes(app);
	app_message(app, 0, "in the library as speech %lld", (long long)id);
	return 1;
}

/* Opens the library that the first paint did without, and shows what it
 * holds: the themes on the status line, then the tags once imported. */
static int open_library(struct app *app, const struct tui_reading *reading, struct error *error)
{
	struct error warning;
	if (reading->open_library(reading->library, &warning, error) != 0)
		return -1;
	if (warning.message[0])
		app_message(app, 1, "%s", warning.message);
	if (app->import)
		app->import->library_opened(app->import->context);
	app->annotations.store = *reading->library;
	if (annotations_reload(&app->annotations, error) != 0)
		return -1;
	colors_set_themes(app->annotations.themes, app->annotations.theme_count);
	reader_annotations_changed(&app->reader);
	layout_panes(app);
	return 0;
}

int tui_read_speech(struct tui *ui, struct store *store, const struct speech *speech,
		    const struct tui_reading *reading, struct error *error)
{
	struct app app = {.speech = speech,
			  .ui = ui,
			  .outline_shown = 1,
			  .stop = &tui_stop_signal,
			  .import = reading->import};
	if (annotations_load(&app.annotations, store, reading->document_id, speech, error) != 0)
		return -1;
	colors_set_themes(app.annotations.themes, app.annotations.theme_count);
	reader_init(&app.reader, speech, &app.annotations, ui->options.max_columns);
	outline_pane_init(&app.outline, speech, &app.annotations);
	int status = restore_position(&app, reading->cited, error);
	layout_panes(&app);
	if (reading->search && *reading->search) {
		free(app.reader.query);
		app.reader.query = xstrdup(reading->search);
	}
	if (reading->message && *reading->message)
		app_message(&app, 0, "%s", reading->message);

	while (status == 0) {
		app_draw(&app);
		if (!app.annotations.store) {
			status = open_library(&app, reading, error);
			continue;
		}
		int key = getch();
		if (tui_stop_signal)
			break;
		int changed = poll_import(&app);
		changed |= annotate_refresh(&app);
		/* The key was pressed on the version shown before: not applied
		 * to the new one, which the user has not seen yet. */
		int followed = changed && follow_new_version(&app, key != ERR);
		changed |= followed;
		app.only_moved = !changed && (key == ERR || moves_only(&app, key));
		if (key == ERR || followed)
			continue;
		if (key == KEY_RESIZE) {
			layout_panes(&app);
			continue;
		}
		if (key == KEY_MOUSE) {
			on_mouse(&app);
			continue;
		}
		if (!on_key(&app, key))
			break;
	}

	if (status == 0)
		status = save_position(&app, error);
	outline_pane_free(&app.outline);
	reader_free(&app.reader);
	annotations_free(&app.annotations);
	if (app.newer) {
		speech_free(app.newer);
		free(app.newer);
	}
	return status;
}

int tui_read_library_speech(struct tui *ui, struct store *store, int64_t id, long cited,
			    const char *search, struct error *error)
{
	struct speech speech;
	if (store_speech_load(store, id, &speech, error) != 0)
		return -1;
	struct tui_reading reading = {.document_id = id, .cited = cited, .search = search};
	int status = tui_read_speech(ui, store, &speech, &reading, error);
	speech_free(&speech);
	return status;
}
