/* status.h — the status line: the speech title, the breadcrumb of the
 * section the cursor is in (一、… › （二）…), the paragraph N/M with its
 * percentage, and a message when there is one. */
#ifndef PIZHU_TUI_STATUS_H
#define PIZHU_TUI_STATUS_H

#include <curses.h>
#include <stddef.h>

#include "base/buffer.h"
#include "speech/speech.h"
#include "tui/model/paragraph_marks.h"

/* Appends the labels of the sections that contain the paragraph, outermost
 * first, each cut to `label_columns` columns, joined by " › ". */
void status_breadcrumb(const struct speech *speech, size_t paragraph, int label_columns,
		       struct buffer *out);

/* Draws the status line on row y: title and breadcrumb (or a message,
 * which replaces them), the themes of the paragraph, its number. */
void status_draw(WINDOW *window, int y, int width, const struct paragraph_marks *annotations,
		 size_t paragraph, const char *message, int message_is_error);

#endif
