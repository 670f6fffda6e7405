/* search_counter.h — counting a search's hits in the background, so that a
 * view shows its first page at once and the total when it is known.
 *
 * The count runs store_search_count on a thread of its own, on a
 * connection of its own to the same library (WAL: it reads beside the
 * view's connection and never waits for it). Stopping it interrupts the
 * count where it is and waits for the thread, which is over in a moment:
 * a view stops it when its query changes or it closes. */
#ifndef PIZHU_STORE_SEARCH_COUNTER_H
#define PIZHU_STORE_SEARCH_COUNTER_H

#include <stddef.h>

#include "base/error.h"
#include "store/search.h"

struct store_search_counter;

/* Starts counting the hits of `query` (its text and theme; limit and offset
 * are ignored) in the library at database_path. The query is copied. */
int store_search_counter_start(const char *database_path, const struct store_search_query *query,
			       struct store_search_counter **counter, struct error *error);

/* 0 while counting; 1 when done, with *count; -1 when the count failed,
 * with a message. Never waits. */
int store_search_counter_poll(struct store_search_counter *counter, size_t *count,
			      struct error *error);

/* Waits for the count to end and returns as store_search_counter_poll
 * would then (for a caller that cannot go on without the total). */
int store_search_counter_wait(struct store_search_counter *counter, size_t *count,
			      struct error *error);

/* Stops the count (if it still runs), waits for its thread and frees it.
 * NULL is nothing to stop. */
void store_search_counter_stop(struct store_search_counter *counter);

#endif
