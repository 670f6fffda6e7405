/* Importing on a thread of its own (import_job.h): the progress grows to
 * the whole while the caller's connection reads the library; failures are
 * handed over as lines; a stop keeps every file imported before it and
 * leaves the library whole; finishing with an interrupt does too. */
#include <sys/stat.h>
#include <time.h>

#include "base/buffer.h"
#include "store/import_job.h"
#include "store/library.h"
#include "store_test.h"

enum { FILES = 60 };

static void write_speeches(const char *directory, int first)
{
	mkdir(test_path(directory), 0777);
	for (int i = 0; i < FILES; i++) {
		struct buffer path = {0}, text = {0};
		buffer_printf(&path, "%s/%03d.txt", test_path(directory), i);
		buffer_printf(&text, "第%d次会议上的讲话\n同志们：\n", first + i);
		for (int j = 0; j < 200; j++)
			buffer_printf(&text, "一要抓好民生实事，第%d件，第%d段。\n", first + i, j);
		FILE *file = fopen(buffer_string(&path), "w");
		if (file) {
			fwrite(text.data, 1, text.length, file);
			fclose(file);
		}
		buffer_free(&path);
		buffer_free(&text);
	}
}

static size_t speeches(struct store *store)
{
	struct store_library_query query = {0};
	size_t count = 0;
	struct error error = {{0}};
	if (store_library_count(store, &query, &count, &error) != 0)
		printf("# count: %s\n", error.message);
	return count;
}

static void pause_a_moment(void)
{
	nanosleep(&(struct timespec){0, 2 * 1000 * 1000}, NULL);
}

static void whole(struct store *store)
{
	write_speeches("whole", 0);
	FILE *junk = fopen(test_path("whole/junk.txt"), "w");
	if (junk) {
		fwrite("\xff\xfe\x00", 1, 3, junk);
		fclose(junk);
	}
	FILE *other = fopen(test_path("whole/notes.xyz"), "w");
	if (other)
		fclose(other);
	char *paths[] = {xstrdup(test_path("whole"))};
	struct store_import_job *job = NULL;
	struct error error = {{0}};
	ok(store_import_job_start(test_path("job.db"), paths, 1, &job, &error) == 0,
	   "an import starts");
	free(paths[0]);
	struct store_import_job_progress progress;
	struct store_import_report report;
	int state, monotonic = 1;
	uint64_t last = 0;
	while ((state = store_import_job_poll(job, &progress, &report, &error)) == 0) {
		monotonic &=
		    progress.bytes_done >= last && progress.bytes_done <= progress.bytes_total;
		last = progress.bytes_done;
		speeches(store); /* the caller reads meanwhile */
		pause_a_moment();
	}
	is_int(state, 1, "it ends (%s)", state < 0 ? error.message : "ok");
	ok(monotonic, "its progress only grows, and never past the whole");
	is_int(progress.files_total, FILES + 1, "every speech file counted");
	is_int(progress.files_done, progress.files_total, "and done at the end");
	ok(progress.bytes_total > 0 && progress.bytes_done == progress.bytes_total,
	   "every byte done");
	is_int(report.imported, FILES, "every speech imported");
	is_int(report.failed, 1, "the file that is not text failed");
	is_int(report.skipped, 1, "the file that is not a speech file was skipped");
	ok(!report.stopped, "not stopped");
	is_int(speeches(store), FILES, "the caller's connection sees them");
	size_t count = 0;
	char *failures = store_import_job_take_failures(job, &count);
	is_int(count, 2, "two lines of failures");
	ok(failures && strstr(failures, "junk.txt: ") && strstr(failures, "notes.xyz: "),
	   "naming the files");
	free(failures);
	ok(store_import_job_take_failures(job, &count) == NULL && count == 0, "handed over once");
	store_import_job_finish(job, 0);
}

/* Stopped at once: what was imported is what the report says, and the
 * library is whole. */
static void stopped(struct store *store, int interrupt)
{
	const char *directory = interrupt ? "interrupted" : "stopped";
	write_speeches(directory, interrupt ? 2000 : 1000);
	size_t before = speeches(store);
	char *paths[] = {xstrdup(test_path(directory))};
	struct store_import_job *job = NULL;
	struct error error = {{0}};
	store_import_job_start(test_path("job.db"), paths, 1, &job, &error);
	free(paths[0]);
	struct store_import_job_progress progress;
	struct store_import_report report;
	/* Once a few files are in, so that the stop comes in the middle. */
	while (store_import_job_poll(job, &progress, &report, &error) == 0 &&
	       progress.files_done < 3)
		pause_a_moment();
	if (interrupt) {
		store_import_job_finish(job, 1);
		size_t after = speeches(store);
		ok(after >= before && after < before + FILES,
		   "interrupted: some speeches or none were kept (%zu of %d)", after - before,
		   FILES);
	} else {
		store_import_job_stop(job);
		int state;
		while ((state = store_import_job_poll(job, &progress, &report, &error)) == 0)
			pause_a_moment();
		ok(progress.stopping, "the progress says it is stopping");
		is_int(state, 1, "a stopped import ends");
		ok(report.stopped && report.imported >= 3 && report.imported < FILES,
		   "stopped after %zu of %d files", report.imported, FILES);
		is_int(speeches(store) - before, report.imported,
		       "every speech it reports imported is in the library");
		store_import_job_finish(job, 0);
	}
	char *check = NULL;
	int status = store_check_quick(store, &check, &error);
	ok(status == 0 && strcmp(check, "ok") == 0, "%s: the library checks ok (%s)", directory,
	   status == 0 ? check : error.message);
	free(check);
}

static void missing_library(void)
{
	char *paths[] = {xstrdup(test_path("whole"))};
	struct store_import_job *job = NULL;
	struct error error = {{0}};
	store_import_job_start(test_path("none.db"), paths, 1, &job, &error);
	free(paths[0]);
	struct store_import_job_progress progress;
	struct store_import_report report;
	int state;
	while ((state = store_import_job_poll(job, &progress, &report, &error)) == 0)
		pause_a_moment();
	ok(state == -1 && error.message[0], "a library that is not there: %s", error.message);
	store_import_job_finish(job, 1);
	store_import_job_finish(NULL, 1);
}

int main(void)
{
	struct store *store = test_store_open("job.db");
	whole(store);
	stopped(store, 0);
	stopped(store, 1);
	missing_library();
	store_close(store);
	return tap_done();
}
