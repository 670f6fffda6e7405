#include "formats/pdf.h"

#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/buffer.h"
#include "base/i18n.h"
#include "base/utf8.h"
#include "formats/date.h"
#include "formats/lines.h"
#include "formats/pdf_library.h"
#include "formats/pdf_lines.h"

/* Fewer characters than this per page on average: no text layer. */
#define SCAN_CHARS_PER_PAGE 5

static double seconds_since(const struct timespec *start)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - start->tv_sec) + (double)(now.tv_nsec - start->tv_nsec) / 1e9;
}

/* poppler reports damage it repairs through GLib's log; the reader must
 * not write to a terminal that curses may own. */
static void quiet(const gchar *domain, GLogLevelFlags level, const gchar *message, gpointer data)
{
	(void)domain;
	(void)level;
	(void)message;
	(void)data;
}

static void quiet_poppler(void)
{
	pdf_poppler.g_log_set_handler(
	    "Poppler", G_LOG_LEVEL_MASK | G_LOG_FLAG_FATAL | G_LOG_FLAG_RECURSION, quiet, NULL);
}

/* Whether a font's name says heavy type: Bold, Black, Heavy, or a hei
 * (sans) face, 黑体, 雅黑, 粗黑 (SimHei, Heiti, YaHei), which Chinese
 * documents set their headings in. */
static int heavy_font(const char *name)
{
	static const char *const marks[] = {"Bold", "bold", "BOLD",	"Black", "Heavy",
					    "Hei",  "黑",   "Semibold", NULL};
	if (!name)
		return 0;
	for (const char *const *mark = marks; *mark; mark++)
		if (strstr(name, *mark))
			return 1;
	return 0;
}

struct collected {
	struct pdf_line *lines;
	size_t count, capacity;
	struct pdf_page_size *pages;
	size_t page_count;
	char **texts; /* the pages' texts, which the lines point into */
	size_t characters;
};

/* Splits one page's text into lines with their boxes and fonts. */
static void collect_page(struct collected *collected, PopplerPage *page, int index)
{
	double width = 0, height = 0;
	pdf_poppler.poppler_page_get_size(page, &width, &height);
	collected->pages[index] = (struct pdf_page_size){width, height};
	char *text = pdf_poppler.poppler_page_get_text(page);
	collected->texts[index] = text;
	if (!text)
		return;
	PopplerRectangle *boxes = NULL;
	guint box_count = 0;
	if (!pdf_poppler.poppler_page_get_text_layout(page, &boxes, &box_count))
		box_count = 0;
	GList *attributes = pdf_poppler.poppler_page_get_text_attributes(page);
	GList *attribute = attributes;
	size_t length = strlen(text);
	size_t character = 0; /* index of the character at `i` */
	for (size_t i = 0; i < length;) {
		size_t end = i;
		while (end < length && text[end] != '\n')
			end++;
		struct pdf_line line = {.text = text + i, .length = end - i, .page = index};
		int boxed = 0;
		double font_size = 0;
		int bold = 0;
		for (size_t j = i; j < end;) {
			size_t step;
			long c = utf8_decode((const unsigned char *)text + j, end - j, &step);
			if (c != ' ' && c != 0x3000 && c != '\t' && character < box_count) {
				const PopplerRectangle *box = &boxes[character];
				if (!boxed) {
					line.x0 = box->x1, line.y0 = box->y1;
					line.x1 = box->x2, line.y1 = box->y2;
					boxed = 1;
				}
				if (box->x1 < line.x0)
					line.x0 = box->x1;
				if (box->y1 < line.y0)
					line.y0 = box->y1;
				if (box->x2 > line.x1)
					line.x1 = box->x2;
				if (box->y2 > line.y1)
					line.y1 = box->y2;
				collected->characters++;
				/* The font of the line's first character. */
				while (attribute &&
				       ((PopplerTextAttributes *)attribute->data)->end_index <
					   (int)character)
					attribute = attribute->next;
				if (font_size == 0 && attribute &&
				    ((PopplerTextAttributes *)attribute->data)->start_index <=
					(int)character) {
					PopplerTextAttributes *font = attribute->data;
					font_size = font->font_size;
					bold = heavy_font(font->font_name);
				}
			}
			j += step;
			character++;
		}
		character++; /* the '\n' */
		i = end + 1;
		if (!boxed)
			continue;
		line.font_size = font_size;
		line.bold = bold;
		collected->lines = xgrow(collected->lines, &collected->capacity,
					 collected->count + 1, sizeof *collected->lines);
		collected->lines[collected->count++] = line;
	}
	pdf_poppler.poppler_page_free_text_attributes(attributes);
	pdf_poppler.g_free(boxes);
}

/* Whether the first pages hold images: a PDF of images and no text is a
 * scan, one of neither is empty. */
