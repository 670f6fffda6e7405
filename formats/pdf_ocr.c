#include "formats/pdf_ocr.h"

#include "base/buffer.h"
#include "base/i18n.h"
#include "build/gen/ocr.h" /* PIZHU_OCR: whether libtesseract was found */

static struct pdf_ocr_options configured;

void pdf_ocr_configure(const struct pdf_ocr_options *options)
{
	configured = *options;
}

int pdf_ocr_enabled(void)
{
	return configured.enabled;
}

int pdf_ocr_built(void)
{
	return PIZHU_OCR;
}

const char *pdf_ocr_missing(void)
{
	return _("this pizhu was built without OCR: apt install tesseract-ocr-chi-sim "
		 "libtesseract-dev, then build pizhu again (make clean all)");
}

/* The end of the reading, told once whatever happened. */
static void tell_end(void)
{
	if (configured.progress)
		configured.progress(configured.context, 0, 0, 100);
}

#if PIZHU_OCR

#include <cairo.h>
#include <dlfcn.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <tesseract/capi.h>
#include <time.h>

#include "formats/pdf_ocr_words.h"

struct pdf_ocr {
	TessBaseAPI *api;
	ETEXT_DESC *monitor;
	int pages;
	int page;    /* the one being read */
	int stopped; /* the progress callback said stop */
	char *title; /* the first page's running head */
};

static double seconds_now(void)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)now.tv_sec + (double)now.tv_nsec / 1e9;
}

/* tesseract reads a line on four OpenMP threads, which spin against each
 * other and the rest of the machine when it is busy (three times the
 * time on two loaded cores): dynamic adjustment lets OpenMP take fewer
 * threads then. It is set for the thread that calls tesseract, and found
 * at run time, as a tesseract built without OpenMP has none. */
static void fewer_threads_when_busy(void)
{
	void (*set_dynamic)(int) = NULL;
	*(void **)&set_dynamic = dlsym(RTLD_DEFAULT, "omp_set_dynamic");
	if (set_dynamic)
		set_dynamic(1);
}

/* tesseract asks this between words whether to give up; it is also where
 * the progress is told. */
static bool cancelled(void *context, int words)
{
	(void)words;
	struct pdf_ocr *ocr = context;
	if (!ocr->stopped && configured.progress &&
	    configured.progress(configured.context, ocr->page, ocr->pages,
				TessMonitorGetProgress(ocr->monitor)))
		ocr->stopped = 1;
	return ocr->stopped;
}

int pdf_ocr_open(int pages, struct pdf_ocr **result, struct error *error)
{
	*result = NULL;
	struct pdf_ocr *ocr = xcalloc(1, sizeof *ocr);
	ocr->pages = pages;
	ocr->api = TessBaseAPICreate();
	/* tesseract's notes (the resolution it guessed, diacritics found)
	 * must not reach a terminal that curses may own. */
	if (ocr->api)
		TessBaseAPISetVariable(ocr->api, "debug_file", "/dev/null");
	if (!ocr->api || TessBaseAPIInit3(ocr->api, NULL, OCR_LANGUAGE) != 0) {
		pdf_ocr_close(ocr);
		return error_set(error,
				 _("tesseract's Chinese data (%s) is not installed: apt install "
				   "tesseract-ocr-chi-sim"),
				 OCR_LANGUAGE);
	}
	TessBaseAPISetPageSegMode(ocr->api, PSM_AUTO);
	ocr->monitor = TessMonitorCreate();
	TessMonitorSetCancelFunc(ocr->monitor, cancelled);
	TessMonitorSetCancelThis(ocr->monitor, ocr);
	*result = ocr;
	return 0;
}

void pdf_ocr_close(struct pdf_ocr *ocr)
{
	if (!ocr)
		return;
	if (ocr->monitor)
		TessMonitorDelete(ocr->monitor);
	if (ocr->api) {
		TessBaseAPIEnd(ocr->api);
		TessBaseAPIDelete(ocr->api);
	}
	free(ocr->title);
	free(ocr);
	tell_end();
}

const char *pdf_ocr_title(const struct pdf_ocr *ocr)
{
	return ocr ? ocr->title : NULL;
}

