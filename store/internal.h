/* internal.h — what the store's files share and callers do not see: the
 * connection, the prepared statements and transaction helpers. */
#ifndef PIZHU_STORE_INTERNAL_H
#define PIZHU_STORE_INTERNAL_H

#include <sqlite3.h>
#include <stdatomic.h>

#include "store/statement.h"
#include "store/store.h"

enum {
	/* How long a second pizhu waits for the write lock. */
	STORE_BUSY_TIMEOUT_MS = 10000,
};

struct store {
	sqlite3 *db;
	char *path;
	char *user;				   /* store_user, once asked for */
	sqlite3_stmt *statements[STATEMENT_COUNT]; /* prepared on first use */
	int64_t action;				   /* the open action's id, 0 for none */
	int64_t action_document;		   /* its document, 0 for several */
	size_t action_events;			   /* events recorded in it so far */
	int transaction_depth;			   /* see store_transaction_begin */
	atomic_int interrupted;			   /* store_interrupt was called */
	int removed_any;			   /* removed speeches to purge at close */
	size_t index_memory;			   /* store_limit_index_memory, 0 for FTS5's own */
};

/* Who is recorded with each action: $USER, else the login name. */
const char *store_user(struct store *store);

/* The statement, prepared once per connection, reset and with its
 * bindings cleared; NULL with a message on failure. */
sqlite3_stmt *store_statement(struct store *store, enum statement id, struct error *error);

/* Fills *error with the connection's last SQLite message; returns -1.
 * A library another process kept locked past the busy timeout gets a
 * message that says so. */
int store_sql_error(struct store *store, struct error *error);

/* Steps a statement that returns no rows and resets it. */
int store_step_done(struct store *store, sqlite3_stmt *statement, struct error *error);

/* This connection's PRAGMA cache_size (pages, or KiB when negative), read
 * and set; store_cache_set with a NULL error leaves no message. */
int store_cache_get(struct store *store, sqlite3_int64 *size, struct error *error);
int store_cache_set(struct store *store, sqlite3_int64 size, struct error *error);

/* Write transactions: BEGIN IMMEDIATE takes the write lock at once, so a
 * concurrent writer waits in the busy handler instead of failing later.
 * Nested calls join the outer transaction. */
int store_transaction_begin(struct store *store, struct error *error);
int store_transaction_commit(struct store *store, struct error *error);
void store_transaction_rollback(struct store *store);

/* Options of a search index's FTS5 table that an import sets for the
 * length of its transaction (store/import_paths.c). They are kept in the
 * index's own table: set inside the transaction and set back before the
 * commit, no other connection ever sees them. The title index is left
 * alone: one title a speech, its segments are few and small. */
enum store_search_index { STORE_INDEX_BODY, STORE_INDEX_HEADINGS };
enum store_index_option {
	/* 'hashsize': bytes of pending terms held in memory before they are
	 * written out as a new segment */
	STORE_INDEX_MEMORY,
	/* 'automerge': how many segments of a level are merged into one of
	 * the next level */
	STORE_INDEX_AUTOMERGE,
};
int store_index_option_get(struct store *store, enum store_search_index index,
			   enum store_index_option option, int64_t *value, struct error *error);
int store_index_option_set(struct store *store, enum store_search_index index,
			   enum store_index_option option, int64_t value, struct error *error);

/* Purges what removed pizhu processes that have ended left marked
 * (removal.h); run at open. */
int store_purge_abandoned(struct store *store, struct error *error);

/* Creates the directories leading to path, like mkdir -p of its dirname. */
int store_make_parent_directories(const char *path, struct error *error);

/* store_speech_load that returns 1 for a damaged speech, with only the
 * problem in *error (for pizhu check), and -1 for an SQL error. */
struct speech;
int store_speech_load_checked(struct store *store, int64_t id, struct speech *speech,
			      struct error *error);

/* A copy of a text column, or NULL for SQL NULL. */
char *store_column_text(sqlite3_stmt *statement, int column);

#endif
