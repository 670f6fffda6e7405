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
#include "store/section.h"
#include "store/theme.h"
#include "tui/app.h"
#include "tui/colors.h"
#include "tui/draw.h"
#include "tui/prompt.h"
#include "tui/request.h"
#include "tui/screen.h"

enum {
	PAGE_HITS = 100,	 /* results fetched at a time */
	CONTEXT_CHARACTERS = 12, /* shown before the first word found */
};

struct search_view {
	struct tui *ui;
	struct store *store;
	char *query;
	int64_t theme_id; /* 0: every paragraph */
	char theme_name[128];
	int include_hidden; /* a: front and back matter found too */
	struct store_search_hit *hits;
	char **paths; /* the section path of each hit, made when first drawn */
	size_t count, capacity;
	int complete; /* every result is loaded */
	size_t cursor, top;
	char message[600];
};

static void forget(struct search_view *view)
{
	store_search_hits_free(view->hits, view->count);
	for (size_t i = 0; i < view->count; i++)
		free(view->paths[i]);
	free(view->paths);
	view->hits = NULL;
	view->paths = NULL;
	view->count = view->capacity = 0;
	view->complete = 0;
	view->cursor = view->top = 0;
}

static int load_more(struct search_view *view, struct error *error)
{
	if (view->complete)
		return 0;
	struct store_search_query query = {
	    .text = view->query,
	    .theme_id = view->theme_id,
	    .limit = PAGE_HITS,
	    .offset = view->count,
	    .include_hidden = view->include_hidden,
	};
	struct store_search_hit *hits;
	size_t count;
	if (store_search(view->store, &query, &hits, &count, error) != 0)
		return -1;
	view->hits =
	    xgrow(view->hits, &view->capacity, view->count + count + 1, sizeof *view->hits);
	view->paths = xrealloc(view->paths, view->capacity * sizeof *view->paths);
	memcpy(view->hits + view->count, hits, count * sizeof *hits);
	memset(view->paths + view->count, 0, count * sizeof *view->paths);
	view->count += count;
	view->complete = count < PAGE_HITS;
	free(hits); /* the strings now belong to view->hits */
	return 0;
}

/* "title › 一、… › （二）… ¶N" for a hit. */
static const char *hit_path(struct search_view *view, size_t index)
{
	if (view->paths[index])
		return view->paths[index];
	const struct store_search_hit *hit = &view->hits[index];
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
	return LINES > 3 ? ((size_t)LINES - 2) / 2 : 1;
}

static void draw(struct search_view *view)
{
	erase();
	char header[512];
	char count[32];
	snprintf(count, sizeof count, "%zu%s", view->count, view->complete ? "" : "+");
	if (view->theme_id)
		snprintf(header, sizeof header,
			 P_(" search “%s” in %s: %s result", " search “%s” in %s: %s results",
			    view->count),
			 view->query, view->theme_name, count);
	else
		snprintf(header, sizeof header,
			 P_(" search “%s”: %s result", " search “%s”: %s results", view->count),
			 view->query, count);
	draw_fill(stdscr, 0, 0, COLS, ' ', colors_attr(ELEMENT_STATUS));
	draw_text(stdscr, 0, 0, header, strlen(header), COLS, colors_attr(ELEMENT_STATUS));
	size_t shown = visible_hits();
	if (view->cursor < view->top)
		view->top = view->cursor;
	if (view->cursor >= view->top + shown)
		view->top = view->cursor - shown + 1;
	for (size_t i = 0; i < shown && view->top + i < view->count; i++) {
		size_t index = view->top + i;
		int y = 1 + (int)i * 2;
		int selected = index == view->cursor;
		attr_t attributes =
		    selected ? colors_attr(ELEMENT_OUTLINE_SELECTED) : colors_attr(ELEMENT_TEXT);
		draw_fill(stdscr, y, 0, COLS, ' ', attributes);
		draw_fill(stdscr, y + 1, 0, COLS, ' ', attributes);
		const char *path = hit_path(view, index);
		draw_text(stdscr, y, 1, path, strlen(path), COLS - 2,
			  selected ? attributes : colors_attr(ELEMENT_TITLE));
		draw_snippet(view, &view->hits[index], y + 1, 3, COLS - 4, attributes);
	}
	if (view->count == 0) {
		const char *none = _("nothing found");
		draw_text(stdscr, 2, 2, none, strlen(none), COLS - 4, colors_attr(ELEMENT_DIM));
	}
	const char *hint = _("Enter read  t theme  j/k move  q back");
	const char *bottom = view->message[0] ? view->message : hint;
	draw_fill(stdscr, LINES - 1, 0, COLS, ' ', colors_attr(ELEMENT_STATUS));
	draw_text(stdscr, LINES - 1, 1, bottom, strlen(bottom), COLS - 2,
		  colors_attr(ELEMENT_STATUS));
}

