/* prompt.h — dialogs on the bottom row: a one-line prompt (/ search,
 * : go to, f filter …) and a yes/no question.
 *
 * The prompt reads wide characters, so a Chinese input method works;
 * Backspace deletes a whole character, Ctrl-U clears, Enter accepts, Esc
 * or Ctrl-C cancels (keys from the command table's prompt pane). Both are
 * views drawn over the view that opened them, and hand the answer back
 * through a callback once closed. */
#ifndef PIZHU_TUI_PROMPT_H
#define PIZHU_TUI_PROMPT_H

#include <stddef.h>

#include "tui/view.h"

/* Gets the answer (a new UTF-8 string the callee frees), or NULL when the
 * prompt was cancelled. `context` is the opener's. */
typedef void prompt_done(void *context, char *answer);

/* Asks with `label` ("/", ":"), the answer starting as `initial` (or
 * empty). */
struct view *prompt_open(struct view_driver *driver, const char *label, const char *initial,
			 prompt_done *done, void *context);

/* Gets 1 for yes (y), 0 for any other key. */
typedef void question_done(void *context, int yes);

/* Asks a yes/no question. With `question`, it is shown on the bottom row;
 * with NULL the opener shows it (in its status line). */
struct view *question_open(struct view_driver *driver, const char *question, question_done *done,
			   void *context);

#endif
