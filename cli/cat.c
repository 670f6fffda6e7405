#include <stdio.h>

#include "cli/cli.h"
#include "cli/options.h"

static void print_role(const struct paragraph *paragraph)
{
	if (paragraph->role == PARAGRAPH_TITLE)
		fputs("title", stdout);
	else if (paragraph->role == PARAGRAPH_HEADING)
		printf("h%d", paragraph->depth);
	else
		fputs("body", stdout);
}

int command_cat(int argc, char **argv)
{
	const struct command *command = command_find("cat");
	static const char *const flags[] = {"--tsv", NULL};
	int set[1] = {0}, count;
	char *positional[1];
	int status = cli_parse_flags(command, argc, argv, flags, set, positional, 1, 1, &count);
	if (status != 0)
		return status < 0 ? EXIT_OK : status;

	struct speech speech;
	if (cli_load_speech(positional[0], &speech) != 0)
		return EXIT_ERROR;
	for (size_t i = 0; i < speech.paragraph_count; i++) {
		const struct paragraph *paragraph = &speech.paragraphs[i];
		if (set[0]) {
			printf("%zu\t", i);
			print_role(paragraph);
			putchar('\t');
		}
		/* Cleaned text holds no control character, but may hold a
		 * bidirectional one: the field writer leaves those out. */
		cli_write_field(stdout, paragraph_text(&speech, i), paragraph->length);
		putchar('\n');
	}
	speech_free(&speech);
	return EXIT_OK;
}
