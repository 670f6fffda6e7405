/* Removing speeches: the recovery file, every listing, search and count
 * leaving them out, restoring them, and purging them for good. */
#include <sqlite3.h>
#include <sys/wait.h>

#include "store/annotation.h"
#include "store/correction.h"
#include "store/history.h"
#include "store/recovery.h"
#include "store/removal.h"
#include "store/search.h"
#include "store/theme.h"
#include "store_test.h"

static const char *const economy = "在全市经济工作会议上的讲话\n"
				   "同志们：\n"
				   "一、抓好民生实事\n"
				   "就业是最大的民生。\n"
				   "二、加强党的建设\n"
				   "党建引领发展。\n";
static const char *const culture = "在全市文化工作会议上的讲话\n"
				   "同志们：\n"
				   "文化惠民，民生为本。\n";

static int64_t minsheng;

static void setup_themes(struct store *store)
{
	test_themes_install(store);
	struct error error = {{0}};
	store_theme_find(store, "民生", &minsheng, &error);
}

static size_t current_count(struct store *store)
{
	struct store_document *documents;
	size_t count;
	struct error error;
	store_documents_current(store, &documents, &count, &error);
	store_documents_free(documents, count);
	return count;
}

static size_t search_count(struct store *store, const char *text)
{
	struct store_search_query query = {.text = text};
	struct store_search_hit *hits;
	size_t count = 0;
	struct error error;
	store_search(store, &query, &hits, &count, &error);
	store_search_hits_free(hits, count);
	return count;
}

static size_t theme_tags(struct store *store)
{
	struct store_theme theme;
	struct error error;
	if (store_theme_get(store, minsheng, &theme, &error) != 0)
		return 999;
	size_t count = theme.tag_count;
	store_theme_clear(&theme);
	return count;
}

static size_t tag_count_rows(struct store *store)
{
	struct store_tag_count *counts;
	size_t count;
	struct error error;
	store_tag_counts(store, &counts, &count, &error);
	free(counts);
	return count;
}

static void check_ok(struct store *store, const char *name)
{
	char *report = NULL;
	struct error error;
	store_check(store, &report, &error);
	is_string(report, "ok", "%s: integrity and search index check", name);
	free(report);
}

