#include "formats/zip_library.h"

#include <dlfcn.h>
#include <stdio.h>
#include <pthread.h>

#include "base/i18n.h"

/* The name the build found libzip under (Makefile), else Debian's. */
#ifndef PIZHU_LIBZIP
#define PIZHU_LIBZIP "libzip.so.4"
#endif

struct zip_library zip_library_loaded;
static const char *problem; /* why loading failed, or NULL */
/* dlerror()'s text, copied: its own buffer is overwritten by the next
 * dlopen on any thread. */
static char load_error[256];
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void load(void)
{
	void *handle = dlopen(PIZHU_LIBZIP, RTLD_NOW | RTLD_LOCAL);
	if (!handle) {
		snprintf(load_error, sizeof load_error, "%s", dlerror());
		problem = load_error;
		return;
	}
#define ZIP_LIBRARY_LOAD(name)                                                                     \
	if (!problem && !(*(void **)&zip_library_loaded.name = dlsym(handle, #name)))              \
		problem = #name;
	ZIP_LIBRARY_FUNCTIONS(ZIP_LIBRARY_LOAD)
#undef ZIP_LIBRARY_LOAD
}

const struct zip_library *zip_library(struct error *error)
{
	pthread_once(&once, load);
	if (problem) {
		error_set(error, _("cannot read .docx files: libzip is missing (%s)"), problem);
		return NULL;
	}
	return &zip_library_loaded;
}