/* The page in grey, one byte a pixel, at `dpi` (lowered for a page of
 * more than OCR_MAX_PIXELS); NULL when it cannot be drawn. */
static unsigned char *render(PopplerPage *page, double *dpi, int *width, int *height)
{
	double points_wide = 0, points_high = 0;
	poppler_page_get_size(page, &points_wide, &points_high);
	double scale = OCR_DPI / 72.0;
	double pixels = points_wide * scale * points_high * scale;
	if (!(pixels > 0) || !isfinite(pixels))
		return NULL;
	if (pixels > OCR_MAX_PIXELS)
		scale *= sqrt(OCR_MAX_PIXELS / pixels);
	*width = (int)ceil(points_wide * scale);
	*height = (int)ceil(points_high * scale);
	if (*width <= 0 || *height <= 0 || *width > 32767 || *height > 32767)
		return NULL;
	*dpi = scale * 72.0;
	cairo_surface_t *surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, *width, *height);
	if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
		cairo_surface_destroy(surface);
		return NULL;
	}
	cairo_t *cairo = cairo_create(surface);
	cairo_set_source_rgb(cairo, 1, 1, 1);
	cairo_paint(cairo);
	cairo_scale(cairo, scale, scale);
	poppler_page_render(page, cairo);
	cairo_destroy(cairo);
	cairo_surface_flush(surface);
	const unsigned char *data = cairo_image_surface_get_data(surface);
	int stride = cairo_image_surface_get_stride(surface);
	unsigned char *grey = xmalloc((size_t)*width * (size_t)*height);
	for (int y = 0; y < *height; y++) {
		const uint32_t *row =
		    (const uint32_t *)(const void *)(data + (size_t)y * (size_t)stride);
		unsigned char *out = grey + (size_t)y * (size_t)*width;
		for (int x = 0; x < *width; x++) {
			uint32_t pixel = row[x];
			unsigned red = pixel >> 16 & 0xFF, green = pixel >> 8 & 0xFF,
				 blue = pixel & 0xFF;
			out[x] = (unsigned char)((red * 299 + green * 587 + blue * 114) / 1000);
		}
	}
	cairo_surface_destroy(surface);
	return grey;
}

/* The words tesseract found on a text line; their texts are offsets in
 * `texts` until the line is handed on. */
struct word_list {
	struct ocr_word *words;
	size_t count, capacity;
	struct buffer texts;
};

static void hand_on(struct word_list *list, int index, double dpi, struct buffer *text,
		    struct pdf_line **lines, size_t *count, size_t *capacity)
{
	if (!list->count)
		return;
	for (size_t i = 0; i < list->count; i++)
		list->words[i].text = list->texts.data + (uintptr_t)list->words[i].text;
	pdf_ocr_words_lines(list->words, list->count, index, dpi, text, lines, count, capacity);
	list->count = 0;
	list->texts.length = 0;
}

/* The recognised page as lines: the characters gathered a word at a
 * time (a stray mark inside a word, `”商品`, left out), the words a
 * text line at a time. */
static void collect_lines(struct pdf_ocr *ocr, int index, double dpi, struct buffer *text,
			  struct pdf_line **lines, size_t *count, size_t *capacity)
{
	TessResultIterator *iterator = TessBaseAPIGetIterator(ocr->api);
	if (!iterator)
		return;
	const TessPageIterator *page = TessResultIteratorGetPageIteratorConst(iterator);
	struct word_list list = {0};
	int in_word = 0;
	do {
		if (TessPageIteratorIsAtBeginningOf(page, RIL_TEXTLINE))
			hand_on(&list, index, dpi, text, lines, count, capacity);
		if (TessPageIteratorIsAtBeginningOf(page, RIL_WORD)) {
			int left, top, right, bottom;
			in_word = TessPageIteratorBoundingBox(page, RIL_WORD, &left, &top, &right,
							      &bottom);
			if (in_word) {
				list.words = xgrow(list.words, &list.capacity, list.count + 1,
						   sizeof *list.words);
				list.words[list.count++] = (struct ocr_word){
				    (const char *)(uintptr_t)list.texts.length,
				    0,
				    left,
				    top,
				    right,
				    bottom,
				    TessResultIteratorConfidence(iterator, RIL_WORD)};
			}
		}
		char *symbol = TessResultIteratorGetUTF8Text(iterator, RIL_SYMBOL);
		if (in_word && symbol &&
		    !pdf_ocr_words_speck(symbol, strlen(symbol),
					 TessResultIteratorConfidence(iterator, RIL_SYMBOL))) {
			buffer_append_string(&list.texts, symbol);
			list.words[list.count - 1].length += strlen(symbol);
		}
		if (symbol)
			TessDeleteText(symbol);
	} while (TessResultIteratorNext(iterator, RIL_SYMBOL));
	hand_on(&list, index, dpi, text, lines, count, capacity);
	free(list.words);
	buffer_free(&list.texts);
	TessResultIteratorDelete(iterator);
}

