#include <stdio.h>

#include "cli/cli.h"

int command_outline(int argc, char **argv)
{
	const struct command *command = command_find("outline");
	static const char *const flags[] = {"--tsv", "--parsed", NULL};
	int set[2] = {0}, count;
	char *positional[1];
	int status = cli_parse_flags(command, argc, argv, flags, set, positional, 1, 1, &count);
	if (status != 0)
		return status < 0 ? EXIT_OK : status;

	struct speech speech;
	if ((set[1] ? cli_load_parsed_speech : cli_load_speech)(positional[0], &speech) != 0)
		return EXIT_ERROR;
	for (size_t i = 0; i < speech.outline_count; i++) {
		const struct outline_entry *entry = &speech.outline[i];
		const struct paragraph *paragraph = &speech.paragraphs[entry->paragraph];
		const char *label = paragraph_text(&speech, entry->paragraph);
		if (set[0])
			printf("%d\t%zu\t%.*s\n", entry->depth, entry->paragraph,
			       (int)paragraph->label_length, label);
		else
			printf("%*s%.*s\n", 2 * entry->depth, "", (int)paragraph->label_length,
			       label);
	}
	speech_free(&speech);
	return EXIT_OK;
}
