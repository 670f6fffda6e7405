/* pager.h — a full-screen view that shows lines of text (the help screen,
 * the front matter, the files an import could not read) until q, Esc or
 * the key that opened it. */
#ifndef PIZHU_TUI_PAGER_H
#define PIZHU_TUI_PAGER_H

#include <stddef.h>

#include "tui/colors.h"
#include "tui/view.h"

struct pager_line {
	const char *text;
	size_t length;
	enum element element;
};

/* Opens the pager over the stack with the lines (copied) under a title;
 * j/k, Space/b and g/G scroll. */
struct view *pager_open(struct view_driver *driver, const char *title,
			const struct pager_line *lines, size_t count, int close_key,
			struct error *error);

#endif
