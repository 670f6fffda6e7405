#include <stdio.h>

#include "cli/cli.h"
#include "cli/options.h"

int command_outline(int argc, char **argv)
{
	const struct command *command = command_find("outline");
	static const char *const flags[] = {"--tsv", NULL};
	int set[1] = {0}, count;
	char *positional[1];
	int status = cli_parse_flags(command, argc, argv, flags, set, positional, 1, 1, &count);
	if (status != 0)
		return status < 0 ? EXIT_OK : status;

	struct speech speech;
	if (cli_load_speech(positional[0], &speech) != 0)
		return EXIT_ERROR;
	for (size_t i = 0; i < speech.outline_count; i++) {
		const struct outline_entry *entry = &speech.outline[i];
		const struct paragraph *paragraph = &speech.paragraphs[entry->paragraph];
		const char *label = paragraph_text(&speech, entry->paragraph);
		if (set[0])
			printf("%d\t%zu\t", entry->depth, entry->paragraph);
		else
			printf("%*s", 2 * entry->depth, "");
		cli_write_field(stdout, label, paragraph->label_length);
		putchar('\n');
	}
	speech_free(&speech);
	return EXIT_OK;
}
