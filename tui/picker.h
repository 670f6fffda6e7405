/* picker.h — the theme picker: a box listing every theme with its key and
 * colour, for choosing several at once (t tags, f filters, t in the export
 * dialog).
 *
 * Space or a theme's key flips a theme, Enter applies, Esc or q cancels,
 * n asks for a new theme (name, key, colour) and adds it to the library. */
#ifndef PIZHU_TUI_PICKER_H
#define PIZHU_TUI_PICKER_H

#include "tui/model/paragraph_marks.h"
#include "tui/view.h"

/* Gets the themes checked when the user applies; not called when the
 * picker is cancelled. */
typedef void picker_done(void *context, theme_set chosen);

/* Opens the picker over the stack with `chosen` checked at the start.
 * Themes added with n go into `annotations`; what happened to them (a theme
 * that could not be added) goes to `message`. `annotations`, `message` and
 * `context` belong to the opener, which stays below the picker. */
struct view *picker_open(struct view_driver *driver, struct paragraph_marks *annotations,
			 const char *title, theme_set chosen, picker_done *done, void *context,
			 char *message, size_t message_size);

#endif
