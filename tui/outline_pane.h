/* outline_pane.h — the outline pane: the title and the heading tree, with
 * entries that collapse and expand, a selection when it has focus, the
 * section the reader is in highlighted, and per entry how many paragraphs
 * of its section carry each theme. */
#ifndef PIZHU_TUI_OUTLINE_PANE_H
#define PIZHU_TUI_OUTLINE_PANE_H

#include <curses.h>
#include <stddef.h>

#include "speech/speech.h"
#include "tui/model/paragraph_marks.h"
#include "tui/request.h"

struct outline_pane {
	const struct speech *speech;
	const struct paragraph_marks *annotations; /* for the theme counts */
	unsigned char *collapsed;		   /* per entry */
	size_t *subtree_end;			   /* per entry: one past its last descendant */
	size_t selected;			   /* entry under the selection */
	size_t top;				   /* first entry drawn */
	size_t current;				   /* entry of the reader's section, as shown */
	int height;				   /* rows, set by the caller before drawing */
};

void outline_pane_init(struct outline_pane *pane, const struct speech *speech,
		       const struct paragraph_marks *annotations);
void outline_pane_free(struct outline_pane *pane);

/* Marks the entry of the section the reader is in (shown as the nearest
 * visible ancestor when collapsed) and, unless the pane has focus, moves
 * the selection there. */
void outline_pane_follow(struct outline_pane *pane, size_t section, int focused);

/* Handles a request; returns 1 when it changed something to draw. Sets
 * *jump to the paragraph to show for OUTLINE_JUMP, else leaves it. */
int outline_pane_request(struct outline_pane *pane, enum request request, size_t *jump);

/* Selects the entry drawn at a row (a mouse click); 0 when none is. */
int outline_pane_select_row(struct outline_pane *pane, int row);

/* Scrolls the pane by lines (mouse wheel). */
void outline_pane_scroll(struct outline_pane *pane, int lines);

/* Draws the pane on a window erased beforehand. */
void outline_pane_draw(struct outline_pane *pane, WINDOW *window, int y, int x, int width,
		       int height, int focused);

#endif
