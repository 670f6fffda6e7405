/* library_import.c — the library view's import (i): a prompt for a file
 * or directory, the progress on the bottom line while the files are read,
 * and the files that could not be imported in a pager. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buffer.h"
#include "base/i18n.h"
#include "store/import_paths.h"
#include "tui/colors.h"
#include "tui/draw.h"
#include "tui/library_view.h"
#include "tui/pager.h"
#include "tui/prompt.h"
#include "tui/screen.h"

struct import_screen {
	struct buffer failures; /* one line per failed or skipped file */
	size_t failure_count;
};

static int import_progress(void *context, size_t files_done, size_t files_total,
			   uint64_t bytes_done, uint64_t bytes_total, const char *path)
{
	(void)context;
	char line[512];
	snprintf(line, sizeof line, _(" importing %zu/%zu files · %.1f/%.1f MB · %s"), files_done,
		 files_total, (double)bytes_done / 1e6, (double)bytes_total / 1e6,
		 path ? path : _("done"));
	int width = COLS;
	int done = files_total
		       ? (int)((long long)width * (long long)files_done / (long long)files_total)
		       : width;
	draw_fill(stdscr, LINES - 1, 0, width, ' ', colors_attr(ELEMENT_STATUS));
	draw_text(stdscr, LINES - 1, 0, line, strlen(line), width, colors_attr(ELEMENT_STATUS));
	/* The part done shows in reverse, as a bar under the words. */
	mvchgat(LINES - 1, 0, done, A_REVERSE, 0, NULL);
	refresh();
	return tui_stop_signal != 0;
}

static void import_failed(void *context, const char *path, const char *message)
{
	struct import_screen *screen = context;
	buffer_printf(&screen->failures, "%s: %s", path, message);
	buffer_append_byte(&screen->failures, '\n');
	screen->failure_count++;
}

static void show_failures(struct library_view *view, struct import_screen *screen)
{
	size_t count = screen->failure_count;
	struct pager_line *lines = xcalloc(count, sizeof *lines);
	char *cursor = screen->failures.data;
	for (size_t i = 0; i < count; i++) {
		char *end = strchr(cursor, '\n');
		lines[i] = (struct pager_line){cursor, (size_t)(end - cursor), ELEMENT_TEXT};
		cursor = end + 1;
	}
	struct error error;
	pager_open(view->view->driver, _("files that could not be imported"), lines, count, 'q',
		   &error);
	free(lines);
}

static void import_answer(void *context, char *path)
{
	struct library_view *view = context;
	if (!path || !*path) {
		free(path);
		return;
	}
	struct import_screen screen = {0};
	struct store_import_progress progress = {
	    .context = &screen,
	    .progress = import_progress,
	    .failed = import_failed,
	    .skipped = import_failed,
	};
	struct store_import_report report;
	struct error error;
	char *paths[] = {path};
	int status = store_import_paths(view->store, paths, 1, &progress, &report, &error);
	if (status != 0)
		library_message(view, 1, _("import stopped: %s"), error.message);
	else
		library_message(view, report.failed > 0,
				_("%zu new, %zu new versions, %zu already there, %zu failed%s"),
				report.imported, report.new_versions, report.unchanged,
				report.failed, report.skipped ? _(", some files skipped") : "");
	if (screen.failure_count)
		show_failures(view, &screen);
	buffer_free(&screen.failures);
	free(path);
	library_requery(view);
}

void library_import(struct library_view *view)
{
	prompt_open(view->view->driver, _("import file or directory: "), NULL, import_answer, view);
}
