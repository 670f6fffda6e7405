/* pager.c — the pager view. */
#include "tui/pager.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "base/buffer.h"
#include "base/i18n.h"
#include "tui/draw.h"

struct pager {
	char *title;
	struct pager_line *lines; /* their text in `text` */
	size_t count;
	struct buffer text;
	int close_key;
	size_t top;
};

struct pager_arguments {
	const char *title;
	const struct pager_line *lines;
	size_t count;
	int close_key;
};

static int body_rows(void)
{
	return LINES > 2 ? LINES - 2 : 1;
}

static int pager_open_state(struct view *view, const void *arguments, struct error *error)
{
	(void)error;
	const struct pager_arguments *given = arguments;
	struct pager *pager = view->state;
	pager->title = xstrdup(given->title);
	pager->count = given->count;
	pager->close_key = given->close_key;
	pager->lines = xcalloc(given->count ? given->count : 1, sizeof *pager->lines);
	size_t *offsets = xcalloc(given->count ? given->count : 1, sizeof *offsets);
	for (size_t i = 0; i < given->count; i++) {
		offsets[i] = pager->text.length;
		buffer_append(&pager->text, given->lines[i].text, given->lines[i].length);
	}
	for (size_t i = 0; i < given->count; i++)
		pager->lines[i] = (struct pager_line){
		    pager->text.data + offsets[i], given->lines[i].length, given->lines[i].element};
	free(offsets);
	return 0;
}

static void pager_draw(struct view *view)
{
	const struct pager *pager = view->state;
	int rows = LINES, columns = COLS;
	int body = body_rows();
	erase();
	draw_fill(stdscr, 0, 0, columns, ' ', colors_attr(ELEMENT_STATUS));
	draw_text(stdscr, 0, 1, pager->title, strlen(pager->title), columns - 2,
		  colors_attr(ELEMENT_STATUS));
	for (int row = 0; row < body && pager->top + (size_t)row < pager->count; row++) {
		const struct pager_line *line = &pager->lines[pager->top + (size_t)row];
		draw_text(stdscr, row + 1, 1, line->text, line->length, columns - 2,
			  colors_attr(line->element));
	}
	if (rows > 2) {
		const char *hint = _("q: close   j/k, Space/b: scroll");
		draw_fill(stdscr, rows - 1, 0, columns, ' ', colors_attr(ELEMENT_STATUS));
		draw_text(stdscr, rows - 1, 1, hint, strlen(hint), columns - 2,
			  colors_attr(ELEMENT_STATUS));
	}
}

static enum view_result pager_key(struct view *view, const struct view_key *key)
{
	struct pager *pager = view->state;
	size_t body = (size_t)body_rows();
	size_t last_top = pager->count > body ? pager->count - body : 0;
	switch (view_key_request(key, PANE_PAGER)) {
	case REQUEST_PAGER_DOWN:
		if (pager->top < last_top)
			pager->top++;
		break;
	case REQUEST_PAGER_UP:
		if (pager->top > 0)
			pager->top--;
		break;
	case REQUEST_PAGER_PAGE_DOWN:
		pager->top = pager->top + body < last_top ? pager->top + body : last_top;
		break;
	case REQUEST_PAGER_PAGE_UP:
		pager->top = pager->top > body ? pager->top - body : 0;
		break;
	case REQUEST_PAGER_FIRST:
		pager->top = 0;
		break;
	case REQUEST_PAGER_LAST:
		pager->top = last_top;
		break;
	case REQUEST_PAGER_CLOSE:
		return VIEW_CLOSE;
	default:
		if (view_key_code(key) == pager->close_key)
			return VIEW_CLOSE;
	}
	return VIEW_HANDLED;
}

static void pager_close(struct view *view)
{
	struct pager *pager = view->state;
	free(pager->title);
	free(pager->lines);
	buffer_free(&pager->text);
}

static const struct view_ops pager_ops = {
    .name = "pager",
    .state_size = sizeof(struct pager),
    .open = pager_open_state,
    .draw = pager_draw,
    .key = pager_key,
    .close = pager_close,
};

struct view *pager_open(struct view_driver *driver, const char *title,
			const struct pager_line *lines, size_t count, int close_key,
			struct error *error)
{
	struct pager_arguments arguments = {title, lines, count, close_key};
	return view_open(driver, &pager_ops, &arguments, error);
}
