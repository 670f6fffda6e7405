#include "store/import_paths.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "base/buffer.h"
#include "base/i18n.h"
#include "formats/read.h"
#include "speech/decode.h"
#include "speech/source.h"
#include "store/internal.h"

struct found_file {
	char *path;
	uint64_t size;
};

struct walk {
	struct found_file *files;
	size_t count, capacity;
	const struct store_import_progress *progress;
	struct store_import_report *report;
	struct notice *notices; /* held while a batch is open */
	size_t notice_count, notice_capacity;
};

static void fail(struct walk *walk, const char *path, const char *message)
{
	walk->report->failed++;
	walk->progress->failed(walk->progress->context, path, message);
}

static void add_file(struct walk *walk, const char *path, uint64_t size)
{
	walk->files = xgrow(walk->files, &walk->capacity, walk->count + 1, sizeof *walk->files);
	walk->files[walk->count++] = (struct found_file){xstrdup(path), size};
	walk->report->files++;
	walk->report->bytes += size;
}

static int compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void walk_directory(struct walk *walk, const char *directory);

/* A file a directory holds that is not a speech by its name: told, so
 * that nobody wonders where it went. */
static void skip(struct walk *walk, const char *path)
{
	walk->report->skipped++;
	if (walk->progress->skipped) {
		struct error why;
		error_set(&why, _("skipped: not a speech file (%s)"), FORMAT_EXTENSIONS);
		walk->progress->skipped(walk->progress->context, path, why.message);
	}
}

/* An entry found in a directory: a subdirectory (not through a symbolic
 * link, so that a loop cannot trap the walk) or a file of a format pizhu
 * reads, by its name. */
static void walk_entry(struct walk *walk, const char *path, const char *name)
{
	struct stat link, target;
	if (lstat(path, &link) != 0) {
		fail(walk, path, i18n_strerror(errno));
		return;
	}
	if (S_ISDIR(link.st_mode)) {
		walk_directory(walk, path);
		return;
	}
	if (stat(path, &target) != 0) {
		fail(walk, path, i18n_strerror(errno));
		return;
	}
	if (!S_ISREG(target.st_mode))
		return;
	if (format_known_extension(name))
		add_file(walk, path, (uint64_t)target.st_size);
	else
		skip(walk, path);
}

static void walk_directory(struct walk *walk, const char *directory)
{
	DIR *stream = opendir(directory);
	if (!stream) {
		fail(walk, directory, i18n_strerror(errno));
		return;
	}
	char **names = NULL;
	size_t count = 0, capacity = 0;
	for (struct dirent *entry; (entry = readdir(stream));) {
		if (entry->d_name[0] == '.') /* ., .. and hidden files */
			continue;
		names = xgrow(names, &capacity, count + 1, sizeof *names);
		names[count++] = xstrdup(entry->d_name);
	}
	closedir(stream);
	if (count > 1)
		qsort(names, count, sizeof *names, compare_names);
	size_t length = strlen(directory);
	int slash = length > 0 && directory[length - 1] == '/';
	for (size_t i = 0; i < count; i++) {
		struct buffer path = {0};
		buffer_printf(&path, "%s%s%s", directory, slash ? "" : "/", names[i]);
		walk_entry(walk, buffer_string(&path), names[i]);
		buffer_free(&path);
		free(names[i]);
	}
	free(names);
}

static void walk_argument(struct walk *walk, const char *path)
{
	struct stat status;
	if (stat(path, &status) != 0)
		fail(walk, path, i18n_strerror(errno));
	else if (S_ISDIR(status.st_mode)) {
		size_t before = walk->count, failed = walk->report->failed;
		walk_directory(walk, path);
		/* A directory named on purpose that holds nothing to import is
		 * worth telling: a wrong path, most likely. */
		if (walk->count == before && walk->report->failed == failed)
			fail(walk, path, "no speech files in it (" FORMAT_EXTENSIONS ")");
	} else if (S_ISREG(status.st_mode))
		add_file(walk, path, (uint64_t)status.st_size);
	else
		fail(walk, path, "not a regular file or directory");
}

/* What importing a file has to tell. While a batch of files shares one
 * transaction, it is held until the batch commits, so that nothing is
 * told that a rollback then undoes. */
enum notice_kind {
	NOTICE_IMPORTED,
	NOTICE_FAILED,
	NOTICE_WARNING,
};

struct notice {
	enum notice_kind kind;
	char *path;
	char *text; /* the title, or the message */
	struct store_import_result result;
};

