#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "cli/options.h"
#include "store/annotation.h"
#include "store/document.h"
#include "store/theme.h"

static size_t count_of(const struct store_tag_count *counts, size_t count, int64_t document,
		       int64_t theme)
{
	for (size_t i = 0; i < count; i++)
		if (counts[i].document_id == document && counts[i].theme_id == theme)
			return counts[i].count;
	return 0;
}

static void write_optional(const char *text)
{
	if (text)
		cli_write_field(stdout, text, strlen(text));
}

/* The metadata columns come after the theme columns, so that the columns
 * scripts already read keep their places. */
static void print_metadata_columns(const struct store_document *document)
{
	const char *values[] = {document->date, document->speaker, document->occasion,
				document->source};
	for (int i = 0; i < 4; i++) {
		putchar('\t');
		write_optional(values[i]);
	}
}

static void print_speeches(const struct store_document *documents, size_t document_count,
			   const struct store_theme *themes, size_t theme_count,
			   const struct store_tag_count *counts, size_t count, int tsv)
{
	if (tsv) {
		fputs("id\ttitle\tparagraphs", stdout);
		for (size_t t = 0; t < theme_count; t++) {
			putchar('\t');
			cli_write_field(stdout, themes[t].definition.name,
					strlen(themes[t].definition.name));
		}
		fputs("\tdate\tspeaker\toccasion\tsource\n", stdout);
	}
	for (size_t d = 0; d < document_count; d++) {
		const struct store_document *document = &documents[d];
		printf(tsv ? "%lld\t" : "%4lld  ", (long long)document->id);
		cli_write_field(stdout, document->title, strlen(document->title));
		if (!tsv && (document->date || document->speaker)) {
			fputs("  [", stdout);
			write_optional(document->date);
			fputs(document->date && document->speaker ? " " : "", stdout);
			write_optional(document->speaker);
			putchar(']');
		}
		if (tsv)
			printf("\t%zu", document->paragraph_count);
		else
			printf(P_("  (%zu paragraph)", "  (%zu paragraphs)",
				  document->paragraph_count),
			       document->paragraph_count);
		int first = 1;
		for (size_t t = 0; t < theme_count; t++) {
			size_t n = count_of(counts, count, document->id, themes[t].id);
			if (tsv) {
				printf("\t%zu", n);
			} else if (n) {
				fputs(first ? "  " : _(", "), stdout);
				cli_write_field(stdout, themes[t].definition.name,
						strlen(themes[t].definition.name));
				printf(" %zu", n);
				first = 0;
			}
		}
		if (tsv)
			print_metadata_columns(document);
		putchar('\n');
	}
}

/* OLD_ID PARA tag|note|correction THEME-NOTE-or-CORRECTION TEXT: the
 * annotations and corrections left on old versions, with the text they
 * were made on. */
static int print_orphans(struct store *store)
{
	struct store_orphan *orphans;
	size_t count;
	struct error error;
	if (store_orphans_list(store, &orphans, &count, &error) != 0)
		return cli_fail("%s", error.message);
	for (size_t i = 0; i < count; i++) {
		const struct store_orphan *orphan = &orphans[i];
		const char *what = orphan->theme_name ? orphan->theme_name
				   : orphan->note     ? orphan->note
						      : orphan->correction;
		printf("%lld\t%zu\t%s\t", (long long)orphan->document_id, orphan->paragraph,
		       orphan->theme_name ? "tag"
		       : orphan->note	  ? "note"
					  : "correction");
		cli_write_field(stdout, what, strlen(what));
		putchar('\t');
		cli_write_field(stdout, orphan->paragraph_text, strlen(orphan->paragraph_text));
		putchar('\n');
	}
	store_orphans_free(orphans, count);
	return EXIT_OK;
}

int command_list(int argc, char **argv)
{
	const struct command *command = command_find("list");
	struct cli_option options[] = {{"--tsv", 0, 0, NULL, NULL},
				       {"--orphans", 0, 0, NULL, NULL}};
	int count;
	int status = cli_parse_options(command, argc, argv, options, 2, NULL, 0, 0, &count);
	if (status != 0)
		return status < 0 ? EXIT_OK : status;
	struct store *store;
	if (cli_store_open(&store) != 0)
		return EXIT_ERROR;
	if (options[1].seen) {
		status = print_orphans(store);
		store_close(store);
		return status;
	}
	struct store_document *documents = NULL;
	struct store_theme *themes = NULL;
	struct store_tag_count *counts = NULL;
	size_t document_count = 0, theme_count = 0, count_count = 0;
	struct error error;
	if (store_documents_current(store, &documents, &document_count, &error) != 0 ||
	    store_themes_list(store, &themes, &theme_count, &error) != 0 ||
	    store_tag_counts(store, &counts, &count_count, &error) != 0)
		status = cli_fail("%s", error.message);
	else
		print_speeches(documents, document_count, themes, theme_count, counts, count_count,
			       options[0].seen);
	free(counts);
	store_themes_free(themes, theme_count);
	store_documents_free(documents, document_count);
	store_close(store);
	return status;
}
