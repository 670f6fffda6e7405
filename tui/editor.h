/* editor.h — the note editor: a box over the lower part of the screen for
 * writing a paragraph's note.
 *
 * Multi-line, wide characters through get_wch (so a Chinese input method
 * works); arrows, Home and End move; Backspace deletes the character before
 * the cursor and Delete the one under it; Enter starts a new line; Ctrl-S
 * saves; Esc cancels, asking first when the text changed (keys from the
 * command table's editor pane). */
#ifndef PIZHU_TUI_EDITOR_H
#define PIZHU_TUI_EDITOR_H

#include <stddef.h>

#include "tui/view.h"

/* Gets the text saved (a new UTF-8 string the callee frees; empty to clear
 * the note); not called when the editor is cancelled. */
typedef void editor_done(void *context, char *text);

/* Opens the editor over the stack on `text` (UTF-8, may be NULL). */
struct view *editor_open(struct view_driver *driver, const char *title, const char *text,
			 editor_done *done, void *context);

#endif
