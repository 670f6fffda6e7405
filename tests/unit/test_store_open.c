/* Opening the library: creation, migration, and refusing files that are
 * not ours without changing a byte of them. */
#include <sqlite3.h>
#include <sys/stat.h>

#include "store/internal.h"
#include "store/schema.h"
#include "store/search.h"
#include "store_test.h"

static int pragma_int(const char *path, const char *pragma)
{
	sqlite3 *db;
	int value = -1;
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK) {
		sqlite3_stmt *statement;
		if (sqlite3_prepare_v2(db, pragma, -1, &statement, NULL) == SQLITE_OK &&
		    sqlite3_step(statement) == SQLITE_ROW)
			value = sqlite3_column_int(statement, 0);
		sqlite3_finalize(statement);
	}
	sqlite3_close(db);
	return value;
}

static void run_sql(const char *path, const char *sql)
{
	sqlite3 *db;
	if (sqlite3_open(path, &db) != SQLITE_OK ||
	    sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK)
		printf("# %s: %s\n", sql, sqlite3_errmsg(db));
	sqlite3_close(db);
}

/* Opening must fail, mention `expected` and leave the file as it was. */
static void refuses(const char *name, const char *expected, const char *description)
{
	const char *path = test_path(name);
	size_t before_length, after_length;
	char *before = read_whole(path, &before_length);
	struct store *store;
	struct error error = {{0}};
	int status = store_open(path, STORE_OPEN_CREATE, &store, &error);
	ok(status == -1, "%s: refused", description);
	ok(strstr(error.message, expected) != NULL, "%s: message says '%s'", description, expected);
	printf("#   %s\n", error.message);
	char *after = read_whole(path, &after_length);
	ok(before && after && before_length == after_length &&
	       memcmp(before, after, before_length) == 0,
	   "%s: file unchanged", description);
	free(before);
	free(after);
	if (status == 0)
		store_close(store);
}

static void creates_and_migrates(void)
{
	const char *path = test_path("deep/er/library.db");
	struct store *store;
	struct error error = {{0}};
	ok(store_open(path, STORE_OPEN_EXISTING, &store, &error) == -1,
	   "existing mode: missing file refused");
	ok(store_open(path, STORE_OPEN_CREATE, &store, &error) == 0, "create mode: opens (%s)",
	   error.message);
	is_string(store_path(store), path, "store_path");
	char *report = NULL;
	ok(store_check(store, &report, &error) == 0, "store_check runs");
	is_string(report, "ok", "a new library is healthy");
	free(report);
	store_close(store);
	is_int(pragma_int(path, "PRAGMA user_version"), schema_latest_version(),
	       "migrated to the latest version");
	is_int(pragma_int(path, "PRAGMA application_id"), STORE_APPLICATION_ID,
	       "application id set");
	ok(store_open(path, STORE_OPEN_EXISTING, &store, &error) == 0, "reopens (%s)",
	   error.message);
	store_close(store);

	write_file(test_path("empty.db"), "", 0);
	store = test_store_open("empty.db");
	ok(store != NULL, "an empty file becomes a library");
	store_close(store);
}

static size_t hits_for(struct store *store, const char *text)
{
	struct store_search_query query = {.text = text};
	struct store_search_hit *hits = NULL;
	size_t count = 0;
	struct error error = {{0}};
	if (store_search(store, &query, &hits, &count, &error) != 0)
		printf("# search '%s': %s\n", text, error.message);
	store_search_hits_free(hits, count);
	return count;
}

/* A version 2 library (paragraphs indexed by a trigger) moves to version
 * 3, where import indexes them itself: both kinds stay searchable. */
static void migrates_search_trigger(void)
{
	struct store *store = test_store_open("v2.db");
	test_import(store, "/a.txt", "旧的讲话\n保障和改善民生。\n", NULL);
	/* What versions 5 to 8 added, a version 2 library lacks (this
	 * connection has the tokenizer the rewritten schema's triggers need;
	 * DROP COLUMN checks every trigger, so the tag count's go first). */
	ok(sqlite3_exec(store->db,
			UNDO_MIGRATIONS_6_TO_10 "ALTER TABLE documents DROP COLUMN format;", NULL,
			NULL, NULL) == SQLITE_OK,
	   "back to version 2's columns");
	store_close(store);
	/* Back to version 2: without what the migrations after it add, so
	 * that they can run again (DROP COLUMN checks every trigger, and the
	 * sqlite3 library alone knows no pizhu tokenizer: the delete trigger
	 * goes for a moment), and with the insert trigger. */
	run_sql(test_path("v2.db"),
		"DROP TABLE corrections; DROP TRIGGER paragraphs_search_delete;"
		"ALTER TABLE documents DROP COLUMN back_matter;"
		"CREATE TRIGGER paragraphs_search_delete AFTER DELETE ON paragraphs BEGIN"
		"  INSERT INTO paragraph_search(paragraph_search, rowid, text)"
		"  VALUES ('delete', old.id, old.text);"
		"END;"
		"CREATE TRIGGER paragraphs_search_insert AFTER INSERT ON paragraphs BEGIN"
		"  INSERT INTO paragraph_search(rowid, text) VALUES (new.id, new.text);"
		"END;"
		"PRAGMA user_version = 2");
	store = test_store_open("v2.db");
	ok(store != NULL, "a version 2 library opens");
	is_int(pragma_int(test_path("v2.db"), "PRAGMA user_version"), schema_latest_version(),
	       "version 2 migrated to the latest version");
	is_int(pragma_int(test_path("v2.db"), "SELECT count(*) FROM sqlite_schema"
					      " WHERE name = 'paragraphs_search_insert'"),
	       0, "the insert trigger is gone");
	is_int(pragma_int(test_path("v2.db"),
			  "SELECT count(*) FROM documents"
			  " WHERE title_key IS NULL OR substr(title_key, -12) != "
			  "CAST('旧的讲话' AS BLOB)"),
	       0, "the migration gave the old speech its title's sort key");
	test_import(store, "/b.txt", "新的讲话\n持续改善民生福祉。\n", NULL);
	is_int(hits_for(store, "改善民生"), 2, "speeches from before and after found");
	char *report = NULL;
	struct error error = {{0}};
	ok(store_check(store, &report, &error) == 0 && strcmp(report, "ok") == 0,
	   "the search index agrees with the paragraphs (%s)", report ? report : error.message);
	free(report);
	store_close(store);
}

