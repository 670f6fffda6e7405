#include "store/search_counter.h"

#include <pthread.h>
#include <stdlib.h>

#include "base/buffer.h"
#include "base/i18n.h"

struct store_search_counter {
	pthread_t thread;
	char *database_path;
	char *text;
	struct store_search_query query; /* .text is text */
	pthread_mutex_t lock;
	pthread_cond_t ended;
	struct store *store; /* the thread's connection while it counts (lock) */
	int stopped;	     /* (lock) */
	int state;	     /* 0 counting, 1 done, -1 failed (lock) */
	size_t count;	     /* (lock, once state is 1) */
	struct error error;  /* (lock, once state is -1) */
};

static void end(struct store_search_counter *counter, int state, size_t count,
		const struct error *error)
{
	pthread_mutex_lock(&counter->lock);
	counter->state = state;
	counter->count = count;
	if (state < 0)
		counter->error = *error;
	pthread_cond_broadcast(&counter->ended);
	pthread_mutex_unlock(&counter->lock);
}

static void *count_hits(void *context)
{
	struct store_search_counter *counter = context;
	struct store *store;
	struct error error;
	if (store_open(counter->database_path, STORE_OPEN_EXISTING, &store, &error) != 0) {
		end(counter, -1, 0, &error);
		return NULL;
	}
	/* A count reads each page of the hits once. */
	store_cache_small(store);
	pthread_mutex_lock(&counter->lock);
	int stopped = counter->stopped;
	if (!stopped)
		counter->store = store;
	pthread_mutex_unlock(&counter->lock);
	size_t count = 0;
	int status = stopped ? error_set(&error, _("interrupted"))
			     : store_search_count(store, &counter->query, &count, &error);
	pthread_mutex_lock(&counter->lock);
	counter->store = NULL;
	pthread_mutex_unlock(&counter->lock);
	store_close(store);
	end(counter, status == 0 ? 1 : -1, count, &error);
	return NULL;
}

int store_search_counter_start(const char *database_path, const struct store_search_query *query,
			       struct store_search_counter **result, struct error *error)
{
	struct store_search_counter *counter = xcalloc(1, sizeof *counter);
	counter->database_path = xstrdup(database_path);
	counter->text = xstrdup(query->text);
	counter->query = (struct store_search_query){
	    .text = counter->text,
	    .theme_id = query->theme_id,
	    .document_id = query->document_id,
	    .include_hidden = query->include_hidden,
	};
	pthread_mutex_init(&counter->lock, NULL);
	pthread_cond_init(&counter->ended, NULL);
	if (pthread_create(&counter->thread, NULL, count_hits, counter) != 0) {
		pthread_cond_destroy(&counter->ended);
		pthread_mutex_destroy(&counter->lock);
		free(counter->database_path);
		free(counter->text);
		free(counter);
		return error_set(error, _("cannot start a thread to count the results"));
	}
	*result = counter;
	return 0;
}

/* The state; the count or the message once there is one (lock held). */
static int answer(struct store_search_counter *counter, size_t *count, struct error *error)
{
	if (counter->state == 1)
		*count = counter->count;
	else if (counter->state < 0)
		*error = counter->error;
	return counter->state;
}

int store_search_counter_poll(struct store_search_counter *counter, size_t *count,
			      struct error *error)
{
	pthread_mutex_lock(&counter->lock);
	int state = answer(counter, count, error);
	pthread_mutex_unlock(&counter->lock);
	return state;
}

int store_search_counter_wait(struct store_search_counter *counter, size_t *count,
			      struct error *error)
{
	pthread_mutex_lock(&counter->lock);
	while (counter->state == 0)
		pthread_cond_wait(&counter->ended, &counter->lock);
	int state = answer(counter, count, error);
	pthread_mutex_unlock(&counter->lock);
	return state;
}

void store_search_counter_stop(struct store_search_counter *counter)
{
	if (!counter)
		return;
	pthread_mutex_lock(&counter->lock);
	counter->stopped = 1;
	if (counter->store)
		store_interrupt(counter->store);
	pthread_mutex_unlock(&counter->lock);
	pthread_join(counter->thread, NULL);
	pthread_cond_destroy(&counter->ended);
	pthread_mutex_destroy(&counter->lock);
	free(counter->database_path);
	free(counter->text);
	free(counter);
}
