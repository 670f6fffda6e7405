#include <stdio.h>

#include "cli/cli.h"
#include "cli/options.h"
#include "speech/correct.h"

static void print_role(const struct paragraph *paragraph)
{
	if (paragraph->role == PARAGRAPH_TITLE)
		fputs("title", stdout);
	else if (paragraph->role == PARAGRAPH_HEADING)
		printf("h%d", paragraph->depth);
	else if (paragraph_hidden(paragraph))
		fputs(paragraph->role == PARAGRAPH_FRONT_MATTER ? "front" : "back", stdout);
	else
		fputs("body", stdout);
}

int command_cat(int argc, char **argv)
{
	const struct command *command = command_find("cat");
	struct cli_option options[] = {{"--tsv", 0, 0, NULL, NULL},
				       {"--parsed", 0, 0, NULL, NULL},
				       {"--all", 0, 0, NULL, NULL}};
	int count;
	char *positional[1];
	int status = cli_parse_options(command, argc, argv, options, 3, positional, 1, 1, &count);
	if (status != 0)
		return status < 0 ? EXIT_OK : status;

	struct speech speech;
	if ((options[1].seen ? cli_load_parsed_speech : cli_load_speech)(positional[0], &speech) !=
	    0)
		return EXIT_ERROR;
	for (size_t i = 0; i < speech.paragraph_count; i++) {
		const struct paragraph *paragraph = &speech.paragraphs[i];
		if (paragraph_hidden(paragraph) && !options[2].seen)
			continue; /* front or back matter */
		if (options[0].seen) {
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
