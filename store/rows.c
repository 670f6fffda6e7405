#include "store/rows.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "base/buffer.h"
#include "store/internal.h"

int store_rows_collect(struct store *store, sqlite3_stmt *statement,
		       const struct store_row_type *type, void **rows, size_t *count,
		       struct error *error)
{
	assert(type->size > 0 && type->read);
	char *array = NULL;
	size_t capacity = 0, used = 0;
	int status;
	while ((status = sqlite3_step(statement)) == SQLITE_ROW) {
		array = xgrow(array, &capacity, used + 1, type->size);
		void *element = array + used++ * type->size;
		memset(element, 0, type->size);
		type->read(statement, element);
	}
	sqlite3_reset(statement);
	if (status != SQLITE_DONE) {
		for (size_t i = 0; type->clear && i < used; i++)
			type->clear(array + i * type->size);
		free(array);
		*rows = NULL;
		*count = 0;
		return store_sql_error(store, error);
	}
	*rows = array;
	*count = used;
	return 0;
}

int store_rows_select(struct store *store, enum statement id, const int64_t *key,
		      const struct store_row_type *type, void **rows, size_t *count,
		      struct error *error)
{
	*rows = NULL;
	*count = 0;
	sqlite3_stmt *statement = store_statement(store, id, error);
	if (!statement)
		return -1;
	if (key)
		sqlite3_bind_int64(statement, 1, *key);
	return store_rows_collect(store, statement, type, rows, count, error);
}

static void read_paragraph_number(sqlite3_stmt *statement, void *element)
{
	*(size_t *)element = (size_t)sqlite3_column_int64(statement, 0);
}

const struct store_row_type store_paragraph_number_rows = {sizeof(size_t), read_paragraph_number,
							   NULL};
