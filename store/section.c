#include "store/section.h"

#include <stdlib.h>

#include "base/buffer.h"
#include "store/internal.h"

int store_section_path(struct store *store, int64_t document_id, size_t paragraph, char ***labels,
		       size_t *count, struct error *error)
{
	*labels = NULL;
	*count = 0;
	sqlite3_stmt *statement = store_statement(store, STATEMENT_SECTION_PATH, error);
	if (!statement)
		return -1;
	sqlite3_bind_int64(statement, 1, document_id);
	sqlite3_bind_int64(statement, 2, (sqlite3_int64)paragraph);
	size_t capacity = 0;
	int status;
	while ((status = sqlite3_step(statement)) == SQLITE_ROW) {
		*labels = xgrow(*labels, &capacity, *count + 1, sizeof **labels);
		(*labels)[(*count)++] = store_column_text(statement, 0);
	}
	sqlite3_reset(statement);
	if (status != SQLITE_DONE) {
		store_section_path_free(*labels, *count);
		*labels = NULL;
		*count = 0;
		return store_sql_error(store, error);
	}
	return 0;
}

void store_section_path_free(char **labels, size_t count)
{
	for (size_t i = 0; i < count; i++)
		free(labels[i]);
	free(labels);
}
