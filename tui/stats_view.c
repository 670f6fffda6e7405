/* stats_view.c — the statistics view. */
#include "tui/stats_view.h"
#include "base/i18n.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "store/excerpt.h"
#include "tui/colors.h"
#include "tui/draw.h"

enum { BAR_COLUMNS = 24, NAME_COLUMNS = 14 };

/* The colour of a theme by its id, as the reader draws its marks. */
static attr_t theme_attr(const struct paragraph_marks *annotations, int64_t id)
{
	for (size_t t = 0; t < annotations->theme_count; t++)
		if (annotations->themes[t].id == id)
			return colors_theme_attr(t);
	return A_BOLD;
}

static int draw_row(int y, int x, int width, const char *name, const char *figures)
{
	draw_fill(stdscr, y, x, width, ' ', colors_attr(ELEMENT_TEXT));
	int column = draw_text(stdscr, y, x + 1, name, strlen(name), NAME_COLUMNS,
			       colors_attr(ELEMENT_TEXT));
	if (column < NAME_COLUMNS)
		column = NAME_COLUMNS;
	return 1 + column +
	       draw_text(stdscr, y, x + 1 + column, figures, strlen(figures), width - column - 2,
			 colors_attr(ELEMENT_TEXT));
}

static void draw_stats(const struct paragraph_marks *annotations, const struct store_stats *stats)
{
	int width = COLS > 72 ? 72 : COLS;
	int rows = (int)(stats->theme_count + stats->pair_count) + 6;
	if (rows > LINES)
		rows = LINES;
	int top = (LINES - rows) / 2, left = (COLS - width) / 2, y = top;
	char line[128];
	snprintf(line, sizeof line, _("Themes in this speech: %zu paragraphs"),
		 stats->paragraph_count);
	draw_fill(stdscr, y, left, width, ' ', colors_attr(ELEMENT_STATUS));
	draw_text(stdscr, y++, left + 1, line, strlen(line), width - 2,
		  colors_attr(ELEMENT_STATUS));
	size_t most = 1;
	for (size_t t = 0; t < stats->theme_count; t++)
		if (stats->themes[t].paragraphs > most)
			most = stats->themes[t].paragraphs;
	for (size_t t = 0; t < stats->theme_count && y < top + rows - 1; t++) {
		const struct store_theme_stat *theme = &stats->themes[t];
		double share = stats->paragraph_count ? 100.0 * (double)theme->paragraphs /
							    (double)stats->paragraph_count
						      : 0;
		snprintf(line, sizeof line, "%5zu  %5.1f%%  ", theme->paragraphs, share);
		int column = draw_row(y, left, width, theme->name, line);
		size_t bar = theme->paragraphs * BAR_COLUMNS / most;
		if (theme->paragraphs && !bar)
			bar = 1;
		for (size_t i = 0; i < bar && column + 1 < width; i++)
			column += draw_text(stdscr, y, left + column, "█", strlen("█"), 1,
					    theme_attr(annotations, theme->theme_id));
		y++;
	}
	if (stats->pair_count && y < top + rows - 1) {
		const char *heading = _("Paragraphs carrying both:");
		draw_fill(stdscr, y, left, width, ' ', colors_attr(ELEMENT_TEXT));
		draw_text(stdscr, y++, left + 1, heading, strlen(heading), width - 2,
			  colors_attr(ELEMENT_DIM));
	}
	for (size_t p = 0; p < stats->pair_count && y < top + rows - 1; p++) {
		const struct store_pair_stat *pair = &stats->pairs[p];
		char names[128];
		snprintf(names, sizeof names, "%s + %s", stats->themes[pair->first].name,
			 stats->themes[pair->second].name);
		snprintf(line, sizeof line, "%5zu", pair->paragraphs);
		draw_fill(stdscr, y, left, width, ' ', colors_attr(ELEMENT_TEXT));
		int column = draw_text(stdscr, y, left + 1, names, strlen(names), width - 10,
				       colors_attr(ELEMENT_TEXT));
		draw_text(stdscr, y++, left + 2 + column, line, strlen(line), 8,
			  colors_attr(ELEMENT_TEXT));
	}
	while (y < top + rows - 1)
		draw_fill(stdscr, y++, left, width, ' ', colors_attr(ELEMENT_TEXT));
	const char *hint = _("any key closes");
	draw_fill(stdscr, y, left, width, ' ', colors_attr(ELEMENT_STATUS));
	draw_text(stdscr, y, left + 1, hint, strlen(hint), width - 2, colors_attr(ELEMENT_STATUS));
}

struct stats_view {
	const struct paragraph_marks *annotations;
	struct store_stats stats;
};

static int stats_open_state(struct view *view, const void *arguments, struct error *error)
{
	const struct paragraph_marks *annotations = arguments;
	struct stats_view *stats = view->state;
	stats->annotations = annotations;
	int64_t speech = annotations->document_id;
	struct store_selection selection = {.speech_ids = &speech, .speech_count = 1};
	return store_stats(annotations->store, &selection, &stats->stats, error);
}

static void stats_draw(struct view *view)
{
	struct stats_view *stats = view->state;
	erase();
	draw_stats(stats->annotations, &stats->stats);
}

/* Any key closes the figures. */
static enum view_result stats_key(struct view *view, const struct view_key *key)
{
	(void)view;
	(void)key;
	return VIEW_CLOSE;
}

static void stats_close(struct view *view)
{
	struct stats_view *stats = view->state;
	store_stats_clear(&stats->stats);
}

static const struct view_ops stats_ops = {
    .name = "stats",
    .state_size = sizeof(struct stats_view),
    .open = stats_open_state,
    .draw = stats_draw,
    .key = stats_key,
    .close = stats_close,
};

struct view *stats_view_open(struct view_driver *driver, const struct paragraph_marks *annotations,
			     struct error *error)
{
	return view_open(driver, &stats_ops, annotations, error);
}
