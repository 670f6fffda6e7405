#include "store/section.h"

#include <stdlib.h>

#include "base/buffer.h"
#include "store/internal.h"
#include "store/rows.h"

static void read_label(sqlite3_stmt *statement, void *element)
{
	*(char **)element = store_column_text(statement, 0);
}

static void clear_label(void *element)
{
	free(*(char **)element);
}

static const struct store_row_type label_rows = {sizeof(char *), read_label, clear_label};

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
	void *rows;
	int status = store_rows_collect(store, statement, &label_rows, &rows, count, error);
	*labels = rows;
	return status;
}

void store_section_path_free(char **labels, size_t count)
{
	for (size_t i = 0; i < count; i++)
		free(labels[i]);
	free(labels);
}
