/* editor.h — the note editor: a box over the lower part of the screen for
 * writing a paragraph's note.
 *
 * Multi-line, wide characters through get_wch (so a Chinese input method
 * works); arrows, Home and End move; Backspace deletes the character before
 * the cursor and Delete the one under it; Enter starts a new line; Ctrl-S
 * saves; Esc cancels, asking first when the text changed. */
#ifndef PIZHU_TUI_EDITOR_H
#define PIZHU_TUI_EDITOR_H

#include <stddef.h>

/* Edits `text` (UTF-8, may be NULL) under `title`. Returns a new UTF-8
 * string when saved (empty to clear the note), or NULL when cancelled. */
char *editor_run(const char *title, const char *text, volatile const int *stop);

#endif
