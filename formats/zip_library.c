#include "formats/zip_library.h"

#include "base/i18n.h"
#include "base/library_loader.h"

/* The name the build found libzip under (Makefile), else Debian's. */
#ifndef PIZHU_LIBZIP
#define PIZHU_LIBZIP "libzip.so.4"
#endif

struct zip_library zip_library_loaded;

static const struct library_symbol symbols[] = {
#define ZIP_LIBRARY_SYMBOL(name) {#name, (void **)&zip_library_loaded.name},
    ZIP_LIBRARY_FUNCTIONS(ZIP_LIBRARY_SYMBOL)
#undef ZIP_LIBRARY_SYMBOL
};

static struct library_loader loader = LIBRARY_LOADER(PIZHU_LIBZIP, symbols, NULL);

const struct zip_library *zip_library(struct error *error)
{
	const char *problem = library_load(&loader);
	if (problem) {
		error_set(error, _("cannot read .docx files: libzip is missing (%s)"), problem);
		return NULL;
	}
	return &zip_library_loaded;
}
