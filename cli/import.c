#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/file.h"
#include "cli/options.h"
#include "store/document.h"

/* Imports one file; returns 0 or EXIT_ERROR (already reported). */
static int import_file(struct store *store, const char *path)
{
	unsigned char *bytes;
	size_t length;
	struct error error;
	if (file_read(path, &bytes, &length, &error) != 0)
		return cli_fail("%s: %s", path, error.message);
	struct store_import_result result;
	int64_t id;
	int found = store_find_content(store, bytes, length, &id, &error);
	struct speech speech;
	int status = found < 0 ? cli_fail("%s", error.message) : 0;
	/* Known content needs no parsing: the library has it already. */
	if (status == 0 && !found &&
	    (status = cli_parse_speech(path, bytes, length, &speech)) == 0) {
		char *absolute = realpath(path, NULL);
		if (store_import(store, absolute, bytes, length, &speech, &result, &error) != 0)
			status = cli_fail("%s: %s", path, error.message);
		id = result.id;
		free(absolute);
		speech_free(&speech);
	}
	free(bytes);
	if (status != 0)
		return status;
	struct store_document document;
	if (store_document_get(store, id, &document, &error) != 0)
		return cli_fail("%s", error.message);
	printf("%lld\t", (long long)id);
	cli_write_field(stdout, document.title, strlen(document.title));
	putchar('\n');
	store_document_clear(&document);
	if (!found && result.outcome == STORE_IMPORT_NEW_VERSION) {
		fflush(stdout);
		cli_warn("%s: new version of speech %lld; %zu annotated paragraph%s "
			 "re-attached, %zu orphaned%s",
			 path, (long long)result.previous_id, result.reattached,
			 result.reattached == 1 ? "" : "s", result.orphaned,
			 result.orphaned ? " (pizhu list --orphans)" : "");
	}
	return 0;
}

int command_import(int argc, char **argv)
{
	const struct command *command = command_find("import");
	char **positional = calloc((size_t)argc, sizeof *positional);
	int count;
	int status = cli_parse_options(command, argc, argv, NULL, 0, positional, 1, argc, &count);
	if (status != 0) {
		free(positional);
		return status < 0 ? EXIT_OK : status;
	}
	struct store *store;
	if (cli_store_open(&store) != 0) {
		free(positional);
		return EXIT_ERROR;
	}
	int failed = 0;
	for (int i = 0; i < count; i++)
		failed |= import_file(store, positional[i]) != 0;
	store_close(store);
	free(positional);
	return failed ? EXIT_ERROR : EXIT_OK;
}
