/* The search's order as search.h states it: titles, then headings, then
 * body text, each tier from an index of its own, taken newest paragraph
 * first in windows ranked by term density; a page is filled tier by tier
 * and window by window, and stops stepping once it is full. The small
 * indexes of titles and headings follow import, re-import and purge, and
 * pizhu check finds them damaged. */
#include "store/internal.h"
#include "store/removal.h"
#include "store/search.h"
#include "store_test.h"

enum { SPEECHES = 3, CROWD = 30 };

static int64_t titled, speech[SPEECHES + 1];

/* A dense body paragraph (2) before a sparse one (3), so that ranking a
 * window reorders what reading newest first gives. */
static int64_t import_body(struct store *store, const char *path, int n)
{
	char text[512];
	snprintf(text, sizeof text,
		 "在第%d次工作会议上的讲话\n同志们：\n民生民生，民生为大。\n"
		 "今年要办好十件事，其中有关民生的工作要抓紧抓实，落到实处。\n",
		 n);
	return test_import(store, path, text, NULL);
}

static void library(struct store *store)
{
	titled = test_import(store, "/t/titled.txt",
			     "民生工作座谈会上的讲话\n同志们：\n一、抓好民生实事\n大家好，开会。\n"
			     "二、其他工作\n没有别的事。\n",
			     NULL);
	char path[64];
	for (int i = 1; i <= SPEECHES; i++) {
		snprintf(path, sizeof path, "/t/%d.txt", i);
		speech[i] = import_body(store, path, i);
	}
}

struct expected {
	int64_t document_id;
	size_t paragraph;
};

/* The whole search with this window is exactly `want`, in order. */
static void full_order(struct store *store, size_t window, const struct expected *want,
		       size_t count, const char *description)
{
	struct store_search_query query = {.text = "民生", .window = window};
	struct store_search_hit *hits;
	size_t found = 0;
	struct error error = {{0}};
	int status = store_search(store, &query, &hits, &found, &error);
	int same = status == 0 && found == count;
	for (size_t i = 0; same && i < count; i++)
		same = hits[i].document_id == want[i].document_id &&
		       hits[i].paragraph == want[i].paragraph;
	ok(same, "%s", description);
	for (size_t i = 0; !same && i < found; i++)
		printf("#   %zu: speech %lld paragraph %zu\n", i, (long long)hits[i].document_id,
		       hits[i].paragraph);
	store_search_hits_free(hits, found);
}

static void orders(struct store *store)
{
	int64_t *s = speech;
	/* Newest first: 3¶3 3¶2 2¶3 2¶2 1¶3 1¶2; windows of two rank each
	 * pair, the dense ¶2 first. */
	const struct expected windows_of_two[] = {{titled, 0}, {titled, 2}, {s[3], 2}, {s[3], 3},
						  {s[2], 2},   {s[2], 3},   {s[1], 2}, {s[1], 3}};
	full_order(store, 2, windows_of_two, 8,
		   "title, heading, then body in windows of two newest first, each ranked");
	const struct expected windows_of_three[] = {{titled, 0}, {titled, 2}, {s[3], 2}, {s[3], 3},
						    {s[2], 3},	 {s[2], 2},   {s[1], 2}, {s[1], 3}};
	full_order(store, 3, windows_of_three, 8,
		   "windows of three: the second window ties 2¶3 is later than 3¶3 by import");
	const struct expected whole[] = {{titled, 0}, {titled, 2}, {s[3], 2}, {s[2], 2},
					 {s[1], 2},   {s[3], 3},   {s[2], 3}, {s[1], 3}};
	full_order(store, 0, whole, 8,
		   "a tier within one window is ranked whole: density, then the newest speech");
}

/* Every page of size 1 to 4 is the slice of the whole order. */
static void pages(struct store *store, const char *text, size_t window)
{
	struct error error = {{0}};
	struct store_search_query all = {.text = text, .window = window};
	struct store_search_hit *hits, *page;
	size_t count = 0, page_count, counted = 0;
	store_search(store, &all, &hits, &count, &error);
	ok(store_search_count(store, &all, &counted, &error) == 0 && counted == count,
	   "%s, window %zu: the count is every hit (%zu)", text, window, count);
	int same = count > 0;
	for (size_t size = 1; size <= 4; size++)
		for (size_t offset = 0; offset <= count; offset++) {
			struct store_search_query query = {
			    .text = text, .offset = offset, .limit = size, .window = window};
			store_search(store, &query, &page, &page_count, &error);
			size_t want = count - offset < size ? count - offset : size;
			same &= page_count == want;
			for (size_t i = 0; i < page_count && page_count == want; i++)
				same &= page[i].document_id == hits[offset + i].document_id &&
					page[i].paragraph == hits[offset + i].paragraph &&
					strcmp(page[i].text, hits[offset + i].text) == 0;
			store_search_hits_free(page, page_count);
		}
	ok(same, "%s, window %zu: every page is the slice of the whole order", text, window);
	store_search_hits_free(hits, count);
}

