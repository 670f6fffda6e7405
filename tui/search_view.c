/* search_view.c — the results of a search of every speech. */
#include "tui/search_view.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buffer.h"
#include "base/i18n.h"
#include "base/utf8.h"
#include "store/search.h"
#include "store/search_counter.h"
#include "store/section.h"
#include "store/theme.h"
#include "tui/app.h"
#include "tui/colors.h"
#include "tui/draw.h"
#include "tui/prompt.h"
#include "tui/request.h"
#include "tui/screen.h"

enum {
	/* Results fetched at a time: the window kept around what the screen
	 * shows (more than the tallest screen's two-line results). A page
	 * costs ranking every hit and reading its own texts, so a larger
	 * window means fewer fetches while scrolling, not slower ones. */
	PAGE_HITS = 100,
	CONTEXT_CHARACTERS = 12, /* shown before the first word found */
};

struct search_view {
	struct tui *ui;
	struct store *store;
	char *query;
	int64_t theme_id; /* 0: every paragraph */
	char theme_name[128];
	int include_hidden; /* a: front and back matter found too */
	/* A window of the results: hits[i] is result first + i. Only the
	 * window is held, however far the reader scrolls. */
	struct store_search_hit *hits;
	char **paths; /* the section path of each hit, made when first drawn */
	size_t first, count;
	/* How many results there are, once known: from the count in the
	 * background, or from a page that came back short. */
	size_t total;
	int total_known;
	struct store_search_counter *counter; /* counting, until total_known */
	size_t cursor, top;
	char message[600];
};

static void forget_window(struct search_view *view)
{
	store_search_hits_free(view->hits, view->count);
	for (size_t i = 0; i < view->count; i++)
		free(view->paths[i]);
	free(view->paths);
	view->hits = NULL;
	view->paths = NULL;
	view->first = view->count = 0;
}

static void stop_counting(struct search_view *view)
{
	store_search_counter_stop(view->counter);
	view->counter = NULL;
}

static void set_total(struct search_view *view, size_t total)
{
	view->total = total;
	view->total_known = 1;
	stop_counting(view);
}

/* The view's search: every result, to count or to page through. */
static struct store_search_query view_query(const struct search_view *view)
{
	return (struct store_search_query){
	    .text = view->query,
	    .theme_id = view->theme_id,
	    .include_hidden = view->include_hidden,
	};
}

/* Fetches the window [first, first + PAGE_HITS). */
static int load_window(struct search_view *view, size_t first, struct error *error)
{
	struct store_search_query query = view_query(view);
	query.limit = PAGE_HITS;
	query.offset = first;
	struct store_search_hit *hits;
	size_t count;
	if (store_search(view->store, &query, &hits, &count, error) != 0)
		return -1;
	forget_window(view);
	view->hits = hits;
	view->paths = xcalloc(count ? count : 1, sizeof *view->paths);
	view->first = first;
	view->count = count;
	/* A short page ends the results; an empty one past the end says
	 * only that they end before it. */
	if (count > 0 && count < PAGE_HITS && !view->total_known)
		set_total(view, first + count);
	else if (count == 0 && first == 0)
		set_total(view, 0);
	return 0;
}

/* Waits for the count (the user asked for the last result, or went past
 * the end of a window before the count was done). */
static int wait_for_total(struct search_view *view, struct error *error)
{
	if (view->total_known)
		return 0;
	size_t total = 0;
	int state = view->counter ? store_search_counter_wait(view->counter, &total, error) : -1;
	if (state != 1) {
		struct store_search_query query = view_query(view);
		if (store_search_count(view->store, &query, &total, error) != 0)
			return -1;
	}
	set_total(view, total);
	return 0;
}

/* Makes results [from, to) be in the window when they exist: a quarter of
 * the spare room before them, the rest after (readers scroll down). */
