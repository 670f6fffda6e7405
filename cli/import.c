#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#include "base/buffer.h"
#include "base/i18n.h"
#include "base/progress.h"
#include "base/utf8.h"
#include "cli/options.h"
#include "store/import_paths.h"
#include "base/width.h"

/* What the import shows on the terminal. The progress bar lives on
 * stderr and only when stderr is a terminal; it is wiped before anything
 * else is written, so it never mixes with the output. */
struct import_output {
	int show_progress;
	int progress_drawn;
	int columns;
	struct progress_meter meter;
};

static double seconds_now(void)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)now.tv_sec + (double)now.tv_nsec / 1e9;
}

static void wipe_progress(struct import_output *output)
{
	if (!output->progress_drawn)
		return;
	fputs("\r\033[K", stderr);
	fflush(stderr);
	output->progress_drawn = 0;
}

/* The tail of path that fits in `columns` terminal columns, after a "…"
 * when something was cut. */
static void write_path_tail(const char *path, int columns)
{
	size_t length = strlen(path), start = 0;
	int width = text_width(path, length, 0);
	while (width > columns && start < length) {
		size_t step;
		utf8_decode((const unsigned char *)path + start, length - start, &step);
		start += step;
		width = text_width(path + start, length - start, 0) + 1;
	}
	if (start > 0)
		fputs("…", stderr);
	cli_write_field(stderr, path + start, length - start);
}

/* The bar (base/progress.h), then as much of the current file's path as
 * fits; redrawn ten times a second at most, which a directory of ten
 * thousand small files would otherwise spend its time on. */
static int show_progress(void *context, size_t files_done, size_t files_total, uint64_t bytes_done,
			 uint64_t bytes_total, const char *path)
{
	struct import_output *output = context;
	if (!output->show_progress)
		return 0;
	if (!path) { /* the end */
		wipe_progress(output);
		return 0;
	}
	progress_meter_update(&output->meter, seconds_now(), files_done, files_total, bytes_done,
			      bytes_total);
	if (!progress_meter_due(&output->meter, 0, 0.1))
		return 0;
	char bar[256];
	int bar_columns = output->columns - 1 < 110 ? output->columns - 1 : 110;
	progress_meter_format(&output->meter, bar_columns, bar, sizeof bar);
	fflush(stdout);
	fprintf(stderr, "\r\033[K%s", bar);
	int room = output->columns - 1 - text_width(bar, strlen(bar), 0) - 2;
	if (room >= 12) {
		fputs("  ", stderr);
		write_path_tail(path, room);
	}
	fflush(stderr);
	output->progress_drawn = 1;
	return 0;
}

static void show_imported(void *context, const char *path, const struct store_import_result *result,
			  const char *title)
{
	struct import_output *output = context;
	wipe_progress(output);
	printf("%lld\t", (long long)result->id);
	cli_write_field(stdout, title, strlen(title));
	putchar('\n');
	if (result->outcome == STORE_IMPORT_NEW_VERSION) {
		fflush(stdout);
		cli_warn(result->orphaned
			     ? _("%s: new version of speech %lld; %s re-attached, %zu orphaned "
				 "(pizhu list --orphans)")
			     : _("%s: new version of speech %lld; %s re-attached, %zu orphaned"),
			 path, (long long)result->previous_id,
			 i18n_count(result->reattached, "%zu annotated paragraph",
				    "%zu annotated paragraphs"),
			 result->orphaned);
		if (result->corrections_reattached || result->corrections_orphaned)
			cli_warn(result->corrections_orphaned
				     ? _("%s: %s re-attached, %zu orphaned (pizhu list --orphans)")
				     : _("%s: %s re-attached, %zu orphaned"),
				 path,
				 i18n_count(result->corrections_reattached,
					    "%zu structure correction",
					    "%zu structure corrections"),
				 result->corrections_orphaned);
	}
}

static void show_failure(void *context, const char *path, const char *message)
{
	wipe_progress(context);
	fflush(stdout);
	cli_warn("%s: %s", path, message);
}

static void show_warning(void *context, const char *path, const char *message)
{
	wipe_progress(context);
	fflush(stdout);
	cli_warn(_("%s: warning: %s"), path, message);
}

static int terminal_columns(void)
{
	struct winsize size;
	if (ioctl(STDERR_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 20)
		return size.ws_col;
	return 80;
}

int cli_import_paths(struct store *store, char **paths, size_t count)
{
	struct import_output output = {.show_progress = isatty(STDERR_FILENO),
				       .columns = terminal_columns()};
	progress_meter_start(&output.meter, seconds_now());
	struct store_import_progress progress = {&output,	   show_progress, show_imported,
						 show_failure,	   show_warning,  show_failure,
						 STORE_IMPORT_BULK};
	struct store_import_report report;
	struct error error;
	if (store_import_paths(store, paths, count, &progress, &report, &error) != 0) {
		wipe_progress(&output);
		return cli_fail("%s", error.message);
	}
	return report.failed > 0 ? EXIT_ERROR : EXIT_OK;
}

int command_import(int argc, char **argv)
{
	const struct command *command = command_find("import");
	char **positional = calloc((size_t)argc, sizeof *positional);
	int count;
	int status = cli_parse_options(command, argc, argv, NULL, 0, positional, 1, argc, &count);
	if (status != 0) {
		free(positional);
		return status < 0 ? EXIT_OK : status;
	}
	struct store *store;
	if (cli_store_open(&store) != 0) {
		free(positional);
		return EXIT_ERROR;
	}
	status = cli_import_paths(store, positional, (size_t)count);
	store_close(store);
	free(positional);
	return status;
}