/* Whether a connection has prepared a statement, i.e. ever run it. */
static int prepared(struct store *store, enum statement which)
{
	return store->statements[which] != NULL;
}

/* A page full from the titles never reads the headings or the body. */
static void fills_tier_by_tier(void)
{
	struct error error = {{0}};
	struct store *store = NULL;
	store_open(test_path("tiers.db"), STORE_OPEN_EXISTING, &store, &error);
	struct store_search_query query = {.text = "民生", .limit = 1};
	struct store_search_hit *hits;
	size_t count = 0;
	store_search(store, &query, &hits, &count, &error);
	ok(count == 1 && hits[0].paragraph == 0, "a page of one: the title");
	store_search_hits_free(hits, count);
	ok(!prepared(store, STATEMENT_SEARCH_HEADING_PLACES) &&
	       !prepared(store, STATEMENT_SEARCH_BODY_PLACES),
	   "the headings and the body were never searched");
	query.limit = 2;
	store_search(store, &query, &hits, &count, &error);
	store_search_hits_free(hits, count);
	ok(prepared(store, STATEMENT_SEARCH_HEADING_PLACES) &&
	       !prepared(store, STATEMENT_SEARCH_BODY_PLACES),
	   "a page of two reads the headings, still not the body");
	store_close(store);
}

/* Virtual machine steps of one search page through the body's statement:
 * a count of work, not a time. */
static int body_steps(struct store *store, size_t offset)
{
	struct store_search_query query = {
	    .text = "民生", .limit = 1, .offset = offset, .window = 2};
	struct store_search_hit *hits;
	size_t count = 0;
	struct error error = {{0}};
	sqlite3_stmt *body = store_statement(store, STATEMENT_SEARCH_BODY_PLACES, &error);
	sqlite3_stmt_status(body, SQLITE_STMTSTATUS_VM_STEP, 1);
	store_search(store, &query, &hits, &count, &error);
	store_search_hits_free(hits, count);
	return sqlite3_stmt_status(body, SQLITE_STMTSTATUS_VM_STEP, 1);
}

/* Within the body, a page stops stepping once its window is ranked: the
 * first body hit of many costs a window, the last one every hit. */
static void stops_early(struct store *store)
{
	char path[64];
	for (int i = 0; i < CROWD; i++) {
		snprintf(path, sizeof path, "/crowd/%d.txt", i);
		import_body(store, path, 100 + i);
	}
	size_t total = 0;
	struct error error = {{0}};
	struct store_search_query all = {.text = "民生"};
	store_search_count(store, &all, &total, &error);
	is_int(total, 2 + 2 * (SPEECHES + CROWD), "every hit counted");
	int first = body_steps(store, 2), last = body_steps(store, total - 1);
	ok(first > 0 && first * 8 < last, "the first body hit takes %d steps, the last %d", first,
	   last);
}

static void check_report(struct store *store, const char *expected, const char *description)
{
	char *report = NULL;
	struct error error = {{0}};
	int status = store_check(store, &report, &error);
	ok(status == 0 && report && strstr(report, expected) != NULL, "%s", description);
	for (char *line = report ? strtok(report, "\n") : NULL; line; line = strtok(NULL, "\n"))
		printf("#   %s\n", line);
	free(report);
}

/* Re-import, removal and purge keep the small indexes whole; pizhu check
 * finds a row missing or one too many. */
