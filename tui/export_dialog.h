/* export_dialog.h — the reader's export dialog (E): which themes, this
 * speech or every speech, the format, and the file, then one export
 * through export/run.h. */
#ifndef PIZHU_TUI_EXPORT_DIALOG_H
#define PIZHU_TUI_EXPORT_DIALOG_H

#include <stddef.h>

#include "tui/model/paragraph_marks.h"
#include "tui/view.h"

/* Opens the dialog over the stack; `themes` is the starting choice (0:
 * every theme). Once it exported, it leaves what happened in the opener's
 * `message`, and sets *message_is_error on failure. */
struct view *export_dialog_open(struct view_driver *driver, struct paragraph_marks *annotations,
				theme_set themes, char *message, size_t message_size,
				int *message_is_error);

#endif
