/* A search reads one snapshot of the library: what another pizhu commits
 * while the hits are shown is not mixed in. Inside a transaction of its
 * own connection it joins that one; a small page cache changes no result. */
#include "store/internal.h"
#include "store/search.h"
#include "store_test.h"

static const char *const speech = "民生工作会议上的讲话\n"
				  "同志们：\n"
				  "抓好民生实事。\n";

/* Imports a speech on another connection during the first visit. */
struct during {
	struct store *other;
	size_t visits;
	int64_t later;
	int saw_later;
};

static int import_during(void *context, const struct store_search_row *row)
{
	struct during *during = context;
	if (during->visits++ == 0)
		during->later = test_import(during->other, "/speeches/later.txt",
					    "后来的讲话\n民生为本。\n", NULL);
	during->saw_later |= during->later != 0 && row->document_id == during->later;
	return 0;
}

static size_t hits(struct store *store, const char *text)
{
	struct store_search_query query = {.text = text};
	struct store_search_hit *found;
	size_t count;
	struct error error = {{0}};
	if (store_search(store, &query, &found, &count, &error) != 0) {
		printf("# search: %s\n", error.message);
		return SIZE_MAX;
	}
	store_search_hits_free(found, count);
	return count;
}

static void snapshot(struct store *store, struct store *other)
{
	/* The title tier's hit is shown before the body tier is read: a
	 * body hit committed in between belongs to a later search. */
	struct store_search_query query = {.text = "民生"};
	struct during during = {.other = other};
	struct error error = {{0}};
	ok(store_search_each(store, &query, import_during, &during, &error) == 0,
	   "a search while another connection imports");
	ok(during.later != 0, "the import committed during the search");
	is_int((int)during.visits, 2, "the title and the body hit of the library as it was");
	ok(!during.saw_later, "not the speech imported meanwhile");
	ok(sqlite3_get_autocommit(store->db), "no transaction left open");
	is_int((int)hits(store, "民生"), 3, "the next search finds it");
}

static void inside_transaction(struct store *store)
{
	struct error error = {{0}};
	ok(store_transaction_begin(store, &error) == 0, "a transaction of the caller's");
	is_int((int)hits(store, "民生"), 3, "a search inside it");
	ok(!sqlite3_get_autocommit(store->db), "leaves it open");
	ok(store_transaction_commit(store, &error) == 0, "and it commits");
}

static void small_cache(struct store *store)
{
	struct store_search_query query = {.text = "民生"};
	struct store_search_hit *before, *after;
	size_t before_count, after_count;
	struct error error = {{0}};
	store_search(store, &query, &before, &before_count, &error);
	store_cache_small(store);
	store_search(store, &query, &after, &after_count, &error);
	int same = before_count == after_count;
	for (size_t i = 0; same && i < before_count; i++)
		same = before[i].document_id == after[i].document_id &&
		       before[i].paragraph == after[i].paragraph &&
		       strcmp(before[i].text, after[i].text) == 0;
	ok(same && after_count == 3, "a small page cache: the same hits");
	store_search_hits_free(before, before_count);
	store_search_hits_free(after, after_count);
}

int main(void)
{
	struct store *store = test_store_open("snapshot.db");
	struct store *other = test_store_open("snapshot.db");
	if (!ok(store != NULL && other != NULL, "two connections"))
		return tap_done();
	ok(test_import(store, "/speeches/first.txt", speech, NULL) != 0, "a speech");
	snapshot(store, other);
	inside_transaction(store);
	small_cache(store);
	store_close(other);
	store_close(store);
	return tap_done();
}
