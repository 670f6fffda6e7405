#include "store/import_paths.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "base/buffer.h"
#include "base/file.h"

struct found_file {
	char *path;
	uint64_t size;
};

struct walk {
	struct found_file *files;
	size_t count, capacity;
	const struct store_import_progress *progress;
	struct store_import_report *report;
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

static int is_text_name(const char *name)
{
	size_t length = strlen(name);
	return length > 4 && strcasecmp(name + length - 4, ".txt") == 0;
}

static int compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void walk_directory(struct walk *walk, const char *directory);

/* An entry found in a directory: a subdirectory (not through a symbolic
 * link, so that a loop cannot trap the walk) or a *.txt file. */
static void walk_entry(struct walk *walk, const char *path, const char *name)
{
	struct stat link, target;
	if (lstat(path, &link) != 0) {
		fail(walk, path, strerror(errno));
		return;
	}
	if (S_ISDIR(link.st_mode)) {
		walk_directory(walk, path);
		return;
	}
	if (!is_text_name(name))
		return;
	if (stat(path, &target) != 0) {
		fail(walk, path, strerror(errno));
		return;
	}
	if (S_ISREG(target.st_mode))
		add_file(walk, path, (uint64_t)target.st_size);
}

static void walk_directory(struct walk *walk, const char *directory)
{
	DIR *stream = opendir(directory);
	if (!stream) {
		fail(walk, directory, strerror(errno));
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
		fail(walk, path, strerror(errno));
	else if (S_ISDIR(status.st_mode)) {
		size_t before = walk->count, failed = walk->report->failed;
		walk_directory(walk, path);
		/* A directory named on purpose that holds nothing to import is
		 * worth telling: a wrong path, most likely. */
		if (walk->count == before && walk->report->failed == failed)
			fail(walk, path, "no *.txt files in it");
	} else if (S_ISREG(status.st_mode))
		add_file(walk, path, (uint64_t)status.st_size);
	else
		fail(walk, path, "not a regular file or directory");
}

/* Imports one file; 0, or -1 after reporting it (a file's own failure), or
 * -2 when the library failed and nothing more can be imported. */
static int import_file(struct store *store, struct walk *walk, const char *path,
		       struct error *error)
{
	unsigned char *bytes;
	size_t length;
	struct error problem;
	if (file_read(path, &bytes, &length, &problem) != 0) {
		fail(walk, path, problem.message);
		return -1;
	}
	struct store_import_result result = {0};
	char hash[SHA256_HEX_SIZE];
	store_content_hash(bytes, length, hash);
	int found = store_find_hash(store, hash, &result.id, error);
	int status = found < 0 ? -2 : 0;
	if (found == 1)
		result.outcome = STORE_IMPORT_UNCHANGED;
	else if (found == 0) {
		struct speech speech;
		char *title = speech_fallback_title(path);
		status = speech_parse(bytes, length, title, &speech, &problem);
		free(title);
		if (status != 0) {
			fail(walk, path, problem.message);
			status = -1;
		} else {
			char *absolute = realpath(path, NULL);
			if (store_import_hashed(store, absolute, hash, &speech, &result,
						&problem) != 0) {
				fail(walk, path, problem.message);
				status = -1;
			} else if (speech.replaced_bytes > 0 && walk->progress->warning) {
				struct buffer message = {0};
				buffer_printf(&message, "%zu invalid byte%s shown as U+FFFD",
					      speech.replaced_bytes,
					      speech.replaced_bytes == 1 ? "" : "s");
				walk->progress->warning(walk->progress->context, path,
							buffer_string(&message));
				buffer_free(&message);
			}
			free(absolute);
			speech_free(&speech);
		}
	}
	free(bytes);
	if (status != 0)
		return status;
	struct store_document document;
	if (store_document_get(store, result.id, &document, error) != 0)
		return -2;
	walk->report->imported += result.outcome == STORE_IMPORT_NEW;
	walk->report->new_versions += result.outcome == STORE_IMPORT_NEW_VERSION;
	walk->report->unchanged += result.outcome == STORE_IMPORT_UNCHANGED;
	if (walk->progress->imported)
		walk->progress->imported(walk->progress->context, path, &result, document.title);
	store_document_clear(&document);
	return 0;
}

static int report_progress(const struct walk *walk, size_t done, uint64_t bytes, const char *path)
{
	if (!walk->progress->progress)
		return 0;
	return walk->progress->progress(walk->progress->context, done, walk->count, bytes,
					walk->report->bytes, path);
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
	int status = 0;
	size_t done = 0;
	for (; done < walk.count; done++) {
		if (report_progress(&walk, done, bytes, walk.files[done].path) != 0) {
			report->stopped = 1;
			break;
		}
		if (import_file(store, &walk, walk.files[done].path, error) == -2) {
			status = -1;
			break;
		}
		bytes += walk.files[done].size;
	}
	if (status == 0 && !report->stopped)
		report_progress(&walk, done, bytes, NULL);
	for (size_t i = 0; i < walk.count; i++)
		free(walk.files[i].path);
	free(walk.files);
	return status;
}
