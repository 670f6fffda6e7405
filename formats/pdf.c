#include "formats/pdf.h"

#include <limits.h>
#include <poppler.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/buffer.h"
#include "base/i18n.h"
#include "base/utf8.h"
#include "formats/date.h"
#include "formats/lines.h"
#include "formats/pdf_lines.h"
#include "formats/pdf_ocr.h"

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

/* Links a page may have whose areas are looked at: more are a hostile
 * page's, whose lines are then taken as links nowhere. */
#define MAX_LINKS 512

/* The areas of a page's links, top down (y growing downwards as the text's
 * boxes do; poppler gives them in PDF space, y growing upwards). */
static size_t link_areas(PopplerPage *page, double height, PopplerRectangle *areas)
{
	GList *links = poppler_page_get_link_mapping(page);
	size_t count = 0;
	for (GList *link = links; link && count < MAX_LINKS; link = link->next) {
		const PopplerRectangle *area = &((PopplerLinkMapping *)link->data)->area;
		areas[count++] =
		    (PopplerRectangle){area->x1, height - area->y2, area->x2, height - area->y1};
	}
	poppler_page_free_link_mapping(links);
	return count;
}

/* Whether the middle of the line's box lies in one of the areas. */
static int in_link(const struct pdf_line *line, const PopplerRectangle *areas, size_t count)
{
	double x = (line->x0 + line->x1) / 2, y = (line->y0 + line->y1) / 2;
	for (size_t i = 0; i < count; i++)
		if (x >= areas[i].x1 && x <= areas[i].x2 && y >= areas[i].y1 && y <= areas[i].y2)
			return 1;
	return 0;
}

/* Splits one page's text into lines with their boxes and fonts. */
static void collect_page(struct collected *collected, PopplerPage *page, int index)
{
	double width = 0, height = 0;
	poppler_page_get_size(page, &width, &height);
	collected->pages[index] = (struct pdf_page_size){width, height};
	char *text = poppler_page_get_text(page);
	collected->texts[index] = text;
	if (!text)
		return;
	PopplerRectangle *boxes = NULL;
	guint box_count = 0;
	if (!poppler_page_get_text_layout(page, &boxes, &box_count))
		box_count = 0;
	PopplerRectangle *links = xmalloc(MAX_LINKS * sizeof *links);
	size_t link_count = link_areas(page, height, links);
	GList *attributes = poppler_page_get_text_attributes(page);
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
		int bold = 0, colored = 0;
		long color = 0;
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
				if (attribute &&
				    ((PopplerTextAttributes *)attribute->data)->start_index <=
					(int)character) {
					PopplerTextAttributes *font = attribute->data;
					if (font_size == 0) {
						font_size = font->font_size;
						bold = heavy_font(font->font_name);
					}
					long rgb = (long)(font->color.red >> 8) << 16 |
						   (long)(font->color.green >> 8) << 8 |
						   (long)(font->color.blue >> 8);
					if (!colored)
						color = rgb, colored = 1;
					else if (color != rgb)
						color = PDF_COLOR_MIXED;
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
		line.color = color;
		line.link = in_link(&line, links, link_count);
		collected->lines = xgrow(collected->lines, &collected->capacity,
					 collected->count + 1, sizeof *collected->lines);
		collected->lines[collected->count++] = line;
	}
	poppler_page_free_text_attributes(attributes);
	g_free(boxes);
	free(links);
}

/* Whether the first pages hold images: a PDF of images and no text is a
 * scan, one of neither is empty. */
static int has_images(PopplerDocument *pdf, int page_count)
{
	int found = 0;
	for (int i = 0; i < page_count && i < 5 && !found; i++) {
		PopplerPage *page = poppler_document_get_page(pdf, i);
		if (!page)
			continue;
		GList *images = poppler_page_get_image_mapping(page);
		found = images != NULL;
		poppler_page_free_image_mapping(images);
		g_object_unref(page);
	}
	return found;
}

/* Whether a page draws images: without text, a scanned page. */
static int page_has_images(PopplerPage *page)
{
	GList *images = poppler_page_get_image_mapping(page);
	int found = images != NULL;
	poppler_page_free_image_mapping(images);
	return found;
}

/* Reads page `index` by OCR in place of what its text layer gave (at
 * most a stray mark): its lines replace those of the page, which are the
 * last ones collected. Loads tesseract for the first page. */
