/* store.h — the library database: opening it, and what every other store
 * header builds on.
 *
 * One SQLite file holds every speech, theme, tag, note and the annotation
 * history. Opening sets a busy timeout (a second pizhu waits rather than
 * fails), WAL mode and foreign keys, then migrates the schema. Functions
 * return 0 on success and -1 with a message in *error; none prints. */
#ifndef PIZHU_STORE_STORE_H
#define PIZHU_STORE_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "base/error.h"

struct store;

enum store_open_mode {
	STORE_OPEN_CREATE,   /* create the file (and its directory) if missing */
	STORE_OPEN_EXISTING, /* fail when there is no file */
};

/* The library's path: $PIZHU_DB, else $XDG_DATA_HOME/pizhu/pizhu.db, else
 * $HOME/.local/share/pizhu/pizhu.db. A new string, or NULL with a message
 * when neither XDG_DATA_HOME nor HOME is set. */
char *store_default_path(struct error *error);

/* Opens the database at path. A file that is not an SQLite database, an
 * SQLite database of another program, a corrupt file, or a database made by
 * a newer pizhu is refused before anything is written to it. */
int store_open(const char *path, enum store_open_mode mode, struct store **store,
	       struct error *error);

void store_close(struct store *store);

const char *store_path(const struct store *store);

/* Keeps this connection's page cache under about `bytes` (PRAGMA
 * cache_size; SQLite's own is 2 MB), for an import that only appends
 * while the process holds a large speech: other connections of the
 * process keep theirs. Best effort, as the cache's size changes no
 * result. */
void store_limit_cache(struct store *store, size_t bytes);

/* For a connection that reads each page it needs about once and is then
 * closed (a command such as `pizhu search`, a count in the background):
 * keeps SQLite's page cache at a few dozen pages, so that pages read reuse
 * a few buffers instead of touching new memory for each one. A page of
 * new memory costs a page fault, and a first page of search results read
 * 190 pages: 40% fewer faults, 14% less time. Not for a view that reads
 * the same pages again and again. */
void store_cache_small(struct store *store);

/* Imports on this connection (store_import, store_import_hashed) write
 * the search index's pending terms out after about `bytes` of them
 * instead of the index's own size (FTS5's default is 1 MiB): held in
 * memory until then they take two or three times their size. More,
 * smaller index segments to merge, so slower: for a process that holds a
 * large speech while it imports it. */
void store_limit_index_memory(struct store *store, size_t bytes);

/* Makes what runs on this connection in another thread (an import) stop
 * with an error as soon as it can; its transaction rolls back. The
 * connection is of no further use. */
void store_interrupt(struct store *store);

/* A number that changes when another connection (another pizhu) commits
 * to the database, so a reader can tell when to load annotations again. */
int store_data_version(struct store *store, int64_t *version, struct error *error);

/* Runs SQLite's integrity and foreign key checks, FTS5's check of the
 * search index, checks that the event log agrees with the tags and notes
 * (each is what the latest change in effect made it), and loads every
 * speech as the reader would, naming each damaged one (store/validate.h)
 * and version links that do not agree; *report is a new string, "ok"
 * when all is well, else one problem per line. */
int store_check(struct store *store, char **report, struct error *error);
/* store_check without loading the speeches and their versions. */
int store_check_quick(struct store *store, char **report, struct error *error);

#endif