static void kept_and_checked(struct store *store)
{
	check_report(store, "ok", "the library is healthy");
	int64_t version =
	    test_import(store, "/t/titled.txt",
			"民生工作座谈会上的讲话\n同志们：\n一、办好民生实事\n大家好，开会。\n"
			"二、其他工作\n没有别的事。\n",
			NULL);
	struct store_search_query query = {.text = "民生", .limit = 2};
	struct store_search_hit *hits;
	size_t count = 0;
	struct error error = {{0}};
	store_search(store, &query, &hits, &count, &error);
	ok(count == 2 && hits[0].document_id == version && hits[1].document_id == version &&
	       strcmp(hits[1].text, "一、办好民生实事") == 0,
	   "a new version's title and heading, not the old one's");
	store_search_hits_free(hits, count);
	char *recovery = NULL;
	ok(store_document_remove(store, version, test_path(""), &recovery, &error) == 0 &&
	       store_purge_removed(store, NULL, &error) == 0,
	   "the speech removed and purged (%s)", error.message);
	free(recovery);
	is_int((size_t)test_sql_integer(store->db, "SELECT count(*) FROM heading_search_docsize"),
	       (size_t)test_sql_integer(store->db,
					"SELECT count(*) FROM paragraphs WHERE role = 'heading'"),
	       "the heading index lost the purged headings");
	is_int((size_t)test_sql_integer(store->db, "SELECT count(*) FROM title_search_docsize"),
	       (size_t)test_sql_integer(store->db, "SELECT count(*) FROM documents"),
	       "the title index holds one title a speech");
	check_report(store, "ok", "healthy after re-import and purge");

	ok(test_import(store, "/t/again.txt",
		       "关于工作的讲话\n同志们：\n一、抓好实事\n大家好，开会。\n二、其他工作\n没有"
		       "别的事。\n",
		       NULL) > 0,
	   "another speech with headings");
	sqlite3_exec(
	    store->db,
	    "INSERT INTO heading_search(heading_search, rowid, text) SELECT 'delete', id,"
	    " text FROM paragraphs WHERE role = 'heading' LIMIT 1;"
	    "INSERT INTO title_search(rowid, text) SELECT max(id), '假的标题' FROM paragraphs",
	    NULL, NULL, NULL);
	check_report(store, "is missing", "a heading missing from its index");
	check_report(store, "is not a title paragraph", "a row that is not a title");
}

/* The rowids of a query's hits in the order of `rank` (an SQL expression). */
static size_t ranked(struct store *store, const char *match, const char *rank, int64_t *rows,
		     size_t capacity)
{
	char sql[512];
	snprintf(sql, sizeof sql,
		 "SELECT rowid FROM paragraph_search WHERE paragraph_search MATCH ?1"
		 " ORDER BY %s, rowid",
		 rank);
	sqlite3_stmt *statement;
	size_t count = 0;
	if (sqlite3_prepare_v2(store->db, sql, -1, &statement, NULL) != SQLITE_OK)
		return 0;
	sqlite3_bind_text(statement, 1, match, -1, SQLITE_STATIC);
	while (count < capacity && sqlite3_step(statement) == SQLITE_ROW)
		rows[count++] = sqlite3_column_int64(statement, 0);
	sqlite3_finalize(statement);
	return count;
}

/* pizhu_density orders a one-word query's hits as bm25 does; with two
 * words, each weighs alike, however rare. */
static void density(struct store *store)
{
	int64_t ours[128], theirs[128];
	size_t count = ranked(store, "\"民生\"", "pizhu_density(paragraph_search)", ours, 128);
	size_t expected = ranked(store, "\"民生\"", "bm25(paragraph_search)", theirs, 128);
	ok(count > 10 && count == expected && memcmp(ours, theirs, count * sizeof *ours) == 0,
	   "one word: bm25's order (%zu hits)", count);
	int64_t id = test_import(
	    store, "/d/two.txt",
	    "两个词的讲话\n同志们：\n稀有词汇和民生。\n民生民生民生，稀有词汇。\n", NULL);
	count = ranked(store, "\"稀有词汇\" \"民生\"", "pizhu_density(paragraph_search)", ours, 2);
	struct error error = {{0}};
	struct store_search_query query = {.text = "稀有词汇 民生", .document_id = id};
	struct store_search_hit *hits;
	size_t found = 0;
	store_search(store, &query, &hits, &found, &error);
	ok(count == 2 && found == 2 && hits[0].paragraph == 3,
	   "two words: the paragraph denser in either comes first");
	store_search_hits_free(hits, found);
}

int main(void)
{
	struct store *store = test_store_open("tiers.db");
	library(store);
	orders(store);
	pages(store, "民生", 2);
	pages(store, "民生", 3);
	pages(store, "民生 为", 2); /* a one-character word checked on the texts */
	pages(store, "民", 2);	    /* a scan */
	fills_tier_by_tier();
	stops_early(store);
	pages(store, "民生", 7);
	density(store);
	kept_and_checked(store);
	store_close(store);
	return tap_done();
}
