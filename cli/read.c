/* read.c — `pizhu FILE` and `pizhu read FILE`: the full-screen reader. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "tui/tui.h"

struct tui_options cli_reader_overrides = {
    .max_columns = -1,
    .ambiguous_wide = -1,
    .use_color = -1,
};

/* Defaults, then the settings file, then the command line. */
static int reader_options(struct tui_options *options)
{
	*options = (struct tui_options){.max_columns = 80, .ambiguous_wide = 0, .use_color = 1};
	if (cli_config_load(options) != 0)
		return EXIT_ERROR;
	if (cli_reader_overrides.max_columns >= 0)
		options->max_columns = cli_reader_overrides.max_columns;
	if (cli_reader_overrides.ambiguous_wide >= 0)
		options->ambiguous_wide = cli_reader_overrides.ambiguous_wide;
	const char *no_color = getenv("NO_COLOR");
	if (no_color && *no_color)
		options->use_color = 0;
	return 0;
}

int command_read(int argc, char **argv)
{
	const struct command *command = command_find("read");
	int set[1] = {0}, count;
	char *positional[1];
	int status = cli_parse_flags(command, argc, argv, NULL, set, positional, 1, 1, &count);
	if (status != 0)
		return status < 0 ? EXIT_OK : status;

	struct error error;
	if (tui_check_terminal(&error) != 0)
		return cli_fail("%s", error.message);
	struct tui_options options;
	if (reader_options(&options) != 0)
		return EXIT_ERROR;
	struct speech speech;
	if (cli_load_speech(positional[0], &speech) != 0)
		return EXIT_ERROR;
	struct reading_position position = {0};
	int result = tui_read(&options, &speech, &position, &error);
	free(position.folded);
	speech_free(&speech);
	if (result < 0)
		return cli_fail("%s", error.message);
	if (result > 0) {
		/* Die of the signal that stopped the reader, as the shell expects. */
		signal(result, SIG_DFL);
		raise(result);
	}
	return EXIT_OK;
}
