/* config.c — the settings file, $XDG_CONFIG_HOME/pizhu/config
 * (~/.config/pizhu/config): lines of `name = value`, # comments.
 *
 *   width = 72             readable text width in columns (10 to 1000)
 *   ambiguous-wide = yes   the terminal draws “ ” … — two columns wide
 *   language = zh          zh (Chinese) or en (English): the interface,
 *                          whatever the locale says
 *   bind reader x heading-next   a key for a command in a view (as tig's bind)
 *
 * Options on the command line win over the file. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "cli/cli.h"
#include "tui/request.h"

static char *trim(char *text)
{
	while (isspace((unsigned char)*text))
		text++;
	size_t length = strlen(text);
	while (length > 0 && isspace((unsigned char)text[length - 1]))
		text[--length] = '\0';
	return text;
}

static int parse_boolean(const char *value, int *result)
{
	static const char *const yes[] = {"yes", "true", "on", "1"};
	static const char *const no[] = {"no", "false", "off", "0"};
	for (size_t i = 0; i < 4; i++) {
		if (strcmp(value, yes[i]) == 0)
			return *result = 1, 0;
		if (strcmp(value, no[i]) == 0)
			return *result = 0, 0;
	}
	return -1;
}

static int config_path(char *path, size_t size)
{
	const char *config_home = getenv("XDG_CONFIG_HOME");
	const char *home = getenv("HOME");
	if (config_home && *config_home)
		return snprintf(path, size, "%s/pizhu/config", config_home) < (int)size ? 0 : -1;
	if (home && *home)
		return snprintf(path, size, "%s/.config/pizhu/config", home) < (int)size ? 0 : -1;
	return -1;
}

static int is_bind_line(const char *line)
{
	line += strspn(line, " \t");
	return strncmp(line, "bind", 4) == 0 && isspace((unsigned char)line[4]);
}

/* bind VIEW KEY COMMAND [# comment]: read by words before comments are
 * cut, since # and " are keys too. */
static int bind_line(char *line, const char *path, int number)
{
	char *words[5] = {0};
	size_t count = 0;
	for (char *word = strtok(line, " \t\r\n"); word && count < 5;
	     word = strtok(NULL, " \t\r\n"))
		words[count++] = word;
	if (count < 4 || (count == 5 && words[4][0] != '#'))
		return cli_fail(_("%s:%d: expected bind VIEW KEY COMMAND (bind reader x "
				  "heading-next)"),
				path, number);
	struct error error;
	if (request_bind(words[1], words[2], words[3], &error) != 0)
		return cli_fail("%s:%d: %s", path, number, error.message);
	return 0;
}

/* Calls setting(name, value) for each line of the file; stops at the first
 * that does not return 0. A missing file has no settings. */
static int each_setting(int (*setting)(const char *path, int line, const char *name,
				       const char *value, void *context),
			void *context, int quiet)
{
	char path[4096];
	if (config_path(path, sizeof path) != 0)
		return 0;
	FILE *file = fopen(path, "r");
	if (!file)
		return errno == ENOENT || quiet ? 0
						: cli_fail("%s: %s", path, i18n_strerror(errno));
	char line[1024];
	int number = 0, status = 0;
	while (status == 0 && fgets(line, sizeof line, file)) {
		number++;
		if (is_bind_line(line)) {
			/* Bound once, by the pass that reports (the language
			 * pass is quiet). */
			if (!quiet && bind_line(line, path, number) != 0)
				status = -1;
			continue;
		}
		char *hash = strchr(line, '#');
		if (hash)
			*hash = '\0';
		char *text = trim(line);
		if (!*text)
			continue;
		char *equals = strchr(text, '=');
		if (!equals) {
			status =
			    quiet ? 0 : cli_fail(_("%s:%d: expected name = value"), path, number);
			break;
		}
		*equals = '\0';
		status = setting(path, number, trim(text), trim(equals + 1), context);
	}
	fclose(file);
	return status;
}

static int reader_setting(const char *path, int line, const char *name, const char *value,
			  void *context)
{
	struct tui_options *options = context;
	enum i18n_language language;
	if (strcmp(name, "width") == 0) {
		char *end;
		long columns = strtol(value, &end, 10);
		if (!*value || *end || columns < 10 || columns > 1000)
			return cli_fail(_("%s:%d: width takes 10 to 1000 columns"), path, line);
		options->max_columns = (int)columns;
	} else if (strcmp(name, "ambiguous-wide") == 0) {
		if (parse_boolean(value, &options->ambiguous_wide) != 0)
			return cli_fail(_("%s:%d: ambiguous-wide takes yes or no"), path, line);
	} else if (strcmp(name, "language") == 0) {
		/* Applied at the start by cli_config_language. */
		if (i18n_language_parse(value, &language) != 0)
			return cli_fail(_("%s:%d: language takes zh or en"), path, line);
	} else {
		return cli_fail(_("%s:%d: unknown setting '%s'"), path, line, name);
	}
	return 0;
}

int cli_config_load(struct tui_options *options)
{
	return each_setting(reader_setting, options, 0);
}

struct language_found {
	int set;
	enum i18n_language language;
};

static int language_setting(const char *path, int line, const char *name, const char *value,
			    void *context)
{
	(void)path;
	(void)line;
	struct language_found *found = context;
	if (strcmp(name, "language") == 0 && i18n_language_parse(value, &found->language) == 0)
		found->set = 1;
	return 0;
}

int cli_config_language(enum i18n_language *language)
{
	struct language_found found = {0, *language};
	each_setting(language_setting, &found, 1);
	*language = found.language;
	return found.set;
}