static void theme_answer(void *context, char *name)
{
	struct search_view *view = context;
	if (!name)
		return;
	int64_t id = 0;
	struct error error;
	if (*name && store_theme_find(view->store, name, &id, &error) != 0) {
		snprintf(view->message, sizeof view->message, "%s", error.message);
		free(name);
		return;
	}
	view->theme_id = id;
	snprintf(view->theme_name, sizeof view->theme_name, "%s", name);
	free(name);
	forget(view);
	if (load_more(view, &error) != 0)
		snprintf(view->message, sizeof view->message, "%s", error.message);
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
	if (load_more(view, error) != 0) {
		forget(view);
		free(view->query);
		return -1;
	}
	return 0;
}

static void search_draw(struct view *base)
{
	struct search_view *view = base->state;
	/* Load more results as the cursor comes near the end. */
	struct error error;
	if (view->cursor + visible_hits() >= view->count && load_more(view, &error) != 0)
		snprintf(view->message, sizeof view->message, "%s", error.message);
	draw(view);
}

static enum view_result search_key(struct view *base, const struct view_key *key)
{
	struct search_view *view = base->state;
	view->message[0] = '\0';
	enum request request = view_key_request(key, PANE_LIBRARY);
	size_t page = visible_hits();
	struct error error;
	switch (request) {
	case REQUEST_QUIT:
	case REQUEST_LIBRARY_CLEAR:
		return VIEW_CLOSE;
	case REQUEST_LIBRARY_DOWN:
		if (view->cursor + 1 < view->count)
			view->cursor++;
		break;
	case REQUEST_LIBRARY_UP:
		if (view->cursor > 0)
			view->cursor--;
		break;
	case REQUEST_LIBRARY_PAGE_DOWN:
		view->cursor = view->cursor + page < view->count
				   ? view->cursor + page
				   : (view->count ? view->count - 1 : 0);
		break;
	case REQUEST_LIBRARY_PAGE_UP:
		view->cursor = view->cursor > page ? view->cursor - page : 0;
		break;
	case REQUEST_LIBRARY_FIRST:
		view->cursor = 0;
		break;
	case REQUEST_LIBRARY_LAST:
		while (!view->complete && load_more(view, &error) == 0)
			;
		view->cursor = view->count ? view->count - 1 : 0;
		break;
	case REQUEST_LIBRARY_OPEN:
		if (view->count && !reader_view_open(base->driver, view->ui, view->store,
						     view->hits[view->cursor].document_id,
						     (long)view->hits[view->cursor].paragraph,
						     view->query, &error))
			snprintf(view->message, sizeof view->message, "%s", error.message);
		break;
	case REQUEST_LIBRARY_THEME:
		prompt_open(base->driver, _("only paragraphs with theme (Enter: any): "),
			    view->theme_id ? view->theme_name : NULL, theme_answer, view);
		break;
	case REQUEST_LIBRARY_ALL:
		view->include_hidden = !view->include_hidden;
		forget(view);
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
	forget(view);
	free(view->query);
}

static const struct view_ops search_ops = {
    .name = "search",
    .state_size = sizeof(struct search_view),
    .open = search_open,
    .draw = search_draw,
    .key = search_key,
    .close = search_close,
};

struct view *search_view_open(struct view_driver *driver, struct tui *ui, struct store *store,
			      const char *query, struct error *error)
{
	struct search_arguments arguments = {ui, store, query};
	return view_open(driver, &search_ops, &arguments, error);
}
