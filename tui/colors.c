#include "tui/colors.h"

#include "store/theme_file.h"

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
    {ELEMENT_SELECTION, COLOR_MAGENTA, -1, A_BOLD, A_BOLD},
    {ELEMENT_NOTE, COLOR_GREEN, -1, A_DIM, A_DIM},
    {ELEMENT_KEYWORD, -1, -1, A_UNDERLINE | A_BOLD, A_UNDERLINE | A_BOLD},
};

enum { THEME_PAIRS_MAX = 64 };
static attr_t theme_attributes[THEME_PAIRS_MAX];
static size_t theme_count;

void colors_init(int use_color)
{
	/* COLORS is known only once start_color() has run. */
	enabled = use_color && has_colors();
	if (enabled) {
		start_color();
		use_default_colors();
		enabled = COLORS >= 8;
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

/* A curses colour number for a theme colour, or -1 for the default. */
static short color_number(const char *color)
{
	struct theme_color parsed;
	if (theme_color_parse(color, &parsed) != 0 || parsed.kind == THEME_COLOR_DEFAULT)
		return -1;
	if (parsed.kind == THEME_COLOR_RGB) {
		unsigned red = parsed.rgb >> 16 & 0xFF, green = parsed.rgb >> 8 & 0xFF,
			 blue = parsed.rgb & 0xFF;
		if (COLORS >= 256) /* the xterm 6×6×6 cube */
			return (short)(16 + 36 * ((red * 5 + 127) / 255) +
				       6 * ((green * 5 + 127) / 255) + (blue * 5 + 127) / 255);
		return (short)((red >= 128) | (green >= 128) << 1 | (blue >= 128) << 2);
	}
	/* Bright colours need 16; with 8, the plain one is the nearest. */
	if (parsed.index >= 8 && parsed.index < 16 && COLORS < 16)
		return (short)(parsed.index - 8);
	return parsed.index < COLORS ? (short)parsed.index : -1;
}

void colors_set_themes(const struct mark_theme *themes, size_t count)
{
	theme_count = count < THEME_PAIRS_MAX ? count : THEME_PAIRS_MAX;
	for (size_t i = 0; i < theme_count; i++) {
		short number = enabled ? color_number(themes[i].color) : -1;
		if (number < 0) {
			theme_attributes[i] = A_BOLD;
			continue;
		}
		short pair = (short)(ELEMENT_COUNT + 1 + i);
		init_pair(pair, number, -1);
		theme_attributes[i] = COLOR_PAIR(pair) | A_BOLD;
	}
}

attr_t colors_theme_attr(size_t theme)
{
	return theme < theme_count ? theme_attributes[theme] : A_BOLD;
}