static int cover(struct search_view *view, size_t from, size_t to, struct error *error)
{
	if (view->total_known && to > view->total)
		to = view->total;
	if (to <= from || (from >= view->first && to <= view->first + view->count))
		return 0;
	size_t spare = to - from < PAGE_HITS ? PAGE_HITS - (to - from) : 0;
	size_t first = from > spare / 4 ? from - spare / 4 : 0;
	if (load_window(view, first, error) != 0)
		return -1;
	if (view->count == 0 && first > 0) {
		/* Past the end before the count was known. */
		if (wait_for_total(view, error) != 0)
			return -1;
		if (view->total > 0)
			return cover(view, view->total - 1, view->total, error);
	}
	return 0;
}

/* The result at index, or NULL past the end (or when it could not be
 * fetched: then the message says why). */
static const struct store_search_hit *hit_at(struct search_view *view, size_t index)
{
	struct error error;
	if (cover(view, index, index + 1, &error) != 0) {
		snprintf(view->message, sizeof view->message, "%s", error.message);
		return NULL;
	}
	if (index < view->first || index >= view->first + view->count)
		return NULL;
	return &view->hits[index - view->first];
}

/* Runs the search again from its first page, and counts in the
 * background unless the first page holds every result. */
static int start(struct search_view *view, struct error *error)
{
	stop_counting(view);
	forget_window(view);
	view->total_known = 0;
	view->total = 0;
	view->cursor = view->top = 0;
	if (load_window(view, 0, error) != 0)
		return -1;
	if (view->total_known)
		return 0;
	struct store_search_query query = view_query(view);
	struct error problem;
	if (store_search_counter_start(store_path(view->store), &query, &view->counter, &problem) !=
	    0)
		view->counter = NULL; /* counted when it is needed */
	return 0;
}

/* "title › 一、… › （二）… ¶N" for a hit. */
static const char *hit_path(struct search_view *view, size_t index)
{
	if (view->paths[index])
		return view->paths[index];
	const struct store_search_hit *hit = &view->hits[index]; /* in the window */
	struct buffer path = {0};
	buffer_append_string(&path, hit->title ? hit->title : "");
	char **labels;
	size_t count;
	struct error error;
	if (store_section_path(view->store, hit->document_id, hit->paragraph, &labels, &count,
			       &error) == 0) {
		for (size_t i = 0; i < count; i++)
			buffer_printf(&path, " › %s", labels[i]);
		store_section_path_free(labels, count);
	}
	buffer_printf(&path, "  ¶%zu", hit->paragraph);
	view->paths[index] = buffer_string(&path);
	return view->paths[index];
}

/* The hit's text from a little before the first word found, with every
 * word found highlighted. */
static void draw_snippet(const struct search_view *view, const struct store_search_hit *hit, int y,
			 int x, int columns, attr_t attributes)
{
	const char *text = hit->text;
	size_t length = strlen(text);
	struct store_search_span *spans;
	size_t count = store_search_highlights(text, length, view->query, &spans);
	size_t start = 0;
	if (count > 0) {
		/* Back up a few characters for context. */
		start = spans[0].offset;
		for (int i = 0; i < CONTEXT_CHARACTERS && start > 0; i++) {
			start--;
			while (start > 0 && ((unsigned char)text[start] & 0xC0) == 0x80)
				start--;
		}
	}
	int column = 0;
	size_t position = start;
	if (start > 0)
		column += draw_text(stdscr, y, x, "…", strlen("…"), columns, attributes);
	for (size_t i = 0; i < count && column < columns; i++) {
		if (spans[i].offset < position)
			continue;
		column += draw_text(stdscr, y, x + column, text + position,
				    spans[i].offset - position, columns - column, attributes);
		column += draw_text(stdscr, y, x + column, text + spans[i].offset, spans[i].length,
				    columns - column, colors_attr(ELEMENT_MATCH));
		position = spans[i].offset + spans[i].length;
	}
	if (column < columns)
		draw_text(stdscr, y, x + column, text + position, length - position,
			  columns - column, attributes);
	free(spans);
}

static size_t visible_hits(void)
{
	size_t shown = LINES > 3 ? ((size_t)LINES - 2) / 2 : 1;
	return shown < PAGE_HITS ? shown : PAGE_HITS;
}

