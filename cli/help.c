/* help.c — pizhu help: the overview of commands, one command's help and
 * the reader's keys (from the key table in tui/request.h). */
#include <stdio.h>
#include <string.h>

#include "base/i18n.h"
#include "cli/cli.h"
#include "tui/request.h"

#ifndef PIZHU_VERSION
#define PIZHU_VERSION "unknown"
#endif

void cli_print_overview(void)
{
	printf(_("pizhu %s: read and annotate Chinese speeches and reports\n\n"
		 "usage: pizhu COMMAND [ARGS]\n\ncommands:\n"),
	       PIZHU_VERSION);
	for (size_t i = 0; i < command_count; i++)
		printf("  %-8s %s\n", commands[i].name, _(commands[i].summary));
	fputs(_("\n  pizhu FILE opens a speech in the reader (the same as pizhu read FILE);\n"
		"  FILE may also be a library id.\n"
		"\nformats (known by their content): text (UTF-8, UTF-16, GB18030), Word\n"
		"  .docx (its automatic numbers as Word shows them), Word 97 .doc (through\n"
		"  LibreOffice or catdoc when installed), web pages .html, PDF (scans by OCR\n"
		"  with --ocr), Markdown .md.\n"
		"  A file pizhu cannot read: save it as .docx or text and open that.\n"
		"\noptions (--db, --lang and --ocr anywhere, the others before the command):\n"
		"  --db PATH          the library database (default $PIZHU_DB, else\n"
		"                     $XDG_DATA_HOME/pizhu/pizhu.db)\n"
		"  --lang zh|en       the language of messages and exports (default: the\n"
		"                     settings file's language, else the locale)\n"
		"  --ocr, --no-ocr    read scanned PDFs by OCR (tesseract's Chinese), or not\n"
		"                     (default: the settings file's ocr = yes, else not)\n"
		"  --width COLS       readable text width in the reader (default 80)\n"
		"  --ambiguous-wide   the terminal draws “ ” … — two columns wide\n"
		"  -h, --help         show this help (pizhu help COMMAND for one command)\n"
		"  -V, --version      show the version\n"
		"\nExit status: 0 success, 1 error (bad file or data), 2 usage error.\n"
		"See pizhu(1) for the whole manual.\n"),
	      stdout);
}

static void print_key_line(const char *pane, const char *keys, const char *help, void *context)
{
	int tsv = *(const int *)context;
	if (tsv)
		printf("%s\t%s\t%s\n", pane, keys, help);
	else
		printf("  %-9s %-16s %s\n", pane, keys, _(help));
}

static int help_keys(int argc, char **argv)
{
	int tsv = argc == 3 && strcmp(argv[2], "--tsv") == 0;
	if (argc > 3 || (argc == 3 && !tsv))
		return cli_usage_error(command_find("help"), _("unexpected argument '%s'"),
				       argv[argc - 1]);
	if (!tsv)
		fputs(_("Keys of the reader (pizhu FILE). Keys for the outline work when it has\n"
			"focus (Tab); the others anywhere. A number before G goes to that\n"
			"paragraph.\n\n"),
		      stdout);
	request_print_keys(print_key_line, &tsv);
	return EXIT_OK;
}

int command_help(int argc, char **argv)
{
	if (argc < 2) {
		cli_print_overview();
		return EXIT_OK;
	}
	if (strcmp(argv[1], "keys") == 0)
		return help_keys(argc, argv);
	if (argc > 2)
		return cli_usage_error(command_find("help"), _("unexpected argument '%s'"),
				       argv[2]);
	const struct command *command = command_find(argv[1]);
	if (!command)
		return cli_usage_error(NULL, _("unknown command '%s'"), argv[1]);
	cli_print_help(command);
	return EXIT_OK;
}