static int has_images(PopplerDocument *pdf, int page_count)
{
	int found = 0;
	for (int i = 0; i < page_count && i < 5 && !found; i++) {
		PopplerPage *page = pdf_poppler.poppler_document_get_page(pdf, i);
		if (!page)
			continue;
		GList *images = pdf_poppler.poppler_page_get_image_mapping(page);
		found = images != NULL;
		pdf_poppler.poppler_page_free_image_mapping(images);
		pdf_poppler.g_object_unref(page);
	}
	return found;
}

static void collected_free(struct collected *collected)
{
	for (size_t i = 0; i < collected->page_count; i++)
		pdf_poppler.g_free(collected->texts[i]);
	free(collected->texts);
	free(collected->pages);
	free(collected->lines);
}

int pdf_read(const unsigned char *bytes, size_t length, struct document *document,
	     struct error *error)
{
	memset(document, 0, sizeof *document);
	document->format = "pdf";
	if (length > INT_MAX)
		return error_set(error, _("PDF too large (%zu MB)"), length >> 20);
	if (!pdf_library(error))
		return -1;
	static pthread_once_t quieted = PTHREAD_ONCE_INIT;
	pthread_once(&quieted, quiet_poppler);
	GBytes *data = pdf_poppler.g_bytes_new_static(bytes, length);
	GError *failure = NULL;
	PopplerDocument *pdf = pdf_poppler.poppler_document_new_from_bytes(data, NULL, &failure);
	if (!pdf) {
		int encrypted = failure && failure->domain == pdf_poppler.poppler_error_quark() &&
				failure->code == POPPLER_ERROR_ENCRYPTED;
		if (encrypted)
			error_set(error,
				  _("the PDF is password-protected; save an unprotected copy "
				    "(or its text) and import that"));
		else
			error_set(error, _("not a PDF pizhu can read (%s)"),
				  failure && failure->message ? failure->message : "damaged");
		if (failure)
			pdf_poppler.g_error_free(failure);
		pdf_poppler.g_bytes_unref(data);
		return -1;
	}
	int page_count = pdf_poppler.poppler_document_get_n_pages(pdf);
	int status = 0;
	struct collected collected = {0};
	if (page_count > PDF_MAX_PAGES) {
		status = error_set(error, _("PDF has %d pages; pizhu reads PDFs of up to %d pages"),
				   page_count, PDF_MAX_PAGES);
		goto done;
	}
	if (page_count <= 0) {
		status = error_set(error, _("the PDF has no pages"));
		goto done;
	}
	collected.pages = xcalloc((size_t)page_count, sizeof *collected.pages);
	collected.texts = xcalloc((size_t)page_count, sizeof *collected.texts);
	collected.page_count = (size_t)page_count;
	struct timespec start;
	clock_gettime(CLOCK_MONOTONIC, &start);
	for (int i = 0; i < page_count; i++) {
		PopplerPage *page = pdf_poppler.poppler_document_get_page(pdf, i);
		if (!page)
			continue;
		collect_page(&collected, page, i);
		pdf_poppler.g_object_unref(page);
		if (seconds_since(&start) > PDF_MAX_SECONDS) {
			status = error_set(
			    error, _("reading the PDF took over %d s (stopped at page %d of %d)"),
			    PDF_MAX_SECONDS, i + 1, page_count);
			goto done;
		}
	}
	if (collected.characters < (size_t)page_count * SCAN_CHARS_PER_PAGE) {
		if (!has_images(pdf, page_count)) {
			status = error_set(error, _("no text in the PDF"));
			goto done;
		}
		status = error_set(
		    error, _("this PDF has no text layer (a scanned PDF); pizhu reads "
			     "text, not images: run OCR on it first (for example "
			     "`ocrmypdf -l chi_sim FILE.pdf OUT.pdf`) and import the result"));
		goto done;
	}
	char *metadata_title = pdf_poppler.poppler_document_get_title(pdf);
	struct lines out = {0};
	char *title = NULL;
	pdf_lines_paragraphs(collected.lines, collected.count, collected.pages,
			     collected.page_count, metadata_title, &out, &title);
	document->title = title;
	if (!document->title && metadata_title && *metadata_title)
		document->title = xstrdup(metadata_title);
	pdf_poppler.g_free(metadata_title);
	/* The date: from the front matter lines (a date and source line). */
	for (size_t i = 0; i < out.count && !document->date; i++) {
		if (out.hints[i].role != DOCUMENT_FRONT)
			continue;
		size_t line_length;
		const char *line = lines_get(&out, i, &line_length);
		document->date = date_find(line, line_length);
	}
	lines_to_document(&out, document);
	document->format = "pdf";
	if (document->hint_count == 0) {
		document_free(document);
		status = error_set(error, _("no text in the PDF"));
	}
done:
	collected_free(&collected);
	pdf_poppler.g_object_unref(pdf);
	pdf_poppler.g_bytes_unref(data);
	return status;
}
