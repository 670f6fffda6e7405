/* pizhu export: the options, the output (standard output or a file
 * replaced atomically), and the writer for the format. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "base/atomic_file.h"
#include "cli/options.h"
#include "cli/selection.h"
#include "export/export.h"

enum { OPTION_THEME, OPTION_SPEECH, OPTION_FORMAT, OPTION_GROUP, OPTION_OUTPUT, OPTION_BOM };

struct export_options {
	enum export_format format;
	enum export_grouping grouping;
	int bom;
	const char *output; /* NULL for standard output */
};

static int check_options(const struct command *command, const struct cli_option *options,
			 struct export_options *result)
{
	result->format = EXPORT_MARKDOWN;
	if (options[OPTION_FORMAT].seen &&
	    export_format_parse(options[OPTION_FORMAT].value, &result->format) != 0)
		return cli_usage_error(command,
				       "--format takes md, csv, jsonl, html or matrix, not '%s'",
				       options[OPTION_FORMAT].value);
	result->grouping = EXPORT_BY_THEME;
	const char *group = options[OPTION_GROUP].value;
	if (group && strcmp(group, "speech") == 0)
		result->grouping = EXPORT_BY_SPEECH;
	else if (group && strcmp(group, "theme") != 0)
		return cli_usage_error(command, "--group takes theme or speech, not '%s'", group);
	result->bom = options[OPTION_BOM].seen > 0;
	if (result->bom && result->format != EXPORT_CSV && result->format != EXPORT_MATRIX)
		return cli_usage_error(command, "--bom is for --format csv or matrix");
	result->output = options[OPTION_OUTPUT].value;
	if (result->output && !*result->output)
		return cli_usage_error(command, "-o needs a file name");
	return 0;
}

static int write_matrix(struct store *store, FILE *out, const struct cli_selection *chosen,
			const struct export_options *options, struct error *error)
{
	/* The matrix always names its columns: every theme when none was
	 * chosen. */
	struct store_selection selection = chosen->selection;
	selection.theme_ids = chosen->theme_ids;
	selection.theme_count = chosen->theme_count;
	struct export_matrix matrix = {out, chosen->theme_count};
	if (export_matrix_header(out, chosen->themes, chosen->theme_count, options->bom, error) !=
	    0)
		return -1;
	return store_matrix(store, &selection, export_matrix_row, &matrix, error);
}

static int write_excerpts(struct store *store, FILE *out, const struct cli_selection *chosen,
			  const struct export_options *options, struct error *error)
{
	struct store_excerpt *excerpts;
	size_t count;
	if (store_excerpts(store, &chosen->selection, &excerpts, &count, error) != 0)
		return -1;
	struct export_request request = {
	    .excerpts = excerpts,
	    .excerpt_count = count,
	    .themes = chosen->themes,
	    .theme_count = chosen->theme_count,
	    .every_theme = chosen->every_theme,
	    .grouping = options->grouping,
	    .bom = options->bom,
	};
	int (*const writers[])(FILE *, const struct export_request *, struct error *) = {
	    [EXPORT_MARKDOWN] = export_markdown,
	    [EXPORT_CSV] = export_csv,
	    [EXPORT_JSONL] = export_jsonl,
	    [EXPORT_HTML] = export_html,
	};
	int status = writers[options->format](out, &request, error);
	store_excerpts_free(excerpts, count);
	return status;
}

static int write_export(struct store *store, const struct cli_selection *chosen,
			const struct export_options *options)
{
	struct error error;
	struct atomic_file file = {0};
	FILE *out = stdout;
	if (options->output) {
		if (atomic_file_open(options->output, &file, &error) != 0)
			return cli_fail("%s", error.message);
		out = file.stream;
	}
	int status = options->format == EXPORT_MATRIX
			 ? write_matrix(store, out, chosen, options, &error)
			 : write_excerpts(store, out, chosen, options, &error);
	if (status == 0 && fflush(out) != 0)
		status = error_set(&error, "cannot write: %s", strerror(errno));
	/* A failed write names the file; the writers do not know it. */
	int write_failed = status != 0 && ferror(out);
	if (options->output) {
		if (status == 0)
			return atomic_file_commit(&file, &error) == 0
				   ? EXIT_OK
				   : cli_fail("%s", error.message);
		atomic_file_abort(&file);
	}
	if (status == 0)
		return EXIT_OK;
	if (write_failed && options->output)
		return cli_fail("%s: %s", options->output, error.message);
	return cli_fail("%s", error.message);
}

int command_export(int argc, char **argv)
{
	const struct command *command = command_find("export");
	const char **themes = calloc((size_t)argc + 1, sizeof *themes);
	const char **speeches = calloc((size_t)argc + 1, sizeof *speeches);
	struct cli_option options[] = {
	    [OPTION_THEME] = {"--theme", 1, 0, NULL},	[OPTION_SPEECH] = {"--speech", 1, 0, NULL},
	    [OPTION_FORMAT] = {"--format", 1, 0, NULL}, [OPTION_GROUP] = {"--group", 1, 0, NULL},
	    [OPTION_OUTPUT] = {"-o", 1, 0, NULL},	[OPTION_BOM] = {"--bom", 0, 0, NULL},
	};
	const char **values[] = {
	    [OPTION_THEME] = themes, [OPTION_SPEECH] = speeches, [OPTION_BOM] = NULL};
	int count;
	struct export_options chosen_options;
	int status =
	    cli_parse_repeated_options(command, argc, argv, options, values,
				       sizeof options / sizeof options[0], NULL, 0, 0, &count);
	if (status == 0)
		status = check_options(command, options, &chosen_options);
	struct store *store = NULL;
	struct cli_selection chosen = {0};
	if (status == 0)
		status = cli_store_open(&store);
	if (status == 0)
		status = cli_selection_resolve(store, speeches, (size_t)options[OPTION_SPEECH].seen,
					       themes, (size_t)options[OPTION_THEME].seen, &chosen);
	if (status == 0) {
		status = write_export(store, &chosen, &chosen_options);
		cli_selection_free(&chosen);
	}
	if (store)
		store_close(store);
	free(themes);
	free(speeches);
	return status < 0 ? EXIT_OK : status;
}
