/* pdf_ocr.h — reading the pages of a scanned PDF by OCR (optional).
 *
 * A scan has no text layer: its pages are images. With OCR asked for
 * (pdf_ocr_configure; pizhu's --ocr and `ocr = yes`), each page of the PDF
 * that has images and no text is rendered by poppler and cairo at
 * OCR_DPI (less for a page so large that it would pass OCR_MAX_PIXELS)
 * into a grey pixel buffer in memory, and recognised by libtesseract with
 * its Simplified Chinese data (chi_sim): no temporary file, no program
 * run. Its text lines, with their boxes (formats/pdf_ocr_words.h), then
 * go through the same line model as a text layer (formats/pdf_lines.h):
 * paragraphs rejoined, page numbers and running heads dropped.
 * tesseract's own paragraph guesses are not used: pdf_lines.h decides
 * paragraphs from the same boxes for scanned and text pages alike.
 *
 * A PDF with text on some pages and scans on others is read page by page
 * in order: text where there is a text layer, OCR where there is not.
 *
 * Bounded: a page that takes longer than OCR_PAGE_SECONDS is an error that
 * names it; the progress callback is told several times a second while a
 * page is read and can stop the reading (an error "stopped").
 *
 * The drawing and the reading are done by a plugin, pizhu-ocr.so
 * (formats/ocr_plugin.h), loaded by the first pdf_ocr_open: linked with
 * libtesseract and cairo, pizhu would load them at every start.
 *
 * OCR is optional at build time too: built without libtesseract (the
 * Makefile finds it with pkg-config) there is no plugin, pdf_ocr_built()
 * is 0 and pdf_ocr_open says what to install; so too when the plugin is
 * not where pizhu looks for it (beside the program in its build folder,
 * or where make install puts it). */
#ifndef PIZHU_FORMATS_PDF_OCR_H
#define PIZHU_FORMATS_PDF_OCR_H

#include <poppler.h>
#include <stddef.h>

#include "base/error.h"
#include "formats/pdf_lines.h"

/* 400 rather than the usual 300: a book's small type scanned at 200 ppi
 * (the corpus's scan) is misread at 300 and 350 (品 as 兄 in its running
 * head) and read right at 400, for a third more time. */
#define OCR_DPI		 400
#define OCR_MAX_PIXELS	 (40 * 1000 * 1000)
#define OCR_PAGE_SECONDS 120
#define OCR_LANGUAGE	 "chi_sim"

struct pdf_ocr_options {
	int enabled; /* scanned pages are read by OCR */
	/* While page `page` (from 0) of a PDF of `pages` pages is read,
	 * `percent` of it done; once with pages 0 when the reading ends
	 * (done, failed or stopped). Returns nonzero to stop. May be NULL.
	 * Called on the thread that reads the PDF. */
	int (*progress)(void *context, int page, int pages, int percent);
	void *context;
};

/* Sets the options for every PDF read afterwards; called once by the
 * front end before any file is read. Without it, OCR is off. */
void pdf_ocr_configure(const struct pdf_ocr_options *options);

/* Gives the calling thread its own way to stop OCR: while set, each
 * page's progress also asks stopped(context) and stops the reading when
 * it is nonzero (an import on a thread of its own, which the user can
 * stop or quit). NULL takes it away. */
void pdf_ocr_thread_stop(int (*stopped)(void *context), void *context);

/* Whether OCR was asked for. */
int pdf_ocr_enabled(void);

/* Whether this pizhu was built with libtesseract and its OCR plugin is
 * installed (found, not yet loaded: this is cheap). */
int pdf_ocr_built(void);

/* What to tell a user who asks for OCR of a pizhu built without it (what
 * to install and that pizhu must be built again), or whose OCR plugin is
 * not installed. */
const char *pdf_ocr_missing(void);

struct pdf_ocr;

/* Loads the plugin (the first time) and tesseract with the Chinese data,
 * for a PDF of `pages` pages; fails with a message that says what to
 * install when it cannot. */
int pdf_ocr_open(int pages, struct pdf_ocr **ocr, struct error *error);

/* Reads page `index` (from 0) of the PDF's `pages`, appending its lines
 * to *lines (grown with xgrow). The lines' texts point into *text, a new
 * string (g_free) that must outlive them; NULL when the page has none. */
int pdf_ocr_page(struct pdf_ocr *ocr, PopplerPage *page, int index, struct pdf_line **lines,
		 size_t *count, size_t *capacity, char **text, struct error *error);

/* The running head of the PDF's first page when it was read by OCR and
 * has one (a scanned book's part or chapter, `第一篇 商品和货币`), else
 * NULL: what the pages are, when the PDF names no title. */
const char *pdf_ocr_title(const struct pdf_ocr *ocr);

/* Frees ocr (NULL is fine) and tells the progress callback the end. */
void pdf_ocr_close(struct pdf_ocr *ocr);

#endif