/* A version 7 library (no small indexes of titles and headings) moves to
 * the latest version: migration 8 fills them, so that its titles and
 * headings come first again, and pizhu check finds them whole. */
static void migrates_tier_indexes(void)
{
	struct store *store = test_store_open("v7.db");
	int64_t old = test_import(
	    store, "/a.txt", "关于民生的讲话\n同志们：\n一、民生工作\n我们要关心群众的民生问题。\n",
	    NULL);
	ok(sqlite3_exec(store->db,
			"DROP TRIGGER paragraphs_title_search_delete;"
			"DROP TRIGGER paragraphs_heading_search_delete;"
			"DROP TABLE title_search; DROP TABLE heading_search;"
			"DROP INDEX documents_library_filter;"
			"ALTER TABLE documents DROP COLUMN library_text;"
			"CREATE INDEX documents_library_title_key ON documents(title_key, id)"
			"  WHERE replaced_by IS NULL AND removed_at IS NULL;"
			"DROP INDEX paragraphs_hidden; ALTER TABLE paragraphs DROP COLUMN matter;"
			"PRAGMA user_version = 7",
			NULL, NULL, NULL) == SQLITE_OK,
	   "back to version 7");
	store_close(store);
	store = test_store_open("v7.db");
	ok(store != NULL, "a version 7 library opens");
	is_int(pragma_int(test_path("v7.db"), "PRAGMA user_version"), schema_latest_version(),
	       "version 7 migrated to the latest version");
	is_int(pragma_int(test_path("v7.db"), "SELECT count(*) FROM title_search_docsize"), 1,
	       "the migration indexed the title");
	is_int(pragma_int(test_path("v7.db"), "SELECT count(*) FROM heading_search_docsize"), 1,
	       "and the heading");
	struct store_search_query query = {.text = "民生"};
	struct store_search_hit *hits = NULL;
	size_t count = 0;
	struct error error = {{0}};
	store_search(store, &query, &hits, &count, &error);
	ok(count == 3 && hits[0].document_id == old && hits[0].paragraph == 0 &&
	       hits[1].paragraph == 2 && hits[2].paragraph == 3,
	   "title, heading, body, as before the migration");
	store_search_hits_free(hits, count);
	char *report = NULL;
	ok(store_check(store, &report, &error) == 0 && strcmp(report, "ok") == 0,
	   "the migrated library is healthy (%s)", report ? report : error.message);
	free(report);
	store_close(store);
}

static void refuses_others(void)
{
	write_file(test_path("text.db"), "这不是数据库\n", strlen("这不是数据库\n"));
	refuses("text.db", "not a pizhu database", "a text file");

	run_sql(test_path("foreign.db"), "CREATE TABLE birds (name TEXT); INSERT INTO birds "
					 "VALUES ('heron')");
	refuses("foreign.db", "another program", "another program's database");

	store_close(test_store_open("newer.db"));
	run_sql(test_path("newer.db"), "PRAGMA user_version = 999");
	refuses("newer.db", "newer pizhu", "a database from a newer pizhu");

	/* A valid header followed by garbage pages. */
	size_t length;
	char *bytes = read_whole(test_path("newer.db"), &length);
	if (bytes && length > 200) {
		memset(bytes + 100, 0xA5, length - 100);
		write_file(test_path("corrupt.db"), bytes, length);
		refuses("corrupt.db", "corrupt", "a corrupt database");
	}
	free(bytes);
}

static void default_path(void)
{
	struct error error = {{0}};
	setenv("PIZHU_DB", "/x/y.db", 1);
	char *path = store_default_path(&error);
	is_string(path, "/x/y.db", "PIZHU_DB wins");
	free(path);
	unsetenv("PIZHU_DB");
	setenv("XDG_DATA_HOME", "/data", 1);
	path = store_default_path(&error);
	is_string(path, "/data/pizhu/pizhu.db", "XDG_DATA_HOME");
	free(path);
	unsetenv("XDG_DATA_HOME");
	setenv("HOME", "/home/reader", 1);
	path = store_default_path(&error);
	is_string(path, "/home/reader/.local/share/pizhu/pizhu.db", "HOME fallback");
	free(path);
}

/* Every named statement compiles against the latest schema. */
static void statements_prepare(void)
{
	struct store *store = test_store_open("statements.db");
	struct error error = {{0}};
	int failed = 0;
	for (int i = 0; i < STATEMENT_COUNT; i++)
		if (!store_statement(store, (enum statement)i, &error)) {
			printf("# statement %d: %s\n", i, error.message);
			failed++;
		}
	is_int(failed, 0, "all %d statements prepare", STATEMENT_COUNT);
	store_close(store);
}

int main(void)
{
	statements_prepare();
	creates_and_migrates();
	migrates_search_trigger();
	migrates_tier_indexes();
	refuses_others();
	default_path();
	return tap_done();
}
