/* Search ranks a paragraph by its corrected role (search.h, statement.h's
 * HEADING_TIER, schema v11) and finds a title as corrected (schema v12):
 * a paragraph the user made a heading is found in the heading tier, a
 * heading made body text in the body tier, a hidden line brought back is
 * found without include_hidden and one hidden again is not. The same after
 * undo and redo, re-import, removal with restore or purge, and the
 * migration that applies a library's existing corrections; pizhu check
 * finds the heading index in line with the corrections. A hit's section
 * path (section.h) follows the corrected outline too. */
#include "speech/correct.h"
#include "store/correction.h"
#include "store/history.h"
#include "store/internal.h"
#include "store/removal.h"
#include "store/schema.h"
#include "store/search.h"
#include "store/section.h"
#include "store_test.h"

/* ¶2 and ¶5 are the parser's headings, the rest body text. */
static const char *const speech_text = "关于工作的讲话\n"
				       "同志们：\n"
				       "一、民生工作\n"
				       "这一段讲到民生。\n"
				       "民生民生，民生为大。\n"
				       "二、其他工作\n"
				       "结尾还要讲一讲别的事情，也讲一讲民生。\n";

/* What a search finds, as the hits' paragraph numbers in order ("2 3 4"),
 * with a limit (the places, then the page's texts) or without (every text
 * copied): both must agree. */
static const char *order(struct store *store, int64_t document_id, const char *text, int hidden)
{
	static char numbers[256];
	struct store_search_query query = {
	    .text = text, .document_id = document_id, .include_hidden = hidden};
	struct store_search_hit *hits = NULL, *page = NULL;
	size_t count = 0, page_count = 0;
	struct error error = {{0}};
	numbers[0] = '\0';
	if (store_search(store, &query, &hits, &count, &error) != 0) {
		printf("# search: %s\n", error.message);
		return "(failed)";
	}
	query.limit = count ? count : 1;
	int same =
	    store_search(store, &query, &page, &page_count, &error) == 0 && page_count == count;
	for (size_t i = 0; i < count; i++) {
		size_t used = strlen(numbers);
		snprintf(numbers + used, sizeof numbers - used, "%s%zu", i ? " " : "",
			 hits[i].paragraph);
		same &= i < page_count && page[i].paragraph == hits[i].paragraph;
	}
	store_search_hits_free(hits, count);
	store_search_hits_free(page, page_count);
	return same ? numbers : "(a page differs from the whole search)";
}

/* A paragraph's section path as "一、… › …", "" for none. */
static const char *path(struct store *store, int64_t document_id, size_t paragraph)
{
	static char joined[256];
	char **labels;
	size_t count;
	struct error error = {{0}};
	if (store_section_path(store, document_id, paragraph, &labels, &count, &error) != 0) {
		printf("# section path: %s\n", error.message);
		return "(failed)";
	}
	joined[0] = '\0';
	for (size_t i = 0; i < count; i++) {
		size_t used = strlen(joined);
		snprintf(joined + used, sizeof joined - used, "%s%s", i ? " › " : "", labels[i]);
	}
	store_section_path_free(labels, count);
	return joined;
}

static void healthy(struct store *store, const char *when)
{
	char *report = NULL;
	struct error error = {{0}};
	int status = store_check(store, &report, &error);
	int healthy = status == 0 && report && strcmp(report, "ok") == 0;
	ok(healthy, "pizhu check: ok %s", when);
	for (char *line = report && !healthy ? strtok(report, "\n") : NULL; line;
	     line = strtok(NULL, "\n"))
		printf("#   %s\n", line);
	free(report);
}

static int mark(struct store *store, int64_t id, size_t paragraph, enum correction_kind kind)
{
	struct error error = {{0}};
	struct correction correction = {paragraph, kind, kind == CORRECTION_HEADING ? 2 : 0};
	int status = store_correction_set(store, id, &correction, NULL, &error);
	if (status != 0)
		printf("# mark: %s\n", error.message);
	return status;
}

