/* app.h — the reader's state shared by its loop (app.c) and its
 * annotation commands (annotate.c). Private to tui/. */
#ifndef PIZHU_TUI_APP_H
#define PIZHU_TUI_APP_H

#include <signal.h>
#include <time.h>

#include "speech/speech.h"
#include "tui/annotations.h"
#include "tui/outline_pane.h"
#include "tui/reader.h"
#include "tui/request.h"
#include "tui/tui.h"

struct app {
	const struct speech *speech;
	struct tui *ui;
	struct annotations annotations;
	struct reader reader;
	struct outline_pane outline;
	int outline_shown; /* the user wants it (o) */
	int outline_width; /* 0 when hidden now */
	int focus_outline; /* Tab */
	int too_small;
	long count;		      /* digits typed in a row */
	size_t count_actions;	      /* tag actions those digits made */
	struct timespec last_digit;   /* when the last of them came */
	struct timespec last_refresh; /* when annotate_refresh last asked the store */
	char message[256];
	int message_is_error;
	/* What the outline pane showed when last drawn (valid), and whether
	 * nothing but moving through the text has happened since: it is then
	 * left as it is on the screen when it would show the same (a page
	 * turn redrew it whole, a tenth of the page's time). */
	struct outline_look {
		size_t top, current, selected;
		int focused, width, rows;
	} outline_drawn;
	int outline_drawn_valid;
	int only_moved;
	volatile sig_atomic_t *stop;	 /* set by a signal */
	const struct tui_import *import; /* while the speech is being imported */
	struct speech *newer;		 /* a newer version followed to, owned here */
};

void app_message(struct app *app, int is_error, const char *format, ...)
    __attribute__((format(printf, 3, 4)));

/* Draws the whole screen. */
void app_draw(struct app *app);

/* A digit key in the reading pane: tags with the theme of that key at
 * once, and counts toward NG. */
void annotate_digit(struct app *app, int digit);

/* G right after digits: goes to that paragraph, undoing the tags the
 * digits made. Returns 1 when it did, 0 when G means the end. */
int annotate_count_goto(struct app *app);

/* Forgets the digits typed so far. */
void annotate_count_reset(struct app *app);

/* Handles the tagging, note, filter, suggestion and copy requests; returns
 * 0 for any other request. */
int annotate_request(struct app *app, enum request request);

/* Loads annotations again when another pizhu changed the library; asks
 * the store at most every REFRESH_MILLISECONDS. Returns 1 when anything
 * changed (or could not be checked), else 0. */
int annotate_refresh(struct app *app);

#endif
