/* pager.h — a full-screen overlay that shows lines of text (the help
 * screen, the front matter) until q, Esc or the key that opened it. */
#ifndef PIZHU_TUI_PAGER_H
#define PIZHU_TUI_PAGER_H

#include <stddef.h>

#include "tui/colors.h"

struct pager_line {
	const char *text;
	size_t length;
	enum element element;
};

/* Shows the lines under a title; j/k, Space/b and g/G scroll. Returns when
 * closed, or when `stop` becomes non-zero (a signal). */
void pager_show(const char *title, const struct pager_line *lines, size_t count, int close_key,
		volatile const int *stop);

#endif
