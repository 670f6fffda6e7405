/* view.h — the view layer: every screen and dialog of the terminal
 * interface is a view, a state struct behind a small table of operations
 * (as tig's struct view_ops), kept on one stack that one driver loop runs.
 *
 * The driver owns the input (one wait for a key, with a timeout, so that
 * signals and background work are seen without a key; the screen is drawn
 * after a key, a resize or a poll that changed something), resizing, the
 * polling of the library for other writers (at most every
 * VIEW_POLL_MILLISECONDS) and the stack. A view never runs a loop of its
 * own and never calls another view: it pushes one (view_open) and the
 * driver runs it; the view closes by answering a key with VIEW_CLOSE, and
 * the view below is shown again (its reveal operation). A dialog hands its
 * answer back through a callback its opener gave, the opener being below
 * it on the stack and so still there.
 *
 * A key goes to the view on top. An answer of VIEW_IGNORED passes it to
 * the view below while the top is an overlay (a dialog drawn over that
 * view), and then to the global keys (help, redraw). Opening a view that
 * is already on the stack (the same speech, as ops->same says) goes back to
 * it, closing what lies above: the stack cannot grow by going round in
 * circles. */
#ifndef PIZHU_TUI_VIEW_H
#define PIZHU_TUI_VIEW_H

#include <stddef.h>
#include <wchar.h>

#include "base/error.h"
#include "tui/request.h"

enum { VIEW_POLL_MILLISECONDS = 200 };

/* What a view did with a key (as htop's HandlerResult). */
enum view_result {
	VIEW_HANDLED, /* done; the screen is drawn again */
	VIEW_IGNORED, /* not this view's key: offer it further */
	VIEW_CLOSE,   /* done, and this view closes */
};

/* A key as get_wch gave it: a character (kind OK) or a function key
 * (kind KEY_CODE_YES: arrows, KEY_RESIZE, KEY_MOUSE). */
struct view_key {
	int kind;
	wint_t code;
};

/* The key as the command table names it (a function key's code, a
 * character below 0x80), or -1 for any other character (Chinese, which
 * no command takes). */
int view_key_code(const struct view_key *key);

/* The request a key makes in a pane (the user's bindings first). */
enum request view_key_request(const struct view_key *key, enum request_pane pane);

struct view_driver;

struct view {
	const struct view_ops *ops;
	struct view_driver *driver;
	void *state; /* ops->state_size bytes, zeroed before open */
	int painted; /* drawn at least once */
};

struct view_ops {
	const char *name;
	size_t state_size;
	/* Drawn over the view below, which is drawn first. */
	int overlay;
	/* Shows the terminal's cursor (where draw leaves it). */
	int cursor;
	/* Sets up the state from `arguments` (a struct each view defines);
	 * -1 with a message refuses to open. */
	int (*open)(struct view *view, const void *arguments, struct error *error);
	/* Whether `arguments` would open what this view already shows. */
	int (*same)(const struct view *view, const void *arguments);
	/* Gone back to as the view `arguments` asked for (after same). */
	void (*reopen)(struct view *view, const void *arguments);
	/* Draws on stdscr without refreshing; the driver writes the screen
	 * out once, after every view that shows has drawn. */
	void (*draw)(struct view *view);
	/* Called once, after the first time the view reached the screen. */
	void (*painted)(struct view *view);
	enum view_result (*key)(struct view *view, const struct view_key *key);
	/* The view on top, after each wait for a key (whether one came or
	 * not): follow background work; `library_due` is 1 when it is time
	 * to ask the library whether another program changed it. Returns 1
	 * when what the view shows changed: a wait that ended without a key
	 * draws the screen again only then, so an idle screen costs nothing. */
	int (*poll)(struct view *view, int library_due);
	/* The terminal changed size (every view on the stack is told). */
	void (*resize)(struct view *view);
	/* On top again after the views above it closed. Unless they were
	 * only a dialog over it (`after_overlay`), they may have changed the
	 * library through this same connection, which data_version does not
	 * count. */
	void (*reveal)(struct view *view, int after_overlay);
	/* Frees the state (and keeps what must be kept, such as the reading
	 * position). */
	void (*close)(struct view *view);
};

/* Opens a view on top of the stack (or goes back to the same one). Returns
 * the view, or NULL with a message when it could not open. */
struct view *view_open(struct view_driver *driver, const struct view_ops *ops,
		       const void *arguments, struct error *error);

/* Takes a view off the stack from wherever it is (a dialog's answer can
 * close the view that asked); it is closed once the key is handled. */
void view_close(struct view *view);

/* Ends the driver with an error (a view that cannot go on). */
void view_fail(struct view *view, const struct error *error);

/* Runs a stack that starts with one view until the last view closes, a
 * signal comes, or a view fails (-1 with its message). */
int view_run(const struct view_ops *ops, const void *arguments, struct error *error);

/* Drops the keys typed ahead, waiting to be read; returns 1 when there
 * were some. For a view whose answer to a key took long (a write that
 * waited for another program's lock): keys typed meanwhile were typed at
 * a screen that did not show the outcome, and must not act on it. */
int view_drop_typeahead(void);

/* The view under `view` on the stack, or NULL. */
struct view *view_below(const struct view *view);

#endif
