#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buffer.h"
#include "base/i18n.h"
#include "cli/options.h"
#include "cli/paragraphs.h"
#include "store/annotation.h"

int command_note(int argc, char **argv)
{
	const struct command *command = command_find("note");
	struct cli_option options[] = {{"--clear", 0, 0, NULL, NULL}};
	char **positional = calloc((size_t)argc, sizeof *positional);
	int count;
	int status =
	    cli_parse_options(command, argc, argv, options, 1, positional, 2, argc, &count);
	if (status == 0 && !options[0].seen && count < 3)
		status = cli_usage_error(command, _("missing the note's text (or --clear)"));
	if (status == 0 && options[0].seen && count > 2)
		status = cli_usage_error(command, _("--clear takes no text"));
	struct paragraph_list list = {0};
	if (status == 0 && (paragraph_list_parse(positional[1], &list) != 0 || list.count != 1 ||
			    list.ranges[0].first != list.ranges[0].last))
		status = cli_usage_error(command, _("bad paragraph number '%s'"), positional[1]);
	if (status != 0) {
		paragraph_list_free(&list);
		free(positional);
		return status < 0 ? EXIT_OK : status;
	}
	size_t paragraph = list.ranges[0].first; /* store_note_set checks it */
	paragraph_list_free(&list);
	/* Several words after the paragraph make one note. */
	struct buffer text = {0};
	for (int i = 2; i < count; i++)
		buffer_printf(&text, "%s%s", i > 2 ? " " : "", positional[i]);
	struct store *store;
	int64_t speech;
	status = cli_store_open(&store);
	if (status == 0) {
		struct error error;
		if (cli_speech_resolve(store, positional[0], &speech) != 0)
			status = EXIT_ERROR;
		else if (store_note_set(store, speech, paragraph,
					options[0].seen ? NULL : buffer_string(&text), NULL,
					&error) != 0)
			status = cli_fail("%s", error.message);
		else if (!options[0].seen) {
			printf("%zu\t", paragraph);
			cli_write_field(stdout, text.data, text.length);
			putchar('\n');
		}
		store_close(store);
	}
	buffer_free(&text);
	free(positional);
	return status;
}

int command_notes(int argc, char **argv)
{
	const struct command *command = command_find("notes");
	char *positional[1];
	int count;
	int status = cli_parse_options(command, argc, argv, NULL, 0, positional, 1, 1, &count);
	if (status != 0)
		return status < 0 ? EXIT_OK : status;
	struct store *store;
	int64_t speech;
	if (cli_store_open_speech(positional[0], &store, &speech) != 0)
		return EXIT_ERROR;
	struct store_note *notes;
	size_t note_count;
	struct error error;
	if (store_notes_list(store, speech, &notes, &note_count, &error) != 0)
		status = cli_fail("%s", error.message);
	for (size_t i = 0; status == 0 && i < note_count; i++) {
		printf("%zu\t", notes[i].paragraph);
		cli_write_field(stdout, notes[i].text, strlen(notes[i].text));
		putchar('\n');
	}
	if (status == 0)
		store_notes_free(notes, note_count);
	store_close(store);
	return status;
}
