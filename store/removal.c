#include "store/removal.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

#include "base/buffer.h"
#include "base/i18n.h"
#include "store/document.h"
#include "store/internal.h"
#include "store/recovery.h"

/* Tags, notes and corrections over every version of speech id. */
static int counts(struct store *store, int64_t id, size_t *tags, size_t *notes, size_t *corrections,
		  struct error *error)
{
	sqlite3_stmt *statement = store_statement(store, STATEMENT_ANNOTATION_COUNTS, error);
	if (!statement)
		return -1;
	sqlite3_bind_int64(statement, 1, id);
	int status = sqlite3_step(statement);
	if (status == SQLITE_ROW) {
		*tags = (size_t)sqlite3_column_int64(statement, 0);
		*notes = (size_t)sqlite3_column_int64(statement, 1);
		*corrections = (size_t)sqlite3_column_int64(statement, 2);
	}
	sqlite3_reset(statement);
	return status == SQLITE_ROW ? 0 : store_sql_error(store, error);
}

int store_document_annotation_counts(struct store *store, int64_t id, size_t *tags, size_t *notes,
				     struct error *error)
{
	size_t corrections;
	return counts(store, id, tags, notes, &corrections, error);
}

/* Marks (removing) or unmarks (restoring) every version of speech id;
 * *changed counts the versions. */
static int mark(struct store *store, int64_t id, int removing, size_t *changed, struct error *error)
{
	sqlite3_stmt *statement = store_statement(
	    store, removing ? STATEMENT_DOCUMENT_REMOVE : STATEMENT_DOCUMENT_RESTORE, error);
	if (!statement)
		return -1;
	sqlite3_bind_int64(statement, 1, id);
	if (removing)
		sqlite3_bind_int64(statement, 2, (sqlite3_int64)getpid());
	if (store_step_done(store, statement, error) != 0)
		return -1;
	*changed = (size_t)sqlite3_changes(store->db);
	return 0;
}

static int remove_in_transaction(struct store *store, int64_t id, const char *directory,
				 char **recovery_path, struct error *error)
{
	size_t tags, notes, changed;
	struct store_document document;
	/* Also proves the speech is there and not removed already. */
	if (store_document_get(store, id, &document, error) != 0)
		return -1;
	store_document_clear(&document);
	size_t corrections;
	if (counts(store, id, &tags, &notes, &corrections, error) != 0)
		return -1;
	if (tags + notes + corrections > 0) {
		char *default_directory = NULL;
		if (!directory &&
		    !(directory = default_directory = store_recovery_directory(error)))
			return -1;
		int status = store_recovery_write(store, id, directory, recovery_path, error);
		free(default_directory);
		if (status != 0)
			return -1;
	}
	if (mark(store, id, 1, &changed, error) != 0)
		return -1;
	store->removed_any = 1;
	return 0;
}

int store_document_remove(struct store *store, int64_t id, const char *recovery_directory,
			  char **recovery_path, struct error *error)
{
	*recovery_path = NULL;
	if (store_transaction_begin(store, error) != 0)
		return -1;
	if (remove_in_transaction(store, id, recovery_directory, recovery_path, error) != 0 ||
	    store_transaction_commit(store, error) != 0) {
		store_transaction_rollback(store);
		/* The recovery file stays: it holds what the database still has. */
		return -1;
	}
	return 0;
}

int store_document_restore(struct store *store, int64_t id, struct error *error)
{
	size_t changed;
	if (store_transaction_begin(store, error) != 0)
		return -1;
	if (mark(store, id, 0, &changed, error) != 0) {
		store_transaction_rollback(store);
		return -1;
	}
	if (changed == 0) {
		store_transaction_rollback(store);
		return error_set(error, _("speech %lld is not removed (or is gone for good)"),
				 (long long)id);
	}
	return store_transaction_commit(store, error);
}

/* Deletes the removed rows of one remover (a process id, or NULL for
 * rows of unknown origin) with their annotations and history. */
static int purge_remover(struct store *store, sqlite3_int64 remover, int known, size_t *purged,
			 struct error *error)
{
	static const enum statement steps[] = {
	    STATEMENT_PURGE_TAGS,    STATEMENT_PURGE_NOTES,	  STATEMENT_PURGE_HEADINGS,
	    STATEMENT_PURGE_TITLES,  STATEMENT_PURGE_CORRECTIONS, STATEMENT_PURGE_EVENTS,
	    STATEMENT_PURGE_ACTIONS, STATEMENT_PURGE_DOCUMENTS};
	if (store_transaction_begin(store, error) != 0)
		return -1;
	int status = 0;
	for (size_t i = 0; status == 0 && i < sizeof steps / sizeof steps[0]; i++) {
		sqlite3_stmt *statement = store_statement(store, steps[i], error);
		if (!statement) {
			status = -1;
			break;
		}
		if (known)
			sqlite3_bind_int64(statement, 1, remover);
		status = store_step_done(store, statement, error);
	}
	if (status != 0) {
		store_transaction_rollback(store);
		return -1;
	}
	/* The last step deleted the documents. */
	if (purged)
		*purged += (size_t)sqlite3_changes(store->db);
	return store_transaction_commit(store, error);
}

int store_purge_removed(struct store *store, size_t *purged, struct error *error)
{
	if (purged)
		*purged = 0;
	if (!store->removed_any)
		return 0;
	if (purge_remover(store, getpid(), 1, purged, error) != 0)
		return -1;
	store->removed_any = 0;
	return 0;
}

/* 1 when the process that removed rows can no longer undo it. */
static int remover_gone(sqlite3_stmt *statement)
{
	if (sqlite3_column_type(statement, 0) == SQLITE_NULL)
		return 1;
	pid_t pid = (pid_t)sqlite3_column_int64(statement, 0);
	return pid != getpid() && kill(pid, 0) != 0 && errno == ESRCH;
}

int store_purge_abandoned(struct store *store, struct error *error)
{
	sqlite3_stmt *statement = store_statement(store, STATEMENT_REMOVERS, error);
	if (!statement)
		return -1;
	sqlite3_int64 *gone = NULL;
	int *known = NULL;
	size_t count = 0, capacity = 0, known_capacity = 0;
	int status;
	while ((status = sqlite3_step(statement)) == SQLITE_ROW)
		if (remover_gone(statement)) {
			gone = xgrow(gone, &capacity, count + 1, sizeof *gone);
			known = xgrow(known, &known_capacity, count + 1, sizeof *known);
			known[count] = sqlite3_column_type(statement, 0) != SQLITE_NULL;
			gone[count++] = sqlite3_column_int64(statement, 0);
		}
	sqlite3_reset(statement);
	int result = status == SQLITE_DONE ? 0 : store_sql_error(store, error);
	for (size_t i = 0; result == 0 && i < count; i++)
		result = purge_remover(store, gone[i], known[i], NULL, error);
	free(gone);
	free(known);
	return result;
}
