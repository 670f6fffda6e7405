/* prompt.h — a one-line prompt on the bottom row (/ search, : go to).
 *
 * Reads wide characters with get_wch, so a Chinese input method works;
 * Backspace deletes a whole character, Ctrl-U clears, Enter accepts, Esc
 * or Ctrl-C cancels. */
#ifndef PIZHU_TUI_PROMPT_H
#define PIZHU_TUI_PROMPT_H

#include <curses.h>
#include <stddef.h>

/* Asks on row y of the window with `label` ("/", ":"), the answer starting
 * as `initial` (or empty). Returns a new UTF-8 string (the caller frees
 * it), or NULL when cancelled. `resized` is set when the terminal was
 * resized meanwhile. */
char *prompt_read(WINDOW *window, int y, int width, const char *label, const char *initial,
		  int *resized);

#endif
