/* import_job.h — importing files and directories (import_paths.h) on a
 * thread of its own, on a connection of its own, while a screen stays
 * responsive and shows how far it is.
 *
 * The screen asks for the progress when it draws (store_import_job_poll
 * never waits), so it draws at its own pace however many small files
 * the import goes through. Each batch the job commits is seen by the
 * screen's own connection as a change of the library (data_version).
 *
 * Stopping, as a user asks for it, lets the file being imported finish
 * and stops before the next one: every file imported so far is kept and
 * told, as when pizhu import is interrupted between batches. Finishing
 * with `interrupt` (the screen closes, pizhu quits) does not wait for the
 * file: its batch is rolled back, as pizhu import's is on Ctrl-C, and
 * the batches committed before it stay. */
#ifndef PIZHU_STORE_IMPORT_JOB_H
#define PIZHU_STORE_IMPORT_JOB_H

#include <stddef.h>
#include <stdint.h>

#include "base/error.h"
#include "store/import_paths.h"

struct store_import_job;

struct store_import_job_progress {
	size_t files_done; /* files before the one being imported */
	size_t files_total;
	uint64_t bytes_done;
	uint64_t bytes_total;
	int stopping; /* store_import_job_stop was called */
};

/* Starts importing paths[0..count) (copied) into the library at
 * database_path, which must exist. */
int store_import_job_start(const char *database_path, char *const *paths, size_t count,
			   struct store_import_job **job, struct error *error);

/* 0 while importing; 1 when it ended, with *report (report->stopped when
 * it was stopped); -1 when the library failed, with a message. Fills
 * *progress with how far it got either way. Never waits. */
int store_import_job_poll(struct store_import_job *job, struct store_import_job_progress *progress,
			  struct store_import_report *report, struct error *error);

/* The files that failed or were skipped so far, one "path: reason" line
 * each, handed over (a new string, or NULL when none since the last
 * call); *count is how many lines. */
char *store_import_job_take_failures(struct store_import_job *job, size_t *count);

/* Asks the import to stop before the next file; it ends soon after. */
void store_import_job_stop(struct store_import_job *job);

/* Waits for the import to end, interrupting it first when `interrupt`,
 * and frees it. NULL is nothing to finish. */
void store_import_job_finish(struct store_import_job *job, int interrupt);

#endif
