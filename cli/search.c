#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/buffer.h"
#include "cli/options.h"
#include "store/search.h"
#include "store/theme.h"

/* Writes text with every occurrence of the query's words in bold reverse
 * video. */
static void write_highlighted(const char *text, size_t length, const char *query)
{
	struct store_search_span *spans;
	size_t count = store_search_highlights(text, length, query, &spans);
	size_t at = 0;
	for (size_t i = 0; i < count; i++) {
		cli_write_field(stdout, text + at, spans[i].offset - at);
		fputs("\033[1;7m", stdout);
		cli_write_field(stdout, text + spans[i].offset, spans[i].length);
		fputs("\033[0m", stdout);
		at = spans[i].offset + spans[i].length;
	}
	cli_write_field(stdout, text + at, length - at);
	free(spans);
}

int command_search(int argc, char **argv)
{
	const struct command *command = command_find("search");
	struct cli_option options[] = {{"--theme", 1, 0, NULL}, {"--speech", 1, 0, NULL}};
	char **positional = calloc((size_t)argc, sizeof *positional);
	int count;
	int status =
	    cli_parse_options(command, argc, argv, options, 2, positional, 1, argc, &count);
	if (status != 0) {
		free(positional);
		return status < 0 ? EXIT_OK : status;
	}
	struct buffer text = {0};
	for (int i = 0; i < count; i++)
		buffer_printf(&text, "%s%s", i ? " " : "", positional[i]);
	free(positional);
	struct store_search_query query = {.text = buffer_string(&text)};
	struct store *store = NULL;
	struct error error;
	status = cli_store_open(&store);
	if (status == 0 && options[0].seen &&
	    store_theme_find(store, options[0].value, &query.theme_id, &error) != 0)
		status = cli_fail("%s", error.message);
	if (status == 0 && options[1].seen)
		status = cli_speech_resolve(store, options[1].value, &query.document_id);
	struct store_search_hit *hits = NULL;
	size_t hit_count = 0;
	if (status == 0 && store_search(store, &query, &hits, &hit_count, &error) != 0)
		status = cli_fail("%s", error.message);
	if (store)
		store_close(store);
	if (status != 0) {
		buffer_free(&text);
		return status;
	}
	const char *no_color = getenv("NO_COLOR");
	int highlight = isatty(STDOUT_FILENO) && !(no_color && *no_color);
	for (size_t i = 0; i < hit_count; i++) {
		printf("%lld\t%zu\t", (long long)hits[i].document_id, hits[i].paragraph);
		size_t length = strlen(hits[i].text);
		if (highlight)
			write_highlighted(hits[i].text, length, text.data);
		else
			cli_write_field(stdout, hits[i].text, length);
		putchar('\n');
	}
	store_search_hits_free(hits, hit_count);
	buffer_free(&text);
	return EXIT_OK;
}
