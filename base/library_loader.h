/* library_loader.h — a shared library loaded by the first call that needs
 * it rather than when pizhu starts (HACKING.md, "Libraries loaded on
 * demand"): dlopen once, on whichever thread asks first (imports run on
 * threads of their own), then a table of its symbols resolved.
 *
 * A user defines its table of symbols and one loader, statically:
 *
 *	static const struct library_symbol symbols[] = {
 *		{"zip_open", (void **)&table.zip_open}, …};
 *	static struct library_loader loader =
 *		LIBRARY_LOADER("libzip.so.4", symbols, NULL);
 *
 * and calls library_load(&loader) before it calls through the table. */
#ifndef PIZHU_BASE_LIBRARY_LOADER_H
#define PIZHU_BASE_LIBRARY_LOADER_H

#include <pthread.h>
#include <stdatomic.h>
#include <stddef.h>

struct library_symbol {
	const char *name;
	void **address; /* receives dlsym's answer: the symbol, or NULL */
};

struct library_loader {
	const char *file; /* what dlopen is given: a soname */
	const struct library_symbol *symbols;
	size_t symbol_count;
	/* When not NULL, run once every symbol is found, before any caller
	 * goes on: the library's own set-up. Returns NULL, or the name of
	 * what it could not find, which makes the load fail. */
	const char *(*finish)(void *handle);
	/* The loader's own. */
	pthread_mutex_t lock;
	atomic_int state;  /* 0 not tried, 1 loaded, -1 failed */
	char problem[256]; /* why it failed */
};

#define LIBRARY_LOADER(file_, symbols_, finish_)                                                   \
	{                                                                                          \
		.file = (file_), .symbols = (symbols_),                                            \
		.symbol_count = sizeof(symbols_) / sizeof *(symbols_), .finish = (finish_),        \
		.lock = PTHREAD_MUTEX_INITIALIZER                                                  \
	}

/* Loads the library (RTLD_LOCAL: nothing of it may take the place of a
 * symbol of pizhu's or its other libraries) and resolves every symbol of
 * the table, the first time it is called; the library stays loaded for
 * good. Thread-safe: a second caller waits for the first, later calls
 * cost an atomic read. Returns NULL when the library and all its symbols
 * were found; else why not, for the caller's message: dlerror()'s text
 * (copied: its own buffer is overwritten by the next dlopen on any
 * thread), or the name of the first symbol missing. The symbols found are
 * in the table even then. */
const char *library_load(struct library_loader *loader);

#endif