static void hold(struct walk *walk, enum notice_kind kind, const char *path, const char *text,
		 const struct store_import_result *result)
{
	walk->notices = xgrow(walk->notices, &walk->notice_capacity, walk->notice_count + 1,
			      sizeof *walk->notices);
	struct notice *notice = &walk->notices[walk->notice_count++];
	*notice = (struct notice){kind, xstrdup(path), xstrdup(text), {0}};
	if (result)
		notice->result = *result;
}

static void tell(struct walk *walk, const struct notice *notice)
{
	const struct store_import_progress *progress = walk->progress;
	struct store_import_report *report = walk->report;
	switch (notice->kind) {
	case NOTICE_IMPORTED:
		report->imported += notice->result.outcome == STORE_IMPORT_NEW;
		report->new_versions += notice->result.outcome == STORE_IMPORT_NEW_VERSION;
		report->unchanged += notice->result.outcome == STORE_IMPORT_UNCHANGED;
		if (progress->imported)
			progress->imported(progress->context, notice->path, &notice->result,
					   notice->text);
		break;
	case NOTICE_FAILED:
		fail(walk, notice->path, notice->text);
		break;
	case NOTICE_WARNING:
		if (progress->warning)
			progress->warning(progress->context, notice->path, notice->text);
		break;
	}
}

/* Tells the held notices (tell != 0) or forgets them. */
static void release_held(struct walk *walk, int tell_them)
{
	for (size_t i = 0; i < walk->notice_count; i++) {
		if (tell_them)
			tell(walk, &walk->notices[i]);
		free(walk->notices[i].path);
		free(walk->notices[i].text);
	}
	walk->notice_count = 0;
}

static void hold_replaced_bytes(struct walk *walk, const char *path, const struct speech *speech)
{
	if (speech->encoding && strcmp(speech->encoding, DECODE_UTF8_AFTER_UTF16_BOM) == 0)
		hold(walk, NOTICE_WARNING, path,
		     _("a UTF-16 byte order mark before UTF-8 text; read as UTF-8"), NULL);
	if (speech->replaced_bytes == 0)
		return;
	struct buffer message = {0};
	buffer_printf(&message,
		      P_("%zu invalid byte shown as U+FFFD", "%zu invalid bytes shown as U+FFFD",
			 speech->replaced_bytes),
		      speech->replaced_bytes);
	hold(walk, NOTICE_WARNING, path, buffer_string(&message), NULL);
	buffer_free(&message);
}

enum file_outcome {
	FILE_DONE,
	FILE_FAILED,	     /* the file's own failure (unreadable, not text): held */
	FILE_STORE_FAILED,   /* store_import failed and rolled back: held */
	FILE_LIBRARY_FAILED, /* the library failed; error says why */
};

enum {
	LARGE_FILE_INDEX_MEMORY = 256 * 1024,
	/* The import connection's page cache, in KiB (PRAGMA cache_size's
	 * negative form; SQLite's own is 2000): an import that only appends
	 * has little use for one. */
	LARGE_FILE_CACHE_KIB = 256,
};

/* The directory of the library, where the text of a large file is kept
 * while it is imported (speech/source.h). */
static char *library_directory(const struct store *store)
{
	const char *path = store_path(store);
	const char *slash = path ? strrchr(path, '/') : NULL;
	return slash ? xstrndup(path, (size_t)(slash - path + 1)) : NULL;
}

static enum file_outcome import_new(struct store *store, struct walk *walk, const char *path,
				    struct speech_file *file, const char *directory,
				    struct store_import_result *result)
{
	struct speech speech;
	struct error problem;
	char *title = speech_fallback_title(path);
	int status = speech_file_parse(file, path, directory, title, &speech, &problem);
	free(title);
	if (status != 0) {
		hold(walk, NOTICE_FAILED, path, problem.message, NULL);
		return FILE_FAILED;
	}
	char *absolute = realpath(path, NULL);
	enum file_outcome outcome = FILE_DONE;
	/* A large file's text is kept out of memory (speech_file_read): so
	 * are this connection's page cache and the index's pending terms
	 * while it is imported, as for the reader's background import. Only
	 * this connection's: an import on a thread of the library view leaves
	 * the view's own connection as it was. */
	size_t index_memory = store->index_memory;
	sqlite3_int64 cache = 0;
	if (speech.text_mapping) {
		store->index_memory = LARGE_FILE_INDEX_MEMORY;
		if (store_cache_get(store, &cache, &problem) != 0 ||
		    store_cache_set(store, -LARGE_FILE_CACHE_KIB, &problem) != 0)
			status = -1;
	}
	int limited = speech.text_mapping && status == 0;
	if (status == 0)
		status =
		    store_import_hashed(store, absolute, file->hash, &speech, result, &problem);
	if (status != 0) {
		hold(walk, NOTICE_FAILED, path, problem.message, NULL);
		outcome = FILE_STORE_FAILED;
	} else
		hold_replaced_bytes(walk, path, &speech);
	if (speech.text_mapping) {
		store->index_memory = index_memory;
		/* Should this fail, the connection keeps the small cache: slower,
		 * never wrong. */
		if (limited)
			store_cache_set(store, cache, &problem);
	}
	free(absolute);
	speech_free(&speech);
	return outcome;
}

