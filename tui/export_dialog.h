/* export_dialog.h — the reader's export dialog (E): which themes, this
 * speech or every speech, the format, and the file, then one export
 * through export/run.h. */
#ifndef PIZHU_TUI_EXPORT_DIALOG_H
#define PIZHU_TUI_EXPORT_DIALOG_H

#include <stddef.h>

#include "tui/annotations.h"

/* Runs the dialog; `themes` is the starting choice (0: every theme). Leaves
 * what happened in `message` and returns 1 when it wrote a file, 0 when
 * cancelled, -1 on failure. */
int export_dialog_run(struct annotations *annotations, theme_set themes, char *message,
		      size_t message_size, volatile const int *stop);

#endif
