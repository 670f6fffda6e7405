#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/options.h"

int command_check(int argc, char **argv)
{
	const struct command *command = command_find("check");
	int count;
	struct cli_option options[] = {{"--quick", 0, 0, NULL, NULL}};
	int status = cli_parse_options(command, argc, argv, options, 1, NULL, 0, 0, &count);
	if (status != 0)
		return status < 0 ? EXIT_OK : status;
	struct store *store;
	if (cli_store_open(&store) != 0)
		return EXIT_ERROR;
	char *report;
	struct error error;
	status = options[0].seen ? store_check_quick(store, &report, &error)
				 : store_check(store, &report, &error);
	store_close(store);
	if (status != 0)
		return cli_fail("%s", error.message);
	fputs(report, stdout);
	if (report[0] && report[strlen(report) - 1] != '\n')
		putchar('\n');
	status = strcmp(report, "ok") == 0 ? EXIT_OK : EXIT_ERROR;
	free(report);
	return status;
}
