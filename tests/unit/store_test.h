/* store_test.h — helpers for the store's unit tests: a private temporary
 * directory per test program, and speeches parsed from literal text. */
#ifndef PIZHU_TESTS_STORE_TEST_H
#define PIZHU_TESTS_STORE_TEST_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "speech/speech.h"
#include "store/document.h"
#include "store/store.h"
#include "store/theme.h"
#include "tap.h"

static char test_directory[256];

/* A new empty directory for this test program, removed at exit. */
static void test_directory_remove(void)
{
	char command[300];
	snprintf(command, sizeof command, "rm -rf '%s'", test_directory);
	if (system(command) != 0)
		printf("# could not remove %s\n", test_directory);
}

static inline const char *test_path(const char *name)
{
	static char path[512];
	if (!test_directory[0]) {
		const char *tmp = getenv("TMPDIR");
		snprintf(test_directory, sizeof test_directory, "%s/pizhu-test-XXXXXX",
			 tmp && *tmp ? tmp : "/tmp");
		if (!mkdtemp(test_directory)) {
			perror("mkdtemp");
			exit(1);
		}
		atexit(test_directory_remove);
	}
	snprintf(path, sizeof path, "%s/%s", test_directory, name);
	return path;
}

/* SQL that takes away what migrations 6 to 10 add (migration 11 adds
 * no object), so that a test can step a library back to version 5 and
 * watch the migrations bring it forward; one list, kept with the schema. */
#define UNDO_MIGRATIONS_6_TO_10                                                                    \
	"DROP TRIGGER tags_count_insert; DROP TRIGGER tags_count_delete;"                          \
	"DROP TRIGGER tags_count_move; DROP INDEX documents_library_tags;"                         \
	"DROP INDEX documents_library_date_last; DROP INDEX paragraphs_place;"                     \
	"ALTER TABLE documents DROP COLUMN tag_count;"                                             \
	"DROP INDEX documents_library_filter;"                                                     \
	"ALTER TABLE documents DROP COLUMN library_text;"                                          \
	"ALTER TABLE documents DROP COLUMN title_key;"                                             \
	"DROP TRIGGER paragraphs_title_search_delete;"                                             \
	"DROP TRIGGER paragraphs_heading_search_delete;"                                           \
	"DROP TABLE title_search; DROP TABLE heading_search;"                                      \
	"DROP INDEX paragraphs_hidden; ALTER TABLE paragraphs DROP COLUMN matter;"

/* The first column of the first row of a query on a connection (a count,
 * say); 0 when the query fails or returns no row. */
static inline int64_t test_sql_integer(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *statement;
	int64_t value = 0;
	if (sqlite3_prepare_v2(db, sql, -1, &statement, NULL) == SQLITE_OK &&
	    sqlite3_step(statement) == SQLITE_ROW)
		value = sqlite3_column_int64(statement, 0);
	sqlite3_finalize(statement);
	return value;
}

static inline struct store *test_store_open(const char *name)
{
	struct store *store;
	struct error error = {{0}};
	if (store_open(test_path(name), STORE_OPEN_CREATE, &store, &error) != 0) {
		printf("# store_open: %s\n", error.message);
		return NULL;
	}
	return store;
}

/* Parses text and imports it as if read from path; returns the id or 0. */
static inline int64_t test_import(struct store *store, const char *path, const char *text,
				  struct store_import_result *result)
{
	struct speech speech;
	struct error error = {{0}};
	struct store_import_result ignored;
	if (!result)
		result = &ignored;
	if (speech_parse((const unsigned char *)text, strlen(text), "fallback", &speech, &error) !=
	    0) {
		printf("# parse: %s\n", error.message);
		return 0;
	}
	int status = store_import(store, path, (const unsigned char *)text, strlen(text), &speech,
				  result, &error);
	speech_free(&speech);
	if (status != 0) {
		printf("# import: %s\n", error.message);
		return 0;
	}
	return result->id;
}

/* Brings the built-in themes into the library, as pizhu does when it
 * opens one. */
static inline void test_themes_install(struct store *store)
{
	struct theme_definition *defaults;
	size_t count;
	struct error error = {{0}};
	theme_definitions_load(NULL, &defaults, &count, &error);
	store_themes_sync(store, defaults, count, &error);
	theme_definitions_free(defaults, count);
}

static inline void write_file(const char *path, const void *bytes, size_t length)
{
	FILE *file = fopen(path, "wb");
	if (!file || fwrite(bytes, 1, length, file) != length || fclose(file) != 0) {
		perror(path);
		exit(1);
	}
}

/* The whole file as a new string (NULL if it cannot be read). */
static inline char *read_whole(const char *path, size_t *length)
{
	FILE *file = fopen(path, "rb");
	if (!file)
		return NULL;
	size_t capacity = 4096, used = 0;
	char *data = malloc(capacity);
	size_t got;
	while ((got = fread(data + used, 1, capacity - used, file)) > 0) {
		used += got;
		if (used == capacity)
			data = realloc(data, capacity *= 2);
	}
	fclose(file);
	*length = used;
	return data;
}

#endif
