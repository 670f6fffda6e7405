#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buffer.h"
#include "base/i18n.h"
#include "cli/options.h"
#include "cli/paragraphs.h"
#include "store/annotation.h"
#include "store/history.h"
#include "store/theme.h"

/* The command line as the history's description: "tag 3 3-7 民生". */
static char *describe(int argc, char **argv)
{
	struct buffer text = {0};
	for (int i = 0; i < argc; i++)
		buffer_printf(&text, "%s%s", i ? " " : "", argv[i]);
	return buffer_string(&text);
}

struct change {
	size_t paragraph;
	size_t theme; /* index into the theme arguments */
};

/* Changes every tag in one action, and only then reports what changed;
 * the paragraphs are the speech's (paragraph_list_expand checked them). */
static int tag_paragraphs(struct store *store, int64_t speech, const size_t *paragraphs,
			  size_t paragraph_count, char **names, const int64_t *themes,
			  size_t theme_count, int removing, const char *description)
{
	struct error error;
	struct change *changes = xcalloc(paragraph_count * theme_count, sizeof *changes);
	size_t change_count = 0;
	int status = store_action_begin(store, speech, description, &error);
	for (size_t i = 0; status == 0 && i < paragraph_count; i++)
		for (size_t t = 0; status == 0 && t < theme_count; t++) {
			int changed;
			status = removing ? store_tag_remove(store, speech, paragraphs[i],
							     themes[t], &changed, &error)
					  : store_tag_add(store, speech, paragraphs[i], themes[t],
							  &changed, &error);
			if (status == 0 && changed)
				changes[change_count++] = (struct change){paragraphs[i], t};
		}
	if (status != 0)
		store_action_abort(store);
	else
		status = store_action_commit(store, &error);
	if (status != 0) {
		free(changes);
		return cli_fail("%s", error.message);
	}
	for (size_t i = 0; i < change_count; i++) {
		printf("%zu\t", changes[i].paragraph);
		cli_write_field(stdout, names[changes[i].theme], strlen(names[changes[i].theme]));
		putchar('\n');
	}
	free(changes);
	return EXIT_OK;
}

int command_tag(int argc, char **argv)
{
	const struct command *command = command_find("tag");
	struct cli_option options[] = {{"--remove", 0, 0, NULL, NULL}};
	char **positional = calloc((size_t)argc, sizeof *positional);
	int count;
	int status =
	    cli_parse_options(command, argc, argv, options, 1, positional, 3, argc, &count);
	if (status != 0) {
		free(positional);
		return status < 0 ? EXIT_OK : status;
	}
	struct paragraph_list list;
	if (paragraph_list_parse(positional[1], &list) != 0) {
		status = cli_usage_error(command, _("bad paragraph list '%s' (write e.g. 3-7,12)"),
					 positional[1]);
		free(positional);
		return status;
	}
	struct store *store;
	int64_t speech;
	size_t theme_count = (size_t)count - 2;
	int64_t *themes = xcalloc(theme_count, sizeof *themes);
	size_t *paragraphs = NULL, paragraph_count;
	status = cli_store_open(&store);
	if (status == 0 && (status = cli_speech_resolve(store, positional[0], &speech)) != 0)
		store_close(store);
	for (size_t t = 0; status == 0 && t < theme_count; t++) {
		struct error error;
		if (store_theme_find(store, positional[2 + t], &themes[t], &error) != 0) {
			status = cli_fail("%s", error.message);
			store_close(store);
		}
	}
	if (status == 0 && (status = cli_paragraph_list_expand(store, speech, &list, &paragraphs,
							       &paragraph_count)) != 0)
		store_close(store);
	if (status == 0) {
		char *description = describe(argc, argv);
		status = tag_paragraphs(store, speech, paragraphs, paragraph_count, positional + 2,
					themes, theme_count, options[0].seen, description);
		free(description);
		store_close(store);
	}
	free(themes);
	free(paragraphs);
	paragraph_list_free(&list);
	free(positional);
	return status;
}

int command_tags(int argc, char **argv)
{
	const struct command *command = command_find("tags");
	char *positional[1];
	int count;
	int status = cli_parse_options(command, argc, argv, NULL, 0, positional, 1, 1, &count);
	if (status != 0)
		return status < 0 ? EXIT_OK : status;
	struct store *store;
	int64_t speech;
	if (cli_store_open_speech(positional[0], &store, &speech) != 0)
		return EXIT_ERROR;
	struct store_tag *tags;
	size_t tag_count;
	struct error error;
	if (store_tags_list(store, speech, &tags, &tag_count, &error) != 0)
		status = cli_fail("%s", error.message);
	for (size_t i = 0; status == 0 && i < tag_count; i++) {
		printf("%zu\t", tags[i].paragraph);
		cli_write_field(stdout, tags[i].theme_name, strlen(tags[i].theme_name));
		putchar('\n');
	}
	if (status == 0)
		store_tags_free(tags, tag_count);
	store_close(store);
	return status;
}
