#include "formats/doc.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "base/buffer.h"
#include "base/i18n.h"
#include "formats/docx.h"
#include "formats/lines.h"
#include "formats/read.h"

extern char **environ;

enum {
	CATDOC_SECONDS = 30,
	/* LibreOffice's first start makes its profile: many seconds. */
	SOFFICE_SECONDS = 120,
	/* catdoc's text is smaller than the .doc; this is far above any
	 * speech and keeps a runaway converter's output bounded. */
	OUTPUT_LIMIT = 256 * 1024 * 1024,
	/* The private directory's path: $TMPDIR (at most 200 bytes) and a
	 * name. */
	DIRECTORY_SIZE = 232,
};

/* The full path of program on $PATH, into path; 0 when found. */
static int find_program(const char *program, char *path, size_t size)
{
	const char *search = getenv("PATH");
	if (!search || !*search)
		search = "/usr/bin:/bin";
	while (*search) {
		const char *end = strchr(search, ':');
		size_t length = end ? (size_t)(end - search) : strlen(search);
		if (length > 0 &&
		    snprintf(path, size, "%.*s/%s", (int)length, search, program) < (int)size &&
		    access(path, X_OK) == 0)
			return 0;
		search += length + (end ? 1 : 0);
	}
	return -1;
}

static double now(void)
{
	struct timespec time;
	clock_gettime(CLOCK_MONOTONIC, &time);
	return (double)time.tv_sec + (double)time.tv_nsec / 1e9;
}

/* Runs argv (argv[0] a full path) in its own process group, stdin from
 * /dev/null, stderr discarded, stdout into *output when output is not
 * NULL (at most OUTPUT_LIMIT bytes). Kills it after `seconds`. Returns
 * its exit status, or -1 with error set. */
static int run(char *const argv[], int seconds, struct buffer *output, struct error *error)
{
	int pipe_ends[2] = {-1, -1};
	if (output && pipe2(pipe_ends, O_CLOEXEC) != 0)
		return error_set(error, _("cannot run %s: %s"), argv[0], strerror(errno));
	posix_spawn_file_actions_t actions;
	posix_spawn_file_actions_init(&actions);
	posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
	if (output)
		posix_spawn_file_actions_adddup2(&actions, pipe_ends[1], 1);
	else
		posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
	posix_spawnattr_t attributes;
	posix_spawnattr_init(&attributes);
	posix_spawnattr_setpgroup(&attributes, 0);
	sigset_t defaults;
	sigemptyset(&defaults);
	sigaddset(&defaults, SIGPIPE);
	sigaddset(&defaults, SIGINT);
	sigaddset(&defaults, SIGTERM);
	posix_spawnattr_setsigdefault(&attributes, &defaults);
	sigset_t none;
	sigemptyset(&none);
	posix_spawnattr_setsigmask(&attributes, &none);
	posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF |
						  POSIX_SPAWN_SETSIGMASK);
	pid_t child;
	int spawned = posix_spawn(&child, argv[0], &actions, &attributes, argv, environ);
	posix_spawn_file_actions_destroy(&actions);
	posix_spawnattr_destroy(&attributes);
	if (output)
		close(pipe_ends[1]);
	if (spawned != 0) {
		if (output)
			close(pipe_ends[0]);
		return error_set(error, _("cannot run %s: %s"), argv[0], strerror(spawned));
	}
	double deadline = now() + seconds;
	int timed_out = 0, too_long = 0;
	while (output && !timed_out) {
		double left = deadline - now();
		struct pollfd wait_for = {pipe_ends[0], POLLIN, 0};
		int ready = left > 0 ? poll(&wait_for, 1, (int)(left * 1000) + 1) : 0;
		if (ready < 0 && errno == EINTR)
			continue;
		if (ready <= 0) {
			timed_out = 1;
			break;
		}
		char chunk[65536];
		ssize_t got = read(pipe_ends[0], chunk, sizeof chunk);
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0)
			break;
		if (output->length + (size_t)got > OUTPUT_LIMIT) {
			too_long = 1;
			break;
		}
		buffer_append(output, chunk, (size_t)got);
	}
	if (output)
		close(pipe_ends[0]);
	int status = 0;
	for (;;) {
		if (timed_out || too_long)
			kill(-child, SIGKILL);
		pid_t done = waitpid(child, &status, timed_out || too_long ? 0 : WNOHANG);
		if (done == child)
			break;
		if (done < 0 && errno != EINTR)
			return error_set(error, "%s: %s", argv[0], strerror(errno));
		if (done == 0 && now() > deadline)
			timed_out = 1;
		else if (done == 0)
			usleep(20000);
	}
	if (timed_out)
		return error_set(error, _("%s took more than %d seconds: stopped"), argv[0],
				 seconds);
	if (too_long)
		return error_set(error, _("%s wrote more than %d bytes: stopped"), argv[0],
				 OUTPUT_LIMIT);
	if (!WIFEXITED(status))
		return error_set(error, _("%s ended by signal %d"), argv[0],
				 WIFSIGNALED(status) ? WTERMSIG(status) : 0);
	return WEXITSTATUS(status);
}

