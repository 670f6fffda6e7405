/* stats_view.h — the reader's statistics of the open speech: per theme the
 * tagged paragraphs, their share of the speech and a bar, then the themes
 * that share paragraphs (the figures of pizhu stats --speech ID). */
#ifndef PIZHU_TUI_STATS_VIEW_H
#define PIZHU_TUI_STATS_VIEW_H

#include "tui/annotations.h"

/* Shows the view until a key closes it; returns -1 with a message when the
 * figures cannot be read. */
int stats_view_run(const struct annotations *annotations, volatile const int *stop,
		   struct error *error);

#endif
