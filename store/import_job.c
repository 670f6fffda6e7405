#include "store/import_job.h"

#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

#include "base/buffer.h"
#include "base/i18n.h"
#include "base/thread_priority.h"
#include "formats/pdf_ocr.h"

enum { IMPORT_NICENESS = 10 };

struct store_import_job {
	pthread_t thread;
	char *database_path;
	char **paths;
	size_t path_count;
	pthread_mutex_t lock; /* guards everything below */
	struct store *store;  /* the thread's connection while it imports */
	struct store_import_job_progress progress;
	struct buffer failures; /* "path: reason\n" lines not yet taken */
	size_t failure_count;
	int state; /* 0 importing, 1 ended, -1 failed */
	struct store_import_report report;
	struct error error;
};

static int on_progress(void *context, size_t files_done, size_t files_total, uint64_t bytes_done,
		       uint64_t bytes_total, const char *path)
{
	(void)path;
	struct store_import_job *job = context;
	pthread_mutex_lock(&job->lock);
	job->progress.files_done = files_done;
	job->progress.files_total = files_total;
	job->progress.bytes_done = bytes_done;
	job->progress.bytes_total = bytes_total;
	int stop = job->progress.stopping;
	pthread_mutex_unlock(&job->lock);
	return stop;
}

/* Whether the user stopped the import (the OCR of a scanned page asks
 * between its steps, formats/pdf_ocr.h). */
static int stopping(void *context)
{
	struct store_import_job *job = context;
	pthread_mutex_lock(&job->lock);
	int stop = job->progress.stopping;
	pthread_mutex_unlock(&job->lock);
	return stop;
}

static void on_failure(void *context, const char *path, const char *message)
{
	struct store_import_job *job = context;
	pthread_mutex_lock(&job->lock);
	buffer_printf(&job->failures, "%s: %s\n", path, message);
	job->failure_count++;
	pthread_mutex_unlock(&job->lock);
}

static void *import(void *context)
{
	struct store_import_job *job = context;
	thread_priority_lower(IMPORT_NICENESS); /* the screen's keys first */
	pdf_ocr_thread_stop(stopping, job);
	struct store *store;
	struct store_import_report report = {0};
	struct error error;
	int status = store_open(job->database_path, STORE_OPEN_EXISTING, &store, &error);
	if (status == 0) {
		pthread_mutex_lock(&job->lock);
		job->store = store;
		pthread_mutex_unlock(&job->lock);
		struct store_import_progress progress = {
		    .context = job,
		    .progress = on_progress,
		    .failed = on_failure,
		    .skipped = on_failure,
		    .pace = STORE_IMPORT_SHARED, /* the screen's tags wait less */
		};
		status = store_import_paths(store, job->paths, job->path_count, &progress, &report,
					    &error);
		pthread_mutex_lock(&job->lock);
		job->store = NULL;
		pthread_mutex_unlock(&job->lock);
		store_close(store);
	}
	pthread_mutex_lock(&job->lock);
	job->state = status == 0 ? 1 : -1;
	job->report = report;
	job->error = error;
	pthread_mutex_unlock(&job->lock);
	return NULL;
}

static void job_free(struct store_import_job *job)
{
	pthread_mutex_destroy(&job->lock);
	for (size_t i = 0; i < job->path_count; i++)
		free(job->paths[i]);
	free(job->paths);
	free(job->database_path);
	buffer_free(&job->failures);
	free(job);
}

int store_import_job_start(const char *database_path, char *const *paths, size_t count,
			   struct store_import_job **result, struct error *error)
{
	struct store_import_job *job = xcalloc(1, sizeof *job);
	job->database_path = xstrdup(database_path);
	job->paths = xcalloc(count ? count : 1, sizeof *job->paths);
	for (size_t i = 0; i < count; i++)
		job->paths[i] = xstrdup(paths[i]);
	job->path_count = count;
	pthread_mutex_init(&job->lock, NULL);
	if (pthread_create(&job->thread, NULL, import, job) != 0) {
		job_free(job);
		return error_set(error, _("cannot start the import"));
	}
	*result = job;
	return 0;
}

int store_import_job_poll(struct store_import_job *job, struct store_import_job_progress *progress,
			  struct store_import_report *report, struct error *error)
{
	pthread_mutex_lock(&job->lock);
	*progress = job->progress;
	int state = job->state;
	if (state == 1)
		*report = job->report;
	else if (state < 0)
		*error = job->error;
	pthread_mutex_unlock(&job->lock);
	return state;
}

char *store_import_job_take_failures(struct store_import_job *job, size_t *count)
{
	pthread_mutex_lock(&job->lock);
	char *failures = job->failure_count ? buffer_string(&job->failures) : NULL;
	*count = job->failure_count;
	if (failures)
		job->failures = (struct buffer){0};
	job->failure_count = 0;
	pthread_mutex_unlock(&job->lock);
	return failures;
}

void store_import_job_stop(struct store_import_job *job)
{
	pthread_mutex_lock(&job->lock);
	job->progress.stopping = 1;
	pthread_mutex_unlock(&job->lock);
}

void store_import_job_finish(struct store_import_job *job, int interrupt)
{
	if (!job)
		return;
	pthread_mutex_lock(&job->lock);
	job->progress.stopping = 1;
	if (interrupt && job->store)
		store_interrupt(job->store);
	pthread_mutex_unlock(&job->lock);
	pthread_join(job->thread, NULL);
	job_free(job);
}
