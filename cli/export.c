/* pizhu export: the options; export/run.c does the rest. */
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "cli/options.h"
#include "cli/selection.h"
#include "export/formats.h"
#include "export/run.h"

enum {
	OPTION_THEME,
	OPTION_SPEECH,
	OPTION_FORMAT,
	OPTION_GROUP,
	OPTION_OUTPUT,
	OPTION_BOM,
	OPTION_HEADER,
	OPTION_FORCE,
};

struct export_options {
	enum export_format format;
	enum export_grouping grouping;
	int bom;
	int english_header;
	const char *output; /* NULL for standard output */
	int force;
};

static int check_options(const struct command *command, const struct cli_option *options,
			 struct export_options *result)
{
	result->format = EXPORT_MARKDOWN;
	if (options[OPTION_FORMAT].seen &&
	    export_format_parse(options[OPTION_FORMAT].value, &result->format) != 0) {
		struct buffer names = {0};
		/* TRANSLATORS: joins the last two format names (md, csv or matrix). */
		export_format_names(&names, _(", "), _(" or "));
		int status = cli_usage_error(command, _("--format takes %s, not '%s'"),
					     buffer_string(&names), options[OPTION_FORMAT].value);
		buffer_free(&names);
		return status;
	}
	result->grouping = EXPORT_BY_THEME;
	const char *group = options[OPTION_GROUP].value;
	if (group && strcmp(group, "speech") == 0)
		result->grouping = EXPORT_BY_SPEECH;
	else if (group && strcmp(group, "theme") != 0)
		return cli_usage_error(command, _("--group takes theme or speech, not '%s'"),
				       group);
	result->bom = options[OPTION_BOM].seen > 0;
	if (result->bom && result->format != EXPORT_CSV && result->format != EXPORT_MATRIX)
		return cli_usage_error(command, _("--bom is for --format csv or matrix"));
	const char *header = options[OPTION_HEADER].value;
	result->english_header = header != NULL;
	if (header && strcmp(header, "en") != 0)
		return cli_usage_error(
		    command, _("--header takes en (the default follows --lang), not '%s'"), header);
	if (header && result->format != EXPORT_CSV)
		return cli_usage_error(command, _("--header is for --format csv"));
	result->output = options[OPTION_OUTPUT].value;
	result->force = options[OPTION_FORCE].seen > 0;
	if (result->output && !*result->output)
		return cli_usage_error(command, _("-o needs a file name"));
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
	    .english_header = options->english_header,
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
	    [OPTION_THEME] = {"--theme", 1, 0, NULL, themes},
	    [OPTION_SPEECH] = {"--speech", 1, 0, NULL, speeches},
	    [OPTION_FORMAT] = {"--format", 1, 0, NULL, NULL},
	    [OPTION_GROUP] = {"--group", 1, 0, NULL, NULL},
	    [OPTION_OUTPUT] = {"-o", 1, 0, NULL, NULL},
	    [OPTION_BOM] = {"--bom", 0, 0, NULL, NULL},
	    [OPTION_HEADER] = {"--header", 1, 0, NULL, NULL},
	    [OPTION_FORCE] = {"--force", 0, 0, NULL, NULL},
	};
	int count;
	struct export_options chosen_options;
	int status = cli_parse_options(command, argc, argv, options,
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
