/* view.c — the driver: the view stack and the one loop that waits for
 * keys and hands them out. */
#include "tui/view.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/buffer.h"
#include "tui/help.h"
#include "tui/screen.h"

struct view_driver {
	struct view **stack;
	size_t depth, capacity;
	/* Views taken off the stack while a key was being handled: freed
	 * once the handler has returned, since it may be one of them. */
	struct view **closed;
	size_t closed_count, closed_capacity;
	struct timespec last_poll; /* when the library was last asked */
	int cursor_shown;
	int failed;
	struct error error;
};

int view_key_code(const struct view_key *key)
{
	if (key->kind == KEY_CODE_YES)
		return (int)key->code;
	return key->code < 0x80 ? (int)key->code : -1;
}

enum request view_key_request(const struct view_key *key, enum request_pane pane)
{
	int code = view_key_code(key);
	return code < 0 ? REQUEST_NONE : request_for_key(pane, code);
}

static size_t position_of(const struct view_driver *driver, const struct view *view)
{
	for (size_t i = 0; i < driver->depth; i++)
		if (driver->stack[i] == view)
			return i;
	return (size_t)-1;
}

struct view *view_below(const struct view *view)
{
	size_t position = position_of(view->driver, view);
	return position != (size_t)-1 && position > 0 ? view->driver->stack[position - 1] : NULL;
}

/* Takes a view off the stack; it is closed and freed after the key. */
static void take_off(struct view_driver *driver, size_t position)
{
	struct view *view = driver->stack[position];
	memmove(driver->stack + position, driver->stack + position + 1,
		(driver->depth - position - 1) * sizeof *driver->stack);
	driver->depth--;
	driver->closed = xgrow(driver->closed, &driver->closed_capacity, driver->closed_count + 1,
			       sizeof *driver->closed);
	driver->closed[driver->closed_count++] = view;
}

static void free_closed(struct view_driver *driver)
{
	/* In the order taken off: from the top down, so a dialog closes
	 * before the view that opened it. */
	for (size_t i = 0; i < driver->closed_count; i++) {
		struct view *view = driver->closed[i];
		if (view->ops->close)
			view->ops->close(view);
		free(view->state);
		free(view);
	}
	driver->closed_count = 0;
}

static struct view *top(const struct view_driver *driver)
{
	return driver->depth ? driver->stack[driver->depth - 1] : NULL;
}

static void reveal(struct view_driver *driver, int after_overlay)
{
	struct view *view = top(driver);
	if (view && view->ops->reveal)
		view->ops->reveal(view, after_overlay);
}

struct view *view_open(struct view_driver *driver, const struct view_ops *ops,
		       const void *arguments, struct error *error)
{
	for (size_t i = driver->depth; ops->same && i-- > 0;) {
		struct view *view = driver->stack[i];
		if (view->ops != ops || !ops->same(view, arguments))
			continue;
		while (driver->depth > i + 1)
			take_off(driver, driver->depth - 1);
		reveal(driver, 0);
		if (ops->reopen)
			ops->reopen(view, arguments);
		return view;
	}
	struct view *view = xcalloc(1, sizeof *view);
	view->ops = ops;
	view->driver = driver;
	view->state = xcalloc(1, ops->state_size ? ops->state_size : 1);
	if (ops->open && ops->open(view, arguments, error) != 0) {
		free(view->state);
		free(view);
		return NULL;
	}
	driver->stack =
	    xgrow(driver->stack, &driver->capacity, driver->depth + 1, sizeof *driver->stack);
	driver->stack[driver->depth++] = view;
	return view;
}

static void close_at(struct view_driver *driver, size_t position)
{
	struct view *view = driver->stack[position];
	int was_top = position == driver->depth - 1;
	take_off(driver, position);
	if (was_top)
		reveal(driver, view->ops->overlay);
}

void view_close(struct view *view)
{
	size_t position = position_of(view->driver, view);
	if (position != (size_t)-1)
		close_at(view->driver, position);
}

