#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "cli/options.h"
#include "store/document.h"
#include "store/removal.h"

int command_remove(int argc, char **argv)
{
	const struct command *command = command_find("remove");
	struct cli_option options[] = {{"--force", 0, 0, NULL, NULL}};
	char *positional[1];
	int count;
	int status = cli_parse_options(command, argc, argv, options, 1, positional, 1, 1, &count);
	if (status != 0)
		return status < 0 ? EXIT_OK : status;
	struct store *store;
	if (cli_store_open(&store) != 0)
		return EXIT_ERROR;
	int64_t id;
	size_t tags = 0, notes = 0;
	struct error error;
	struct store_document document = {0};
	char *recovery = NULL;
	if (cli_speech_resolve(store, positional[0], &id) != 0)
		status = EXIT_ERROR;
	else if (store_document_get(store, id, &document, &error) != 0 ||
		 store_document_annotation_counts(store, id, &tags, &notes, &error) != 0)
		status = cli_fail("%s", error.message);
	else if (tags + notes > 0 && !options[0].seen)
		status = cli_fail(
		    _("speech %lld holds %s and %s; pizhu remove --force %lld removes it (they "
		      "are saved to a recovery file first)"),
		    (long long)id, i18n_count(tags, "%zu tag", "%zu tags"),
		    i18n_count(notes, "%zu note", "%zu notes"), (long long)id);
	else if (store_document_remove(store, id, NULL, &recovery, &error) != 0)
		status = cli_fail("%s", error.message);
	else {
		printf("removed %lld\t", (long long)id);
		cli_write_field(stdout, document.title, strlen(document.title));
		putchar('\n');
		if (recovery) {
			printf(_("saved %s and %s to "), i18n_count(tags, "%zu tag", "%zu tags"),
			       i18n_count(notes, "%zu note", "%zu notes"));
			cli_write_field(stdout, recovery, strlen(recovery));
			putchar('\n');
		}
	}
	store_document_clear(&document);
	free(recovery);
	/* Closing purges the removed rows: a removal is final once the
	 * command has ended. */
	if (status == 0) {
		if (store_purge_removed(store, NULL, &error) != 0)
			status = cli_fail("%s", error.message);
	}
	store_close(store);
	return status;
}
