/* config.c — the settings file, $XDG_CONFIG_HOME/pizhu/config
 * (~/.config/pizhu/config): lines of `name = value`, # comments.
 *
 *   width = 72             readable text width in columns (10 to 1000)
 *   ambiguous-wide = yes   the terminal draws “ ” … — two columns wide
 *   language = zh          zh (Chinese) or en (English): the interface,
 *                          whatever the locale says
 *   ocr = yes              scanned PDFs are read by OCR (as --ocr)
 *   bind reader x heading-next   a key for a command in a view (as tig's bind)
 *
 * Options on the command line win over the file. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/buffer.h"
#include "base/file.h"
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
	return strncmp(line, "bind", 4) == 0 && (isspace((unsigned char)line[4]) || !line[4]);
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

/* The most a settings file may hold: a few settings and bindings need a
 * few kilobytes. */
enum { CONFIG_MAX_BYTES = 64 * 1024 };

/* One line of the file (NUL-terminated in place); 0, or the status of
 * the failure it reported. */
static int config_line(const char *path, int number, char *line,
		       int (*setting)(const char *path, int line, const char *name,
				      const char *value, void *context),
		       void *context, int quiet)
{
	if (is_bind_line(line))
		/* Bound once, by the pass that reports (the language pass is
		 * quiet). */
		return quiet ? 0 : bind_line(line, path, number);
	char *hash = strchr(line, '#');
	if (hash)
		*hash = '\0';
	char *text = trim(line);
	if (!*text)
		return 0;
	char *equals = strchr(text, '=');
	if (!equals)
		return quiet ? -1 : cli_fail(_("%s:%d: expected name = value"), path, number);
	*equals = '\0';
	return setting(path, number, trim(text), trim(equals + 1), context);
}

/* The settings file as read, once per run: the language, the OCR and the
 * reader's settings are each read from it at the start, and each read
 * opened it (three opens of one file before the first paint). Kept for
 * the process's life (a few KB, bounded): nothing reads it after the
 * start. */
struct settings_file {
	char *path; /* NULL until read */
	unsigned char *bytes;
	size_t length;
	int complete;
	int failed, missing;
	struct error error;
};

static const struct settings_file *settings_file_read(const char *path)
{
	static struct settings_file file;
	if (file.path && strcmp(file.path, path) == 0)
		return &file;
	free(file.path);
	free(file.bytes);
	file = (struct settings_file){.path = xstrdup(path)};
	/* Read whole and bounded, as a regular file only: a FIFO does not
	 * block, a link to /dev/zero does not loop, and a line of any length
	 * is one line with its right number. */
	if (file_read_start(path, CONFIG_MAX_BYTES + 1, &file.bytes, &file.length, &file.complete,
			    &file.error) != 0) {
		file.failed = 1;
		file.bytes = NULL;
		file.missing = access(path, F_OK) != 0 && errno == ENOENT;
	}
	return &file;
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
	const struct settings_file *file = settings_file_read(path);
	if (file->failed) {
		if (quiet || file->missing)
			return 0;
		return cli_fail("%s: %s", path, file->error.message);
	}
	/* A copy to cut into lines, since the file may be read again. */
	size_t length = file->length;
	int complete = file->complete;
	unsigned char *bytes = xmalloc(length + 1);
	memcpy(bytes, file->bytes, length);
	bytes[length] = '\0';
	int status = 0;
	if (!complete || length > CONFIG_MAX_BYTES)
		status = quiet
			     ? -1
			     : cli_fail(_("%s: too large for a settings file (the most is %d KiB)"),
					path, CONFIG_MAX_BYTES / 1024);
	else if (memchr(bytes, '\0', length))
		status = quiet ? -1 : cli_fail(_("%s: not a text file (contains NUL bytes)"), path);
	char *line = (char *)bytes;
	for (int number = 1; status == 0 && line < (char *)bytes + length; number++) {
		char *end = strchr(line, '\n');
		if (end)
			*end = '\0';
		status = config_line(path, number, line, setting, context, quiet);
		line = end ? end + 1 : (char *)bytes + length;
	}
	free(bytes);
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
	} else if (strcmp(name, "ocr") == 0) {
		/* Applied at the start by cli_config_ocr, which reports a bad value. */
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

static int ocr_setting(const char *path, int line, const char *name, const char *value,
		       void *context)
{
	if (strcmp(name, "ocr") == 0 && parse_boolean(value, context) != 0)
		return cli_fail(_("%s:%d: ocr takes yes or no"), path, line);
	return 0;
}

int cli_config_ocr(int *ocr)
{
	return each_setting(ocr_setting, ocr, 1) == EXIT_ERROR ? EXIT_ERROR : 0;
}
