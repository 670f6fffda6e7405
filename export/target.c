#include "export/target.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/i18n.h"

/* How every format's output begins in English; kept beside the writers'
 * first lines (export/markdown.c, csv.c, jsonl.c, html.c). The Markdown
 * heading and the CSV header follow the language: see translated_start. */
static const char *const export_starts[] = {
    "# Excerpts\n",
    "theme,citation,speech,paragraph,",
    "speech,paragraph,",
    "{\"citation\":",
};

static int starts_with(const char *bytes, size_t length, const char *prefix)
{
	size_t n = strlen(prefix);
	return length >= n && memcmp(bytes, prefix, n) == 0;
}

/* Whether bytes begin as a Markdown or CSV export in the language in use
 * (an export made under another language needs --force). */
static int translated_start(const char *bytes, size_t length)
{
	char start[256];
	snprintf(start, sizeof start, "# %s\n", _("Excerpts"));
	if (starts_with(bytes, length, start))
		return 1;
	snprintf(start, sizeof start, "%s,%s,%s,%s,", _("theme"), _("citation"), _("speech"),
		 _("paragraph"));
	return starts_with(bytes, length, start);
}

int export_is_earlier_export(const char *bytes, size_t length)
{
	if (starts_with(bytes, length, "\xEF\xBB\xBF")) {
		bytes += 3;
		length -= 3;
	}
	for (size_t i = 0; i < sizeof export_starts / sizeof export_starts[0]; i++)
		if (starts_with(bytes, length, export_starts[i]))
			return 1;
	if (translated_start(bytes, length))
		return 1;
	static const char html_start[] = "<!DOCTYPE html>";
	static const char generator[] = "<meta name=\"generator\" content=\"pizhu\"/>";
	return starts_with(bytes, length, html_start) &&
	       memmem(bytes, length, generator, sizeof generator - 1) != NULL;
}

/* The path with its directory resolved (the file itself may be missing),
 * as a new string; NULL when the directory cannot be resolved. */
static char *resolved(const char *path)
{
	char *copy = strdup(path);
	char *slash = strrchr(copy, '/');
	const char *directory = slash ? (slash == copy ? "/" : copy) : ".";
	const char *name = slash ? slash + 1 : copy;
	if (slash)
		*slash = '\0';
	char real[PATH_MAX];
	char *result = NULL;
	if (realpath(directory, real)) {
		size_t length = strlen(real) + strlen(name) + 2;
		result = malloc(length);
		snprintf(result, length, "%s%s%s", real, strcmp(real, "/") ? "/" : "", name);
	}
	free(copy);
	return result;
}

/* 1 when path is the library or one of its companion files. */
static int is_library_file(const char *path, const char *library)
{
	static const char *const suffixes[] = {"", "-wal", "-shm", "-journal"};
	char *target = resolved(path);
	/* The library's own path resolved through links: its file first. */
	char real[PATH_MAX];
	char *base = realpath(library, real) ? strdup(real) : resolved(library);
	struct stat target_status;
	int target_exists = stat(path, &target_status) == 0;
	int same = 0;
	for (size_t i = 0; !same && base && i < sizeof suffixes / sizeof suffixes[0]; i++) {
		size_t length = strlen(base) + strlen(suffixes[i]) + 1;
		char *name = malloc(length);
		snprintf(name, length, "%s%s", base, suffixes[i]);
		struct stat status;
		same = (target && strcmp(target, name) == 0) ||
		       (target_exists && stat(name, &status) == 0 &&
			status.st_dev == target_status.st_dev &&
			status.st_ino == target_status.st_ino);
		free(name);
	}
	free(target);
	free(base);
	return same;
}

int export_target_check(const char *path, const char *library, int force, struct error *error)
{
	if (library && is_library_file(path, library))
		return error_set(error,
				 _("%s is the library pizhu is using (or one of its files); an "
				   "export never replaces it"),
				 path);
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return 0; /* missing, or unreadable: atomic_file_open says why if it matters */
	struct stat status;
	char head[4096];
	ssize_t length = 0;
	if (fstat(fd, &status) == 0 && S_ISREG(status.st_mode))
		length = read(fd, head, sizeof head);
	close(fd);
	if (!S_ISREG(status.st_mode) || length <= 0)
		return 0; /* atomic_file_open refuses what is not a regular file */
	if (starts_with(head, (size_t)length, "SQLite format 3"))
		return error_set(error,
				 _("%s is an SQLite database (a pizhu library?); an export never "
				   "replaces one"),
				 path);
	if (force || export_is_earlier_export(head, (size_t)length))
		return 0;
	return error_set(error,
			 _("%s exists and is not an earlier pizhu export; nothing was written "
			   "(--force replaces it)"),
			 path);
}
