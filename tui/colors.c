#include "tui/colors.h"

static attr_t attributes[ELEMENT_COUNT];
static int enabled;

struct scheme_entry {
	enum element element;
	short foreground, background; /* -1: the terminal's default */
	attr_t color_attributes;      /* with colours */
	attr_t mono_attributes;	      /* without */
};

static const struct scheme_entry scheme[] = {
    {ELEMENT_TEXT, -1, -1, A_NORMAL, A_NORMAL},
    {ELEMENT_TITLE, COLOR_RED, -1, A_BOLD, A_BOLD},
    {ELEMENT_HEADING_1, COLOR_RED, -1, A_BOLD, A_BOLD | A_UNDERLINE},
    {ELEMENT_HEADING_2, COLOR_BLUE, -1, A_BOLD, A_BOLD},
    {ELEMENT_HEADING_3, COLOR_CYAN, -1, A_BOLD, A_BOLD},
    {ELEMENT_HEADING_DEEPER, -1, -1, A_BOLD, A_BOLD},
    {ELEMENT_CURSOR_MARK, COLOR_YELLOW, -1, A_BOLD, A_REVERSE},
    {ELEMENT_FOLD_NOTE, COLOR_MAGENTA, -1, A_NORMAL, A_DIM},
    {ELEMENT_MATCH, COLOR_BLACK, COLOR_YELLOW, A_NORMAL, A_REVERSE},
    {ELEMENT_STATUS, COLOR_WHITE, COLOR_BLUE, A_NORMAL, A_REVERSE},
    {ELEMENT_STATUS_MESSAGE, COLOR_BLACK, COLOR_YELLOW, A_BOLD, A_REVERSE | A_BOLD},
    {ELEMENT_BORDER, COLOR_BLUE, -1, A_NORMAL, A_NORMAL},
    {ELEMENT_OUTLINE_CURRENT, COLOR_YELLOW, -1, A_BOLD, A_BOLD},
    {ELEMENT_OUTLINE_SELECTED, COLOR_BLACK, COLOR_CYAN, A_NORMAL, A_REVERSE},
    {ELEMENT_OUTLINE_MARKER, COLOR_BLUE, -1, A_NORMAL, A_NORMAL},
    {ELEMENT_DIM, -1, -1, A_DIM, A_DIM},
    {ELEMENT_HELP_KEY, COLOR_GREEN, -1, A_BOLD, A_BOLD},
};

void colors_init(int use_color)
{
	enabled = use_color && has_colors() && COLORS >= 8;
	if (enabled) {
		start_color();
		use_default_colors();
	}
	for (size_t i = 0; i < sizeof scheme / sizeof scheme[0]; i++) {
		const struct scheme_entry *entry = &scheme[i];
		if (!enabled) {
			attributes[entry->element] = entry->mono_attributes;
			continue;
		}
		short pair = (short)(i + 1);
		init_pair(pair, entry->foreground, entry->background);
		attributes[entry->element] = entry->color_attributes | COLOR_PAIR(pair);
	}
}

attr_t colors_attr(enum element element)
{
	return attributes[element];
}

int colors_enabled(void)
{
	return enabled;
}

enum element colors_heading(int depth)
{
	switch (depth) {
	case 0:
		return ELEMENT_TITLE;
	case 1:
		return ELEMENT_HEADING_1;
	case 2:
		return ELEMENT_HEADING_2;
	case 3:
		return ELEMENT_HEADING_3;
	default:
		return ELEMENT_HEADING_DEEPER;
	}
}
