/* rows.h — the loop every list query of the store shares: step a
 * statement to its end, one array element per result row. Private to
 * store/. */
#ifndef PIZHU_STORE_ROWS_H
#define PIZHU_STORE_ROWS_H

#include <sqlite3.h>
#include <stddef.h>

#include "base/error.h"
#include "store/statement.h"
#include "store/store.h"

/* How one result row becomes one element of `size` bytes: read fills the
 * (zeroed) element from the statement's columns; clear, when not NULL,
 * frees what read allocated in it. */
struct store_row_type {
	size_t size;
	void (*read)(sqlite3_stmt *statement, void *element);
	void (*clear)(void *element);
};

/* Steps the prepared and bound statement to its end and resets it. *rows
 * receives a new array of *count elements (NULL for none). On an SQL
 * error, what was read is cleared and freed, *rows is NULL, *count 0, and
 * it returns -1 with the message. */
int store_rows_collect(struct store *store, sqlite3_stmt *statement,
		       const struct store_row_type *type, void **rows, size_t *count,
		       struct error *error);

/* store_rows_collect over the statement `id`, its first parameter bound
 * to *key when key is not NULL (a speech's id, most often). */
int store_rows_select(struct store *store, enum statement id, const int64_t *key,
		      const struct store_row_type *type, void **rows, size_t *count,
		      struct error *error);

/* Rows whose first column is a paragraph number, read as size_t. */
extern const struct store_row_type store_paragraph_number_rows;

#endif