static int undo(struct store *store, int64_t id, int redo)
{
	struct error error = {{0}};
	int done = 0;
	int status = redo ? store_redo(store, id, &done, NULL, &error)
			  : store_undo(store, id, &done, NULL, &error);
	return status == 0 && done ? 0 : -1;
}

/* Parsed: heading ¶2, then the body (¶4 the densest). A scan ("民", one
 * character) ranks nothing, so each tier is in reading order. */
static void corrected_roles(struct store *store, int64_t id)
{
	is_string(order(store, id, "民生", 0), "2 4 3 6", "parsed: the heading, then the body");
	is_string(order(store, id, "民", 0), "2 3 4 6", "a scan: the same tiers");
	is_string(path(store, id, 4), "一、民生工作", "parsed: ¶4's path is under ¶2");

	ok(mark(store, id, 6, CORRECTION_HEADING) == 0, "¶6 made a heading");
	is_string(order(store, id, "民生", 0), "2 6 4 3", "¶6 is found with the headings");
	is_string(order(store, id, "民", 0), "2 6 3 4", "and so by a scan");
	is_string(path(store, id, 6), "二、其他工作 › 结尾还要讲一讲别的事情，也讲一讲民生",
		  "¶6's path ends with itself, under ¶5");
	healthy(store, "with a body paragraph made a heading");

	ok(mark(store, id, 2, CORRECTION_BODY) == 0, "heading ¶2 made body text");
	is_string(order(store, id, "民生", 0), "6 4 2 3", "¶2 is found with the body");
	is_string(order(store, id, "民", 0), "6 2 3 4", "and so by a scan");
	is_string(path(store, id, 4), "", "¶4's path no longer has ¶2");
	is_string(path(store, id, 2), "", "nor has ¶2's own");
	healthy(store, "with a heading made body text");

	struct correction deeper = {6, CORRECTION_HEADING, 3};
	struct error error = {{0}};
	int changed = 0;
	ok(store_correction_set(store, id, &deeper, &changed, &error) == 0 && changed,
	   "¶6's depth changed");
	is_string(order(store, id, "民生", 0), "6 4 2 3", "a depth changes no tier");
	healthy(store, "after a depth change");

	ok(undo(store, id, 0) == 0 && undo(store, id, 0) == 0, "two corrections undone");
	is_string(order(store, id, "民生", 0), "2 6 4 3", "undo: ¶2 is a heading again");
	is_string(path(store, id, 4), "一、民生工作", "undo: ¶4 is under ¶2 again");
	ok(undo(store, id, 0) == 0, "the first undone");
	is_string(order(store, id, "民生", 0), "2 4 3 6", "undo: ¶6 is body text again");
	is_string(path(store, id, 6), "二、其他工作", "undo: ¶6's path is ¶5's");
	healthy(store, "after undo");
	ok(undo(store, id, 1) == 0 && undo(store, id, 1) == 0, "two redone");
	is_string(order(store, id, "民生", 0), "6 4 2 3", "redo: as corrected");
	healthy(store, "after redo");

	ok(mark(store, id, 6, CORRECTION_FRONT) == 0, "heading ¶6 (the user's) hidden");
	is_string(order(store, id, "民生", 0), "4 2 3", "hidden, it is not found");
	is_string(order(store, id, "民生", 1), "4 2 3 6", "with the hidden lines, as body text");
	ok(mark(store, id, 5, CORRECTION_BACK) == 0, "the parser's heading ¶5 hidden");
	is_string(order(store, id, "其他工作", 1), "5", "found with the hidden lines");
	healthy(store, "with headings hidden");
	ok(mark(store, id, 6, CORRECTION_NONE) == 0 && mark(store, id, 5, CORRECTION_NONE) == 0,
	   "both back to the parse");
	is_string(order(store, id, "民生", 0), "4 2 3 6", "¶6 is body text as parsed");
	healthy(store, "back to the parse");
}

/* Lines the parser hid: brought back, found without include_hidden; hidden
 * again, not. */
