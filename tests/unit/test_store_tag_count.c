/* Each speech's tag count (documents.tag_count, schema v6): the triggers
 * keep it equal to its tags through tagging, undo and redo, re-import,
 * theme deletion, removal and purge; the migration fills it; and every
 * sort of the library view reads an index instead of sorting the library
 * (EXPLAIN QUERY PLAN). */
#include "store/annotation.h"
#include "store/history.h"
#include "store/internal.h"
#include "store/library.h"
#include "store/removal.h"
#include "store/schema.h"
#include "store/theme.h"
#include "store_test.h"

static const char speech_text[] = "标题\n同志们：\n一、抓好民生\n就业是最大的民生。\n二、党建\n"
				  "加强党的建设。\n";
static const char changed_text[] = "标题\n同志们：\n一、抓好民生\n就业是最大的民生。\n"
				   "新增的一段。\n二、党建\n加强党的建设。\n";

static int64_t single_value(struct store *store, const char *sql, int64_t id)
{
	sqlite3_stmt *statement;
	int64_t value = -1;
	if (sqlite3_prepare_v2(store->db, sql, -1, &statement, NULL) != SQLITE_OK)
		return -2;
	sqlite3_bind_int64(statement, 1, id);
	if (sqlite3_step(statement) == SQLITE_ROW)
		value = sqlite3_column_int64(statement, 0);
	sqlite3_finalize(statement);
	return value;
}

static int64_t tag_count(struct store *store, int64_t id)
{
	return single_value(store, "SELECT tag_count FROM documents WHERE id = ?1", id);
}

/* Versions whose kept count differs from their tags: 0 when all agree. */
static int64_t disagreeing(struct store *store)
{
	return single_value(store,
			    "SELECT count(*) FROM documents d WHERE ?1 = ?1 AND d.tag_count !="
			    " (SELECT count(*) FROM tags t WHERE t.document_id = d.id)",
			    0);
}

static void counts_follow_changes(void)
{
	struct store *store = test_store_open("follow.db");
	test_themes_install(store);
	struct error error = {{0}};
	int64_t minsheng, dangjian;
	store_theme_find(store, "民生", &minsheng, &error);
	store_theme_find(store, "党建", &dangjian, &error);
	int64_t a = test_import(store, "/library/a.txt", speech_text, NULL);
	int64_t b = test_import(store, "/other/b.txt", "乙\n一段。\n二段。\n", NULL);
	is_int(tag_count(store, a), 0, "a new speech has no tags");

	store_tag_add(store, a, 1, minsheng, NULL, &error);
	store_tag_add(store, a, 2, minsheng, NULL, &error);
	store_tag_add(store, a, 2, dangjian, NULL, &error);
	store_tag_add(store, a, 2, dangjian, NULL, &error); /* already there */
	store_tag_add(store, b, 1, dangjian, NULL, &error);
	is_int(tag_count(store, a), 3, "three tags counted once each");
	is_int(tag_count(store, b), 1, "the other speech counts its own");

	int present;
	store_tag_toggle(store, a, 1, minsheng, &present, &error);
	is_int(tag_count(store, a), 2, "a toggled-off tag is no longer counted");

	store_action_begin(store, a, "two tags", &error);
	store_tag_add(store, a, 3, minsheng, NULL, &error);
	store_tag_add(store, a, 4, minsheng, NULL, &error);
	store_action_commit(store, &error);
	is_int(tag_count(store, a), 4, "one action with two tags");
	int done;
	store_undo(store, a, &done, NULL, &error);
	is_int(tag_count(store, a), 2, "undo takes both back");
	store_redo(store, a, &done, NULL, &error);
	is_int(tag_count(store, a), 4, "redo brings both back");

	store_action_begin(store, a, "aborted", &error);
	store_tag_add(store, a, 5, minsheng, NULL, &error);
	store_action_abort(store);
	is_int(tag_count(store, a), 4, "a rolled-back tag is not counted");

	/* Re-import: the tags move to the new version. */
	int64_t a2 = test_import(store, "/library/a.txt", changed_text, NULL);
	ok(a2 != a, "the changed file is a new version");
	is_int(tag_count(store, a2), 4, "the new version counts the tags that moved to it");
	is_int(disagreeing(store), 0, "every version's count agrees with its tags");

	size_t removed_tags;
	store_theme_delete(store, dangjian, 1, &removed_tags, &error);
	is_int(tag_count(store, b), 0, "deleting a theme takes its tags off the count");

	char *recovery = NULL;
	ok(store_document_remove(store, a2, test_path("recovery"), &recovery, &error) == 0,
	   "removed");
	free(recovery);
	store_purge_removed(store, NULL, &error);
	is_int(disagreeing(store), 0, "still in agreement after a purge");

	char *report = NULL;
	store_check(store, &report, &error);
	is_string(report, "ok", "pizhu check finds nothing wrong");
	free(report);
	store_close(store);
}

