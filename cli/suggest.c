#include <stdio.h>
#include <string.h>

#include "cli/options.h"
#include "store/suggest.h"

int command_suggest(int argc, char **argv)
{
	const struct command *command = command_find("suggest");
	struct cli_option options[] = {{"--apply", 0, 0, NULL, NULL}};
	char *positional[1];
	int count;
	int status = cli_parse_options(command, argc, argv, options, 1, positional, 1, 1, &count);
	if (status != 0)
		return status < 0 ? EXIT_OK : status;
	struct store *store;
	int64_t speech;
	if (cli_store_open_speech(positional[0], &store, &speech) != 0)
		return EXIT_ERROR;
	struct store_suggestion *suggestions;
	size_t suggestion_count, applied;
	struct error error;
	/* Listed before applying, so the output says what --apply tagged. */
	status = store_suggestions(store, speech, &suggestions, &suggestion_count, &error);
	if (status == 0 && options[0].seen)
		status = store_suggestions_apply(store, speech, &applied, &error);
	store_close(store);
	if (status != 0)
		return cli_fail("%s", error.message);
	for (size_t i = 0; i < suggestion_count; i++) {
		const struct store_suggestion *suggestion = &suggestions[i];
		printf("%zu\t", suggestion->paragraph);
		cli_write_field(stdout, suggestion->theme_name, strlen(suggestion->theme_name));
		putchar('\t');
		cli_write_field(stdout, suggestion->keywords, strlen(suggestion->keywords));
		putchar('\n');
	}
	store_suggestions_free(suggestions, suggestion_count);
	return EXIT_OK;
}
