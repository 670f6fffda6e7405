#include <stdio.h>
#include <string.h>

#include "base/i18n.h"
#include "cli/options.h"
#include "store/history.h"

/* Parses the optional SPEECH of undo, redo and history; 0 means all. */
static int speech_argument(const char *name, int argc, char **argv, struct store **store,
			   int64_t *speech)
{
	const struct command *command = command_find(name);
	char *positional[1];
	int count;
	int status = cli_parse_options(command, argc, argv, NULL, 0, positional, 0, 1, &count);
	if (status != 0)
		return status;
	if (cli_store_open(store) != 0)
		return EXIT_ERROR;
	*speech = 0;
	if (count == 1 && cli_speech_resolve(*store, positional[0], speech) != 0) {
		store_close(*store);
		return EXIT_ERROR;
	}
	return 0;
}

static int undo_or_redo(const char *name, int argc, char **argv, int redo)
{
	struct store *store;
	int64_t speech;
	int status = speech_argument(name, argc, argv, &store, &speech);
	if (status != 0)
		return status < 0 ? EXIT_OK : status;
	struct store_action action;
	struct error error;
	int done;
	status = redo ? store_redo(store, speech, &done, &action, &error)
		      : store_undo(store, speech, &done, &action, &error);
	store_close(store);
	if (status != 0)
		return cli_fail("%s", error.message);
	if (!done)
		return cli_fail("%s", redo ? _("nothing to redo") : _("nothing to undo"));
	printf("%s: ", redo ? _("redo") : _("undo"));
	cli_write_field(stdout, action.description, strlen(action.description));
	putchar('\n');
	store_action_clear(&action);
	return EXIT_OK;
}

int command_undo(int argc, char **argv)
{
	return undo_or_redo("undo", argc, argv, 0);
}

int command_redo(int argc, char **argv)
{
	return undo_or_redo("redo", argc, argv, 1);
}

static const char *state_note(enum store_action_state state)
{
	switch (state) {
	case STORE_ACTION_UNDONE:
		return " (undone)";
	case STORE_ACTION_DISCARDED:
		return " (undone, dropped)";
	case STORE_ACTION_RECORD:
	case STORE_ACTION_APPLIED:
		break;
	}
	return "";
}

int command_history(int argc, char **argv)
{
	struct store *store;
	int64_t speech;
	int status = speech_argument("history", argc, argv, &store, &speech);
	if (status != 0)
		return status < 0 ? EXIT_OK : status;
	struct store_action *actions;
	size_t count;
	struct error error;
	status = store_history(store, speech, &actions, &count, &error);
	store_close(store);
	if (status != 0)
		return cli_fail("%s", error.message);
	for (size_t i = 0; i < count; i++) {
		const struct store_action *action = &actions[i];
		printf("%lld\t%s\t", (long long)action->id, action->at);
		cli_write_field(stdout, action->user, strlen(action->user));
		if (action->document_id)
			printf("\t%lld\t", (long long)action->document_id);
		else
			fputs("\t-\t", stdout);
		cli_write_field(stdout, action->description, strlen(action->description));
		printf("%s\n", state_note(action->state));
	}
	store_actions_free(actions, count);
	return EXIT_OK;
}