int pdf_ocr_page(struct pdf_ocr *ocr, PopplerPage *page, int index, struct pdf_line **lines,
		 size_t *count, size_t *capacity, char **text, struct error *error)
{
	*text = NULL;
	ocr->page = index;
	if (configured.progress && configured.progress(configured.context, index, ocr->pages, 0))
		ocr->stopped = 1;
	if (ocr->stopped)
		return error_set(error, _("stopped"));
	double started = seconds_now(), dpi;
	int width, height;
	unsigned char *grey = render(page, &dpi, &width, &height);
	if (!grey)
		return error_set(error, _("page %d of the scanned PDF cannot be drawn for OCR"),
				 index + 1);
	fewer_threads_when_busy();
	TessBaseAPISetImage(ocr->api, grey, width, height, 1, width);
	TessBaseAPISetSourceResolution(ocr->api, (int)(dpi + 0.5));
	TessMonitorSetDeadlineMSecs(ocr->monitor, OCR_PAGE_SECONDS * 1000);
	int recognised = TessBaseAPIRecognize(ocr->api, ocr->monitor);
	free(grey);
	int status = 0;
	if (ocr->stopped)
		status = error_set(error, _("stopped"));
	else if (seconds_now() - started > OCR_PAGE_SECONDS)
		status = error_set(error, _("OCR of page %d took over %d s; stopped"), index + 1,
				   OCR_PAGE_SECONDS);
	else if (recognised != 0)
		status = error_set(error, _("OCR failed on page %d"), index + 1);
	if (status == 0) {
		struct buffer page_text = {0};
		size_t first = *count;
		collect_lines(ocr, index, dpi, &page_text, lines, count, capacity);
		if (page_text.length) {
			*text = g_strndup(page_text.data, page_text.length);
			pdf_ocr_words_fix(*lines + first, *count - first, *text);
			double points_wide = 0, points_high = 0;
			poppler_page_get_size(page, &points_wide, &points_high);
			char *head;
			*count = first + pdf_ocr_words_furniture(*lines + first, *count - first,
								 points_high, index == 0, &head);
			if (index == 0 && !ocr->title)
				ocr->title = head;
			else
				free(head);
		}
		buffer_free(&page_text);
	}
	TessBaseAPIClear(ocr->api);
	return status;
}

#else /* built without libtesseract */

struct pdf_ocr {
	int unused;
};

int pdf_ocr_open(int pages, struct pdf_ocr **ocr, struct error *error)
{
	(void)pages;
	*ocr = NULL;
	return error_set(error, "%s", pdf_ocr_missing());
}

int pdf_ocr_page(struct pdf_ocr *ocr, PopplerPage *page, int index, struct pdf_line **lines,
		 size_t *count, size_t *capacity, char **text, struct error *error)
{
	(void)ocr, (void)page, (void)index, (void)lines, (void)count, (void)capacity;
	*text = NULL;
	return error_set(error, "%s", pdf_ocr_missing());
}

void pdf_ocr_close(struct pdf_ocr *ocr)
{
	(void)ocr;
	tell_end();
}

const char *pdf_ocr_title(const struct pdf_ocr *ocr)
{
	(void)ocr;
	return NULL;
}

#endif
