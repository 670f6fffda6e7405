/* base/library_loader.h: a library loaded once whatever the threads, its
 * symbols resolved, and why not when it or a symbol is missing. */
#include <pthread.h>

#include "base/library_loader.h"
#include "tap.h"

static size_t (*found_strlen)(const char *);
static void *found_missing;
static int finished;

static const char *count_finish(void *handle)
{
	(void)handle;
	finished++; /* under the loader's lock: no race if it is run once */
	return NULL;
}

static const struct library_symbol libc_symbols[] = {
    {"strlen", (void **)&found_strlen},
};
static struct library_loader libc_loader = LIBRARY_LOADER("libc.so.6", libc_symbols, count_finish);

static const struct library_symbol missing_symbols[] = {
    {"strlen", (void **)&found_strlen},
    {"pizhu_no_such_function", &found_missing},
};
static struct library_loader missing_symbol_loader =
    LIBRARY_LOADER("libc.so.6", missing_symbols, NULL);

static void *unused;
static const struct library_symbol absent_symbols[] = {{"anything", &unused}};
static struct library_loader absent_loader =
    LIBRARY_LOADER("libpizhu-no-such-library.so.0", absent_symbols, NULL);

static const char *refusing_finish(void *handle)
{
	(void)handle;
	return "its set-up";
}
static struct library_loader refused_loader =
    LIBRARY_LOADER("libc.so.6", libc_symbols, refusing_finish);

static void *load_on_a_thread(void *unused_argument)
{
	(void)unused_argument;
	return (void *)library_load(&libc_loader);
}

int main(void)
{
	pthread_t threads[8];
	for (int i = 0; i < 8; i++)
		pthread_create(&threads[i], NULL, load_on_a_thread, NULL);
	int all_loaded = 1;
	for (int i = 0; i < 8; i++) {
		void *problem;
		pthread_join(threads[i], &problem);
		all_loaded = all_loaded && problem == NULL;
	}
	ok(all_loaded, "eight threads at once: each finds the library loaded");
	is_int(finished, 1, "it was set up once");
	ok(found_strlen && found_strlen("批注") == 6, "a symbol is resolved and called");
	ok(library_load(&libc_loader) == NULL && finished == 1, "a later call loads nothing");

	const char *problem = library_load(&absent_loader);
	ok(problem && strstr(problem, "libpizhu-no-such-library.so.0"),
	   "a missing library: dlerror's text, which names it (%s)", problem ? problem : "NULL");
	is_string(library_load(&absent_loader), problem, "and the same answer again");

	is_string(library_load(&missing_symbol_loader), "pizhu_no_such_function",
		  "a missing symbol is named");
	ok(found_missing == NULL && found_strlen, "the symbols found are set all the same");

	is_string(library_load(&refused_loader), "its set-up", "what the set-up could not find");
	return tap_done();
}
