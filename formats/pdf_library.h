/* pdf_library.h — poppler, loaded when pizhu first reads a PDF rather than
 * when it starts.
 *
 * poppler-glib brings some sixty libraries with it (cairo, NSS, X11,
 * GLib, libstdc++…): linked, every run of pizhu mapped and relocated them
 * all, ≈7 MiB of resident memory and milliseconds of start-up for a format
 * few files have (docs/performance.md). The reader (pdf.c) calls poppler
 * and the few GLib functions it needs through this table. */
#ifndef PIZHU_FORMATS_PDF_LIBRARY_H
#define PIZHU_FORMATS_PDF_LIBRARY_H

#include <poppler.h>

#include "base/error.h"

#define PDF_LIBRARY_FUNCTIONS(F)                                                                   \
	F(poppler_document_new_from_bytes)                                                         \
	F(poppler_document_get_n_pages)                                                            \
	F(poppler_document_get_page)                                                               \
	F(poppler_document_get_title)                                                              \
	F(poppler_error_quark)                                                                     \
	F(poppler_page_get_size)                                                                   \
	F(poppler_page_get_text)                                                                   \
	F(poppler_page_get_text_layout)                                                            \
	F(poppler_page_get_text_attributes)                                                        \
	F(poppler_page_free_text_attributes)                                                       \
	F(poppler_page_get_image_mapping)                                                          \
	F(poppler_page_free_image_mapping)                                                         \
	F(g_bytes_new_static)                                                                      \
	F(g_bytes_unref)                                                                           \
	F(g_error_free)                                                                            \
	F(g_free)                                                                                  \
	F(g_log_set_handler)                                                                       \
	F(g_object_unref)

struct pdf_library {
#define PDF_LIBRARY_FIELD(name) __typeof__(name) *name;
	PDF_LIBRARY_FUNCTIONS(PDF_LIBRARY_FIELD)
#undef PDF_LIBRARY_FIELD
};

/* Loads the library on the first call (thread-safe) and returns
 * &pdf_poppler; NULL when it cannot be loaded, with a message saying so. */
const struct pdf_library *pdf_library(struct error *error);

/* The functions, once pdf_library has returned them. */
extern struct pdf_library pdf_poppler;

#endif
