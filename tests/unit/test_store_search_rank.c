/* Search order and cost (search.h): titles, then headings, then body
 * text by term density, ties to the newest speech; a page with a limit is
 * the same slice of that order as the full search gives; the count
 * agrees with the full search for the index, checked words and a scan. */
#include <pthread.h>

#include "store/internal.h"
#include "store/metadata.h"
#include "store/search.h"
#include "store_test.h"

static int64_t import_dated(struct store *store, const char *path, const char *text,
			    const char *date)
{
	int64_t id = test_import(store, path, text, NULL);
	struct error error = {{0}};
	struct store_metadata_change change = {.date = date};
	if (date && store_metadata_set(store, id, &change, &error) != 0)
		printf("# metadata: %s\n", error.message);
	return id;
}

static int64_t old_speech, new_speech, undated, titled;

static void library(struct store *store)
{
	/* The same body paragraphs in an older and a newer speech, so that
	 * their bm25 scores tie and the date decides. */
	const char *body = "%s\n同志们：\n一、抓好民生实事\n"
			   "今年要办好十件事，其中有关民生的工作要抓紧抓实，落到实处。\n"
			   "民生民生，民生为大。\n";
	char text[512];
	snprintf(text, sizeof text, body, "在二〇二〇年工作会议上的讲话");
	old_speech = import_dated(store, "/a/old.txt", text, "2020-03-01");
	snprintf(text, sizeof text, body, "在二〇二四年工作会议上的讲话");
	new_speech = import_dated(store, "/a/new.txt", text, "2024-03");
	snprintf(text, sizeof text, body, "在一次工作会议上的讲话");
	undated = import_dated(store, "/a/undated.txt", text, NULL);
	titled =
	    import_dated(store, "/a/titled.txt",
			 "民生工作座谈会上的讲话\n同志们：\n大家好，Minsheng 开会。\n", "2019");
}

static void order(struct store *store)
{
	struct store_search_query query = {.text = "民生"};
	struct store_search_hit *hits;
	size_t count = 0;
	struct error error = {{0}};
	ok(store_search(store, &query, &hits, &count, &error) == 0 && count == 10,
	   "ten hits: one title, three headings, six body paragraphs");
	if (count == 10) {
		ok(hits[0].document_id == titled && hits[0].paragraph == 0, "the title first");
		ok(hits[1].paragraph == 2 && hits[2].paragraph == 2 && hits[3].paragraph == 2,
		   "then the headings");
		ok(hits[1].document_id == new_speech && hits[2].document_id == old_speech &&
		       hits[3].document_id == undated,
		   "equal headings: newest date first, undated last");
		ok(hits[4].paragraph == 4 && hits[5].paragraph == 4 && hits[6].paragraph == 4,
		   "then the densest body paragraph (民生 three times in a short line)");
		ok(hits[7].paragraph == 3 && hits[9].paragraph == 3, "the sparse one last");
		ok(hits[7].document_id == new_speech && hits[8].document_id == old_speech &&
		       hits[9].document_id == undated,
		   "and ties by date again");
	}
	store_search_hits_free(hits, count);
}

/* Every page of size `size` is the full search's slice, and the count is
 * the full search's length. */
static void pages_and_count(struct store *store, const char *text, size_t expected)
{
	struct error error = {{0}};
	struct store_search_query all = {.text = text};
	struct store_search_hit *hits, *page;
	size_t count = 0, page_count, counted = 99;
	store_search(store, &all, &hits, &count, &error);
	is_int(count, expected, "%s: every hit", text);
	ok(store_search_count(store, &all, &counted, &error) == 0 && counted == count,
	   "%s: the count agrees", text);
	int same = 1;
	for (size_t size = 1; size <= 4; size++) {
		for (size_t offset = 0; offset <= count; offset += size) {
			struct store_search_query query = {
			    .text = text, .offset = offset, .limit = size};
			store_search(store, &query, &page, &page_count, &error);
			size_t want = count - offset < size ? count - offset : size;
			same &= page_count == want;
			for (size_t i = 0; i < page_count && page_count == want; i++)
				same &= page[i].document_id == hits[offset + i].document_id &&
					page[i].paragraph == hits[offset + i].paragraph &&
					strcmp(page[i].text, hits[offset + i].text) == 0 &&
					(page[i].title != NULL) == (hits[offset + i].title != NULL);
			store_search_hits_free(page, page_count);
		}
	}
	ok(same, "%s: pages of 1 to 4 are slices of the full order, texts and titles included",
	   text);
	store_search_hits_free(hits, count);
}

