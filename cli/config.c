/* config.c — the reader's settings file, $XDG_CONFIG_HOME/pizhu/config
 * (~/.config/pizhu/config): lines of `name = value`, # comments.
 *
 *   width = 72             readable text width in columns (10 to 1000)
 *   ambiguous-wide = yes   the terminal draws “ ” … — two columns wide
 *
 * Options on the command line win over the file. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/file.h"
#include "cli/cli.h"

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

/* The most a settings file may hold: two settings need a few bytes. */
enum { CONFIG_MAX_BYTES = 64 * 1024 };

/* One line of the file (NUL-terminated in place); 0, or the status of
 * the failure it reported. */
static int config_line(const char *path, int number, char *line, struct tui_options *options)
{
	char *hash = strchr(line, '#');
	if (hash)
		*hash = '\0';
	char *text = trim(line);
	if (!*text)
		return 0;
	char *equals = strchr(text, '=');
	if (!equals)
		return cli_fail("%s:%d: expected name = value", path, number);
	*equals = '\0';
	char *name = trim(text), *value = trim(equals + 1);
	if (strcmp(name, "width") == 0) {
		char *end;
		long columns = strtol(value, &end, 10);
		if (!*value || *end || columns < 10 || columns > 1000)
			return cli_fail("%s:%d: width takes 10 to 1000 columns", path, number);
		options->max_columns = (int)columns;
	} else if (strcmp(name, "ambiguous-wide") == 0) {
		if (parse_boolean(value, &options->ambiguous_wide) != 0)
			return cli_fail("%s:%d: ambiguous-wide takes yes or no", path, number);
	} else {
		return cli_fail("%s:%d: unknown setting '%s'", path, number, name);
	}
	return 0;
}

int cli_config_load(struct tui_options *options)
{
	char path[4096];
	if (config_path(path, sizeof path) != 0)
		return 0;
	/* Read whole and bounded, as a regular file only: a FIFO does not
	 * block, a link to /dev/zero does not loop, and a line of any length
	 * is one line with its right number. */
	unsigned char *bytes;
	size_t length;
	int complete;
	struct error error;
	if (file_read_start(path, CONFIG_MAX_BYTES + 1, &bytes, &length, &complete, &error) != 0) {
		if (access(path, F_OK) != 0 && errno == ENOENT)
			return 0;
		return cli_fail("%s: %s", path, error.message);
	}
	int status = 0;
	if (!complete || length > CONFIG_MAX_BYTES)
		status = cli_fail("%s: too large for a settings file (the most is %d KiB)", path,
				  CONFIG_MAX_BYTES / 1024);
	else if (memchr(bytes, '\0', length))
		status = cli_fail("%s: not a text file (contains NUL bytes)", path);
	char *line = (char *)bytes;
	for (int number = 1; status == 0 && line < (char *)bytes + length; number++) {
		char *end = strchr(line, '\n');
		if (end)
			*end = '\0';
		status = config_line(path, number, line, options);
		line = end ? end + 1 : (char *)bytes + length;
	}
	free(bytes);
	return status;
}
