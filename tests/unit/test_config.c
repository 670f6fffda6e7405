/* The settings file (cli/config.c): the language, OCR and reader passes
 * of one run read it once, so a change made meanwhile is not half seen;
 * another path is read anew; a missing file has no settings. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"
#include "tap.h"
#include "tui/tui.h"

static void write_settings(const char *directory, const char *text)
{
	char path[512];
	snprintf(path, sizeof path, "%s/pizhu", directory);
	mkdir(path, 0700);
	snprintf(path, sizeof path, "%s/pizhu/config", directory);
	FILE *file = fopen(path, "w");
	fputs(text, file);
	fclose(file);
}

static void remove_settings(const char *directory)
{
	char path[512];
	snprintf(path, sizeof path, "%s/pizhu/config", directory);
	unlink(path);
	snprintf(path, sizeof path, "%s/pizhu", directory);
	rmdir(path);
	rmdir(directory);
}

int main(void)
{
	char first[] = "/tmp/pizhu-test-config-XXXXXX";
	char second[] = "/tmp/pizhu-test-config-XXXXXX";
	if (!mkdtemp(first) || !mkdtemp(second)) {
		perror("mkdtemp");
		return 1;
	}
	write_settings(first, "language = zh\nwidth = 72\n");
	write_settings(second, "width = 60\n");
	setenv("XDG_CONFIG_HOME", first, 1);

	enum i18n_language language = I18N_ENGLISH;
	is_int(cli_config_language(&language), 1, "the file sets the language");
	is_int(language, I18N_CHINESE, "to zh");
	/* Changed after the first pass: the run goes on with what it read. */
	write_settings(first, "width = 90\n");
	struct tui_options options = {.max_columns = 80};
	is_int(cli_config_load(&options), 0, "the reader's settings load");
	is_int(options.max_columns, 72, "from the file as first read");

	setenv("XDG_CONFIG_HOME", second, 1);
	is_int(cli_config_load(&options), 0, "another settings file loads");
	is_int(options.max_columns, 60, "and is read anew");

	remove_settings(second);
	setenv("XDG_CONFIG_HOME", "/nonexistent/pizhu-test", 1);
	options.max_columns = 80;
	is_int(cli_config_load(&options), 0, "a missing file is fine");
	is_int(options.max_columns, 80, "and sets nothing");
	remove_settings(first);
	return tap_done();
}
