#include "formats/xml_library.h"

#include <dlfcn.h>

#include "base/i18n.h"
#include "base/library_loader.h"

/* The name the build found libxml2 under (Makefile), else Debian's. */
#ifndef PIZHU_LIBXML2
#define PIZHU_LIBXML2 "libxml2.so.2"
#endif

struct xml_library xml_library_loaded;

static const struct library_symbol symbols[] = {
#define XML_LIBRARY_SYMBOL(name) {#name, (void **)&xml_library_loaded.name},
    XML_LIBRARY_FUNCTIONS(XML_LIBRARY_SYMBOL)
#undef XML_LIBRARY_SYMBOL
};

/* xmlFree is a variable, or per thread behind __xmlFree (globals.h); and
 * the parser is set up once, before any thread uses it. */
static const char *finish(void *handle)
{
	xmlFreeFunc *(*per_thread)(void) = NULL;
	*(void **)&per_thread = dlsym(handle, "__xmlFree");
	xmlFreeFunc *variable = per_thread ? per_thread() : dlsym(handle, "xmlFree");
	if (!variable)
		return "xmlFree";
	xml_library_loaded.free = *variable;
	xml_library_loaded.xmlInitParser();
	return NULL;
}

static struct library_loader loader = LIBRARY_LOADER(PIZHU_LIBXML2, symbols, finish);

const struct xml_library *xml_library(struct error *error)
{
	const char *problem = library_load(&loader);
	if (problem) {
		error_set(error, _("cannot read this format: libxml2 is missing (%s)"), problem);
		return NULL;
	}
	return &xml_library_loaded;
}