/* Imports one file, holding what it has to tell. A large file is read
 * into a mapping that keeps little of it in memory (speech_file_read). */
static enum file_outcome import_file(struct store *store, struct walk *walk, const char *path,
				     struct error *error)
{
	struct speech_file file;
	struct error problem;
	char *directory = library_directory(store);
	if (speech_file_read(path, directory, SPEECH_FILE_MAPPED_BYTES, &file, &problem) != 0) {
		free(directory);
		hold(walk, NOTICE_FAILED, path, problem.message, NULL);
		return FILE_FAILED;
	}
	struct store_import_result result = {0};
	int found = store_find_hash(store, file.hash, &result.id, error);
	enum file_outcome outcome = found < 0 ? FILE_LIBRARY_FAILED : FILE_DONE;
	if (found == 1)
		result.outcome = STORE_IMPORT_UNCHANGED;
	else if (found == 0)
		outcome = import_new(store, walk, path, &file, directory, &result);
	speech_file_free(&file);
	free(directory);
	if (outcome != FILE_DONE)
		return outcome;
	struct store_document document;
	if (store_document_get(store, result.id, &document, error) != 0)
		return FILE_LIBRARY_FAILED;
	hold(walk, NOTICE_IMPORTED, path, document.title, &result);
	store_document_clear(&document);
	return FILE_DONE;
}

static int report_progress(const struct walk *walk, size_t done, uint64_t bytes, const char *path)
{
	if (!walk->progress->progress)
		return 0;
	return walk->progress->progress(walk->progress->context, done, walk->count, bytes,
					walk->report->bytes, path);
}

/* Files are imported in batches of about batch_bytes, one transaction
 * each, with the search indexes' options below set for the transaction.
 *
 * FTS5 writes its pending terms out as a new segment when they pass its
 * 'hashsize' and at every commit, and merges the segments of a level,
 * 'automerge' of them at a time, into one of the next level: every byte
 * of the index is written again once per level, and the levels grow with
 * the library. With FTS5's own options (1 MiB of pending terms, ≈130 KB
 * of text; the heading index's 256 KiB; merges of four) and a commit a
 * megabyte, a 1 GB library had seven levels and its import spent half
 * its time merging, 1.9 times the corpus's time per MB. Batches of 16 MB
 * with 8 MiB of pending terms write segments of ≈2.5 MB of text, and
 * merges of eight make each level eight times the one below: three
 * levels at 1 GB, 0.69 times the CPU time. A search then reads a few more
 * segments (at most seven a level, until later imports with merges of
 * four merge them): a first page of four characters costs 8-11% more
 * instructions at 1 GB, the same at 100 MB (docs/performance.md). */
static const struct pace {
	uint64_t batch_bytes;
	int64_t index_memory; /* 0: each index's own options */
	int64_t automerge;
} paces[] = {
    [STORE_IMPORT_BULK] = {16 * 1024 * 1024, 8 * 1024 * 1024, 8},
    [STORE_IMPORT_SHARED] = {1024 * 1024, 0, 0},
};

/* The end of the batch that starts at file first. */
static size_t batch_end(const struct walk *walk, size_t first)
{
	uint64_t bytes = 0, limit = paces[walk->progress->pace].batch_bytes;
	size_t last = first;
	while (last < walk->count && (last == first || bytes < limit))
		bytes += walk->files[last++].size;
	return last;
}

enum { SEARCH_INDEXES = STORE_INDEX_HEADINGS + 1, BATCH_OPTIONS = STORE_INDEX_AUTOMERGE + 1 };

/* The search indexes' options as a batch sets them, and as they were. */
struct batch_options {
	int64_t batch[BATCH_OPTIONS];
	int64_t before[SEARCH_INDEXES][BATCH_OPTIONS];
};

static int set_batch_options(struct store *store, struct batch_options *options,
			     struct error *error)
{
	for (int index = 0; index < SEARCH_INDEXES; index++)
		for (int option = 0; option < BATCH_OPTIONS; option++)
			if (store_index_option_get(store, index, option,
						   &options->before[index][option], error) != 0 ||
			    store_index_option_set(store, index, option, options->batch[option],
						   error) != 0)
				return -1;
	return 0;
}

