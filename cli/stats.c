/* pizhu stats: how much of the chosen speeches each theme covers, and
 * which themes share paragraphs; a table with bars for people, TSV for
 * machines. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/i18n.h"
#include "cli/options.h"
#include "store/theme_file.h"
#include "cli/selection.h"
#include "base/width.h"

enum { BAR_COLUMNS = 30 };

static double percent(size_t paragraphs, size_t total)
{
	return total ? 100.0 * (double)paragraphs / (double)total : 0.0;
}

static void print_tsv(const struct store_stats *stats)
{
	printf("total\t%zu\t%zu\n", stats->speech_count, stats->paragraph_count);
	for (size_t t = 0; t < stats->theme_count; t++) {
		const struct store_theme_stat *theme = &stats->themes[t];
		fputs("theme\t", stdout);
		cli_write_field(stdout, theme->name, strlen(theme->name));
		/* Integer arithmetic: the decimal point must not follow the
		 * locale (a comma in many) in output for machines. */
		size_t share = stats->paragraph_count
				   ? (theme->paragraphs * 10000 + stats->paragraph_count / 2) /
					 stats->paragraph_count
				   : 0;
		printf("\t%zu\t%zu.%04zu\t%zu\n", theme->paragraphs, share / 10000, share % 10000,
		       theme->speeches);
	}
	for (size_t p = 0; p < stats->pair_count; p++) {
		const struct store_pair_stat *pair = &stats->pairs[p];
		fputs("pair\t", stdout);
		const char *first = stats->themes[pair->first].name;
		const char *second = stats->themes[pair->second].name;
		cli_write_field(stdout, first, strlen(first));
		putchar('\t');
		cli_write_field(stdout, second, strlen(second));
		printf("\t%zu\n", pair->paragraphs);
	}
}

/* Writes a name, cleaned, padded with spaces to `columns` screen columns. */
static void print_padded(const char *name, int columns)
{
	cli_write_field(stdout, name, strlen(name));
	for (int used = text_width(name, strlen(name), 0); used < columns; used++)
		putchar(' ');
}

/* The SGR colour of a theme colour (theme_file.h), or "" for the default. */
static void color_code(const char *color, char *code, size_t size)
{
	struct theme_color parsed;
	code[0] = '\0';
	if (theme_color_parse(color, &parsed) != 0 || parsed.kind == THEME_COLOR_DEFAULT)
		return;
	if (parsed.kind == THEME_COLOR_RGB)
		snprintf(code, size, "\033[38;2;%u;%u;%um", (unsigned)(parsed.rgb >> 16),
			 (unsigned)(parsed.rgb >> 8 & 0xff), (unsigned)(parsed.rgb & 0xff));
	else if (parsed.index < 16)
		snprintf(code, size, "\033[%dm",
			 parsed.index < 8 ? 30 + parsed.index : 82 + parsed.index);
	else
		snprintf(code, size, "\033[38;5;%dm", parsed.index);
}

/* A bar of `eighths` eighth-columns in block characters. */
static void print_bar(size_t eighths, const char *color, int use_color)
{
	static const char *const partial[] = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};
	char code[32] = "";
	if (use_color)
		color_code(color, code, sizeof code);
	fputs(code, stdout);
	for (size_t i = 0; i < eighths / 8; i++)
		fputs("█", stdout);
	fputs(partial[eighths % 8], stdout);
	if (code[0])
		fputs("\033[0m", stdout);
}

static int name_columns(const struct store_stats *stats)
{
	const char *header = _("theme");
	int widest = text_width(header, strlen(header), 0);
	for (size_t t = 0; t < stats->theme_count; t++) {
		int width = text_width(stats->themes[t].name, strlen(stats->themes[t].name), 0);
		if (width > widest)
			widest = width;
	}
	return widest + 2;
}

static int pair_width(const struct store_stats *stats, const struct store_pair_stat *pair)
{
	const char *first = stats->themes[pair->first].name;
	const char *second = stats->themes[pair->second].name;
	return text_width(first, strlen(first), 0) + 3 + text_width(second, strlen(second), 0);
}

static void print_pairs(const struct store_stats *stats)
{
	int widest = 0;
	for (size_t p = 0; p < stats->pair_count; p++)
		if (pair_width(stats, &stats->pairs[p]) > widest)
			widest = pair_width(stats, &stats->pairs[p]);
	printf("\n%s\n", _("paragraphs carrying both themes"));
	for (size_t p = 0; p < stats->pair_count; p++) {
		const struct store_pair_stat *pair = &stats->pairs[p];
		const char *first = stats->themes[pair->first].name;
		const char *second = stats->themes[pair->second].name;
		cli_write_field(stdout, first, strlen(first));
		fputs(" + ", stdout);
		cli_write_field(stdout, second, strlen(second));
		printf("%*s%zu\n", widest - pair_width(stats, pair) + 2, "", pair->paragraphs);
	}
}

