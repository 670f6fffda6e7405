/* library_loader.c — a shared library loaded once, on first use
 * (base/library_loader.h). */
#include "base/library_loader.h"

#include <dlfcn.h>
#include <stdio.h>

/* Under the lock, once. */
static int load(struct library_loader *loader)
{
	void *handle = dlopen(loader->file, RTLD_NOW | RTLD_LOCAL);
	if (!handle) {
		snprintf(loader->problem, sizeof loader->problem, "%s", dlerror());
		return -1;
	}
	const char *missing = NULL;
	for (size_t i = 0; i < loader->symbol_count; i++) {
		/* dlsym gives an object pointer; POSIX makes it a function's. */
		*loader->symbols[i].address = dlsym(handle, loader->symbols[i].name);
		if (!missing && !*loader->symbols[i].address)
			missing = loader->symbols[i].name;
	}
	if (!missing && loader->finish)
		missing = loader->finish(handle);
	if (missing) {
		snprintf(loader->problem, sizeof loader->problem, "%s", missing);
		return -1;
	}
	return 0;
}

const char *library_load(struct library_loader *loader)
{
	int state = atomic_load_explicit(&loader->state, memory_order_acquire);
	if (state == 0) {
		pthread_mutex_lock(&loader->lock);
		state = atomic_load_explicit(&loader->state, memory_order_relaxed);
		if (state == 0) {
			state = load(loader) == 0 ? 1 : -1;
			atomic_store_explicit(&loader->state, state, memory_order_release);
		}
		pthread_mutex_unlock(&loader->lock);
	}
	return state > 0 ? NULL : loader->problem;
}
