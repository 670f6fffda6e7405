/* schema.h — the database schema as an append-only list of migrations.
 *
 * Migration N (1-based) takes a database from user_version N-1 to N. A
 * mistake in a released migration is fixed by a new entry, never by
 * editing an old one. */
#ifndef PIZHU_STORE_SCHEMA_H
#define PIZHU_STORE_SCHEMA_H

#include <sqlite3.h>

#include "base/error.h"

/* "PiZh": marks a file as a pizhu database (PRAGMA application_id). */
#define STORE_APPLICATION_ID 0x50695a68

/* The user_version this pizhu creates and understands. */
int schema_latest_version(void);

/* Runs the migrations from `from` up to the latest, inside the caller's
 * transaction. */
int schema_migrate(sqlite3 *db, int from, struct error *error);

#endif
