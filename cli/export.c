/* pizhu export: the options; export/run.c does the rest. */
#include <stdlib.h>
#include <string.h>

#include "cli/options.h"
#include "cli/selection.h"
#include "export/run.h"

enum {
	OPTION_THEME,
	OPTION_SPEECH,
	OPTION_FORMAT,
	OPTION_GROUP,
	OPTION_OUTPUT,
	OPTION_BOM,
	OPTION_FORCE
};

struct export_options {
	enum export_format format;
	enum export_grouping grouping;
	int bom;
	const char *output; /* NULL for standard output */
	int force;
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
	result->force = options[OPTION_FORCE].seen > 0;
	if (result->output && !*result->output)
		return cli_usage_error(command, "-o needs a file name");
	return 0;
}

static int write_export(struct store *store, const struct cli_selection *chosen,
			const struct export_options *options)
{
	struct export_job job = {
	    .selection = chosen->selection,
	    .themes = chosen->themes,
	    .theme_count = chosen->theme_count,
	    .every_theme = chosen->every_theme,
	    .format = options->format,
	    .grouping = options->grouping,
	    .bom = options->bom,
	    .path = options->output,
	    .force = options->force,
	};
	struct error error;
	return export_run(store, &job, &error) == 0 ? EXIT_OK : cli_fail("%s", error.message);
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
	    [OPTION_FORCE] = {"--force", 0, 0, NULL},
	};
	const char **values[] = {[OPTION_THEME] = themes,
				 [OPTION_SPEECH] = speeches,
				 [OPTION_BOM] = NULL,
				 [OPTION_FORCE] = NULL};
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
