/* tui.h — the full-screen reader: the outline pane, the reading pane and
 * the status line over one speech.
 *
 * The caller loads the speech and keeps what should last (the store); the
 * reader gets the position to start from and hands back where the reader
 * left off. The terminal is restored on every way out: quit, error, and the
 * signals SIGINT, SIGTERM and SIGHUP. */
#ifndef PIZHU_TUI_TUI_H
#define PIZHU_TUI_TUI_H

#include <stddef.h>
#include <stdint.h>

#include "base/error.h"
#include "speech/speech.h"
#include "store/store.h"

struct tui_options {
	int max_columns;     /* readable text width (--width), in columns */
	int ambiguous_wide;  /* “ ” … — take two columns */
	int use_color;	     /* 0 with NO_COLOR */
	const char *message; /* shown on the status line at the start, or NULL */
};

struct reading_position {
	size_t paragraph;
	size_t *folded; /* heading paragraphs whose sections are folded */
	size_t folded_count;
};

/* Checks that the reader can run here: standard input and output are a
 * terminal, the locale can be UTF-8, the terminal type is known and can
 * position the cursor. */
int tui_check_terminal(struct error *error);

/* A speech that is still being imported when the reader opens it: the
 * reader shows it at once and polls; tags and notes work once it is done. */
struct tui_import {
	/* 0 while running; 1 when done, with the speech's id; -1 on failure. */
	int (*poll)(void *context, int64_t *id, struct error *error);
	void *context;
};

/* Runs the reader on a library speech until the user quits; tags and notes
 * are read from and saved to the store as the user works. document_id is 0
 * while `import` (else NULL) brings the speech in. `position` is read at
 * the start and written at the end (the caller frees `folded`). Returns 0
 * after a quit, the signal number when a signal ended it, -1 with a
 * message on error. */
int tui_read(const struct tui_options *options, struct store *store, int64_t document_id,
	     const struct tui_import *import, const struct speech *speech,
	     struct reading_position *position, struct error *error);

#endif
