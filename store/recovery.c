#include "store/recovery.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#include "base/atomic_file.h"
#include "base/buffer.h"
#include "base/i18n.h"
#include "base/json.h"
#include "base/sha256.h"
#include "store/document.h"
#include "store/internal.h"
#include "store/section.h"

char *store_recovery_directory(struct error *error)
{
	struct buffer path = {0};
	const char *data_home = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");
	/* As for the database: a relative XDG_DATA_HOME is ignored. */
	if (data_home && data_home[0] == '/')
		buffer_printf(&path, "%s/pizhu/recovery", data_home);
	else if (home && *home)
		buffer_printf(&path, "%s/.local/share/pizhu/recovery", home);
	else {
		error_set(error, _("no place for the recovery file: set HOME or XDG_DATA_HOME"));
		return NULL;
	}
	return buffer_string(&path);
}

static int append_themes(struct store *store, struct buffer *out, int64_t version, size_t paragraph,
			 struct error *error)
{
	sqlite3_stmt *statement = store_statement(store, STATEMENT_PARAGRAPH_THEMES, error);
	if (!statement)
		return -1;
	sqlite3_bind_int64(statement, 1, version);
	sqlite3_bind_int64(statement, 2, (sqlite3_int64)paragraph);
	buffer_append_string(out, ",\"themes\":[");
	int status, first = 1;
	while ((status = sqlite3_step(statement)) == SQLITE_ROW) {
		if (!first)
			buffer_append_byte(out, ',');
		json_append_string(out, (const char *)sqlite3_column_text(statement, 0));
		first = 0;
	}
	sqlite3_reset(statement);
	buffer_append_byte(out, ']');
	return status == SQLITE_DONE ? 0 : store_sql_error(store, error);
}

static int append_section(struct store *store, struct buffer *out, int64_t version,
			  size_t paragraph, struct error *error)
{
	char **labels;
	size_t count;
	if (store_section_path(store, version, paragraph, &labels, &count, error) != 0)
		return -1;
	buffer_append_string(out, ",\"section\":[");
	for (size_t i = 0; i < count; i++) {
		if (i)
			buffer_append_byte(out, ',');
		json_append_string(out, labels[i]);
	}
	buffer_append_byte(out, ']');
	store_section_path_free(labels, count);
	return 0;
}

/* One line per annotated or corrected paragraph of any version of the
 * speech. */
static int build_lines(struct store *store, const struct store_document *document,
		       struct buffer *out, struct error *error)
{
	sqlite3_stmt *statement = store_statement(store, STATEMENT_RECOVERY_PARAGRAPHS, error);
	if (!statement)
		return -1;
	sqlite3_bind_int64(statement, 1, document->id);
	int status;
	while ((status = sqlite3_step(statement)) == SQLITE_ROW) {
		int64_t version = sqlite3_column_int64(statement, 0);
		size_t paragraph = (size_t)sqlite3_column_int64(statement, 1);
		buffer_printf(out, "{\"speech\":%lld,\"version\":%lld", (long long)document->id,
			      (long long)version);
		json_append_field(out, "title", document->title);
		json_append_field(out, "date", document->date);
		json_append_field(out, "speaker", document->speaker);
		json_append_field(out, "occasion", document->occasion);
		json_append_field(out, "source", document->source);
		json_append_field(out, "source_path", document->source_path);
		buffer_printf(out, ",\"paragraph\":%zu", paragraph);
		if (append_section(store, out, version, paragraph, error) != 0)
			break;
		json_append_field(out, "text", (const char *)sqlite3_column_text(statement, 2));
		if (append_themes(store, out, version, paragraph, error) != 0)
			break;
		json_append_field(out, "note", (const char *)sqlite3_column_text(statement, 3));
		json_append_field(out, "correction",
				  (const char *)sqlite3_column_text(statement, 4));
		if (sqlite3_column_type(statement, 5) != SQLITE_NULL)
			json_append_field(out, "corrected_title",
					  (const char *)sqlite3_column_text(statement, 5));
		buffer_append_string(out, "}\n");
	}
	sqlite3_reset(statement);
	if (status == SQLITE_ROW) /* a nested query failed */
		return -1;
	return status == SQLITE_DONE ? 0 : store_sql_error(store, error);
}

/* <id>-<UTC time>-<library>-<random>.jsonl: the library part (from its
 * resolved path) keeps two libraries apart, the random part two removals
 * of one library in the same second. A new string. */
static char *recovery_name(const char *directory, int64_t id, const char *library)
{
	char stamp[32];
	time_t now = time(NULL);
	struct tm utc;
	gmtime_r(&now, &utc);
	strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", &utc);
	char *real = realpath(library, NULL);
	char identity[SHA256_HEX_SIZE];
	sha256_hex(real ? real : library, strlen(real ? real : library), identity);
	free(real);
	unsigned char random[4] = {0};
	if (getrandom(random, sizeof random, 0) != (ssize_t)sizeof random) {
		/* Without the kernel's random numbers: the process and the clock. */
		struct timespec clock;
		clock_gettime(CLOCK_REALTIME, &clock);
		uint32_t mixed = (uint32_t)getpid() * 2654435761u ^ (uint32_t)clock.tv_nsec;
		memcpy(random, &mixed, sizeof random);
	}
	struct buffer name = {0};
	buffer_printf(&name, "%s/%lld-%s-%.8s-%02x%02x%02x%02x.jsonl", directory, (long long)id,
		      stamp, identity, random[0], random[1], random[2], random[3]);
	return buffer_string(&name);
}

/* Takes a name no other file has: created exclusively (O_EXCL), so two
 * pizhu writing at once can never pick the same one. A new string. */
static char *reserve_name(const char *directory, int64_t id, const char *library,
			  struct error *error)
{
	for (int attempt = 0; attempt < 16; attempt++) {
		char *name = recovery_name(directory, id, library);
		int descriptor = open(name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
		if (descriptor >= 0) {
			close(descriptor);
			return name;
		}
		int failure = errno;
		if (failure != EEXIST) {
			error_set(error, "%s: %s", name, i18n_strerror(failure));
			free(name);
			return NULL;
		}
		free(name);
	}
	error_set(error, _("%s: no free name for a recovery file"), directory);
	return NULL;
}

/* The text through base/atomic_file over the reserved name: the file is
 * seen whole or empty, and the rename is made durable. */
static int write_file(const char *path, const struct buffer *text, struct error *error)
{
	struct atomic_file file;
	if (atomic_file_open(path, &file, error) != 0)
		return -1;
	if (text->length && fwrite(text->data, 1, text->length, file.stream) != text->length) {
		error_set(error, "%s: %s", path, i18n_strerror(errno));
		atomic_file_abort(&file);
		return -1;
	}
	return atomic_file_commit(&file, error);
}

int store_recovery_write(struct store *store, int64_t id, const char *directory, char **path,
			 struct error *error)
{
	*path = NULL;
	struct store_document document;
	if (store_document_get(store, id, &document, error) != 0)
		return -1;
	struct buffer lines = {0};
	int status = build_lines(store, &document, &lines, error);
	char *name = NULL;
	if (status == 0) {
		struct buffer probe = {0};
		buffer_printf(&probe, "%s/x", directory);
		status = store_make_parent_directories(probe.data, error);
		buffer_free(&probe);
	}
	if (status == 0 && !(name = reserve_name(directory, id, store_path(store), error)))
		status = -1;
	if (status == 0 && write_file(name, &lines, error) != 0) {
		unlink(name);
		status = -1;
	}
	if (status == 0)
		*path = name;
	else
		free(name);
	buffer_free(&lines);
	store_document_clear(&document);
	return status;
}