/* A column header, and the screen columns it takes with two spaces
 * before it: the numbers under it are right-aligned to that width. */
static int print_header(const char *header)
{
	fputs("  ", stdout);
	fputs(header, stdout);
	return 2 + text_width(header, strlen(header), 0);
}

/* Each tagged speech's own figures: a theme's share of a speech is what a
 * reader of that speech wants, not a sliver of the whole selection. */
static void print_speeches(const struct store_stats *stats, int columns)
{
	printf("\n%s\n", _("share of each speech's paragraphs"));
	for (size_t s = 0; s < stats->tagged_speech_count; s++) {
		const struct store_speech_stat *speech = &stats->speeches[s];
		printf("%lld  ", (long long)speech->speech_id);
		cli_write_field(stdout, speech->title, strlen(speech->title));
		printf(_(" (%s, %zu tagged: %.1f%%)\n"),
		       i18n_count(speech->paragraph_count, "%zu paragraph", "%zu paragraphs"),
		       speech->tagged, percent(speech->tagged, speech->paragraph_count));
		for (size_t t = 0; t < stats->theme_count; t++) {
			size_t count = speech->theme_paragraphs[t];
			if (!count)
				continue;
			fputs("    ", stdout);
			print_padded(stats->themes[t].name, columns);
			printf("%6zu  %5.1f%%\n", count, percent(count, speech->paragraph_count));
		}
	}
}

static void print_table(const struct store_stats *stats, int bars, int use_color)
{
	printf(_("%s, %s\n\n"), i18n_count(stats->speech_count, "%zu speech", "%zu speeches"),
	       i18n_count(stats->paragraph_count, "%zu paragraph", "%zu paragraphs"));
	int columns = name_columns(stats);
	size_t most = 0;
	for (size_t t = 0; t < stats->theme_count; t++)
		if (stats->themes[t].paragraphs > most)
			most = stats->themes[t].paragraphs;
	print_padded(_("theme"), columns);
	int paragraphs_width = print_header(_("paragraphs")) - 2;
	int share_width = print_header(_("share of all"));
	int speeches_width = print_header(_("speeches"));
	putchar('\n');
	for (size_t t = 0; t < stats->theme_count; t++) {
		const struct store_theme_stat *theme = &stats->themes[t];
		print_padded(theme->name, columns);
		printf("%*zu%*.1f%%%*zu", paragraphs_width, theme->paragraphs, share_width - 1,
		       percent(theme->paragraphs, stats->paragraph_count), speeches_width,
		       theme->speeches);
		if (bars && theme->paragraphs > 0) {
			/* The most tagged theme gets the whole bar; any tag at
			 * least an eighth of a column. */
			size_t eighths = theme->paragraphs * BAR_COLUMNS * 8 / most;
			fputs("  ", stdout);
			print_bar(eighths ? eighths : 1, theme->color, use_color);
		}
		putchar('\n');
	}
	if (stats->pair_count > 0)
		print_pairs(stats);
	if (stats->tagged_speech_count > 0)
		print_speeches(stats, columns);
}

int command_stats(int argc, char **argv)
{
	const struct command *command = command_find("stats");
	const char **speeches = calloc((size_t)argc + 1, sizeof *speeches);
	struct cli_option options[] = {{"--speech", 1, 0, NULL, speeches},
				       {"--tsv", 0, 0, NULL, NULL}};
	int count;
	int status = cli_parse_options(command, argc, argv, options, 2, NULL, 0, 0, &count);
	struct store *store = NULL;
	struct cli_selection chosen = {0};
	if (status == 0)
		status = cli_store_open(&store);
	if (status == 0)
		status = cli_selection_resolve(store, speeches, (size_t)options[0].seen, NULL, 0,
					       &chosen);
	struct store_stats stats;
	struct error error;
	if (status == 0) {
		if (store_stats(store, &chosen.selection, &stats, &error) != 0) {
			status = cli_fail("%s", error.message);
		} else {
			const char *no_color = getenv("NO_COLOR");
			int terminal = isatty(STDOUT_FILENO);
			if (options[1].seen)
				print_tsv(&stats);
			else
				print_table(&stats, terminal, terminal && !(no_color && *no_color));
			store_stats_clear(&stats);
		}
		cli_selection_free(&chosen);
	}
	if (store)
		store_close(store);
	free(speeches);
	return status < 0 ? EXIT_OK : status;
}
