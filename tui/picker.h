/* picker.h — the theme picker: a box listing every theme with its key and
 * colour, for choosing several at once (t tags, f filters).
 *
 * Space or a theme's key flips a theme, Enter applies, Esc or q cancels,
 * n asks for a new theme (name, key, colour) and adds it to the library. */
#ifndef PIZHU_TUI_PICKER_H
#define PIZHU_TUI_PICKER_H

#include "tui/annotations.h"

enum picker_result {
	PICKER_CANCELLED,
	PICKER_APPLIED,
};

/* Shows the picker over the screen with `chosen` checked at the start;
 * on PICKER_APPLIED *chosen holds the themes checked. Themes added with n
 * are in `annotations` afterwards. Messages (a theme that could not be
 * added) go to `message`. */
enum picker_result picker_run(struct annotations *annotations, const char *title, theme_set *chosen,
			      char *message, size_t message_size, volatile const int *stop);

#endif
