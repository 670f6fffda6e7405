/* screen.h — the terminal while pizhu's full-screen views run: what
 * tui_start set up and tui_stop undoes. Private to tui/. */
#ifndef PIZHU_TUI_SCREEN_H
#define PIZHU_TUI_SCREEN_H

#include <curses.h>
#include <signal.h>

#include "tui/tui.h"

struct tui {
	SCREEN *screen;
	struct sigaction saved[3]; /* SIGINT, SIGTERM, SIGHUP as they were */
	struct tui_options options;
};

/* The signal (SIGINT, SIGTERM, SIGHUP) that asked pizhu to stop, or 0;
 * every view's loop ends when it is set. */
extern volatile sig_atomic_t tui_stop_signal;

#endif