static int read_by_ocr(struct collected *collected, size_t first_line, PopplerPage *page, int index,
		       int page_count, struct pdf_ocr **ocr, struct error *error)
{
	if (!*ocr && pdf_ocr_open(page_count, ocr, error) != 0)
		return -1;
	collected->count = first_line;
	char *text;
	size_t before = collected->count;
	if (pdf_ocr_page(*ocr, page, index, &collected->lines, &collected->count,
			 &collected->capacity, &text, error) != 0)
		return -1;
	g_free(collected->texts[index]);
	collected->texts[index] = text;
	for (size_t i = before; i < collected->count; i++)
		collected->characters +=
		    utf8_count(collected->lines[i].text, collected->lines[i].length);
	return 0;
}

static void collected_free(struct collected *collected)
{
	for (size_t i = 0; i < collected->page_count; i++)
		g_free(collected->texts[i]);
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
	static gsize quieted = 0;
	if (g_once_init_enter(&quieted)) {
		g_log_set_handler("Poppler",
				  G_LOG_LEVEL_MASK | G_LOG_FLAG_FATAL | G_LOG_FLAG_RECURSION, quiet,
				  NULL);
		g_once_init_leave(&quieted, 1);
	}
	GBytes *data = g_bytes_new_static(bytes, length);
	GError *failure = NULL;
	PopplerDocument *pdf = poppler_document_new_from_bytes(data, NULL, &failure);
	if (!pdf) {
		int encrypted = failure && failure->domain == POPPLER_ERROR &&
				failure->code == POPPLER_ERROR_ENCRYPTED;
		if (encrypted)
			error_set(error,
				  _("the PDF is password-protected; save an unprotected copy "
				    "(or its text) and import that"));
		else
			error_set(error, _("not a PDF pizhu can read (%s)"),
				  failure && failure->message ? failure->message : "damaged");
		if (failure)
			g_error_free(failure);
		g_bytes_unref(data);
		return -1;
	}
	int page_count = poppler_document_get_n_pages(pdf);
	int status = 0;
	struct collected collected = {0};
	struct pdf_ocr *ocr = NULL;
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
	/* OCR has a bound of its own, by the page. */
	double ocr_seconds = 0;
	for (int i = 0; i < page_count; i++) {
		PopplerPage *page = poppler_document_get_page(pdf, i);
		if (!page)
			continue;
		size_t characters = collected.characters, lines = collected.count;
		collect_page(&collected, page, i);
		if (pdf_ocr_enabled() && collected.characters - characters < SCAN_CHARS_PER_PAGE &&
		    page_has_images(page)) {
			double before = seconds_since(&start);
			status = read_by_ocr(&collected, lines, page, i, page_count, &ocr, error);
			ocr_seconds += seconds_since(&start) - before;
		}
		g_object_unref(page);
		if (status != 0)
			goto done;
		if (seconds_since(&start) - ocr_seconds > PDF_MAX_SECONDS) {
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
		if (ocr)
			status = error_set(error, _("OCR found no text in this scanned PDF"));
		else if (pdf_ocr_built())
			status = error_set(error,
					   _("this PDF has no text layer (a scanned PDF): read it "
					     "by OCR with --ocr (or `ocr = yes` in the settings "
					     "file)"));
		else
			status = error_set(
			    error, _("this PDF has no text layer (a scanned PDF); pizhu reads "
				     "text, not images: run OCR on it first (for example "
				     "`ocrmypdf -l chi_sim FILE.pdf OUT.pdf`) and import the "
				     "result, or build pizhu with OCR (apt install "
				     "tesseract-ocr-chi-sim libtesseract-dev) and use --ocr"));
		goto done;
	}
	char *metadata_title = poppler_document_get_title(pdf);
	if ((!metadata_title || !*metadata_title) && pdf_ocr_title(ocr)) {
		g_free(metadata_title);
		metadata_title = g_strdup(pdf_ocr_title(ocr));
	}
	struct lines out = {0};
	char *title = NULL;
	pdf_lines_paragraphs(collected.lines, collected.count, collected.pages,
			     collected.page_count, metadata_title, &out, &title);
	document->title = title;
	if (!document->title && metadata_title && *metadata_title)
		document->title = xstrdup(metadata_title);
	g_free(metadata_title);
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
	if (ocr)
		pdf_ocr_close(ocr);
	collected_free(&collected);
	g_object_unref(pdf);
	g_bytes_unref(data);
	return status;
}