static void remove_and_restore(struct store *store, int64_t a, int64_t b)
{
	struct error error = {{0}};
	store_tag_add(store, a, 3, minsheng, NULL, &error);
	store_tag_add(store, a, 4, minsheng, NULL, &error);
	store_note_set(store, a, 3, "就业\t\"优先\"", NULL, &error);
	store_tag_add(store, b, 2, minsheng, NULL, &error);
	size_t tags = 0, notes = 0;
	ok(store_document_annotation_counts(store, a, &tags, &notes, &error) == 0 && tags == 2 &&
	       notes == 1,
	   "annotation counts: 2 tags, 1 note");
	is_int(search_count(store, "民生"), 3,
	       "three paragraphs of both speeches found before removal");

	char *path = NULL;
	char directory[600];
	snprintf(directory, sizeof directory, "%s", test_path("recovery"));
	ok(store_document_remove(store, a, directory, &path, &error) == 0, "remove (%s)",
	   error.message);
	ok(path && strncmp(path, directory, strlen(directory)) == 0 && strstr(path, ".jsonl"),
	   "recovery file in the directory given: %s", path ? path : "(none)");
	size_t length = 0;
	char *content = path ? read_whole(path, &length) : NULL;
	ok(content && strstr(content, "\"paragraph\":3") &&
	       strstr(content, "\"section\":[\"一、抓好民生实事\"]") &&
	       strstr(content, "\"note\":\"就业\\t\\\"优先\\\"\"") &&
	       strstr(content, "\"themes\":[\"民生\"]"),
	   "recovery file holds paragraph, section, themes and the escaped note");
	size_t lines = 0;
	for (size_t i = 0; content && i < length; i++)
		lines += content[i] == '\n';
	is_int(lines, 2, "one line per annotated paragraph");
	free(content);
	free(path);

	struct store_document document;
	ok(store_document_get(store, a, &document, &error) != 0, "a removed speech is not found");
	is_string(error.message, "no speech 1 in the library", "as if it were not there");
	struct speech loaded;
	ok(store_speech_load(store, a, &loaded, &error) != 0, "a removed speech cannot be loaded");
	is_int(current_count(store), 1, "documents_current leaves it out");
	is_int(search_count(store, "民生"), 1, "search leaves it out");
	is_int(search_count(store, "就业"), 0, "even for its own words");
	is_int(theme_tags(store), 1, "theme tag count leaves it out");
	is_int(tag_count_rows(store), 1, "tag counts leave it out");
	ok(store_tag_add(store, a, 5, minsheng, NULL, &error) != 0, "tagging it fails");
	int done = 0;
	struct store_action action = {0};
	ok(store_undo(store, 0, &done, &action, &error) == 0 && done && action.document_id == b,
	   "undo passes over its actions");
	store_action_clear(&action);
	store_redo(store, 0, &done, NULL, &error);
	int64_t found = 0;
	is_int(store_find_content(store, (const unsigned char *)economy, strlen(economy), &found,
				  &error),
	       0, "its content is not found");
	ok(store_document_remove(store, a, directory, &path, &error) != 0,
	   "removing it again fails");

	ok(store_document_restore(store, a, &error) == 0, "restore (%s)", error.message);
	is_int(current_count(store), 2, "back in the list");
	ok(store_speech_load(store, a, &loaded, &error) == 0, "it loads again");
	speech_free(&loaded);
	is_int(search_count(store, "民生"), 3, "back in search");
	is_int(theme_tags(store), 3, "its tags count again");
	ok(store_document_annotation_counts(store, a, &tags, &notes, &error) == 0 && tags == 2 &&
	       notes == 1,
	   "its tags and note are back");
	ok(store_undo(store, a, &done, NULL, &error) == 0 && done, "its history works again");
	ok(store_document_restore(store, a, &error) != 0, "restoring what is not removed fails");
	check_ok(store, "after restore");
}

static void versions_and_purge(struct store *store, int64_t a)
{
	struct error error = {{0}};
	/* A new version of b's file: the old one keeps an orphaned tag. */
	int64_t b2 = test_import(store, "/speeches/culture.txt",
				 "在全市文化工作会议上的讲话\n同志们：\n文化繁荣。\n", NULL);
	size_t tags = 0, notes = 0;
	store_document_annotation_counts(store, b2, &tags, &notes, &error);
	is_int(tags, 1, "counts include the orphan on the old version");
	char *path = NULL;
	ok(store_document_remove(store, b2, test_path("recovery"), &path, &error) == 0,
	   "remove a speech with two versions");
	ok(strstr(path ? path : "", "/3-") != NULL, "the file is named after the id removed");
	free(path);
	is_int(current_count(store), 1, "both versions gone from the list");

	/* The same file imported again while removed becomes a new speech. */
	int64_t again = test_import(store, "/speeches/culture.txt",
				    "在全市文化工作会议上的讲话\n同志们：\n文化繁荣。\n", NULL);
	ok(again > b2, "re-importing a removed file makes a new speech (%lld)", (long long)again);
	ok(store_document_restore(store, b2, &error) == 0, "the removed one can still be restored");
	is_int(current_count(store), 3, "and sits beside the new one");

	ok(store_document_remove(store, b2, test_path("recovery"), &path, &error) == 0,
	   "remove it again");
	free(path);
	ok(store_document_remove(store, a, test_path("recovery"), &path, &error) == 0,
	   "remove the first speech too");
	free(path);
	size_t purged = 0;
	ok(store_purge_removed(store, &purged, &error) == 0, "purge (%s)", error.message);
	is_int(purged, 3, "three versions purged");
	ok(store_document_restore(store, a, &error) != 0, "a purged speech cannot be restored");
	is_int(current_count(store), 1, "one speech left");
	check_ok(store, "after purge");
}