void view_fail(struct view *view, const struct error *error)
{
	view->driver->failed = 1;
	view->driver->error = *error;
}

/* Draws the top view and the views it is drawn over, then writes the
 * screen out once. Returns 1 when a view reached the screen for the first
 * time (its painted operation may have changed what it shows). */
static int draw(struct view_driver *driver)
{
	size_t first = driver->depth - 1;
	while (first > 0 && driver->stack[first]->ops->overlay)
		first--;
	for (size_t i = first; i < driver->depth; i++)
		driver->stack[i]->ops->draw(driver->stack[i]);
	int cursor = top(driver)->ops->cursor;
	if (cursor != driver->cursor_shown) {
		curs_set(cursor);
		driver->cursor_shown = cursor;
	}
	refresh();
	int first_paint = 0;
	for (size_t i = first; i < driver->depth; i++) {
		struct view *view = driver->stack[i];
		if (!view->painted) {
			view->painted = first_paint = 1;
			if (view->ops->painted)
				view->ops->painted(view);
		}
	}
	return first_paint;
}

static int library_due(struct view_driver *driver)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	long since = (now.tv_sec - driver->last_poll.tv_sec) * 1000 +
		     (now.tv_nsec - driver->last_poll.tv_nsec) / 1000000;
	if (since >= 0 && since < VIEW_POLL_MILLISECONDS)
		return 0;
	driver->last_poll = now;
	return 1;
}

/* The keys no view took. */
static void global_key(struct view_driver *driver, const struct view_key *key)
{
	switch (view_key_request(key, PANE_GLOBAL)) {
	case REQUEST_HELP: {
		struct error error;
		help_open(driver, &error);
		break;
	}
	case REQUEST_REDRAW:
		clearok(curscr, TRUE);
		break;
	default:
		break;
	}
}

static void dispatch(struct view_driver *driver, const struct view_key *key)
{
	for (size_t i = driver->depth; i-- > 0;) {
		struct view *view = driver->stack[i];
		enum view_result result = view->ops->key(view, key);
		if (result == VIEW_CLOSE) {
			view_close(view);
			return;
		}
		if (result == VIEW_HANDLED)
			return;
		if (!view->ops->overlay)
			break;
	}
	global_key(driver, key);
}

int view_drop_typeahead(void)
{
	int delay = wgetdelay(stdscr);
	timeout(0);
	wint_t code;
	int kind = get_wch(&code);
	timeout(delay);
	if (kind == ERR)
		return 0;
	flushinp();
	return 1;
}

int view_run(const struct view_ops *ops, const void *arguments, struct error *error)
{
	struct view_driver driver = {.cursor_shown = 0};
	curs_set(0);
	if (!view_open(&driver, ops, arguments, error))
		return -1;
	int changed = 1; /* since the screen was last drawn */
	while (driver.depth > 0 && !driver.failed) {
		int first_paint = changed ? draw(&driver) : 0;
		changed = 1;
		if (driver.failed || tui_stop_signal)
			break;
		if (first_paint)
			continue;
		struct view_key key;
		key.kind = get_wch(&key.code);
		if (tui_stop_signal)
			break;
		struct view *view = top(&driver);
		int polled = view->ops->poll && view->ops->poll(view, library_due(&driver));
		if (key.kind == ERR) {
			/* No key: the same screen, unless background work or
			 * another program changed what it shows. */
			changed = polled;
			continue;
		}
		if (key.kind == KEY_CODE_YES && key.code == KEY_RESIZE) {
			for (size_t i = 0; i < driver.depth; i++)
				if (driver.stack[i]->ops->resize)
					driver.stack[i]->ops->resize(driver.stack[i]);
			continue;
		}
		dispatch(&driver, &key);
		free_closed(&driver);
	}
	while (driver.depth > 0)
		take_off(&driver, driver.depth - 1);
	free_closed(&driver);
	free(driver.stack);
	free(driver.closed);
	if (driver.failed) {
		*error = driver.error;
		return -1;
	}
	return 0;
}