/* 8712 as "8,712". */
static const char *grouped(size_t number, char *text, size_t size)
{
	char digits[32];
	int length = snprintf(digits, sizeof digits, "%zu", number);
	size_t at = 0;
	for (int i = 0; i < length && at + 2 < size; i++) {
		if (i > 0 && (length - i) % 3 == 0)
			text[at++] = ',';
		text[at++] = digits[i];
	}
	text[at] = '\0';
	return text;
}

/* " search “q”: 1–14 / 8,712" (or "/ counting…" until the count is
 * known); " search “q”: 3 results" when they all fit on the screen. */
static void draw_header(struct search_view *view, size_t shown)
{
	char header[700], where[400], from[32], to[32], total[32];
	if (view->theme_id)
		snprintf(where, sizeof where, _(" search “%s” in %s"), view->query,
			 view->theme_name);
	else
		snprintf(where, sizeof where, _(" search “%s”"), view->query);
	size_t last = view->top + shown;
	if (view->total_known && last > view->total)
		last = view->total;
	if (view->total_known && view->total <= shown)
		/* TRANSLATORS: the search, then how many results. */
		snprintf(header, sizeof header, _("%s: %s"), where,
			 i18n_count(view->total, "%zu result", "%zu results"));
	else
		/* TRANSLATORS: the search, the results shown (from–to) and
		 * how many there are (or "counting…"). */
		snprintf(header, sizeof header, _("%s: %s–%s / %s"), where,
			 grouped(view->top + 1, from, sizeof from), grouped(last, to, sizeof to),
			 view->total_known ? grouped(view->total, total, sizeof total)
					   : _("counting…"));
	draw_fill(stdscr, 0, 0, COLS, ' ', colors_attr(ELEMENT_STATUS));
	draw_text(stdscr, 0, 0, header, strlen(header), COLS, colors_attr(ELEMENT_STATUS));
}

static void draw(struct search_view *view)
{
	erase();
	size_t shown = visible_hits();
	if (view->cursor < view->top)
		view->top = view->cursor;
	if (view->cursor >= view->top + shown)
		view->top = view->cursor - shown + 1;
	struct error error;
	if (cover(view, view->top, view->top + shown, &error) != 0)
		snprintf(view->message, sizeof view->message, "%s", error.message);
	for (size_t i = 0; i < shown; i++) {
		size_t index = view->top + i;
		if (index < view->first || index >= view->first + view->count)
			break;
		int y = 1 + (int)i * 2;
		int selected = index == view->cursor;
		attr_t attributes =
		    selected ? colors_attr(ELEMENT_OUTLINE_SELECTED) : colors_attr(ELEMENT_TEXT);
		draw_fill(stdscr, y, 0, COLS, ' ', attributes);
		draw_fill(stdscr, y + 1, 0, COLS, ' ', attributes);
		const char *path = hit_path(view, index - view->first);
		draw_text(stdscr, y, 1, path, strlen(path), COLS - 2,
			  selected ? attributes : colors_attr(ELEMENT_TITLE));
		draw_snippet(view, &view->hits[index - view->first], y + 1, 3, COLS - 4,
			     attributes);
	}
	draw_header(view, shown);
	if (view->total_known && view->total == 0) {
		const char *none = _("nothing found");
		draw_text(stdscr, 2, 2, none, strlen(none), COLS - 4, colors_attr(ELEMENT_DIM));
	}
	const char *hint = _("Enter read  t theme  a front/back matter  j/k move  q back");
	const char *bottom = view->message[0] ? view->message : hint;
	draw_fill(stdscr, LINES - 1, 0, COLS, ' ', colors_attr(ELEMENT_STATUS));
	draw_text(stdscr, LINES - 1, 1, bottom, strlen(bottom), COLS - 2,
		  colors_attr(ELEMENT_STATUS));
}

static void report(struct search_view *view, const struct error *error)
{
	snprintf(view->message, sizeof view->message, "%s", error->message);
}

static void theme_answer(void *context, char *name)
{
	struct search_view *view = context;
	if (!name)
		return;
	int64_t id = 0;
	struct error error;
	if (*name && store_theme_find(view->store, name, &id, &error) != 0) {
		report(view, &error);
		free(name);
		return;
	}
	view->theme_id = id;
	snprintf(view->theme_name, sizeof view->theme_name, "%s", name);
	free(name);
	if (start(view, &error) != 0)
		report(view, &error);
}

