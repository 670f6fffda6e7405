/* library_import.c — the library view's import (i): a prompt for a file
 * or directory, then the import on a thread of its own (store/import_job.h)
 * while the list stays usable and grows as batches are committed. The
 * bottom line shows the progress bar (base/progress.h: speeches, MB,
 * rate, time left), redrawn a few times a second; i again asks whether
 * to stop it. At the end, the outcome on the bottom line and the files
 * that could not be imported in a pager. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/buffer.h"
#include "base/i18n.h"
#include "base/width.h"
#include "store/import_job.h"
#include "tui/library_view.h"
#include "tui/pager.h"
#include "tui/prompt.h"

enum { IMPORT_PAGER_KEY = 'q' };

/* A quick import shows no bar; a long one's is drawn this often at most. */
static const double BAR_AFTER_SECONDS = 0.3, BAR_EVERY_SECONDS = 0.25;

static double seconds_now(void)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)now.tv_sec + (double)now.tv_nsec / 1e9;
}

/* The failed and skipped files so far, kept for the pager at the end. */
static void take_failures(struct library_view *view)
{
	size_t count;
	char *failures = store_import_job_take_failures(view->import.job, &count);
	if (!failures)
		return;
	buffer_append_string(&view->import.failures, failures);
	view->import.failure_count += count;
	free(failures);
}

static void show_failures(struct library_view *view)
{
	size_t count = view->import.failure_count;
	struct pager_line *lines = xcalloc(count, sizeof *lines);
	char *cursor = view->import.failures.data;
	for (size_t i = 0; i < count; i++) {
		char *end = strchr(cursor, '\n');
		lines[i] = (struct pager_line){cursor, (size_t)(end - cursor), ELEMENT_TEXT};
		cursor = end + 1;
	}
	struct error error;
	/* The pager copies the lines it shows. */
	if (!pager_open(view->view->driver, _("files that could not be imported"), lines, count,
			IMPORT_PAGER_KEY, &error))
		library_message(view, 1, "%s", error.message);
	free(lines);
}

static void forget_import(struct library_view *view)
{
	buffer_free(&view->import.failures);
	view->import = (struct library_import){0};
}

/* The import ended: its outcome on the bottom line, its failures in a
 * pager. */
static void import_ended(struct library_view *view, int state,
			 const struct store_import_report *report, const struct error *error)
{
	take_failures(view);
	store_import_job_finish(view->import.job, 0);
	view->import.job = NULL;
	if (state < 0) {
		library_message(view, 1, _("import stopped: %s"), error->message);
	} else {
		char outcome[200];
		snprintf(outcome, sizeof outcome,
			 _("%zu new, %zu new versions, %zu already there, %zu failed%s"),
			 report->imported, report->new_versions, report->unchanged, report->failed,
			 report->skipped ? _(", some files skipped") : "");
		if (report->stopped)
			library_message(view, report->failed > 0, _("import stopped: %s"), outcome);
		else
			library_message(view, report->failed > 0, "%s", outcome);
	}
	if (view->import.failure_count)
		show_failures(view);
	forget_import(view);
	library_requery(view);
}

int library_import_poll(struct library_view *view)
{
	if (!view->import.job)
		return 0;
	struct store_import_job_progress progress;
	struct store_import_report report;
	struct error error;
	int state = store_import_job_poll(view->import.job, &progress, &report, &error);
	if (state != 0) {
		import_ended(view, state, &report, &error);
		return 1;
	}
	take_failures(view);
	progress_meter_update(&view->import.meter, seconds_now(), progress.files_done,
			      progress.files_total, progress.bytes_done, progress.bytes_total);
	view->import.stopping = progress.stopping;
	if (!progress_meter_due(&view->import.meter, BAR_AFTER_SECONDS, BAR_EVERY_SECONDS))
		return 1;
	const char *hint = view->import.stopping ? _("  stopping…") : _("  i stops");
	int columns = COLS - 2 - text_width(hint, strlen(hint), 0);
	char bar[sizeof view->import.bar];
	progress_meter_format(&view->import.meter, columns > 0 ? columns : 0, bar, sizeof bar);
	snprintf(view->import.bar, sizeof view->import.bar, "%s%s", bar, hint);
	return 1;
}

const char *library_import_bar(const struct library_view *view)
{
	return view->import.job && view->import.bar[0] ? view->import.bar : NULL;
}

static void stop_answer(void *context, int yes)
{
	struct library_view *view = context;
	if (yes && view->import.job) {
		store_import_job_stop(view->import.job);
		view->import.bar[0] = '\0';
		view->import.meter.drawn = -1;
		library_import_poll(view);
	}
}

static void import_answer(void *context, char *path)
{
	struct library_view *view = context;
	if (!path || !*path || view->import.job) {
		free(path);
		return;
	}
	struct error error;
	char *paths[] = {path};
	if (store_import_job_start(store_path(view->store), paths, 1, &view->import.job, &error) !=
	    0)
		library_message(view, 1, _("import stopped: %s"), error.message);
	else
		progress_meter_start(&view->import.meter, seconds_now());
	free(path);
}

void library_import(struct library_view *view)
{
	if (view->import.job)
		question_open(view->view->driver,
			      _("Stop the import? The speeches imported so far stay. (y/n)"),
			      stop_answer, view);
	else
		prompt_open(view->view->driver, _("import file or directory: "), NULL,
			    import_answer, view);
}

void library_import_end(struct library_view *view)
{
	/* The view closes (pizhu quits): the batch in progress is rolled back,
	 * as pizhu import's is on Ctrl-C; what was committed stays. */
	store_import_job_finish(view->import.job, 1);
	view->import.job = NULL;
	forget_import(view);
}
