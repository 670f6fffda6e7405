/* app.c — the reader view: the outline pane, the reading pane and the
 * status line over one speech; geometry, key dispatch through the request
 * table, mouse, resizing, following a background import and other
 * writers of the library. */
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "tui/app.h"
#include "base/buffer.h"
#include "base/i18n.h"
#include "speech/correct.h"
#include "store/annotation.h"
#include "store/document.h"
#include "store/store.h"
#include "tui/colors.h"
#include "tui/draw.h"
#include "tui/outline_pane.h"
#include "tui/pager.h"
#include "tui/prompt.h"
#include "tui/reader.h"
#include "tui/request.h"
#include "tui/screen.h"
#include "tui/search_view.h"
#include "tui/status.h"
#include "tui/tui.h"
#include "tui/view.h"

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
		const char *text = _("terminal too small");
		draw_text(stdscr, LINES / 2, 0, text, strlen(text), COLS,
			  colors_attr(ELEMENT_TEXT));
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
}

void app_message(struct app *app, int is_error, const char *format, ...)
{
	va_list arguments;
	va_start(arguments, format);
	vsnprintf(app->message, sizeof app->message, format, arguments);
	va_end(arguments);
	app->message_is_error = is_error;
}

/* M: what is hidden from the text, in reading order with their numbers
 * (for R): the lines the parser took for front or back matter and the
 * paragraphs the user moved there. A speech stored by a pizhu that did
 * not number the parser's lines shows them unnumbered, around the rest. */
static void show_front_matter(struct app *app)
{
	const struct speech *speech = app->speech;
	size_t hidden = 0;
	int parser_numbered = 0;
	for (size_t p = 1; p < speech->paragraph_count; p++) {
		hidden += (size_t)paragraph_hidden(&speech->paragraphs[p]);
		parser_numbered |= speech->paragraphs[p].hidden_by_parser;
	}
	size_t front_count = parser_numbered ? 0 : speech->front_matter_count;
	size_t back_count = parser_numbered ? 0 : speech->back_matter_count;
	size_t count = front_count + hidden + back_count;
	if (count == 0) {
		app_message(app, 0, _("this speech has no front or back matter"));
		return;
	}
	struct pager_line *lines = xcalloc(count, sizeof *lines);
	char **numbered = xcalloc(hidden ? hidden : 1, sizeof *numbered);
	size_t n = 0, k = 0;
	for (size_t i = 0; i < front_count; i++)
		lines[n++] = (struct pager_line){speech->text + speech->front_matter[i].offset,
						 speech->front_matter[i].length, ELEMENT_DIM};
	for (size_t p = 1; p < speech->paragraph_count; p++) {
		const struct paragraph *paragraph = &speech->paragraphs[p];
		if (!paragraph_hidden(paragraph))
			continue;
		struct buffer line = {0};
		buffer_printf(&line, "¶%zu %s ", p,
			      paragraph->role == PARAGRAPH_FRONT_MATTER ? _("front") : _("back"));
		buffer_append(&line, paragraph_text(speech, p), paragraph->length);
		numbered[k] = buffer_string(&line);
		lines[n++] = (struct pager_line){numbered[k++], line.length, ELEMENT_TEXT};
	}
	for (size_t i = 0; i < back_count; i++)
		lines[n++] = (struct pager_line){speech->text + speech->back_matter[i].offset,
						 speech->back_matter[i].length, ELEMENT_DIM};
	struct error error;
	if (!pager_open(app->view->driver,
			_("front and back matter (hidden from the speech; R brings a ¶ back)"),
			lines, n, 'M', &error))
		app_message(app, 1, "%s", error.message);
	for (size_t i = 0; i < k; i++)
		free(numbered[i]);
	free(numbered);
	free(lines);
}

static void search_answer(void *context, char *query)
{
	struct app *app = context;
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
		app_message(app, 1, _("not found: %s"), query);
	else if (found == 1)
		app_message(app, 0, _("search wrapped to the top"));
	free(query);
}

/* Widens the search from this speech to the whole library; the reader
 * loads its tags again when it is back on top (reader_reveal). */
