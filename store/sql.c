#include <stdlib.h>
#include <string.h>

#include "base/buffer.h"
#include "store/internal.h"

static const char *const statement_sql[STATEMENT_COUNT] = {
#define STATEMENT_SQL(name, sql) [STATEMENT_##name] = sql,
    STORE_STATEMENTS(STATEMENT_SQL)
#undef STATEMENT_SQL
};

sqlite3_stmt *store_statement(struct store *store, enum statement id, struct error *error)
{
	sqlite3_stmt **slot = &store->statements[id];
	if (!*slot) {
		if (sqlite3_prepare_v3(store->db, statement_sql[id], -1, SQLITE_PREPARE_PERSISTENT,
				       slot, NULL) != SQLITE_OK) {
			store_sql_error(store, error);
			*slot = NULL;
			return NULL;
		}
		return *slot;
	}
	sqlite3_reset(*slot);
	sqlite3_clear_bindings(*slot);
	return *slot;
}

int store_sql_error(struct store *store, struct error *error)
{
	return error_set(error, "database %s: %s", store->path, sqlite3_errmsg(store->db));
}

int store_step_done(struct store *store, sqlite3_stmt *statement, struct error *error)
{
	int status = sqlite3_step(statement);
	sqlite3_reset(statement);
	if (status != SQLITE_DONE && status != SQLITE_ROW)
		return store_sql_error(store, error);
	return 0;
}

static int execute(struct store *store, const char *sql, struct error *error)
{
	if (sqlite3_exec(store->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return store_sql_error(store, error);
	return 0;
}

int store_transaction_begin(struct store *store, struct error *error)
{
	if (store->transaction_depth == 0 && execute(store, "BEGIN IMMEDIATE", error) != 0)
		return -1;
	store->transaction_depth++;
	return 0;
}

int store_transaction_commit(struct store *store, struct error *error)
{
	if (store->transaction_depth == 0)
		return 0;
	if (--store->transaction_depth > 0)
		return 0;
	if (execute(store, "COMMIT", error) != 0) {
		store_transaction_rollback(store);
		return -1;
	}
	return 0;
}

void store_transaction_rollback(struct store *store)
{
	if (store->transaction_depth == 0)
		return;
	store->transaction_depth = 0;
	store->action = 0;
	if (!sqlite3_get_autocommit(store->db))
		sqlite3_exec(store->db, "ROLLBACK", NULL, NULL, NULL);
}

char *store_column_text(sqlite3_stmt *statement, int column)
{
	if (sqlite3_column_type(statement, column) == SQLITE_NULL)
		return NULL;
	const char *text = (const char *)sqlite3_column_text(statement, column);
	return xstrndup(text, (size_t)sqlite3_column_bytes(statement, column));
}

/* Appends each row of a check's single text column; "ok" rows are
 * counted as healthy. */
static int collect_check(struct store *store, const char *sql, struct buffer *report,
			 struct error *error)
{
	sqlite3_stmt *statement;
	if (sqlite3_prepare_v2(store->db, sql, -1, &statement, NULL) != SQLITE_OK)
		return store_sql_error(store, error);
	int status;
	while ((status = sqlite3_step(statement)) == SQLITE_ROW) {
		const char *line = (const char *)sqlite3_column_text(statement, 0);
		if (line && strcmp(line, "ok") != 0)
			buffer_printf(report, "%s\n", line);
	}
	sqlite3_finalize(statement);
	if (status != SQLITE_DONE) {
		buffer_printf(report, "%s\n", sqlite3_errmsg(store->db));
		return 0;
	}
	return 0;
}

int store_check(struct store *store, char **report, struct error *error)
{
	struct buffer text = {0};
	if (collect_check(store, "PRAGMA integrity_check", &text, error) != 0 ||
	    collect_check(store, "PRAGMA foreign_key_check", &text, error) != 0) {
		buffer_free(&text);
		return -1;
	}
	if (sqlite3_exec(
		store->db,
		"INSERT INTO paragraph_search(paragraph_search) VALUES ('integrity-check')", NULL,
		NULL, NULL) != SQLITE_OK)
		buffer_printf(&text, "search index: %s\n", sqlite3_errmsg(store->db));
	if (text.length == 0)
		buffer_append_string(&text, "ok");
	*report = buffer_string(&text);
	return 0;
}