/* The query plan of a statement, its details joined by "; ". */
static void query_plan(struct store *store, enum statement which, char *details, size_t size)
{
	struct error error = {{0}};
	sqlite3_stmt *statement = store_statement(store, which, &error);
	char sql[4096];
	snprintf(sql, sizeof sql, "EXPLAIN QUERY PLAN %s", sqlite3_sql(statement));
	details[0] = '\0';
	sqlite3_stmt *plan;
	if (sqlite3_prepare_v2(store->db, sql, -1, &plan, NULL) == SQLITE_OK) {
		while (sqlite3_step(plan) == SQLITE_ROW) {
			size_t length = strlen(details);
			snprintf(details + length, size - length, "%s; ",
				 (const char *)sqlite3_column_text(plan, 3));
		}
		sqlite3_finalize(plan);
	}
}

/* A page's hits are placed from the covering index, not their rows, and
 * every tier comes in its index's order, so that stepping can stop early:
 * no statement sorts its hits. */
static void places_from_index(struct store *store)
{
	static const enum statement tiers[] = {
	    STATEMENT_SEARCH_TITLE_PLACES,   STATEMENT_SEARCH_TITLE_TEXTS,
	    STATEMENT_SEARCH_HEADING_PLACES, STATEMENT_SEARCH_HEADING_TEXTS,
	    STATEMENT_SEARCH_BODY_PLACES,    STATEMENT_SEARCH_BODY_TEXTS,
	    STATEMENT_SEARCH_SCAN,	     STATEMENT_SEARCH_SCAN_EXACT};
	char details[2048];
	query_plan(store, STATEMENT_SEARCH_BODY_PLACES, details, sizeof details);
	ok(strstr(details, "COVERING INDEX paragraphs_place") != NULL, "hits placed by %s",
	   details);
	int sorted = 0;
	for (size_t i = 0; i < sizeof tiers / sizeof tiers[0]; i++) {
		query_plan(store, tiers[i], details, sizeof details);
		if (strstr(details, "TEMP B-TREE")) {
			printf("# sorts: %s\n", details);
			sorted++;
		}
	}
	ok(sorted == 0, "every tier's statement yields hits in its index's order, unsorted");
}

/* What the search view will do: count on a connection of its own, on a
 * thread, while the first connection shows a page. */
struct background_count {
	size_t count;
	int status;
};

static void *count_in_background(void *context)
{
	struct background_count *result = context;
	struct store *store = NULL;
	struct error error = {{0}};
	result->status = store_open(test_path("rank.db"), STORE_OPEN_EXISTING, &store, &error);
	struct store_search_query query = {.text = "民生"};
	if (result->status == 0)
		result->status = store_search_count(store, &query, &result->count, &error);
	store_close(store);
	return NULL;
}

static void background(struct store *store)
{
	struct background_count result = {0, -1};
	pthread_t thread;
	pthread_create(&thread, NULL, count_in_background, &result);
	struct store_search_query page = {.text = "民生", .limit = 3};
	struct store_search_hit *hits;
	size_t count = 0;
	struct error error = {{0}};
	ok(store_search(store, &page, &hits, &count, &error) == 0 && count == 3,
	   "a page while the count runs");
	store_search_hits_free(hits, count);
	pthread_join(thread, NULL);
	ok(result.status == 0 && result.count == 10, "the count on its own connection: %zu",
	   result.count);

	struct store *other = NULL;
	store_open(test_path("rank.db"), STORE_OPEN_EXISTING, &other, &error);
	store_interrupt(other);
	size_t counted = 99;
	struct store_search_query query = {.text = "民生"};
	ok(store_search_count(other, &query, &counted, &error) == -1 && counted == 0,
	   "a count called off before it starts ends at once");
	store_close(other);
}

int main(void)
{
	struct store *store = test_store_open("rank.db");
	library(store);
	order(store);
	pages_and_count(store, "民生", 10);
	pages_and_count(store, "民生 实", 6);  /* a one-character word checked */
	pages_and_count(store, "minsheng", 1); /* ASCII case checked */
	pages_and_count(store, "民", 10);      /* a scan */
	pages_and_count(store, "不存在的词", 0);
	places_from_index(store);
	background(store);
	struct error error = {{0}};
	size_t count;
	struct store_search_query empty = {.text = "  "};
	ok(store_search_count(store, &empty, &count, &error) == -1 && count == 0,
	   "counting nothing is an error, as searching for it is");
	store_close(store);
	return tap_done();
}
