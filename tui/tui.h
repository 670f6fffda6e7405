/* tui.h — pizhu's full-screen views: the reader (the outline pane, the
 * reading pane and the status line over one speech) and the library.
 *
 * The caller loads the speech; the views read and write annotations and
 * reading positions through the store. The terminal is restored on every
 * way out: quit, error, and the signals SIGINT, SIGTERM and SIGHUP. */
#ifndef PIZHU_TUI_TUI_H
#define PIZHU_TUI_TUI_H

#include <stddef.h>
#include <stdint.h>

#include "base/error.h"
#include "speech/speech.h"
#include "store/store.h"

struct tui_options {
	int max_columns;    /* readable text width (--width), in columns */
	int ambiguous_wide; /* “ ” … — take two columns */
	int use_color;	    /* 0 with NO_COLOR */
};

/* Checks that the reader can run here: standard input and output are a
 * terminal, the locale can be UTF-8, the terminal type is known and can
 * position the cursor. */
int tui_check_terminal(struct error *error);

/* A speech still being read and imported when the reader opens it: the
 * reader shows what it was given (the beginning) at once, takes the whole
 * speech when it is parsed, and turns tags and notes on once the speech is
 * in the library. */
struct tui_import {
	/* 0 while running; 1 when in the library, with its id; -1 on failure. */
	int (*poll)(void *context, int64_t *id, struct error *error);
	/* The whole speech once parsed, else NULL; it must stay valid until
	 * the reader returns. */
	const struct speech *(*speech)(void *context);
	/* Called once the reader has opened the library (tui_reading.
	 * open_library): the import's transaction waits for that, so that the
	 * reader's own start (bringing theme files in) is not kept waiting
	 * behind it. */
	void (*library_opened)(void *context);
	void *context;
};

/* The terminal set up for pizhu's views. */
struct tui;

/* Takes over the terminal, once tui_check_terminal has said it can (curses
 * would exit on a terminal it does not know; the check, which reads the
 * terminal's description, is not made twice): curses, colours,
 * mouse, no flow control, SIGINT, SIGTERM and SIGHUP caught so that the
 * views end and tui_stop can restore the terminal, and the out-of-memory
 * hook (base/buffer.h) set to restore it until tui_stop. */
int tui_start(const struct tui_options *options, struct tui **ui, struct error *error);

/* Gives the terminal back as it was. Returns the signal that stopped pizhu
 * (the caller then dies of it, as a shell expects), or 0. */
int tui_stop(struct tui *ui);

/* Whether curses owns the terminal now (a progress line on stderr would
 * draw over the screen), and whether a signal asked pizhu to stop: for
 * code outside tui/ that reports on a long task. */
int tui_owns_terminal(void);
int tui_stop_requested(void);

/* How to open a speech in the reader. */
struct tui_reading {
	int64_t document_id;		 /* 0 while `import` brings the speech in */
	const struct tui_import *import; /* or NULL */
	long cited;			 /* the paragraph to open at, or -1 */
	const char *message;		 /* for the status line at first, or NULL */
	const char *search;		 /* a search to highlight and go on with (n), or NULL */
	/* When tui_read_speech is given no store: opens the library right
	 * after the first paint, into *library (the caller closes it), so a
	 * large new file shows before the library is even opened. A warning
	 * goes to the status line; a failure ends the reader with it. */
	int (*open_library)(struct store **store, struct error *warning, struct error *error);
	struct store **library;
	/* When the store was opened without the theme files: brings them
	 * in after the first paint (a warning goes to the status line, a
	 * failure ends the reader with it), or NULL. */
	int (*sync_themes)(struct store *store, struct error *warning, struct error *error);
};

/* Runs the reader on a library speech until the user quits (or a signal
 * comes); tags and notes are read from and saved to the store as the user
 * works, and the cursor and folds are restored at the start and kept at
 * the end. `store` is NULL only with reading->open_library. */
int tui_read_speech(struct tui *ui, struct store *store, const struct speech *speech,
		    const struct tui_reading *reading, struct error *error);

/* The library view: every speech with its date, speaker, tags and
 * progress, sorted and filtered; Enter reads one, / searches them all, i
 * imports, e edits metadata, d removes (u brings back until pizhu ends).
 * Runs until the user quits or a signal comes. */
int tui_library(struct tui *ui, struct store *store, struct error *error);

#endif
