/* Counting a search in the background (search_counter.h): the count agrees
 * with store_search_count while the first connection pages; a count
 * stopped at any moment ends, frees everything and never reports a wrong
 * total; a library that is not there fails with a message. */
#include <pthread.h>

#include "store/search.h"
#include "store/search_counter.h"
#include "store_test.h"

static void library(struct store *store)
{
	char path[64], text[512];
	for (int i = 0; i < 40; i++) {
		snprintf(path, sizeof path, "/a/%d.txt", i);
		snprintf(text, sizeof text,
			 "第%d次会议上的讲话\n同志们：\n一、抓好民生实事\n"
			 "今年要办好民生实事，第%d件。\n民生为大，发展为要。\n",
			 i, i);
		test_import(store, path, text, NULL);
	}
}

static void agrees(struct store *store, const char *text, size_t hits_expected)
{
	struct error error = {{0}};
	struct store_search_query query = {.text = text, .limit = 5, .offset = 3};
	size_t expected = 0, counted = 99;
	store_search_count(store, &query, &expected, &error);
	is_int(expected, hits_expected, "%s: hits", text);
	struct store_search_counter *counter = NULL;
	ok(store_search_counter_start(test_path("count.db"), &query, &counter, &error) == 0,
	   "%s: the count starts", text);
	/* The view pages meanwhile, on its own connection. */
	struct store_search_hit *hits;
	size_t count = 0;
	size_t page = expected > 3 ? (expected - 3 < 5 ? expected - 3 : 5) : 0;
	ok(store_search(store, &query, &hits, &count, &error) == 0 && count == page,
	   "%s: a page while counting", text);
	store_search_hits_free(hits, count);
	int state = store_search_counter_wait(counter, &counted, &error);
	is_int(state, 1, "%s: the count ends", text);
	is_int(counted, expected, "%s: and agrees with store_search_count (limit ignored)", text);
	size_t again = 0;
	ok(store_search_counter_poll(counter, &again, &error) == 1 && again == counted,
	   "%s: polling after the end gives the same", text);
	store_search_counter_stop(counter);
}

/* Stopped at once, or after a moment: the stop waits for the thread and
 * frees everything (LSan would tell); a count that had ended first gave
 * the true total. */
static void stopped(size_t expected)
{
	struct error error = {{0}};
	struct store_search_query query = {.text = "民生"};
	int wrong = 0, started = 1;
	for (int i = 0; i < 20; i++) {
		struct store_search_counter *counter = NULL;
		started &= store_search_counter_start(test_path("count.db"), &query, &counter,
						      &error) == 0;
		if (i % 2) {
			size_t count = 0;
			for (int spin = 0; spin < 1000 * i; spin++)
				if (store_search_counter_poll(counter, &count, &error) == 1)
					break;
			if (store_search_counter_poll(counter, &count, &error) == 1)
				wrong += count != expected;
		}
		store_search_counter_stop(counter);
	}
	ok(started && !wrong, "twenty counts stopped at once or a little later");
	store_search_counter_stop(NULL);
}

static void missing(void)
{
	struct error error = {{0}};
	struct store_search_query query = {.text = "民生"};
	struct store_search_counter *counter = NULL;
	size_t count = 99;
	ok(store_search_counter_start(test_path("none.db"), &query, &counter, &error) == 0,
	   "a count of a missing library starts");
	ok(store_search_counter_wait(counter, &count, &error) == -1 && error.message[0],
	   "and fails with a message: %s", error.message);
	store_search_counter_stop(counter);
	struct store_search_query empty = {.text = " "};
	ok(store_search_counter_start(test_path("count.db"), &empty, &counter, &error) == 0 &&
	       store_search_counter_wait(counter, &count, &error) == -1,
	   "counting nothing fails as store_search_count does: %s", error.message);
	store_search_counter_stop(counter);
}

int main(void)
{
	struct store *store = test_store_open("count.db");
	library(store);
	agrees(store, "民生", 120);	/* the index alone */
	agrees(store, "民生 实事", 80); /* two words */
	agrees(store, "民", 120);	/* a scan */
	agrees(store, "不存在的词", 0);
	size_t expected = 0;
	struct error error = {{0}};
	struct store_search_query query = {.text = "民生"};
	store_search_count(store, &query, &expected, &error);
	stopped(expected);
	missing();
	store_close(store);
	return tap_done();
}
