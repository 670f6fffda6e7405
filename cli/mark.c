/* mark.c — `pizhu mark`: the user's corrections of a speech's structure. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buffer.h"
#include "base/i18n.h"
#include "cli/options.h"
#include "cli/paragraphs.h"
#include "store/correction.h"
#include "store/history.h"

/* Reads "heading DEPTH", "body", "front", "back" or "parsed" from the
 * arguments; 0, or EXIT_USAGE after saying what is wrong. */
static int parse_kind(const struct command *command, char **words, int count,
		      struct correction *correction)
{
	int kind = correction_kind_parse(words[0]);
	if (kind < 0)
		return cli_usage_error(
		    command, _("'%s' is not heading, body, front, back or parsed"), words[0]);
	correction->kind = (enum correction_kind)kind;
	correction->depth = 0;
	if (kind != CORRECTION_HEADING)
		return count == 1 ? 0
				  : cli_usage_error(command, _("'%s' takes no depth"), words[0]);
	char *end = NULL;
	long depth = count == 2 ? strtol(words[1], &end, 10) : 0;
	if (count != 2 || *end != '\0' || depth < 1 || depth > CORRECTION_MAX_DEPTH)
		return cli_usage_error(command, _("heading needs a depth from 1 to %d"),
				       CORRECTION_MAX_DEPTH);
	correction->depth = (int)depth;
	return 0;
}

/* All the paragraphs in one undoable action; prints PARA<TAB>WHAT for
 * each one changed, once it is saved. */
static int mark(struct store *store, int64_t speech, const size_t *paragraphs, size_t count,
		struct correction correction, const char *description)
{
	struct error error;
	unsigned char *changed = xcalloc(count ? count : 1, 1);
	int status = store_action_begin(store, speech, description, &error);
	for (size_t i = 0; status == 0 && i < count; i++) {
		int one;
		correction.paragraph = paragraphs[i];
		status = store_correction_set(store, speech, &correction, &one, &error);
		changed[i] = (unsigned char)one;
	}
	if (status != 0)
		store_action_abort(store);
	else
		status = store_action_commit(store, &error);
	if (status != 0) {
		free(changed);
		return cli_fail("%s", error.message);
	}
	char what[32];
	correction_format(&correction, what, sizeof what);
	for (size_t i = 0; i < count; i++)
		if (changed[i])
			printf("%zu\t%s\n", paragraphs[i], what);
	free(changed);
	return EXIT_OK;
}

int command_mark(int argc, char **argv)
{
	const struct command *command = command_find("mark");
	char *positional[4];
	int count;
	int status = cli_parse_options(command, argc, argv, NULL, 0, positional, 3, 4, &count);
	if (status != 0)
		return status < 0 ? EXIT_OK : status;
	struct correction correction = {0, CORRECTION_NONE, 0};
	if ((status = parse_kind(command, positional + 2, count - 2, &correction)) != 0)
		return status;
	struct paragraph_list list;
	if (paragraph_list_parse(positional[1], &list) != 0)
		return cli_usage_error(command, _("bad paragraph list '%s' (write e.g. 3,5-7)"),
				       positional[1]);
	struct store *store;
	int64_t speech;
	size_t *paragraphs = NULL, paragraph_count;
	status = cli_store_open_speech(positional[0], &store, &speech);
	if (status == 0 && (status = cli_paragraph_list_expand(store, speech, &list, &paragraphs,
							       &paragraph_count)) != 0)
		store_close(store);
	if (status == 0) {
		struct buffer description = {0};
		for (int i = 0; i < argc; i++)
			buffer_printf(&description, "%s%s", i ? " " : "", argv[i]);
		status = mark(store, speech, paragraphs, paragraph_count, correction,
			      buffer_string(&description));
		buffer_free(&description);
		store_close(store);
	}
	free(paragraphs);
	paragraph_list_free(&list);
	return status;
}
