#include "store/recovery.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "base/buffer.h"
#include "base/i18n.h"
#include "base/json.h"
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

/* One line per annotated paragraph of any version of the speech. */
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
		buffer_append_string(out, "}\n");
	}
	sqlite3_reset(statement);
	if (status == SQLITE_ROW) /* a nested query failed */
		return -1;
	return status == SQLITE_DONE ? 0 : store_sql_error(store, error);
}

/* Writes text to path through a temporary file in the same directory and
 * a rename, so the file appears whole or not at all. */
static int write_atomically(const char *path, const struct buffer *text, struct error *error)
{
	struct buffer temporary = {0};
	buffer_printf(&temporary, "%s.XXXXXX", path);
	char *name = buffer_string(&temporary);
	int descriptor = mkstemp(name);
	if (descriptor < 0) {
		error_set(error, "%s: %s", path, i18n_strerror(errno));
		buffer_free(&temporary);
		return -1;
	}
	size_t written = 0;
	while (written < text->length) {
		ssize_t got = write(descriptor, text->data + written, text->length - written);
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0)
			break;
		written += (size_t)got;
	}
	int failed = written < text->length || fsync(descriptor) != 0;
	failed |= close(descriptor) != 0;
	if (failed || rename(name, path) != 0) {
		error_set(error, "%s: %s", path, i18n_strerror(errno));
		unlink(name);
		buffer_free(&temporary);
		return -1;
	}
	buffer_free(&temporary);
	return 0;
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
	struct buffer name = {0};
	if (status == 0) {
		char stamp[32];
		time_t now = time(NULL);
		struct tm utc;
		gmtime_r(&now, &utc);
		strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", &utc);
		buffer_printf(&name, "%s/%lld-%s.jsonl", directory, (long long)id, stamp);
		status = store_make_parent_directories(name.data, error);
	}
	if (status == 0)
		status = write_atomically(name.data, &lines, error);
	if (status == 0)
		*path = buffer_string(&name);
	else
		buffer_free(&name);
	buffer_free(&lines);
	store_document_clear(&document);
	return status;
}