static void hidden_lines(struct store *store)
{
	int64_t id =
	    test_import(store, "/ads.txt",
			"本站会员专享 扫码订阅\n欢迎转发分享 支持原创\n\n\n"
			"在全县春耕生产动员会上的讲话\n同志们：\n"
			"春耕不等人，各乡镇要抓早抓实。\n一、认清形势\n粮食安全是头等大事。\n",
			NULL);
	is_string(order(store, id, "扫码订阅", 0), "", "a hidden line is not found");
	is_string(order(store, id, "扫码订阅", 1), "1", "but is with the hidden lines");
	ok(mark(store, id, 1, CORRECTION_BODY) == 0, "brought back (R)");
	is_string(order(store, id, "扫码订阅", 0), "1", "then it is found");
	ok(mark(store, id, 1, CORRECTION_NONE) == 0, "hidden again (mark … parsed)");
	is_string(order(store, id, "扫码订阅", 0), "", "then it is not");
	ok(mark(store, id, 2, CORRECTION_HEADING) == 0, "a hidden line made a heading");
	is_string(order(store, id, "转发分享", 0), "2", "is found, as a heading");
	healthy(store, "with a hidden line made a heading");
}

/* A new version takes the corrections over (a line added before them):
 * its paragraphs are found in their corrected tiers, the old version's in
 * their parsed ones again. */
static int64_t reimport(struct store *store, int64_t old)
{
	ok(mark(store, old, 6, CORRECTION_HEADING) == 0, "¶6 a heading, ¶2 body text");
	int64_t id = test_import(store, "/speech.txt",
				 "关于工作的讲话\n同志们：\n开会前先说一句。\n一、民生工作\n"
				 "这一段讲到民生。\n民生民生，民生为大。\n二、其他工作\n"
				 "结尾还要讲一讲别的事情，也讲一讲民生。\n",
				 NULL);
	ok(id > old, "a new version imported");
	is_string(order(store, id, "民生", 0), "7 5 3 4",
		  "its ¶7 (was ¶6) is found as a heading, its ¶3 (was ¶2) as body text");
	is_string(order(store, old, "民生", 0), "2 4 3 6",
		  "the old version's paragraphs as parsed: the corrections left it");
	healthy(store, "after re-import");
	return id;
}

/* A removed speech's corrections: restored, the tiers are as corrected;
 * purged, the heading index loses exactly its rows. */
static void removal(struct store *store, int64_t id)
{
	struct error error = {{0}};
	char *recovery = NULL;
	ok(store_document_remove(store, id, test_path(""), &recovery, &error) == 0,
	   "the speech removed");
	free(recovery);
	ok(store_document_restore(store, id, &error) == 0, "and restored");
	is_string(order(store, id, "民生", 0), "7 5 3 4", "as corrected");
	healthy(store, "after a restore");
	ok(store_document_remove(store, id, test_path(""), &recovery, &error) == 0 &&
	       store_purge_removed(store, NULL, &error) == 0,
	   "removed and purged");
	free(recovery);
	healthy(store, "after the purge");
}

/* The lists of corrected paragraphs are read from the corrections, not
 * by reading every paragraph and looking for its correction: that would
 * cost every search that reaches the body a pass over the library. */
static void reads_corrections_first(struct store *store)
{
	static const enum statement statements[] = {
	    STATEMENT_SEARCH_BODY_PLACES, STATEMENT_SEARCH_BODY_TEXTS, STATEMENT_SEARCH_SCAN_EXACT};
	for (size_t i = 0; i < sizeof statements / sizeof statements[0]; i++) {
		struct error error = {{0}};
		sqlite3_stmt *statement = store_statement(store, statements[i], &error);
		char sql[8192], plan[4096] = "";
		snprintf(sql, sizeof sql, "EXPLAIN QUERY PLAN %s", sqlite3_sql(statement));
		sqlite3_stmt *explain;
		if (statement &&
		    sqlite3_prepare_v2(store->db, sql, -1, &explain, NULL) == SQLITE_OK) {
			while (sqlite3_step(explain) == SQLITE_ROW) {
				size_t used = strlen(plan);
				snprintf(plan + used, sizeof plan - used, "%s; ",
					 (const char *)sqlite3_column_text(explain, 3));
			}
			sqlite3_finalize(explain);
		}
		ok(strstr(plan, "SCAN k;") && !strstr(plan, "SCAN m"),
		   "statement %zu reads the corrections, then their paragraphs: %s", i, plan);
	}
}

