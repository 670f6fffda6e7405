#include "store/metadata.h"

#include <stdlib.h>
#include <string.h>

#include "base/buffer.h"
#include "base/i18n.h"
#include "speech/date.h"
#include "store/internal.h"

enum { METADATA_MAX_BYTES = 1000 };

/* A copy of value without surrounding spaces (ASCII and ideographic), or
 * NULL with a message when it is not a one-line value. */
static char *clean_value(const char *field, const char *value, struct error *error)
{
	size_t length = strlen(value);
	while (length > 0 && (*value == ' ' || *value == '\t')) {
		value++;
		length--;
	}
	while (length >= 3 && strncmp(value, "\u3000", 3) == 0) {
		value += 3;
		length -= 3;
	}
	for (;;) {
		if (length > 0 && (value[length - 1] == ' ' || value[length - 1] == '\t'))
			length--;
		else if (length >= 3 && strncmp(value + length - 3, "\u3000", 3) == 0)
			length -= 3;
		else
			break;
	}
	if (length > METADATA_MAX_BYTES) {
		error_set(error, _("%s: too long (at most %d bytes)"), field, METADATA_MAX_BYTES);
		return NULL;
	}
	for (size_t i = 0; i < length; i++)
		if ((unsigned char)value[i] < 0x20 || value[i] == 0x7F) {
			error_set(error, _("%s: must be one line without control characters"),
				  field);
			return NULL;
		}
	return xstrndup(value, length);
}

/* The stored form of a field's new value (NULL for "leave"), in *stored. */
static int prepare(const char *field, const char *value, int is_date, char **stored,
		   struct error *error)
{
	*stored = NULL;
	if (!value)
		return 0;
	*stored = clean_value(field, value, error);
	if (!*stored)
		return -1;
	if (!is_date || (*stored)[0] == '\0')
		return 0;
	char iso[DATE_ISO_SIZE];
	if (!date_normalize(*stored, strlen(*stored), iso)) {
		error_set(error, _("date: '%s' is not a date (write YYYY-MM-DD, YYYY-MM or YYYY)"),
			  *stored);
		free(*stored);
		*stored = NULL;
		return -1;
	}
	free(*stored);
	*stored = xstrdup(iso);
	return 0;
}

int store_metadata_set(struct store *store, int64_t id, const struct store_metadata_change *change,
		       struct error *error)
{
	/* Names for messages only ("speaker: too long"). */
	const char *names[] = {_("date"), _("speaker"), _("occasion"), _("source")};
	const char *values[] = {change->date, change->speaker, change->occasion, change->source};
	char *stored[4] = {NULL};
	int status = 0;
	unsigned touched = 0;
	for (int i = 0; i < 4 && status == 0; i++) {
		status = prepare(names[i], values[i], i == 0, &stored[i], error);
		if (values[i])
			touched |= 1u << i;
	}
	sqlite3_stmt *statement =
	    status == 0 ? store_statement(store, STATEMENT_METADATA_SET, error) : NULL;
	if (statement) {
		sqlite3_bind_int64(statement, 1, id);
		for (int i = 0; i < 4; i++) {
			sqlite3_bind_int(statement, 2 + 2 * i, values[i] != NULL);
			if (stored[i])
				sqlite3_bind_text(statement, 3 + 2 * i, stored[i], -1,
						  SQLITE_STATIC);
		}
		sqlite3_bind_int(statement, 10, (int)touched);
		status = store_transaction_begin(store, error);
		if (status == 0)
			status = store_step_done(store, statement, error);
		if (status == 0 && sqlite3_changes(store->db) == 0)
			status =
			    error_set(error, _("no speech %lld in the library"), (long long)id);
		if (status == 0)
			status = store_transaction_commit(store, error);
		else
			store_transaction_rollback(store);
	} else {
		status = -1;
	}
	for (int i = 0; i < 4; i++)
		free(stored[i]);
	return status;
}
