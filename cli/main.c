/* main.c — pizhu's entry point: global options, then the command named
 * (cli/commands.c) or the reader. The one file of cli/ the unit tests do
 * not link. */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/i18n.h"
#include "cli/cli.h"
#include "cli/global_option.h"
#include "cli/options.h"

#ifndef PIZHU_VERSION
#define PIZHU_VERSION "unknown"
#endif

/* Global options come before the command; returns how many were used, or
 * -1 after a usage error. */
static int parse_global_options(int argc, char **argv)
{
	int used = 0;
	while (1 + used < argc) {
		const char *option = argv[1 + used];
		if (strcmp(option, "--ambiguous-wide") == 0) {
			cli_reader_overrides.ambiguous_wide = 1;
			used++;
		} else if (strcmp(option, "--width") == 0 || strncmp(option, "--width=", 8) == 0) {
			const char *value = option[7] == '=' ? option + 8 : argv[2 + used];
			if (!value)
				return cli_usage_error(NULL,
						       _("--width needs a number of columns")),
				       -1;
			char *end;
			long columns = strtol(value, &end, 10);
			if (*value == '\0' || *end != '\0' || columns < 10 || columns > 1000)
				return cli_usage_error(
					   NULL, _("--width takes 10 to 1000 columns, not '%s'"),
					   value),
				       -1;
			cli_reader_overrides.max_columns = (int)columns;
			used += option[7] == '=' ? 1 : 2;
		} else {
			break;
		}
	}
	return used;
}

/* Takes --db PATH (or --db=PATH) out of the arguments, wherever it is
 * before a "--", so it works before and after the command name. */
static int take_database_option(int *argc, char **argv)
{
	static const char *const names[] = {"--db", NULL};
	if (cli_take_option(argc, argv, names, 1, &cli_database_option) == CLI_OPTION_NO_VALUE)
		return cli_usage_error(NULL, _("--db needs a path"));
	return 0;
}

int main(int argc, char **argv)
{
	/* Only the categories pizhu uses: the characters (curses, widths,
	 * decoding) and the C library's messages (strerror). LC_ALL would
	 * open a dozen more of the locale's files at every start (numbers
	 * and times pizhu writes are not the locale's). A locale that is
	 * asked for but not generated (zh_CN.UTF-8 on a server) leaves C;
	 * UTF-8 text still needs a UTF-8 C library. */
	if (setlocale(LC_CTYPE, ""))
		setlocale(LC_MESSAGES, "");
	else
		setlocale(LC_CTYPE, "C.UTF-8");
	if (cli_language_choose(&argc, argv) != 0)
		return EXIT_USAGE;
	if (take_database_option(&argc, argv) != 0)
		return EXIT_USAGE;
	if (cli_ocr_choose(&argc, argv) != 0)
		return EXIT_ERROR;
	int used = parse_global_options(argc, argv);
	if (used < 0)
		return EXIT_USAGE;
	argc -= used;
	argv += used;
	if (argc < 2) {
		/* On a terminal, pizhu alone opens the library. */
		if (isatty(STDIN_FILENO) && isatty(STDOUT_FILENO)) {
			char *library_argv[] = {"library", NULL};
			return command_library(1, library_argv);
		}
		cli_print_overview();
		return EXIT_OK;
	}
	const char *first = argv[1];
	if (strcmp(first, "-h") == 0 || strcmp(first, "--help") == 0) {
		cli_print_overview();
		return EXIT_OK;
	}
	if (strcmp(first, "-V") == 0 || strcmp(first, "--version") == 0) {
		printf("pizhu %s\n", PIZHU_VERSION);
		return EXIT_OK;
	}
	if (first[0] == '-')
		return cli_usage_error(NULL, _("unknown option '%s'"), first);
	const struct command *command = command_find(first);
	if (command)
		return command->run(argc - 1, argv + 1);
	/* A path, an id or a citation (ID:N) names a speech to read; any other
	 * word is a mistyped command. */
	int speech_like = access(first, F_OK) == 0 || strchr(first, '/') ||
			  strspn(first, "0123456789:") == strlen(first);
	if (!speech_like)
		return cli_usage_error(NULL, _("unknown command '%s'"), first);
	/* Several files are imported and the library opens on them. */
	if (argc > 2) {
		argv[0] = "library";
		return command_library(argc, argv);
	}
	char *read_argv[] = {"read", argv[1], NULL};
	return command_read(2, read_argv);
}