/* A library of schema v5 with tags, migrated: the counts are filled. */
static void migration_fills_counts(void)
{
	struct store *store = test_store_open("migrate.db");
	test_themes_install(store);
	struct error error = {{0}};
	int64_t minsheng;
	store_theme_find(store, "民生", &minsheng, &error);
	int64_t a = test_import(store, "/library/a.txt", speech_text, NULL);
	store_tag_add(store, a, 1, minsheng, NULL, &error);
	store_tag_add(store, a, 3, minsheng, NULL, &error);
	/* Back to version 5: what migrations 6 to 10 add taken away again. */
	int undone = sqlite3_exec(store->db, UNDO_MIGRATIONS_6_TO_10 "PRAGMA user_version = 5",
				  NULL, NULL, NULL);
	is_int(undone, SQLITE_OK, "the library is at version 5");
	ok(schema_migrate(store->db, 5, &error) == 0, "migrated to the latest version");
	is_int(tag_count(store, a), 2, "the migration counted the existing tags");
	store_close(store);
}

/* The plan of a statement: whether it sorts the rows itself (USE TEMP
 * B-TREE) and which index it reads. */
static void plan_of(struct store *store, enum statement which, char *details, size_t size)
{
	struct error error = {{0}};
	sqlite3_stmt *statement = store_statement(store, which, &error);
	char sql[2048];
	snprintf(sql, sizeof sql, "EXPLAIN QUERY PLAN %s", sqlite3_sql(statement));
	sqlite3_stmt *plan;
	details[0] = '\0';
	if (sqlite3_prepare_v2(store->db, sql, -1, &plan, NULL) == SQLITE_OK) {
		while (sqlite3_step(plan) == SQLITE_ROW) {
			size_t length = strlen(details);
			snprintf(details + length, size - length, "%s; ",
				 (const char *)sqlite3_column_text(plan, 3));
		}
		sqlite3_finalize(plan);
	}
}

/* The plan has no sort of its own and reads the named index. */
static void uses_index(struct store *store, enum statement which, const char *index,
		       const char *name)
{
	char details[2048];
	plan_of(store, which, details, sizeof details);
	int sorted_by_index =
	    details[0] && !strstr(details, "TEMP B-TREE") && (!index || strstr(details, index));
	ok(sorted_by_index, "%s: %s", name, details);
}

static void sorts_use_indexes(void)
{
	struct store *store = test_store_open("plans.db");
	test_import(store, "/library/a.txt", speech_text, NULL);
	uses_index(store, STATEMENT_LIBRARY_BY_TAGS, "documents_library_tags", "by tags");
	uses_index(store, STATEMENT_LIBRARY_BY_TAGS_REVERSE, "documents_library_tags",
		   "by tags, reversed");
	uses_index(store, STATEMENT_LIBRARY_BY_DATE, "documents_library_date", "by date");
	uses_index(store, STATEMENT_LIBRARY_BY_DATE_REVERSE, "documents_library_date_last",
		   "by date, reversed");
	uses_index(store, STATEMENT_LIBRARY_BY_IMPORTED, NULL, "by import");
	uses_index(store, STATEMENT_LIBRARY_BY_IMPORTED_REVERSE, NULL, "by import, reversed");
	/* Pinyin order is read from documents.title_key (schema v7), whose
	 * byte order is that order, so no index needs pizhu's collation. */
	uses_index(store, STATEMENT_LIBRARY_BY_TITLE, "documents_library_filter",
		   "by title, in pinyin order");
	uses_index(store, STATEMENT_LIBRARY_BY_TITLE_REVERSE, "documents_library_filter",
		   "by title, reversed");
	uses_index(store, STATEMENT_LIBRARY_COUNT, "documents_library", "the count");
	/* The filter reads the fields it looks in from the index of the
	 * title order (schema v9), not every speech's row: SQLite reads a
	 * generated column from the index, though the plan does not say
	 * COVERING (test_store_library checks what the filter finds). */
	uses_index(store, STATEMENT_LIBRARY_COUNT_FILTERED, "documents_library_filter",
		   "the count of a filter");
	store_close(store);
}

int main(void)
{
	counts_follow_changes();
	migration_fills_counts();
	sorts_use_indexes();
	return tap_done();
}
