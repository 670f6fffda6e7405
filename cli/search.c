#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "base/buffer.h"
#include "base/i18n.h"
#include "base/utf8.h"
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

struct printer {
	const char *query;
	int highlight;
	size_t printed;
};

/* Writes value in decimal before end; returns where it starts. */
static char *decimal(char *end, unsigned long long value)
{
	do
		*--end = (char)('0' + value % 10);
	while (value /= 10);
	return end;
}

/* "SPEECH<TAB>PARA<TAB>", as printf("%lld\t%zu\t") wrote it, without
 * printf's thousand instructions per hit. */
static void write_numbers(int64_t document_id, size_t paragraph)
{
	char text[48], *end = text + sizeof text;
	*--end = '\t';
	end = decimal(end, paragraph);
	*--end = '\t';
	/* The magnitude as unsigned: -INT64_MIN does not fit an int64_t. */
	unsigned long long magnitude = document_id < 0 ? 0ull - (unsigned long long)document_id
						       : (unsigned long long)document_id;
	end = decimal(end, magnitude);
	if (document_id < 0)
		*--end = '-';
	fwrite(end, 1, (size_t)(text + sizeof text - end), stdout);
}

/* Prints a hit as it is stepped: nothing is copied or kept. */
static int print_hit(void *context, const struct store_search_row *row)
{
	struct printer *printer = context;
	write_numbers(row->document_id, row->paragraph);
	/* Nearly every text is plain (utf8_plain_length stops at a NUL too),
	 * and cli_write_field would write it as it is: one pass over it, not
	 * three (strnlen, the scan, the copy). */
	if (!printer->highlight && utf8_plain_length(row->text, row->length) == row->length) {
		fwrite(row->text, 1, row->length, stdout);
	} else {
		/* A NUL ends the text, as it did when hits were copied as C
		 * strings. */
		size_t length = strnlen(row->text, row->length);
		if (printer->highlight)
			write_highlighted(row->text, length, printer->query);
		else
			cli_write_field(stdout, row->text, length);
	}
	putchar('\n');
	printer->printed++;
	return 0;
}

/* Hits shown when no --limit is given: a screenful on a terminal (one line
 * a hit, less two for the note and the prompt), every hit when piped. */
static size_t default_limit(void)
{
	if (!isatty(STDOUT_FILENO))
		return 0;
	struct winsize size;
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) != 0 || size.ws_row < 7)
		return 20;
	return (size_t)size.ws_row - 2;
}

/* A whole number for --limit; 0 is every hit. */
static int parse_limit(const char *text, size_t *limit)
{
	if (!text[0] || strspn(text, "0123456789") != strlen(text) || strlen(text) > 9)
		return -1;
	*limit = (size_t)strtoul(text, NULL, 10);
	return 0;
}

/* On a terminal, a page that was cut short says so on stderr (standard
 * output keeps its one hit a line). */
static void note_the_rest(struct store *store, const struct store_search_query *query,
			  size_t printed)
{
	size_t total;
	struct error error;
	if (query->limit == 0 || printed < query->limit || !isatty(STDERR_FILENO) ||
	    store_search_count(store, query, &total, &error) != 0 || total <= printed)
		return;
	fflush(stdout);
	cli_warn(_("the %zu most relevant of %zu hits; --limit 0 prints all"), printed, total);
}

int command_search(int argc, char **argv)
{
	const struct command *command = command_find("search");
	struct cli_option options[] = {{"--theme", 1, 0, NULL, NULL},
				       {"--speech", 1, 0, NULL, NULL},
				       {"--limit", 1, 0, NULL, NULL},
				       {"--count", 0, 0, NULL, NULL},
				       {"--all", 0, 0, NULL, NULL}};
	char **positional = calloc((size_t)argc, sizeof *positional);
	int count;
	int status =
	    cli_parse_options(command, argc, argv, options, 5, positional, 1, argc, &count);
	if (status != 0) {
		free(positional);
		return status < 0 ? EXIT_OK : status;
	}
	struct buffer text = {0};
	for (int i = 0; i < count; i++)
		buffer_printf(&text, "%s%s", i ? " " : "", positional[i]);
	free(positional);
	struct store_search_query query = {.text = buffer_string(&text),
					   .limit = default_limit(),
					   .include_hidden = options[4].seen};
	if (options[2].seen && parse_limit(options[2].value, &query.limit) != 0) {
		buffer_free(&text);
		return cli_usage_error(command,
				       _("--limit needs a whole number (0 for all), not '%s'"),
				       options[2].value);
	}
	struct store *store = NULL;
	struct error error;
	status = options[0].seen ? cli_store_open(&store) : cli_store_open_without_themes(&store);
	if (status == 0)
		store_cache_small(store);
	if (status == 0 && options[0].seen &&
	    store_theme_find(store, options[0].value, &query.theme_id, &error) != 0)
		status = cli_fail("%s", error.message);
	if (status == 0 && options[1].seen)
		status = cli_speech_resolve(store, options[1].value, &query.document_id);
	const char *no_color = getenv("NO_COLOR");
	struct printer printer = {text.data, isatty(STDOUT_FILENO) && !(no_color && *no_color), 0};
	size_t total;
	if (status == 0 && options[3].seen) {
		if (store_search_count(store, &query, &total, &error) != 0)
			status = cli_fail("%s", error.message);
		else
			printf("%zu\n", total);
	} else if (status == 0) {
		/* A failure part way leaves the hits before it printed and the
		 * message on stderr. */
		if (store_search_each(store, &query, print_hit, &printer, &error) != 0)
			status = cli_fail("%s", error.message);
		else
			note_the_rest(store, &query, printer.printed);
	}
	if (store)
		store_close(store);
	buffer_free(&text);
	return status == 0 ? EXIT_OK : status;
}
