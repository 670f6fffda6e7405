/* library_view.h — the library view's state, shared by its files (private
 * to them): the list (library_view.c), importing with its progress
 * (library_import.c), the metadata form (library_metadata.c) and removing
 * and bringing back speeches (library_removal.c). The view itself is
 * tui_library in tui/tui.h. */
#ifndef PIZHU_TUI_LIBRARY_VIEW_H
#define PIZHU_TUI_LIBRARY_VIEW_H

#include <stddef.h>
#include <stdint.h>

#include "base/buffer.h"
#include "base/progress.h"
#include "store/document.h"
#include "store/import_job.h"
#include "store/library.h"
#include "tui/tui.h"
#include "tui/view.h"

enum { LIBRARY_REMOVED_MAX = 64 }; /* removals u can bring back */

struct library_view {
	struct tui *ui;
	struct view *view;
	struct store *store;
	int64_t data_version; /* the library's, when last counted */
	struct store_library_query query;
	char filter[256];
	size_t count;			/* speeches under the query */
	int counted;			/* count is known (else: the rows read so far) */
	size_t cursor;			/* row under the cursor */
	size_t top;			/* first row drawn */
	struct store_library_row *rows; /* rows[0] is row `first` */
	size_t first, row_count;
	int64_t *theme_ids; /* themes in key order, for the bar colours */
	size_t theme_count;
	/* The metadata form (e): the speech (id 0 when no form is open), its
	 * fields as stored and the answers so far, asked one prompt at a
	 * time. */
	struct library_form {
		int64_t id;
		struct store_document document;
		size_t step;
		char *answers[5]; /* title, date, speaker, occasion, source */
	} form;
	int64_t removed[LIBRARY_REMOVED_MAX];
	size_t removed_count;
	int64_t removing; /* the speech the question asks about */
	/* An import running on a thread of its own (i), with its bar. */
	struct library_import {
		struct store_import_job *job; /* NULL when none runs */
		struct progress_meter meter;
		char bar[256]; /* the bar as last drawn, "" before it shows */
		int stopping;
		struct buffer failures; /* "path: reason\n" for the pager */
		size_t failure_count;
	} import;
	char message[256];
	int message_is_error;
};

/* What the bottom line says instead of the hint. */
void library_message(struct library_view *view, int is_error, const char *format, ...)
    __attribute__((format(printf, 3, 4)));

/* Counts again after the query or the library changed. */
void library_requery(struct library_view *view);

/* The row at index, fetching the page around it when needed; NULL past
 * the end. */
const struct store_library_row *library_row_at(struct library_view *view, size_t index);

/* i: asks for a file or directory and imports it in the background,
 * showing the progress on the bottom line and the files that failed in a
 * pager; while an import runs, asks whether to stop it. */
void library_import(struct library_view *view);

/* Follows the import (after each wait for a key): its progress, its end.
 * Returns 1 while an import runs or when it just ended (the screen shows
 * its progress), 0 when there is none. */
int library_import_poll(struct library_view *view);

/* The progress bar for the bottom line, or NULL when no import shows one. */
const char *library_import_bar(const struct library_view *view);

/* The view closes: interrupts an import still running (its batch in
 * progress is rolled back) and waits for it. */
void library_import_end(struct library_view *view);

/* e: asks for the date, speaker, occasion and source of the speech under
 * the cursor, one prompt each, and saves what changed. */
void library_edit_metadata(struct library_view *view);

/* Forgets a form left open (when the view closes). */
void library_form_end(struct library_view *view);

/* d: asks, then removes the speech under the cursor; u brings back the
 * last one removed. */
void library_remove(struct library_view *view);
void library_restore(struct library_view *view);

#endif
