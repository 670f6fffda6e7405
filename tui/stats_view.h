/* stats_view.h — the reader's statistics of the open speech: per theme the
 * tagged paragraphs, their share of the speech and a bar, then the themes
 * that share paragraphs (the figures of pizhu stats --speech ID). */
#ifndef PIZHU_TUI_STATS_VIEW_H
#define PIZHU_TUI_STATS_VIEW_H

#include "tui/model/paragraph_marks.h"
#include "tui/view.h"

/* Opens the figures over the stack (any key closes them); NULL with a
 * message when they cannot be read. */
struct view *stats_view_open(struct view_driver *driver, const struct paragraph_marks *annotations,
			     struct error *error);

#endif
