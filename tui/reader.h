/* reader.h — the reading pane: paragraphs wrapped to a readable width,
 * headings by rank, a cursor paragraph, folds, and search matches.
 *
 * Scrolling keeps its place as (first paragraph drawn, line within that
 * paragraph's block), so every step lays out only the paragraphs it passes
 * over: the work per key is proportional to the screen, not the speech. */
#ifndef PIZHU_TUI_READER_H
#define PIZHU_TUI_READER_H

#include <curses.h>
#include <stddef.h>

#include "speech/speech.h"
#include "tui/model/layout_cache.h"
#include "tui/request.h"
#include "tui/model/visible.h"

/* Columns left of the text: the cursor mark, theme marks, the note mark
 * and a space. */
enum { READER_GUTTER = 7, READER_MARK_COLUMNS = 4 };

struct reader {
	const struct speech *speech;
	struct paragraph_marks *annotations;
	struct visible visible;
	struct layout_cache layout;
	struct layout_cache note_layout; /* inline notes, when shown */
	int show_notes;			 /* A */
	long anchor;			 /* V: the other end of the selection, or -1 */
	size_t keywords_paragraph;	 /* s: whose suggesting keywords show, or -1 */
	size_t cursor;			 /* paragraph under the cursor (always visible) */
	size_t top;			 /* first paragraph drawn */
	int top_line;			 /* first line drawn of that paragraph's block */
	int height;			 /* rows of the pane */
	int text_columns;		 /* width the text wraps to */
	int max_columns;		 /* the readable maximum (--width) */
	char *query;			 /* the last search, or NULL */
	size_t *row_paragraph;		 /* paragraph drawn on each row, for the mouse */
	int row_capacity;
};

void reader_init(struct reader *reader, const struct speech *speech,
		 struct paragraph_marks *annotations, int max_columns);
void reader_free(struct reader *reader);

/* Sets the pane size; wraps again when the text width changes, keeping the
 * cursor paragraph in view. */
void reader_resize(struct reader *reader, int width, int height);

/* Handles a movement, fold or search request. Returns 1 when done, 0
 * when the request is not the reader's, -1 when it could not move (a
 * search that found nothing), with a message in `message`. */
int reader_request(struct reader *reader, enum request request, char *message, size_t message_size);

/* Moves the cursor to a paragraph (unfolding what hides it) and scrolls it
 * into view. */
void reader_goto(struct reader *reader, size_t paragraph);

/* Sets the search (NULL clears it) and moves to the first match at or
 * after the cursor; -1 when there is none. */
int reader_search(struct reader *reader, const char *query, int forward, int include_cursor);

/* The selected paragraphs (V or T), or the cursor's alone; returns 1 when
 * a selection is active. */
int reader_selection(const struct reader *reader, size_t *first, size_t *last);

/* Sets the theme filter (0 clears it), keeping the cursor on a shown
 * paragraph. */
void reader_set_filter(struct reader *reader, theme_set filter);

/* A note changed: lay it out again. */
void reader_note_changed(struct reader *reader, size_t paragraph);

/* Annotations were loaded again: forget what depends on them. */
void reader_annotations_changed(struct reader *reader);

/* The next (or previous) paragraph with a tag, skipping untagged
 * sections; moves there and returns 1, or 0 when there is none. */
int reader_tagged_step(struct reader *reader, int forward);

/* Scrolls by lines (mouse wheel), moving the cursor only to keep it on
 * screen. */
void reader_scroll(struct reader *reader, int lines);

/* The paragraph drawn at a row of the pane, or (size_t)-1. */
size_t reader_paragraph_at_row(const struct reader *reader, int row);

/* Draws the pane on a window erased beforehand (blank rows are not drawn). */
void reader_draw(struct reader *reader, WINDOW *window, int y, int x, int width, int height);

#endif