static void search_library_answer(void *context, char *query)
{
	struct app *app = context;
	if (query && *query) {
		struct error error;
		if (!search_view_open(app->view->driver, app->ui, app->annotations.store, query,
				      &error))
			app_message(app, 1, "%s", error.message);
	}
	free(query);
}

static void search_library(struct app *app)
{
	if (app->reader.query)
		search_library_answer(app, xstrdup(app->reader.query));
	else
		prompt_open(app->view->driver, _("search every speech: "), NULL,
			    search_library_answer, app);
}

static void goto_answer(void *context, char *input)
{
	struct app *app = context;
	if (!input)
		return;
	char *end;
	long number = strtol(input, &end, 10);
	if (*input == '\0' || *end != '\0' || number < 0)
		app_message(app, 1, _("not a paragraph number: %s"), input);
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

/* Whether a request only moves through the text, changing nothing in the
 * outline pane but where it points. */
static int moves_only(const struct app *app, enum request request)
{
	if (app->focus_outline)
		return 0;
	switch (request) {
	case REQUEST_PARAGRAPH_NEXT:
	case REQUEST_PARAGRAPH_PREVIOUS:
	case REQUEST_PAGE_DOWN:
	case REQUEST_PAGE_UP:
	case REQUEST_HALF_PAGE_DOWN:
	case REQUEST_HALF_PAGE_UP:
	case REQUEST_FIRST:
	case REQUEST_LAST:
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

static enum view_result reader_key(struct view *view, const struct view_key *key)
{
	struct app *app = view->state;
	int changed = app->poll_changed;
	app->poll_changed = 0;
	app->only_moved = 0;
	if (app->followed_unseen) {
		/* The key was pressed on the version shown before: not applied
		 * to the new one, which the user has not seen yet. */
		app->followed_unseen = 0;
		char said[sizeof app->message];
		snprintf(said, sizeof said, "%s", app->message);
		app_message(app, 1, _("%s; the key just pressed was not applied, press it again"),
			    said);
		return VIEW_HANDLED;
	}
	if (key->kind == KEY_CODE_YES && key->code == KEY_MOUSE) {
		on_mouse(app);
		return VIEW_HANDLED;
	}
	enum request_pane pane = app->focus_outline ? PANE_OUTLINE : PANE_READER;
	enum request request = view_key_request(key, pane);
	app->only_moved = !changed && moves_only(app, request);
	app->message[0] = '\0';
	switch (request) {
	case REQUEST_NONE:
		if (view_key_code(key) != 27)
			app_message(app, 1, _("unknown key (press ? for help)"));
		return VIEW_HANDLED;
	case REQUEST_QUIT:
		return VIEW_CLOSE;
	case REQUEST_HELP:
	case REQUEST_REDRAW:
		return VIEW_IGNORED;
	case REQUEST_FOCUS_NEXT:
		if (app->outline_width)
			app->focus_outline = !app->focus_outline;
		else
			app_message(app, 0, _("the outline pane is hidden (o shows it)"));
		return VIEW_HANDLED;
	case REQUEST_OUTLINE_SHOW:
		app->outline_shown = !app->outline_shown;
		layout_panes(app);
		if (app->outline_shown && !app->outline_width)
			app_message(app, 0, _("the terminal is too narrow for the outline pane"));
		return VIEW_HANDLED;
	case REQUEST_SEARCH:
		prompt_open(view->driver, "/", NULL, search_answer, app);
		return VIEW_HANDLED;
	case REQUEST_GOTO:
		prompt_open(view->driver, ":", NULL, goto_answer, app);
		return VIEW_HANDLED;
	case REQUEST_FRONT_MATTER:
		show_front_matter(app);
		return VIEW_HANDLED;
	case REQUEST_SEARCH_LIBRARY:
		search_library(app);
		return VIEW_HANDLED;
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
		return VIEW_HANDLED;
	}
	if (request == REQUEST_TAG) {
		tagging_theme_key(app, view_key_code(key));
		return VIEW_HANDLED;
	}
	if (structure_request(app, request) || tagging_request(app, request))
		return VIEW_HANDLED;
	if (reader_request(&app->reader, request, app->message, sizeof app->message) < 0)
		app->message_is_error = 1;
	else
		app->message_is_error = 0;
	return VIEW_HANDLED;
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
	app->reader.cursor =
	    visible_owner(&app->reader.visible, visible_shown(&app->reader.visible, paragraph));
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
	marks_free(&app->annotations);
	app->speech = speech;
	if (marks_load(&app->annotations, store, 0, speech, error) != 0)
		return -1;
	reader_init(&app->reader, speech, &app->annotations, app->ui->options.max_columns);
	outline_pane_init(&app->outline, speech, &app->annotations);
	app->reader.cursor = cursor;
	app->reader.top = top;
	app->reader.top_line = top_line;
	layout_panes(app);
	return 0;
}

int app_reload_structure(struct app *app, struct error *error)
{
	struct store *store = app->annotations.store;
	int64_t id = app->annotations.document_id;
	struct speech fresh;
	if (!id || store_speech_load(store, id, &fresh, error) != 0)
		return -1;
	const struct speech *old = app->speech;
	size_t *folded = xcalloc(old->outline_count, sizeof *folded), fold_count = 0;
	for (size_t entry = 1; entry < old->outline_count; entry++)
		if (app->reader.visible.folded[entry])
			folded[fold_count++] = old->outline[entry].paragraph;
	size_t cursor = app->reader.cursor, top = app->reader.top;
	int top_line = app->reader.top_line;
	theme_set filter = app->reader.visible.filter;
	int show_notes = app->reader.show_notes;
	outline_pane_free(&app->outline);
	reader_free(&app->reader);
	marks_free(&app->annotations);
	if (app->owns_speech)
		speech_free(&app->own_speech);
	app->own_speech = fresh;
	app->owns_speech = 1;
	app->corrections_known = 0; /* structure_follow takes the new ones as known */
	app->speech = &app->own_speech;
	int status = marks_load(&app->annotations, store, id, app->speech, error);
	reader_init(&app->reader, app->speech, &app->annotations, app->ui->options.max_columns);
	outline_pane_init(&app->outline, app->speech, &app->annotations);
	for (size_t i = 0; i < fold_count; i++) {
		long entry = visible_entry_of(&app->reader.visible, folded[i]);
		if (entry > 0)
			visible_toggle_fold(&app->reader.visible, (size_t)entry);
	}
	free(folded);
	app->reader.visible.filter = filter;
	app->reader.show_notes = show_notes;
	layout_panes(app);
	app->reader.top =
	    visible_owner(&app->reader.visible, visible_shown(&app->reader.visible, top));
	app->reader.top_line = app->reader.top == top ? top_line : 0;
	reader_goto(&app->reader, visible_owner(&app->reader.visible,
						visible_shown(&app->reader.visible, cursor)));
	return status;
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
 * error, so it stays until a key is pressed); a key that came with the
 * news is not applied (reader_key). Returns 1 when it changed what is
 * shown. */
static int follow_new_version(struct app *app)
{
	struct store *store = app->annotations.store;
	int64_t id = app->annotations.document_id, current;
	struct error error;
	if (!store || !id || store_document_current(store, id, &current, &error) != 0 ||
	    current == id)
		return 0;
	struct speech newer;
	if (store_speech_load(store, current, &newer, &error) != 0) {
		app_message(app, 1,
			    _("this speech was imported again as speech %lld, which "
			      "cannot be shown: %s"),
			    (long long)current, error.message);
		return 1;
	}
	size_t cursor = same_place(app->speech, app->reader.cursor, &newer);
	outline_pane_free(&app->outline);
	reader_free(&app->reader);
	marks_free(&app->annotations);
	if (app->owns_speech)
		speech_free(&app->own_speech);
	app->own_speech = newer;
	app->owns_speech = 1;
	app->speech = &app->own_speech;
	app->corrections_known = 0; /* structure_follow takes the new ones as known */
	int status = marks_load(&app->annotations, store, current, app->speech, &error);
	colors_set_themes(app->annotations.themes, app->annotations.theme_count);
	reader_init(&app->reader, app->speech, &app->annotations, app->ui->options.max_columns);
	outline_pane_init(&app->outline, app->speech, &app->annotations);
	layout_panes(app);
	reader_goto(&app->reader, visible_owner(&app->reader.visible, cursor));
	app->followed_unseen = 1;
	if (status != 0)
		app_message(app, 1, "%s", error.message);
	else
		app_message(app, 1,
			    _("this speech was imported again: now reading its new version, speech "
			      "%lld, at ¶%zu"),
			    (long long)current, app->reader.cursor);
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
		app_message(app, 0, _("adding this speech to the library…"));
	if (state == 0 || (state > 0 && whole != app->speech))
		return swapped;
	app->import = NULL;
	if (state < 0) {
		app_message(app, 1, _("not imported, so no tags or notes: %s"), error.message);
		return 1;
	}
	app->annotations.document_id = id;
	/* A speech already in the library is shown with its corrections, as
	 * a smaller file is (cli/read.c), and opens where it was left, unless
	 * the reader has moved meanwhile: the folds kept are on the
	 * corrected outline's headings. */
	if (structure_follow_stored(app, &error) != 0 ||
	    (app->reader.cursor == 0 && restore_position(app, -1, &error) != 0) ||
	    marks_reload(&app->annotations, &error) != 0) {
		app_message(app, 1, "%s", error.message);
		return 1;
	}
	reader_annotations_changed(&app->reader);
	layout_panes(app);
	app_message(app, 0, _("in the library as speech %lld"), (long long)id);
	return 1;
}

/* The library's tags and themes as they are now, on the reader's screen. */
static int show_themes(struct app *app, struct error *error)
{
	if (marks_reload(&app->annotations, error) != 0)
		return -1;
	colors_set_themes(app->annotations.themes, app->annotations.theme_count);
	reader_annotations_changed(&app->reader);
	layout_panes(app);
	return 0;
}

/* Opens the library that the first paint did without, and shows what it
 * holds: the themes on the status line, then the tags once imported. */
static int open_library(struct app *app, struct error *error)
{
	struct error warning;
	if (app->open_library(app->library, &warning, error) != 0)
		return -1;
	if (warning.message[0])
		app_message(app, 1, "%s", warning.message);
	if (app->import)
		app->import->library_opened(app->import->context);
	app->annotations.store = *app->library;
	return show_themes(app, error);
}

struct reader_arguments {
	struct tui *ui;
	struct store *store;
	const struct speech *speech; /* NULL: the view loads it from the store */
	const struct tui_reading *reading;
};

static int reader_open(struct view *view, const void *arguments, struct error *error)
{
	const struct reader_arguments *given = arguments;
	const struct tui_reading *reading = given->reading;
	struct app *app = view->state;
	*app = (struct app){.speech = given->speech,
			    .ui = given->ui,
			    .view = view,
			    .outline_shown = 1,
			    .import = reading->import,
			    .open_library = reading->open_library,
			    .library = reading->library,
			    .sync_themes = reading->sync_themes};
	if (!app->speech) {
		if (store_speech_load(given->store, reading->document_id, &app->own_speech,
				      error) != 0)
			return -1;
		app->owns_speech = 1;
		app->speech = &app->own_speech;
	}
	if (marks_load(&app->annotations, given->store, reading->document_id, app->speech, error) !=
	    0) {
		if (app->owns_speech)
			speech_free(&app->own_speech);
		return -1;
	}
	if (given->store && structure_follow(app, 0, error) != 0) {
		marks_free(&app->annotations);
		if (app->owns_speech)
			speech_free(&app->own_speech);
		return -1;
	}
	colors_set_themes(app->annotations.themes, app->annotations.theme_count);
	reader_init(&app->reader, app->speech, &app->annotations, app->ui->options.max_columns);
	outline_pane_init(&app->outline, app->speech, &app->annotations);
	if (restore_position(app, reading->cited, error) != 0) {
		outline_pane_free(&app->outline);
		reader_free(&app->reader);
		marks_free(&app->annotations);
		if (app->owns_speech)
			speech_free(&app->own_speech);
		return -1;
	}
	layout_panes(app);
	if (reading->search && *reading->search)
		app->reader.query = xstrdup(reading->search);
	if (reading->message && *reading->message)
		app_message(app, 0, "%s", reading->message);
	return 0;
}

/* The same library speech. */
static int reader_same(const struct view *view, const void *arguments)
{
	const struct reader_arguments *given = arguments;
	const struct app *app = view->state;
	return given->reading->document_id &&
	       given->reading->document_id == app->annotations.document_id;
}

/* Back to a speech already open, at the paragraph asked for. */
static void reader_reopen(struct view *view, const void *arguments)
{
	const struct tui_reading *reading = ((const struct reader_arguments *)arguments)->reading;
	struct app *app = view->state;
	if (reading->cited >= 0 && (size_t)reading->cited < app->speech->paragraph_count)
		reader_goto(&app->reader, (size_t)reading->cited);
	if (reading->search && *reading->search) {
		free(app->reader.query);
		app->reader.query = xstrdup(reading->search);
		reader_annotations_changed(&app->reader);
	}
}

static void reader_view_draw(struct view *view)
{
	struct app *app = view->state;
	app_draw(app);
	app->followed_unseen = 0; /* now seen */
}

/* Brings the theme files into the library the first paint was drawn
 * from, and shows the themes as they are now (a theme file edited since
 * the last run changes their colours). */
static int sync_themes(struct app *app, struct error *error)
{
	struct error warning;
	if (app->sync_themes(app->annotations.store, &warning, error) != 0)
		return -1;
	if (warning.message[0])
		app_message(app, 1, "%s", warning.message);
	return show_themes(app, error);
}

/* The first paint is out: now open the library it did without, or bring
 * in the theme files it did without. */
static void reader_painted(struct view *view)
{
	struct app *app = view->state;
	struct error error;
	int status = 0;
	if (!app->annotations.store)
		status = open_library(app, &error);
	else if (app->sync_themes)
		status = sync_themes(app, &error);
	if (status != 0) {
		app->failed = 1;
		view_fail(view, &error);
	}
}

static int reader_poll(struct view *view, int library_due)
{
	struct app *app = view->state;
	if (!app->annotations.store)
		return 0;
	int changed = poll_import(app);
	if (library_due)
		changed |= tagging_refresh(app);
	if (changed)
		changed |= follow_new_version(app);
	app->poll_changed = changed;
	app->only_moved = !changed;
	return changed;
}

static void reader_view_resize(struct view *view)
{
	struct app *app = view->state;
	app->only_moved = 0;
	layout_panes(app);
}

static void reader_reveal(struct view *view, int after_overlay)
{
	struct app *app = view->state;
	app->only_moved = 0;
	app->outline_drawn_valid = 0;
	if (!after_overlay && app->annotations.store) {
		/* A view above may have changed this speech's tags through
		 * this same connection, which data_version does not count. */
		struct error error;
		if (marks_reload(&app->annotations, &error) != 0 ||
		    structure_follow(app, 1, &error) != 0)
			app_message(app, 1, "%s", error.message);
		reader_annotations_changed(&app->reader);
		if (follow_new_version(app))
			app->followed_unseen = 0; /* no key came with it */
	}
	colors_set_themes(app->annotations.themes, app->annotations.theme_count);
	layout_panes(app);
}

static void reader_close(struct view *view)
{
	struct app *app = view->state;
	struct error error;
	if (!app->failed && app->annotations.store && save_position(app, &error) != 0)
		view_fail(view, &error);
	outline_pane_free(&app->outline);
	reader_free(&app->reader);
	marks_free(&app->annotations);
	if (app->owns_speech)
		speech_free(&app->own_speech);
}

static const struct view_ops reader_ops = {
    .name = "reader",
    .state_size = sizeof(struct app),
    .open = reader_open,
    .same = reader_same,
    .reopen = reader_reopen,
    .draw = reader_view_draw,
    .painted = reader_painted,
    .key = reader_key,
    .poll = reader_poll,
    .resize = reader_view_resize,
    .reveal = reader_reveal,
    .close = reader_close,
};

int tui_read_speech(struct tui *ui, struct store *store, const struct speech *speech,
		    const struct tui_reading *reading, struct error *error)
{
	struct reader_arguments arguments = {ui, store, speech, reading};
	return view_run(&reader_ops, &arguments, error);
}

struct view *reader_view_open(struct view_driver *driver, struct tui *ui, struct store *store,
			      int64_t id, long cited, const char *search, struct error *error)
{
	struct tui_reading reading = {.document_id = id, .cited = cited, .search = search};
	struct reader_arguments arguments = {ui, store, NULL, &reading};
	return view_open(driver, &reader_ops, &arguments, error);
}
