/* documents.title_key (schema v7): the library's title sort reads it
 * through an ordinary index, so it must give the order of COLLATE pinyin
 * and follow every change of the title: import, a new version, the
 * user's title correction, and its undo and redo. */
#include <sqlite3.h>

#include "store/correction.h"
#include "store/history.h"
#include "store/internal.h"
#include "store/library.h"
#include "store_test.h"

static const char *const titles[] = {
    "政府工作报告",
    "在全市第10次党代会上的讲话",
    "在全市第9次党代会上的讲话",
    "在全市第100次党代会上的讲话",
    "阿坝州调研时的讲话",
    "北京市工作会议讲话",
    "春节团拜会讲话",
    "重要讲话",
    "第9次",
    "第10次",
    "第09次",
    "2025年工作要点",
    "2026年工作要点",
    "Annual report",
    "annual report",
    "G20峰会讲话",
    "G7峰会讲话",
    "《政府工作报告》解读",
    "讲话",
    "讲话稿",
};
enum { TITLE_COUNT = sizeof titles / sizeof titles[0] };

/* The ids of the whole library sorted by title, as "3 1 2". */
static char *page_ids(struct store *store, int reverse)
{
	static char ids[4096];
	struct store_library_query query = {STORE_LIBRARY_BY_TITLE, reverse, NULL};
	struct store_library_row *rows;
	size_t count;
	struct error error = {{0}};
	ids[0] = '\0';
	if (store_library_page(store, &query, 0, 1000, &rows, &count, &error) != 0) {
		snprintf(ids, sizeof ids, "error: %s", error.message);
		return ids;
	}
	for (size_t i = 0; i < count; i++)
		snprintf(ids + strlen(ids), sizeof ids - strlen(ids), "%s%lld", i ? " " : "",
			 (long long)rows[i].id);
	store_library_rows_free(rows, count);
	return ids;
}

/* The first column of the first row of sql, as text (NULL as ""). */
static char *query_text(struct store *store, const char *sql)
{
	static char text[4096];
	sqlite3_stmt *statement;
	text[0] = '\0';
	if (sqlite3_prepare_v2(store->db, sql, -1, &statement, NULL) != SQLITE_OK) {
		snprintf(text, sizeof text, "error: %s", sqlite3_errmsg(store->db));
		return text;
	}
	if (sqlite3_step(statement) == SQLITE_ROW && sqlite3_column_text(statement, 0))
		snprintf(text, sizeof text, "%s", (const char *)sqlite3_column_text(statement, 0));
	sqlite3_finalize(statement);
	return text;
}

/* The library's title sorts, both ways, against the collation's order. */
static void sorts_as_collation(struct store *store, const char *when)
{
	char *expected =
	    query_text(store, "SELECT group_concat(id, ' ') FROM (SELECT id FROM documents"
			      " WHERE replaced_by IS NULL AND removed_at IS NULL"
			      " ORDER BY title COLLATE pinyin, id)");
	is_string(page_ids(store, 0), expected, "%s: by title, the order of COLLATE pinyin", when);
	expected = query_text(store, "SELECT group_concat(id, ' ') FROM (SELECT id FROM documents"
				     " WHERE replaced_by IS NULL AND removed_at IS NULL"
				     " ORDER BY title COLLATE pinyin DESC, id DESC)");
	is_string(page_ids(store, 1), expected, "%s: reversed, the same reversed", when);
	is_string(query_text(store, "SELECT count(*) FROM documents"
				    " WHERE title_key IS NOT pinyin_key(title)"),
		  "0", "%s: every speech's key is its title's", when);
}

static const char *title_of(struct store *store, int64_t id)
{
	char sql[96];
	snprintf(sql, sizeof sql, "SELECT title FROM documents WHERE id = %lld", (long long)id);
	return query_text(store, sql);
}

int main(void)
{
	struct store *store = test_store_open("title_key.db");
	struct error error = {{0}};
	int64_t ids[TITLE_COUNT];
	/* Half keep the parser's title, half have theirs set by the user. */
	for (size_t i = 0; i < TITLE_COUNT; i++) {
		char text[512], path[64];
		snprintf(text, sizeof text, "%s\n同志们：\n就业是最大的民生。\n第%zu份材料。\n",
			 i % 2 ? "会议材料" : titles[i], i);
		snprintf(path, sizeof path, "/library/%zu.txt", i);
		ids[i] = test_import(store, path, text, NULL);
		if (i % 2)
			store_title_set(store, ids[i], titles[i], NULL, &error);
	}
	sorts_as_collation(store, "imported and corrected");

	/* 阿坝州 (a) is among the first Han titles; corrected to 座谈会
	 * (zuo) it goes last. */
	int64_t aba = ids[4];
	char last[32];
	snprintf(last, sizeof last, " %lld", (long long)aba);
	int changed = 0;
	ok(store_title_set(store, aba, "座谈会上的讲话", &changed, &error) == 0 && changed,
	   "title corrected");
	const char *order = page_ids(store, 0);
	ok(strlen(order) > strlen(last) && strcmp(order + strlen(order) - strlen(last), last) == 0,
	   "the corrected speech sorts last: %s", order);
	sorts_as_collation(store, "after a title correction");
	int done = 0;
	ok(store_undo(store, aba, &done, NULL, &error) == 0 && done, "the correction undone");
	is_string(title_of(store, aba), titles[4], "the parser's title back");
	sorts_as_collation(store, "after undo");
	ok(store_redo(store, aba, &done, NULL, &error) == 0 && done, "and redone");
	sorts_as_collation(store, "after redo");
	ok(store_title_set(store, aba, NULL, &changed, &error) == 0 && changed,
	   "back to the parser's title");
	sorts_as_collation(store, "back to the parser's title");

	/* A new version of a speech whose title the user set: the version
	 * keeps the correction, and its key. */
	int64_t second =
	    test_import(store, "/library/1.txt",
			"会议材料\n同志们：\n就业是最大的民生。\n第1份材料。\n新的一段。\n", NULL);
	ok(second > ids[TITLE_COUNT - 1], "a new version imported");
	is_string(title_of(store, second), titles[1], "it keeps the corrected title");
	sorts_as_collation(store, "after a new version");
	store_close(store);
	return tap_done();
}
