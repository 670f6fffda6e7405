#include "formats/pdf_library.h"

#include <dlfcn.h>
#include <pthread.h>

#include "base/i18n.h"

/* The name the build found poppler-glib under (Makefile), else Debian's. */
#ifndef PIZHU_POPPLER_GLIB
#define PIZHU_POPPLER_GLIB "libpoppler-glib.so.8"
#endif

struct pdf_library pdf_poppler;
static const char *problem; /* why loading failed, or NULL */
static pthread_once_t once = PTHREAD_ONCE_INIT;

/* The handle is kept for the life of the process: poppler registers
 * GObject types, which cannot be unloaded. */
static void load(void)
{
	void *handle = dlopen(PIZHU_POPPLER_GLIB, RTLD_NOW | RTLD_LOCAL);
	if (!handle) {
		problem = dlerror();
		return;
	}
#define PDF_LIBRARY_LOAD(name)                                                                     \
	if (!problem && !(*(void **)&pdf_poppler.name = dlsym(handle, #name)))                     \
		problem = #name;
	PDF_LIBRARY_FUNCTIONS(PDF_LIBRARY_LOAD)
#undef PDF_LIBRARY_LOAD
}

const struct pdf_library *pdf_library(struct error *error)
{
	pthread_once(&once, load);
	if (problem) {
		error_set(error, _("cannot read PDF files: poppler is missing (%s)"), problem);
		return NULL;
	}
	return &pdf_poppler;
}
