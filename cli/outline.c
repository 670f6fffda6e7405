#include <stdio.h>

#include "cli/cli.h"
#include "cli/options.h"

int command_outline(int argc, char **argv)
{
	const struct command *command = command_find("outline");
	struct cli_option options[] = {{"--tsv", 0, 0, NULL, NULL}, {"--parsed", 0, 0, NULL, NULL}};
	int count;
	char *positional[1];
	int status = cli_parse_options(command, argc, argv, options, 2, positional, 1, 1, &count);
	if (status != 0)
		return status < 0 ? EXIT_OK : status;

	struct speech speech;
	if ((options[1].seen ? cli_load_parsed_speech : cli_load_speech)(positional[0], &speech) !=
	    0)
		return EXIT_ERROR;
	for (size_t i = 0; i < speech.outline_count; i++) {
		const struct outline_entry *entry = &speech.outline[i];
		const struct paragraph *paragraph = &speech.paragraphs[entry->paragraph];
		const char *label = paragraph_text(&speech, entry->paragraph);
		if (options[0].seen)
			printf("%d\t%zu\t", entry->depth, entry->paragraph);
		else
			printf("%*s", 2 * entry->depth, "");
		cli_write_field(stdout, label, paragraph->label_length);
		putchar('\n');
	}
	speech_free(&speech);
	return EXIT_OK;
}
