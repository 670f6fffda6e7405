#include "formats/xml_library.h"

#include <dlfcn.h>
#include <stdio.h>
#include <pthread.h>

#include "base/i18n.h"

/* The name the build found libxml2 under (Makefile), else Debian's. */
#ifndef PIZHU_LIBXML2
#define PIZHU_LIBXML2 "libxml2.so.2"
#endif

struct xml_library xml_library_loaded;
static const char *problem; /* why loading failed, or NULL */
/* dlerror()'s text, copied: its own buffer is overwritten by the next
 * dlopen on any thread. */
static char load_error[256];
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void load(void)
{
	void *handle = dlopen(PIZHU_LIBXML2, RTLD_NOW | RTLD_LOCAL);
	if (!handle) {
		snprintf(load_error, sizeof load_error, "%s", dlerror());
		problem = load_error;
		return;
	}
#define XML_LIBRARY_LOAD(name)                                                                     \
	if (!problem && !(*(void **)&xml_library_loaded.name = dlsym(handle, #name)))              \
		problem = #name;
	XML_LIBRARY_FUNCTIONS(XML_LIBRARY_LOAD)
#undef XML_LIBRARY_LOAD
	/* xmlFree: a variable, or per thread behind __xmlFree (globals.h). */
	xmlFreeFunc *(*per_thread)(void) = NULL;
	*(void **)&per_thread = dlsym(handle, "__xmlFree");
	xmlFreeFunc *variable = per_thread ? per_thread() : dlsym(handle, "xmlFree");
	if (!problem && !variable)
		problem = "xmlFree";
	if (!problem)
		xml_library_loaded.free = *variable;
	if (!problem)
		xml_library_loaded.xmlInitParser();
}

const struct xml_library *xml_library(struct error *error)
{
	pthread_once(&once, load);
	if (problem) {
		error_set(error, _("cannot read this format: libxml2 is missing (%s)"), problem);
		return NULL;
	}
	return &xml_library_loaded;
}