/* Sets the library back to an older version with `undo` (SQL ending in
 * its PRAGMA user_version), checks that pizhu check names the damage the
 * old index is under the new rule (both strings in its report), and
 * migrates it from that version. */
static void set_back_and_migrate(struct store *store, const char *undo, int version,
				 const char *damage, const char *detail)
{
	is_int(sqlite3_exec(store->db, undo, NULL, NULL, NULL), SQLITE_OK,
	       "the library is at version %d", version);
	char *report = NULL;
	struct error error = {{0}};
	store_check(store, &report, &error);
	int named = report && strstr(report, damage) && strstr(report, detail);
	ok(named, "check names the old index's damage (%s)", damage);
	if (!named)
		printf("# check: %s\n", report ? report : error.message);
	free(report);
	ok(schema_migrate(store->db, version, &error) == 0, "migrated to the latest version (%s)",
	   error.message);
}

/* A library of schema v10 with corrections (its heading index the parse)
 * migrated: the corrections are applied once; check finds the damage a
 * v10 index would be under the new rule. */
static void migration(void)
{
	struct store *store = test_store_open("v10.db");
	int64_t id = test_import(store, "/m.txt", speech_text, NULL);
	mark(store, id, 6, CORRECTION_HEADING);
	mark(store, id, 2, CORRECTION_BODY);
	set_back_and_migrate(
	    store,
	    "INSERT INTO heading_search(heading_search, rowid, text) SELECT 'delete', p.id, p.text"
	    " FROM corrections k JOIN paragraphs p ON p.document_id = k.document_id"
	    " AND p.number = k.paragraph WHERE p.role <> 'heading' AND k.kind = 'heading';"
	    "INSERT INTO heading_search(rowid, text) SELECT p.id, p.text FROM corrections k"
	    " JOIN paragraphs p ON p.document_id = k.document_id AND p.number = k.paragraph"
	    " WHERE p.role = 'heading' AND k.kind = 'body';"
	    "PRAGMA user_version = 10",
	    10, "heading_search: row", "is missing");
	is_string(order(store, id, "民生", 0), "6 4 2 3", "the corrections rank the paragraphs");
	is_int((size_t)test_sql_integer(store->db, "SELECT count(*) FROM heading_search_docsize"),
	       2, "the heading index holds ¶5 and ¶6");
	healthy(store, "after the migration");
	store_close(store);
}

/* The first hit's text for a search in one speech, "" for none. */
static const char *first_text(struct store *store, int64_t document_id, const char *text,
			      size_t limit)
{
	static char copy[256];
	struct store_search_query query = {
	    .text = text, .document_id = document_id, .limit = limit};
	struct store_search_hit *hits = NULL;
	size_t count = 0;
	struct error error = {{0}};
	copy[0] = '\0';
	if (store_search(store, &query, &hits, &count, &error) != 0)
		return "(failed)";
	if (count > 0)
		snprintf(copy, sizeof copy, "¶%zu %s", hits[0].paragraph, hits[0].text);
	store_search_hits_free(hits, count);
	return copy;
}

static size_t count_of(struct store *store, int64_t document_id, const char *text)
{
	struct store_search_query query = {.text = text, .document_id = document_id};
	size_t count = 0;
	struct error error = {{0}};
	return store_search_count(store, &query, &count, &error) == 0 ? count : SIZE_MAX;
}

/* A corrected title (schema v12) is what the title tier finds, counts and
 * shows, page by page or whole, by the index or by a scan; a library of
 * v11 with one gets it on migration, and check names the difference. */
