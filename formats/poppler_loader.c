/* poppler_loader.c — poppler, loaded when the first PDF is read.
 *
 * poppler-glib brings some forty libraries with it (GLib, cairo, NSS,
 * ICU, X11…): loading and relocating them at every start cost each pizhu
 * process about 13 ms of CPU, ten times what a search's first page costs
 * (docs/performance.md). So pizhu is not linked with poppler-glib: the
 * functions formats/pdf.c calls are defined here with poppler's own
 * signatures (from its headers), and the first call loads the library
 * with dlopen and calls through. A function pdf.c starts to use must be
 * added here; until it is, the link fails and says which.
 *
 * Without the library (it is a dependency of the package, so only a
 * broken installation lacks it), the GLib calls do nothing and no
 * document opens, so reading a PDF fails with pdf.c's message. */
#include <poppler.h>

#include "base/library_loader.h"

#ifndef PIZHU_POPPLER_LIBRARY
#define PIZHU_POPPLER_LIBRARY "libpoppler-glib.so.8"
#endif

/* Every function below, by name: the library's function or NULL. */
#define POPPLER_FUNCTIONS(X)                                                                       \
	X(poppler_document_get_n_pages)                                                            \
	X(poppler_document_get_page)                                                               \
	X(poppler_document_get_title)                                                              \
	X(poppler_document_new_from_bytes)                                                         \
	X(poppler_error_quark)                                                                     \
	X(poppler_page_free_image_mapping)                                                         \
	X(poppler_page_free_link_mapping)                                                          \
	X(poppler_page_free_text_attributes)                                                       \
	X(poppler_page_get_image_mapping)                                                          \
	X(poppler_page_get_link_mapping)                                                           \
	X(poppler_page_get_size)                                                                   \
	X(poppler_page_get_text)                                                                   \
	X(poppler_page_get_text_attributes)                                                        \
	X(poppler_page_get_text_layout)                                                            \
	X(g_bytes_new_static)                                                                      \
	X(g_bytes_unref)                                                                           \
	X(g_error_free)                                                                            \
	X(g_free)                                                                                  \
	X(g_log_set_handler)                                                                       \
	X(g_object_unref)                                                                          \
	X(g_once_init_enter)                                                                       \
	X(g_once_init_leave)                                                                       \
	X(g_strdup)                                                                                \
	X(g_strndup)

static struct {
#define POINTER(name) __typeof__(name) *name;
	POPPLER_FUNCTIONS(POINTER)
#undef POINTER
} loaded;

static const struct library_symbol symbols[] = {
#define SYMBOL(name) {#name, (void **)&loaded.name},
    POPPLER_FUNCTIONS(SYMBOL)
#undef SYMBOL
};

/* Without the library, or a function of it, what calls it does nothing. */
static struct library_loader loader = LIBRARY_LOADER(PIZHU_POPPLER_LIBRARY, symbols, NULL);

/* The library's function, loading it first; NULL without it. */
#define CALLED(name) (library_load(&loader), loaded.name)

int poppler_document_get_n_pages(PopplerDocument *document)
{
	return CALLED(poppler_document_get_n_pages) ? loaded.poppler_document_get_n_pages(document)
						    : 0;
}

PopplerPage *poppler_document_get_page(PopplerDocument *document, int index)
{
	return CALLED(poppler_document_get_page) ? loaded.poppler_document_get_page(document, index)
						 : NULL;
}

gchar *poppler_document_get_title(PopplerDocument *document)
{
	return CALLED(poppler_document_get_title) ? loaded.poppler_document_get_title(document)
						  : NULL;
}

PopplerDocument *poppler_document_new_from_bytes(GBytes *bytes, const char *password,
						 GError **error)
{
	return CALLED(poppler_document_new_from_bytes)
		   ? loaded.poppler_document_new_from_bytes(bytes, password, error)
		   : NULL;
}

GQuark poppler_error_quark(void)
{
	return CALLED(poppler_error_quark) ? loaded.poppler_error_quark() : 0;
}

void poppler_page_free_image_mapping(GList *list)
{
	if (CALLED(poppler_page_free_image_mapping))
		loaded.poppler_page_free_image_mapping(list);
}

void poppler_page_free_text_attributes(GList *list)
{
	if (CALLED(poppler_page_free_text_attributes))
		loaded.poppler_page_free_text_attributes(list);
}

void poppler_page_free_link_mapping(GList *list)
{
	if (CALLED(poppler_page_free_link_mapping))
		loaded.poppler_page_free_link_mapping(list);
}

GList *poppler_page_get_link_mapping(PopplerPage *page)
{
	return CALLED(poppler_page_get_link_mapping) ? loaded.poppler_page_get_link_mapping(page)
						     : NULL;
}

GList *poppler_page_get_image_mapping(PopplerPage *page)
{
	return CALLED(poppler_page_get_image_mapping) ? loaded.poppler_page_get_image_mapping(page)
						      : NULL;
}

void poppler_page_get_size(PopplerPage *page, double *width, double *height)
{
	if (CALLED(poppler_page_get_size))
		loaded.poppler_page_get_size(page, width, height);
}

char *poppler_page_get_text(PopplerPage *page)
{
	return CALLED(poppler_page_get_text) ? loaded.poppler_page_get_text(page) : NULL;
}

GList *poppler_page_get_text_attributes(PopplerPage *page)
{
	return CALLED(poppler_page_get_text_attributes)
		   ? loaded.poppler_page_get_text_attributes(page)
		   : NULL;
}

gboolean poppler_page_get_text_layout(PopplerPage *page, PopplerRectangle **rectangles,
				      guint *n_rectangles)
{
	return CALLED(poppler_page_get_text_layout)
		   ? loaded.poppler_page_get_text_layout(page, rectangles, n_rectangles)
		   : FALSE;
}

GBytes *g_bytes_new_static(gconstpointer data, gsize size)
{
	return CALLED(g_bytes_new_static) ? loaded.g_bytes_new_static(data, size) : NULL;
}

void g_bytes_unref(GBytes *bytes)
{
	if (CALLED(g_bytes_unref))
		loaded.g_bytes_unref(bytes);
}

void g_error_free(GError *error)
{
	if (CALLED(g_error_free))
		loaded.g_error_free(error);
}

void g_free(gpointer memory)
{
	if (CALLED(g_free))
		loaded.g_free(memory);
}

guint g_log_set_handler(const gchar *domain, GLogLevelFlags levels, GLogFunc handler, gpointer data)
{
	return CALLED(g_log_set_handler) ? loaded.g_log_set_handler(domain, levels, handler, data)
					 : 0;
}

void g_object_unref(gpointer object)
{
	if (CALLED(g_object_unref))
		loaded.g_object_unref(object);
}

gchar *g_strdup(const gchar *text)
{
	return CALLED(g_strdup) ? loaded.g_strdup(text) : NULL;
}

gchar *g_strndup(const gchar *text, gsize length)
{
	return CALLED(g_strndup) ? loaded.g_strndup(text, length) : NULL;
}

/* GLib's headers also define these two as macros: the parentheses name
 * the functions. */
gboolean(g_once_init_enter)(volatile void *location)
{
	return CALLED(g_once_init_enter) ? (loaded.g_once_init_enter)(location) : FALSE;
}

void(g_once_init_leave)(volatile void *location, gsize result)
{
	if (CALLED(g_once_init_leave))
		(loaded.g_once_init_leave)(location, result);
}
