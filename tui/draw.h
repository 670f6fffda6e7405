/* draw.h — putting text on the screen safely.
 *
 * Every string that reaches the terminal goes through draw_text: control
 * characters (C0, DEL, C1) become U+FFFD and bidirectional controls are
 * dropped, so no text from a file, a note or a theme can send an escape
 * sequence or reorder the screen. Widths come from tui/width.h, the one
 * answer to "how wide is this text". */
#ifndef PIZHU_TUI_DRAW_H
#define PIZHU_TUI_DRAW_H

#include <curses.h>
#include <stddef.h>

/* Whether East Asian ambiguous characters (“ ” … —) take two columns. */
void draw_set_ambiguous_wide(int wide);
int draw_ambiguous_wide(void);

/* Columns of text[0..length) as drawn. */
int draw_width(const char *text, size_t length);

/* Bytes of the longest prefix of text[0..length) that fits in `columns`
 * columns (never half a character); its width in *used if not NULL. */
size_t draw_fit(const char *text, size_t length, int columns, int *used);

/* Draws text at (y, x) in at most `columns` columns with `attributes`;
 * returns the columns drawn. */
int draw_text(WINDOW *window, int y, int x, const char *text, size_t length, int columns,
	      attr_t attributes);

/* Draws `count` spaces (or a given ASCII character) with attributes. */
void draw_fill(WINDOW *window, int y, int x, int count, char fill, attr_t attributes);

#endif
