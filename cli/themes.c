#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buffer.h"
#include "base/i18n.h"
#include "cli/options.h"
#include "store/theme.h"

static void print_themes(const struct store_theme *themes, size_t count, int tsv)
{
	for (size_t i = 0; i < count; i++) {
		const struct theme_definition *theme = &themes[i].definition;
		if (theme->key)
			printf("%d", theme->key);
		else
			fputs(tsv ? "" : "-", stdout);
		putchar(tsv ? '\t' : ' ');
		cli_write_field(stdout, theme->name, strlen(theme->name));
		if (tsv)
			printf("\t%s\t%zu\t", theme->color, themes[i].tag_count);
		else
			printf(theme->keyword_count ? _(" (%s, %s)  keywords: ")
						    : _(" (%s, %s)  no keywords"),
			       *theme->color ? theme->color : _("default colour"),
			       i18n_count(themes[i].tag_count, "%zu tag", "%zu tags"));
		for (size_t k = 0; k < theme->keyword_count; k++) {
			fputs(k == 0 ? "" : tsv ? "," : "、", stdout);
			cli_write_field(stdout, theme->keywords[k], strlen(theme->keywords[k]));
		}
		putchar('\n');
	}
}

static int list_themes(struct store *store, int tsv)
{
	struct store_theme *themes;
	size_t count;
	struct error error;
	if (store_themes_list(store, &themes, &count, &error) != 0)
		return cli_fail("%s", error.message);
	print_themes(themes, count, tsv);
	store_themes_free(themes, count);
	return EXIT_OK;
}

enum { OPTION_TSV, OPTION_KEY, OPTION_COLOR, OPTION_KEYWORDS, OPTION_FORCE, OPTION_COUNT };

/* Applies --key, --color and --keywords to a definition. */
static int apply_options(const struct command *command, const struct cli_option *options,
			 struct theme_definition *theme)
{
	if (options[OPTION_KEY].seen) {
		const char *key = options[OPTION_KEY].value;
		if (strcmp(key, "none") == 0 || strcmp(key, "0") == 0)
			theme->key = 0;
		else if (key[0] >= '1' && key[0] <= '9' && key[1] == '\0')
			theme->key = key[0] - '0';
		else
			return cli_usage_error(command,
					       _("a key is a digit 1-9 (or none), not '%s'"), key);
	}
	if (options[OPTION_COLOR].seen) {
		free(theme->color);
		theme->color = xstrdup(options[OPTION_COLOR].value);
	}
	if (options[OPTION_KEYWORDS].seen) {
		for (size_t i = 0; i < theme->keyword_count; i++)
			free(theme->keywords[i]);
		free(theme->keywords);
		theme->keywords = NULL;
		theme->keyword_count = 0;
		theme_keywords_add(theme, options[OPTION_KEYWORDS].value);
	}
	return 0;
}

static int change_theme(const struct command *command, struct store *store, const char *action,
			char **arguments, int count, const struct cli_option *options)
{
	struct error error;
	int64_t id;
	if (strcmp(action, "add") == 0) {
		if (count != 1)
			return cli_usage_error(command, _("themes add takes one NAME"));
		struct theme_definition theme = {.name = xstrdup(arguments[0]),
						 .color = xstrdup("")};
		int status = apply_options(command, options, &theme);
		if (status == 0 && store_theme_add(store, &theme, &id, &error) != 0)
			status = cli_fail("%s", error.message);
		theme_definition_clear(&theme);
		return status == 0 ? list_themes(store, 0) : status;
	}
	int renaming = strcmp(action, "rename") == 0;
	if (renaming ? count != 2 : count != 1)
		return cli_usage_error(command,
				       renaming ? _("themes rename takes OLD and NEW")
						: _("themes %s takes one NAME"),
				       action);
	if (store_theme_find(store, arguments[0], &id, &error) != 0)
		return cli_fail("%s", error.message);
	if (strcmp(action, "delete") == 0) {
		size_t removed = 0;
		if (store_theme_delete(store, id, options[OPTION_FORCE].seen, &removed, &error) !=
		    0)
			return cli_fail("%s", error.message);
		if (removed)
			printf(_("deleted %s and %s\n"), arguments[0],
			       i18n_count(removed, "%zu tag", "%zu tags"));
		return EXIT_OK;
	}
	struct store_theme theme;
	if (store_theme_get(store, id, &theme, &error) != 0)
		return cli_fail("%s", error.message);
	if (renaming) {
		free(theme.definition.name);
		theme.definition.name = xstrdup(arguments[1]);
	}
	int status = apply_options(command, options, &theme.definition);
	if (status == 0 && store_theme_update(store, id, &theme.definition, &error) != 0)
		status = cli_fail("%s", error.message);
	store_theme_clear(&theme);
	return status == 0 ? list_themes(store, 0) : status;
}

int command_themes(int argc, char **argv)
{
	const struct command *command = command_find("themes");
	struct cli_option options[OPTION_COUNT] = {
	    [OPTION_TSV] = {"--tsv", 0, 0, NULL, NULL},
	    [OPTION_KEY] = {"--key", 1, 0, NULL, NULL},
	    [OPTION_COLOR] = {"--color", 1, 0, NULL, NULL},
	    [OPTION_KEYWORDS] = {"--keywords", 1, 0, NULL, NULL},
	    [OPTION_FORCE] = {"--force", 0, 0, NULL, NULL},
	};
	char *positional[4];
	int count;
	int status =
	    cli_parse_options(command, argc, argv, options, OPTION_COUNT, positional, 0, 4, &count);
	if (status != 0)
		return status < 0 ? EXIT_OK : status;
	static const char *const actions[] = {"add", "set", "rename", "delete"};
	int known = count == 0;
	for (size_t i = 0; count > 0 && i < sizeof actions / sizeof actions[0]; i++)
		known |= strcmp(positional[0], actions[i]) == 0;
	if (!known)
		return cli_usage_error(command, _("unknown themes command '%s'"), positional[0]);
	struct store *store;
	if (cli_store_open(&store) != 0)
		return EXIT_ERROR;
	status = count == 0 ? list_themes(store, options[OPTION_TSV].seen)
			    : change_theme(command, store, positional[0], positional + 1, count - 1,
					   options);
	store_close(store);
	return status;
}
