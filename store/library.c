#include "store/library.h"

#include <stdlib.h>
#include <string.h>

#include "base/buffer.h"
#include "store/internal.h"
#include "store/rows.h"

/* The filter, or NULL for none. */
static const char *filter_text(const char *filter)
{
	return filter && *filter ? filter : NULL;
}

int store_library_count(struct store *store, const struct store_library_query *query, size_t *count,
			struct error *error)
{
	const char *pattern = filter_text(query->filter);
	sqlite3_stmt *statement = store_statement(
	    store, pattern ? STATEMENT_LIBRARY_COUNT_FILTERED : STATEMENT_LIBRARY_COUNT, error);
	if (!statement)
		return -1;
	if (pattern)
		sqlite3_bind_text(statement, 1, pattern, -1, SQLITE_STATIC);
	int status = sqlite3_step(statement);
	if (status == SQLITE_ROW)
		*count = (size_t)sqlite3_column_int64(statement, 0);
	sqlite3_reset(statement);
	return status == SQLITE_ROW ? 0 : store_sql_error(store, error);
}

static enum statement page_statement(const struct store_library_query *query)
{
	static const enum statement forwards[] = {
	    [STORE_LIBRARY_BY_TITLE] = STATEMENT_LIBRARY_BY_TITLE,
	    [STORE_LIBRARY_BY_DATE] = STATEMENT_LIBRARY_BY_DATE,
	    [STORE_LIBRARY_BY_IMPORTED] = STATEMENT_LIBRARY_BY_IMPORTED,
	    [STORE_LIBRARY_BY_TAGS] = STATEMENT_LIBRARY_BY_TAGS,
	};
	static const enum statement backwards[] = {
	    [STORE_LIBRARY_BY_TITLE] = STATEMENT_LIBRARY_BY_TITLE_REVERSE,
	    [STORE_LIBRARY_BY_DATE] = STATEMENT_LIBRARY_BY_DATE_REVERSE,
	    [STORE_LIBRARY_BY_IMPORTED] = STATEMENT_LIBRARY_BY_IMPORTED_REVERSE,
	    [STORE_LIBRARY_BY_TAGS] = STATEMENT_LIBRARY_BY_TAGS_REVERSE,
	};
	size_t sort = (size_t)query->sort < sizeof forwards / sizeof forwards[0] ? query->sort : 0;
	return query->reverse ? backwards[sort] : forwards[sort];
}

/* The per-theme tag counts of one row, for its coloured bar, and their sum. */
static int read_tallies(struct store *store, struct store_library_row *row, struct error *error)
{
	sqlite3_stmt *statement = store_statement(store, STATEMENT_LIBRARY_TALLIES, error);
	if (!statement)
		return -1;
	sqlite3_bind_int64(statement, 1, row->id);
	size_t capacity = 0;
	int status;
	while ((status = sqlite3_step(statement)) == SQLITE_ROW) {
		row->themes =
		    xgrow(row->themes, &capacity, row->theme_count + 1, sizeof *row->themes);
		struct store_theme_tally *tally = &row->themes[row->theme_count++];
		*tally = (struct store_theme_tally){sqlite3_column_int64(statement, 0),
						    (size_t)sqlite3_column_int64(statement, 1)};
		row->tag_count += tally->count;
	}
	sqlite3_reset(statement);
	return status == SQLITE_DONE ? 0 : store_sql_error(store, error);
}

static void read_row(sqlite3_stmt *statement, void *row)
{
	*(struct store_library_row *)row = (struct store_library_row){
	    .id = sqlite3_column_int64(statement, 0),
	    .title = store_column_text(statement, 1),
	    .date = store_column_text(statement, 2),
	    .speaker = store_column_text(statement, 3),
	    .imported_at = store_column_text(statement, 4),
	    .paragraph_count = (size_t)sqlite3_column_int64(statement, 5),
	    .position = (size_t)sqlite3_column_int64(statement, 6),
	    .occasion = store_column_text(statement, 7),
	};
}

static void clear_row(void *element)
{
	struct store_library_row *row = element;
	free(row->title);
	free(row->date);
	free(row->speaker);
	free(row->occasion);
	free(row->imported_at);
	free(row->themes);
}

static const struct store_row_type library_rows = {sizeof(struct store_library_row), read_row,
						   clear_row};

int store_library_page(struct store *store, const struct store_library_query *query, size_t offset,
		       size_t limit, struct store_library_row **rows, size_t *count,
		       struct error *error)
{
	*rows = NULL;
	*count = 0;
	if (limit == 0)
		return 0;
	sqlite3_stmt *statement = store_statement(store, page_statement(query), error);
	if (!statement)
		return -1;
	const char *pattern = filter_text(query->filter);
	if (pattern)
		sqlite3_bind_text(statement, 1, pattern, -1, SQLITE_STATIC);
	sqlite3_bind_int64(statement, 2, (sqlite3_int64)limit);
	sqlite3_bind_int64(statement, 3, (sqlite3_int64)offset);
	void *collected;
	int result = store_rows_collect(store, statement, &library_rows, &collected, count, error);
	*rows = collected;
	for (size_t i = 0; result == 0 && i < *count; i++)
		result = read_tallies(store, &(*rows)[i], error);
	if (result != 0) {
		store_library_rows_free(*rows, *count);
		*rows = NULL;
		*count = 0;
	}
	return result;
}

void store_library_rows_free(struct store_library_row *rows, size_t count)
{
	for (size_t i = 0; i < count; i++)
		clear_row(&rows[i]);
	free(rows);
}
