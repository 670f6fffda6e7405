#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "cli/options.h"
#include "speech/date.h"
#include "store/correction.h"
#include "store/document.h"
#include "store/metadata.h"

/* FIELD<TAB>VALUE for each field, empty while unknown. */
static void print_metadata(const struct store_document *document)
{
	const char *names[] = {"date", "speaker", "occasion", "source"};
	const char *values[] = {document->date, document->speaker, document->occasion,
				document->source};
	for (int i = 0; i < 4; i++) {
		printf("%s\t", names[i]);
		if (values[i])
			cli_write_field(stdout, values[i], strlen(values[i]));
		putchar('\n');
	}
}

int command_meta(int argc, char **argv)
{
	const struct command *command = command_find("meta");
	struct cli_option options[] = {{"--date", 1, 0, NULL, NULL},
				       {"--speaker", 1, 0, NULL, NULL},
				       {"--occasion", 1, 0, NULL, NULL},
				       {"--source", 1, 0, NULL, NULL},
				       {"--title", 1, 0, NULL, NULL}};
	char *positional[1];
	int count;
	int status = cli_parse_options(command, argc, argv, options, 5, positional, 1, 1, &count);
	if (status != 0)
		return status < 0 ? EXIT_OK : status;
	char iso[DATE_ISO_SIZE];
	const char *date = options[0].value;
	if (date && *date && !date_normalize(date, strlen(date), iso))
		return cli_usage_error(command,
				       _("--date: '%s' is not a date (YYYY-MM-DD, YYYY-MM "
					 "or YYYY)"),
				       date);
	struct store *store;
	if (cli_store_open(&store) != 0)
		return EXIT_ERROR;
	int64_t id;
	struct error error;
	struct store_document document;
	struct store_metadata_change change = {options[0].value, options[1].value, options[2].value,
					       options[3].value};
	if (cli_speech_resolve(store, positional[0], &id) != 0)
		status = EXIT_ERROR;
	else if (options[4].seen && store_title_set(store, id, options[4].value, NULL, &error) != 0)
		status = cli_fail("%s", error.message);
	else if ((options[0].seen || options[1].seen || options[2].seen || options[3].seen) &&
		 store_metadata_set(store, id, &change, &error) != 0)
		status = cli_fail("%s", error.message);
	else if (store_document_get(store, id, &document, &error) != 0)
		status = cli_fail("%s", error.message);
	else {
		print_metadata(&document);
		store_document_clear(&document);
	}
	store_close(store);
	return status;
}
