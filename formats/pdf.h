/* pdf.h — the PDF reader, on poppler.
 *
 * poppler (poppler-glib) is the PDF library Debian's own tools use
 * (pdftotext): it reads CID fonts with their ToUnicode maps, Type 3 fonts
 * from browsers' prints, and with poppler-data the Adobe-GB1 fonts that
 * Chinese PDFs rely on; it survives damaged cross-reference tables and
 * loops between objects. It gives each page's text in reading order with a
 * box and a font for every character, from which pdf_lines.h rebuilds the
 * paragraphs. No network, no JavaScript, no rendering.
 *
 * Work is bounded: a PDF of more than PDF_MAX_PAGES pages, or one that
 * takes longer than PDF_MAX_SECONDS to read, is refused with a message. A
 * PDF of images without a text layer (a scan) is refused with a message
 * that says what to do; one with neither text nor images as empty. */
#ifndef PIZHU_FORMATS_PDF_H
#define PIZHU_FORMATS_PDF_H

#include <stddef.h>

#include "base/error.h"
#include "formats/document.h"

#define PDF_MAX_PAGES	3000
#define PDF_MAX_SECONDS 120

/* Reads PDF bytes into `document` (format "pdf"). */
int pdf_read(const unsigned char *bytes, size_t length, struct document *document,
	     struct error *error);

#endif