static void corrected_title(void)
{
	struct store *store = test_store_open("title.db");
	int64_t id = test_import(store, "/t.txt", speech_text, NULL);
	struct error error = {{0}};
	int changed;
	ok(store_title_set(store, id, "乡村治理工作会议讲话", &changed, &error) == 0 && changed,
	   "the title corrected");
	is_string(first_text(store, id, "乡村治理", 0), "¶0 乡村治理工作会议讲话",
		  "found by the corrected title, with its text");
	is_string(first_text(store, id, "乡村治理", 1), "¶0 乡村治理工作会议讲话",
		  "on a first page too");
	is_string(first_text(store, id, "村", 0), "¶0 乡村治理工作会议讲话", "and by a scan");
	is_int(count_of(store, id, "乡村治理"), 1, "counted");
	is_string(first_text(store, id, "关于工作的讲话", 0), "", "the parsed title is not found");
	is_int(count_of(store, id, "关于工作的讲话"), 0, "nor counted");
	healthy(store, "with a corrected title");

	set_back_and_migrate(
	    store,
	    "INSERT INTO title_search(title_search, rowid, text) SELECT 'delete', p.id, k.text"
	    " FROM corrections k JOIN paragraphs p ON p.document_id = k.document_id"
	    " AND p.number = 0 WHERE k.kind = 'title';"
	    "INSERT INTO title_search(rowid, text) SELECT p.id, p.text FROM corrections k"
	    " JOIN paragraphs p ON p.document_id = k.document_id AND p.number = 0"
	    " WHERE k.kind = 'title';"
	    "PRAGMA user_version = 11",
	    11, "title_search: speech", "is not indexed as the reader shows it");
	is_string(first_text(store, id, "乡村治理", 0), "¶0 乡村治理工作会议讲话",
		  "the migration indexed the corrected title");
	healthy(store, "after the migration");

	/* A new version whose parsed title is another: the correction
	 * follows it, and each version's title is indexed as it shows. */
	int64_t next =
	    test_import(store, "/t.txt",
			"关于今年工作的讲话\n同志们：\n一、民生工作\n这一段讲到民生。\n", NULL);
	ok(next > id, "a new version, its parsed title another");
	is_string(first_text(store, next, "乡村治理", 0), "¶0 乡村治理工作会议讲话",
		  "the new version is found by the corrected title");
	is_string(first_text(store, id, "关于工作的讲话", 0), "¶0 关于工作的讲话",
		  "the old one by its parsed title again");
	healthy(store, "after the correction moved");
	ok(store_title_set(store, next, NULL, &changed, &error) == 0 && changed,
	   "the correction taken back");
	is_string(first_text(store, next, "关于今年工作的讲话", 0), "¶0 关于今年工作的讲话",
		  "the parsed title is found again");
	healthy(store, "without the correction");

	/* Purged with a corrected title: the index loses exactly its row. */
	ok(store_title_set(store, next, "乡村治理工作会议讲话", &changed, &error) == 0 && changed,
	   "corrected again");
	char *recovery = NULL;
	ok(store_document_remove(store, next, test_path(""), &recovery, &error) == 0 &&
	       store_purge_removed(store, NULL, &error) == 0,
	   "removed and purged");
	free(recovery);
	is_int(count_of(store, 0, "乡村治理"), 0, "its title is found no more");
	healthy(store, "after the purge");
	store_close(store);
}

/* When the comparison of the titles' texts cannot be set up (here a
 * temporary table of its name is in the way; in use, a damaged table it
 * reads), check reports it with the other problems and goes on. */
static void title_check_not_set_up(void)
{
	struct store *store = test_store_open("not-set-up.db");
	test_import(store, "/u.txt", speech_text, NULL);
	ok(sqlite3_exec(store->db, "CREATE TEMP TABLE title_expected (x)", NULL, NULL, NULL) ==
	       SQLITE_OK,
	   "a temporary table in the way");
	char *report = NULL;
	struct error error = {{0}};
	ok(store_check(store, &report, &error) == 0, "check runs (%s)", error.message);
	ok(report && strstr(report, "title_search: table title_expected already exists"),
	   "and reports what stopped the comparison");
	free(report);
	healthy(store, "afterwards");
	store_close(store);
}

int main(void)
{
	struct store *store = test_store_open("corrected.db");
	int64_t id = test_import(store, "/speech.txt", speech_text, NULL);
	corrected_roles(store, id);
	hidden_lines(store);
	removal(store, reimport(store, id));
	reads_corrections_first(store);
	store_close(store);
	migration();
	corrected_title();
	title_check_not_set_up();
	return tap_done();
}