static int step_statement(struct store *store, enum statement id, struct error *error)
{
	sqlite3_stmt *statement = store_statement(store, id, error);
	return statement ? store_step_done(store, statement, error) : -1;
}

/* Sets the indexes' own options back before the batch commits. Their
 * pending terms are written out first, under the batch's options: FTS5
 * writes them at a savepoint, while the commit would write them (and
 * merge) under the options set back. */
static int restore_options(struct store *store, const struct batch_options *options,
			   struct error *error)
{
	if (step_statement(store, STATEMENT_INDEX_WRITE_PENDING, error) != 0 ||
	    step_statement(store, STATEMENT_INDEX_WRITE_PENDING_DONE, error) != 0)
		return -1;
	for (int index = 0; index < SEARCH_INDEXES; index++)
		for (int option = 0; option < BATCH_OPTIONS; option++)
			if (store_index_option_set(store, index, option,
						   options->before[index][option], error) != 0)
				return -1;
	return 0;
}

enum range_status {
	RANGE_DONE,
	RANGE_STOPPED,	   /* the progress callback asked to stop */
	RANGE_FAILED,	   /* the library failed; error says why */
	RANGE_ROLLED_BACK, /* batched: nothing of the batch was kept or told */
};

/* Imports files [first, last) whose bytes before them sum to bytes:
 * batched, in one transaction, else each in its own. A batch's files are
 * told once it commits; any store failure in a batch rolls it all back. */
static enum range_status import_range(struct store *store, struct walk *walk, size_t first,
				      size_t last, uint64_t bytes, int batched, struct error *error)
{
	const struct pace *pace = &paces[walk->progress->pace];
	int set_options = batched && pace->index_memory;
	struct batch_options options = {.batch = {[STORE_INDEX_MEMORY] = pace->index_memory,
						  [STORE_INDEX_AUTOMERGE] = pace->automerge}};
	if (batched && store_transaction_begin(store, error) != 0)
		return RANGE_ROLLED_BACK;
	enum range_status status = RANGE_DONE;
	if (set_options && set_batch_options(store, &options, error) != 0)
		status = RANGE_ROLLED_BACK;
	for (size_t i = first; i < last && status == RANGE_DONE; i++) {
		if (report_progress(walk, i, bytes, walk->files[i].path) != 0) {
			status = RANGE_STOPPED;
			break;
		}
		enum file_outcome outcome = import_file(store, walk, walk->files[i].path, error);
		if (batched && (outcome == FILE_STORE_FAILED || outcome == FILE_LIBRARY_FAILED))
			status = RANGE_ROLLED_BACK;
		else if (outcome == FILE_LIBRARY_FAILED)
			status = RANGE_FAILED;
		if (!batched)
			release_held(walk, 1);
		bytes += walk->files[i].size;
	}
	if (batched && status != RANGE_ROLLED_BACK &&
	    ((set_options && restore_options(store, &options, error) != 0) ||
	     store_transaction_commit(store, error) != 0))
		status = RANGE_ROLLED_BACK;
	if (status == RANGE_ROLLED_BACK)
		store_transaction_rollback(store);
	release_held(walk, status != RANGE_ROLLED_BACK);
	return status;
}

/* Imports every file found, a batch at a time. A batch that fails in the
 * store is imported again a file per transaction, so that one bad file
 * fails alone, as it is told. */
static enum range_status import_files(struct store *store, struct walk *walk, uint64_t *bytes,
				      struct error *error)
{
	enum range_status status = RANGE_DONE;
	for (size_t first = 0; first < walk->count && status == RANGE_DONE;) {
		size_t last = batch_end(walk, first);
		status = import_range(store, walk, first, last, *bytes, last - first > 1, error);
		if (status == RANGE_ROLLED_BACK)
			status = import_range(store, walk, first, last, *bytes, 0, error);
		for (; first < last; first++)
			*bytes += walk->files[first].size;
	}
	return status;
}

int store_import_paths(struct store *store, char *const *paths, size_t count,
		       const struct store_import_progress *progress,
		       struct store_import_report *report, struct error *error)
{
	memset(report, 0, sizeof *report);
	struct walk walk = {.progress = progress, .report = report};
	for (size_t i = 0; i < count; i++)
		walk_argument(&walk, paths[i]);
	uint64_t bytes = 0;
	enum range_status status = import_files(store, &walk, &bytes, error);
	report->stopped = status == RANGE_STOPPED;
	if (status == RANGE_DONE)
		report_progress(&walk, walk.count, bytes, NULL);
	for (size_t i = 0; i < walk.count; i++)
		free(walk.files[i].path);
	free(walk.files);
	free(walk.notices);
	return status == RANGE_FAILED ? -1 : 0;
}