static int remove_entry(const char *path, const struct stat *status, int flag, struct FTW *walk)
{
	(void)status;
	(void)flag;
	(void)walk;
	remove(path);
	return 0;
}

/* A private directory holding a copy of the bytes as input.doc. */
static int make_copy(const unsigned char *bytes, size_t length, char *directory, size_t size,
		     struct error *error)
{
	const char *temporary = getenv("TMPDIR");
	if (!temporary || !*temporary || strlen(temporary) > 200)
		temporary = "/tmp";
	snprintf(directory, size, "%s/pizhu-doc.XXXXXX", temporary);
	if (!mkdtemp(directory))
		return error_set(error, _("cannot make a temporary directory: %s"),
				 strerror(errno));
	char path[DIRECTORY_SIZE + 32];
	snprintf(path, sizeof path, "%s/input.doc", directory);
	FILE *file = fopen(path, "wbx");
	int written = file && fwrite(bytes, 1, length, file) == length;
	if (file && fclose(file) != 0)
		written = 0;
	if (!written)
		return error_set(error, _("cannot write a temporary copy: %s"), strerror(errno));
	return 0;
}

static int convert_with_soffice(const char *program, const char *directory,
				struct document *document, struct error *error)
{
	char input[DIRECTORY_SIZE + 32], profile[DIRECTORY_SIZE + 64],
	    output_path[DIRECTORY_SIZE + 32];
	snprintf(input, sizeof input, "%s/input.doc", directory);
	snprintf(profile, sizeof profile, "-env:UserInstallation=file://%s/profile", directory);
	char *argv[] = {(char *)program, "--headless",	    "--norestore",  "--nologo",
			"--nolockcheck", profile,	    "--convert-to", "docx",
			"--outdir",	 (char *)directory, input,	    NULL};
	int status = run(argv, SOFFICE_SECONDS, NULL, error);
	if (status < 0)
		return -1;
	snprintf(output_path, sizeof output_path, "%s/input.docx", directory);
	FILE *file = fopen(output_path, "rb");
	if (!file)
		return error_set(error, _("LibreOffice could not convert this .doc file"));
	struct buffer converted = {0};
	char chunk[65536];
	size_t got;
	while ((got = fread(chunk, 1, sizeof chunk, file)) > 0 && converted.length < OUTPUT_LIMIT)
		buffer_append(&converted, chunk, got);
	fclose(file);
	int result =
	    docx_read((const unsigned char *)converted.data, converted.length, document, error);
	buffer_free(&converted);
	return result;
}

/* catdoc's text: a paragraph a line; its own remarks ("[This was
 * fast-saved …]") are left out. */
static int convert_with_catdoc(const char *program, const char *directory,
			       struct document *document, struct error *error)
{
	char input[DIRECTORY_SIZE + 32];
	snprintf(input, sizeof input, "%s/input.doc", directory);
	char *argv[] = {(char *)program, "-d", "utf-8", "-w", input, NULL};
	struct buffer text = {0};
	int status = run(argv, CATDOC_SECONDS, &text, error);
	if (status != 0 || text.length == 0) {
		buffer_free(&text);
		return status < 0
			   ? -1
			   : error_set(error, _("catdoc could not read this .doc file (status %d)"),
				       status);
	}
	struct lines lines = {0};
	const char *cursor = text.data, *end = text.data + text.length;
	while (cursor < end) {
		const char *newline = memchr(cursor, '\n', (size_t)(end - cursor));
		size_t length = newline ? (size_t)(newline - cursor) : (size_t)(end - cursor);
		if (!(length > 0 && cursor[0] == '[' && memmem(cursor, length, "fast-saved", 10)))
			lines_add(&lines, cursor, length, (struct document_line_hint){0, 0});
		cursor += length + 1;
	}
	buffer_free(&text);
	lines_to_document(&lines, document);
	return 0;
}

int doc_read(const unsigned char *bytes, size_t length, struct document *document,
	     struct error *error)
{
	memset(document, 0, sizeof *document);
	const char *choice = getenv("PIZHU_DOC_CONVERTER");
	char soffice[4096] = "", catdoc[4096] = "";
	int use_soffice = !choice || strcmp(choice, "soffice") == 0;
	int use_catdoc = !choice || strcmp(choice, "catdoc") == 0;
	if (use_soffice && find_program("soffice", soffice, sizeof soffice) != 0)
		soffice[0] = '\0';
	if (use_catdoc && find_program("catdoc", catdoc, sizeof catdoc) != 0)
		catdoc[0] = '\0';
	if (!soffice[0] && !catdoc[0])
		return error_set(error, "%s", DOC_NO_CONVERTER);
	char directory[DIRECTORY_SIZE];
	int status = make_copy(bytes, length, directory, sizeof directory, error);
	if (status == 0)
		status = soffice[0] ? convert_with_soffice(soffice, directory, document, error)
				    : convert_with_catdoc(catdoc, directory, document, error);
	nftw(directory, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
	if (status != 0) {
		document_free(document);
		return -1;
	}
	document->format = "doc";
	return 0;
}