struct search_arguments {
	struct tui *ui;
	struct store *store;
	const char *query;
};

static int search_open(struct view *base, const void *arguments, struct error *error)
{
	const struct search_arguments *given = arguments;
	struct search_view *view = base->state;
	view->ui = given->ui;
	view->store = given->store;
	view->query = xstrdup(given->query);
	if (start(view, error) != 0) {
		stop_counting(view);
		forget_window(view);
		free(view->query);
		return -1;
	}
	return 0;
}

static void search_draw(struct view *base)
{
	draw(base->state);
}

/* The count in the background. The results are those of the library as
 * it was when the search ran (they would move under the cursor if each
 * import by another program ran it again). */
static int search_poll(struct view *base, int library_due)
{
	(void)library_due;
	struct search_view *view = base->state;
	struct error error;
	size_t total;
	int state = view->counter ? store_search_counter_poll(view->counter, &total, &error) : 0;
	if (state == 1)
		set_total(view, total);
	else if (state < 0) {
		/* Counted when it is needed (G), on this connection. */
		stop_counting(view);
		report(view, &error);
	}
	return state != 0; /* the count, or why there is none */
}

/* Moves the cursor by `rows` results (negative: up), stopping at the
 * ends; fetching the result it comes to finds the end when it is past
 * it. */
static void move_cursor(struct search_view *view, long rows)
{
	if (rows < 0) {
		view->cursor = (size_t)-rows < view->cursor ? view->cursor - (size_t)-rows : 0;
		return;
	}
	size_t target = view->cursor + (size_t)rows;
	if (hit_at(view, target))
		view->cursor = target;
	else if (view->total_known)
		view->cursor = view->total ? view->total - 1 : 0;
}

static enum view_result search_key(struct view *base, const struct view_key *key)
{
	struct search_view *view = base->state;
	view->message[0] = '\0';
	enum request request = view_key_request(key, PANE_LIBRARY);
	long page = (long)visible_hits();
	struct error error;
	const struct store_search_hit *hit;
	switch (request) {
	case REQUEST_QUIT:
	case REQUEST_LIBRARY_CLEAR:
		return VIEW_CLOSE;
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
		if (wait_for_total(view, &error) != 0)
			report(view, &error);
		else
			view->cursor = view->total ? view->total - 1 : 0;
		break;
	case REQUEST_LIBRARY_OPEN:
		hit = hit_at(view, view->cursor);
		if (hit && !reader_view_open(base->driver, view->ui, view->store, hit->document_id,
					     (long)hit->paragraph, view->query, &error))
			report(view, &error);
		break;
	case REQUEST_LIBRARY_THEME:
		prompt_open(base->driver, _("only paragraphs with theme (Enter: any): "),
			    view->theme_id ? view->theme_name : NULL, theme_answer, view);
		break;
	case REQUEST_LIBRARY_ALL:
		view->include_hidden = !view->include_hidden;
		if (start(view, &error) != 0) {
			view->include_hidden = !view->include_hidden;
			report(view, &error);
			break;
		}
		snprintf(view->message, sizeof view->message, "%s",
			 view->include_hidden ? _("front and back matter found too")
					      : _("front and back matter left out"));
		break;
	case REQUEST_HELP:
	case REQUEST_REDRAW:
		return VIEW_IGNORED;
	default:
		snprintf(view->message, sizeof view->message, _("unknown key (press ? for help)"));
	}
	return VIEW_HANDLED;
}

static void search_close(struct view *base)
{
	struct search_view *view = base->state;
	stop_counting(view);
	forget_window(view);
	free(view->query);
}

static const struct view_ops search_ops = {
    .name = "search",
    .state_size = sizeof(struct search_view),
    .open = search_open,
    .draw = search_draw,
    .key = search_key,
    .poll = search_poll,
    .close = search_close,
};

struct view *search_view_open(struct view_driver *driver, struct tui *ui, struct store *store,
			      const char *query, struct error *error)
{
	struct search_arguments arguments = {ui, store, query};
	return view_open(driver, &search_ops, &arguments, error);
}
