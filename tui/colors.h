/* colors.h — the reader's colour scheme, indexed by screen element.
 *
 * Three schemes, chosen at start: colour (8 or more colours), monochrome
 * (bold, underline and reverse only: a terminal without colours), and
 * NO_COLOR (set in the environment: the monochrome scheme too). */
#ifndef PIZHU_TUI_COLORS_H
#define PIZHU_TUI_COLORS_H

#include <curses.h>
#include <stddef.h>

#include "tui/model/paragraph_marks.h"

enum element {
	ELEMENT_TEXT,
	ELEMENT_TITLE,
	ELEMENT_HEADING_1,
	ELEMENT_HEADING_2,
	ELEMENT_HEADING_3,
	ELEMENT_HEADING_DEEPER,
	ELEMENT_CURSOR_MARK,
	ELEMENT_FOLD_NOTE,
	ELEMENT_MATCH,
	ELEMENT_STATUS,
	ELEMENT_STATUS_MESSAGE,
	ELEMENT_BORDER,
	ELEMENT_OUTLINE_CURRENT,
	ELEMENT_OUTLINE_SELECTED,
	ELEMENT_OUTLINE_MARKER,
	ELEMENT_DIM,
	ELEMENT_HELP_KEY,
	ELEMENT_SELECTION,
	ELEMENT_NOTE,
	ELEMENT_KEYWORD,
	ELEMENT_COUNT
};

/* Sets up colour pairs after initscr(); `use_color` 0 forces monochrome. */
void colors_init(int use_color);

/* The attributes (colour pair included) to draw an element with. */
attr_t colors_attr(enum element element);

/* 1 when the scheme has colours. */
int colors_enabled(void);

/* Gives each theme's colour ("red", "bright-blue", "33", "#c03030" or "")
 * a colour pair; call again when the themes change. */
void colors_set_themes(const struct mark_theme *themes, size_t count);

/* The attributes of theme i's marks: its colour, or bold without colours. */
attr_t colors_theme_attr(size_t theme);

/* The heading element for an outline depth (1, 2, 3, deeper). */
enum element colors_heading(int depth);

#endif
