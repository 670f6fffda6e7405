/* main.c — pizhu's entry point: global options and the command table. */
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"

#ifndef PIZHU_VERSION
#define PIZHU_VERSION "unknown"
#endif

static int command_help(int argc, char **argv);

const struct command commands[] = {
    {"outline", command_outline, "[--tsv] FILE", "Print the heading tree of a speech.",
     "The title comes first, then each heading indented two spaces per depth.\n"
     "  --tsv   one line per heading: DEPTH<TAB>PARA<TAB>LABEL (the title is\n"
     "          depth 0, paragraph 0)\n"},
    {"cat", command_cat, "[--tsv] FILE", "Print the cleaned text of a speech.",
     "Prints the title, then every paragraph on its own line; front matter\n"
     "(a website's page controls or copyright block) is left out.\n"
     "  --tsv   one line per paragraph: PARA<TAB>ROLE<TAB>TEXT, where ROLE is\n"
     "          title, h1 to h5 (the outline depth) or body\n"},
    {"help", command_help, "[COMMAND]", "Show help for pizhu or for one command.", ""},
};
const size_t command_count = sizeof commands / sizeof commands[0];

const struct command *command_find(const char *name)
{
	for (size_t i = 0; i < command_count; i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

static void print_overview(void)
{
	printf("pizhu %s: read and annotate Chinese speeches and reports\n\n"
	       "usage: pizhu COMMAND [ARGS]\n\ncommands:\n",
	       PIZHU_VERSION);
	for (size_t i = 0; i < command_count; i++)
		printf("  %-8s %s\n", commands[i].name, commands[i].summary);
	printf("\noptions:\n"
	       "  -h, --help     show this help (pizhu help COMMAND for one command)\n"
	       "  -V, --version  show the version\n"
	       "\nExit status: 0 success, 1 error (bad file or data), 2 usage error.\n"
	       "See pizhu(1) for the whole manual.\n");
}

static int command_help(int argc, char **argv)
{
	if (argc < 2) {
		print_overview();
		return EXIT_OK;
	}
	if (argc > 2)
		return cli_usage_error(command_find("help"), "unexpected argument '%s'", argv[2]);
	const struct command *command = command_find(argv[1]);
	if (!command)
		return cli_usage_error(NULL, "unknown command '%s'", argv[1]);
	cli_print_help(command);
	return EXIT_OK;
}

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
	if (argc < 2) {
		print_overview();
		return EXIT_OK;
	}
	const char *first = argv[1];
	if (strcmp(first, "-h") == 0 || strcmp(first, "--help") == 0) {
		print_overview();
		return EXIT_OK;
	}
	if (strcmp(first, "-V") == 0 || strcmp(first, "--version") == 0) {
		printf("pizhu %s\n", PIZHU_VERSION);
		return EXIT_OK;
	}
	if (first[0] == '-')
		return cli_usage_error(NULL, "unknown option '%s'", first);
	const struct command *command = command_find(first);
	if (!command)
		return cli_usage_error(NULL, "unknown command '%s'", first);
	return command->run(argc - 1, argv + 1);
}