static int64_t dead_process(void)
{
	pid_t child = fork();
	if (child == 0)
		_exit(0);
	waitpid(child, NULL, 0);
	return child;
}

/* Removed rows left by a process: kept while it runs, purged once it ended. */
static void abandoned(void)
{
	struct store *first = test_store_open("abandoned.db");
	int64_t kept = test_import(first, "/a.txt", economy, NULL);
	int64_t left = test_import(first, "/b.txt", culture, NULL);
	struct error error = {{0}};
	char *path;
	store_document_remove(first, kept, test_path("recovery"), &path, &error);
	store_document_remove(first, left, test_path("recovery"), &path, &error);
	sqlite3 *db;
	sqlite3_open(test_path("abandoned.db"), &db);
	char sql[200];
	snprintf(sql, sizeof sql, "UPDATE documents SET removed_by = %lld WHERE id = %lld",
		 (long long)dead_process(), (long long)left);
	sqlite3_exec(db, sql, NULL, NULL, NULL);

	struct store *second = test_store_open("abandoned.db");
	sqlite3_stmt *statement;
	sqlite3_prepare_v2(db, "SELECT group_concat(id) FROM documents", -1, &statement, NULL);
	sqlite3_step(statement);
	is_string((const char *)sqlite3_column_text(statement, 0), "1",
		  "another open purges what a dead process removed, not a live one's");
	sqlite3_finalize(statement);
	ok(store_document_restore(first, kept, &error) == 0, "the live one can still undo");
	store_close(second);
	store_close(first);
	sqlite3_close(db);
}

/* A speech with corrections only: removal writes them to the recovery
 * file, and restoring brings them back. */
static void corrections_recovered(struct store *store)
{
	static const char *const text = "在全市农业工作会议上的讲话\n"
					"同志们：\n"
					"抓好春耕\n"
					"春耕不等人。\n";
	int64_t id = test_import(store, "/speeches/farming.txt", text, NULL);
	struct error error = {{0}};
	struct correction heading = {.paragraph = 2, .kind = CORRECTION_HEADING, .depth = 1};
	ok(store_correction_set(store, id, &heading, NULL, &error) == 0 &&
	       store_title_set(store, id, "农业工作讲话", NULL, &error) == 0,
	   "a heading and a title set (%s)", error.message);
	char *path = NULL;
	ok(store_document_remove(store, id, test_path("recovery"), &path, &error) == 0 && path,
	   "a speech with only corrections gets a recovery file (%s)", error.message);
	size_t length = 0;
	char *content = path ? read_whole(path, &length) : NULL;
	ok(content && strstr(content, "\"paragraph\":2") &&
	       strstr(content, "\"correction\":\"heading 1\"") &&
	       strstr(content, "\"correction\":\"title\",\"corrected_title\":\"农业工作讲话\""),
	   "the recovery file holds the heading and the title set");
	free(content);
	free(path);
	ok(store_document_restore(store, id, &error) == 0, "restore (%s)", error.message);
	struct speech loaded;
	if (ok(store_speech_load(store, id, &loaded, &error) == 0, "it loads")) {
		is_int(loaded.paragraphs[2].role, PARAGRAPH_HEADING, "the heading is back");
		is_span(paragraph_text(&loaded, 0), loaded.paragraphs[0].length, "农业工作讲话",
			"and the title");
		speech_free(&loaded);
	}
}

int main(void)
{
	struct store *store = test_store_open("removal.db");
	if (!ok(store != NULL, "open"))
		return tap_done();
	setup_themes(store);
	int64_t a = test_import(store, "/speeches/economy.txt", economy, NULL);
	int64_t b = test_import(store, "/speeches/culture.txt", culture, NULL);
	remove_and_restore(store, a, b);
	versions_and_purge(store, a);
	corrections_recovered(store);
	store_close(store);
	abandoned();
	return tap_done();
}
