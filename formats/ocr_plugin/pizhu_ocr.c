/* pizhu_ocr.c — pizhu-ocr.so, the OCR plugin (formats/ocr_plugin.h):
 * draws a PDF page with poppler and cairo into a grey pixel buffer in
 * memory and reads it with libtesseract, handing back its characters
 * with their words' boxes. What the characters make (lines, page
 * furniture) is decided in pizhu itself (formats/pdf_ocr_words.h).
 *
 * Built on its own (the Makefile, with -z defs): it may use nothing of
 * pizhu's, so it needs no symbol of the program that loads it. */
#include <cairo.h>
#include <dlfcn.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <tesseract/capi.h>
#include <time.h>

#include "formats/ocr_plugin.h"

struct engine {
	TessBaseAPI *api;
	ETEXT_DESC *monitor;
	void (*set_dynamic)(int); /* OpenMP's omp_set_dynamic, when tesseract uses it */
	const struct ocr_plugin_request *request; /* of the page being read */
	int stopped;
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
 * threads then. Found at run time among this plugin's libraries (it is
 * loaded locally, out of RTLD_DEFAULT's sight), as a tesseract built
 * without OpenMP has none. */
static void (*find_set_dynamic(void))(int)
{
	void (*set_dynamic)(int) = NULL;
	Dl_info self;
	if (!dladdr((void *)(uintptr_t)find_set_dynamic, &self) || !self.dli_fname)
		return NULL;
	void *plugin = dlopen(self.dli_fname, RTLD_LAZY | RTLD_NOLOAD);
	if (!plugin)
		return NULL;
	/* dlsym gives an object pointer; POSIX makes it a function's. */
	*(void **)&set_dynamic = dlsym(plugin, "omp_set_dynamic");
	dlclose(plugin); /* only the count NOLOAD added */
	return set_dynamic;
}

static void engine_close(void *handle)
{
	struct engine *engine = handle;
	if (!engine)
		return;
	if (engine->monitor)
		TessMonitorDelete(engine->monitor);
	if (engine->api) {
		TessBaseAPIEnd(engine->api);
		TessBaseAPIDelete(engine->api);
	}
	free(engine);
}

/* tesseract asks this between words whether to give up; it is also where
 * the progress is told. */
static bool cancelled(void *context, int words)
{
	(void)words;
	struct engine *engine = context;
	const struct ocr_plugin_request *request = engine->request;
	if (!engine->stopped && request && request->progress &&
	    request->progress(request->context, TessMonitorGetProgress(engine->monitor)))
		engine->stopped = 1;
	return engine->stopped;
}

static void *engine_open(const char *language)
{
	struct engine *engine = calloc(1, sizeof *engine);
	if (!engine)
		return NULL;
	engine->api = TessBaseAPICreate();
	/* tesseract's notes (the resolution it guessed, diacritics found)
	 * must not reach a terminal that curses may own. */
	if (engine->api)
		TessBaseAPISetVariable(engine->api, "debug_file", "/dev/null");
	if (!engine->api || TessBaseAPIInit3(engine->api, NULL, language) != 0) {
		engine_close(engine);
		return NULL;
	}
	TessBaseAPISetPageSegMode(engine->api, PSM_AUTO);
	engine->monitor = TessMonitorCreate();
	TessMonitorSetCancelFunc(engine->monitor, cancelled);
	TessMonitorSetCancelThis(engine->monitor, engine);
	engine->set_dynamic = find_set_dynamic();
	return engine;
}

/* The page in grey, one byte a pixel, at the request's dpi (lowered for
 * a page of more than its max_pixels); NULL when it cannot be drawn. */
static unsigned char *render(PopplerPage *page, const struct ocr_plugin_request *request,
			     struct ocr_plugin_page *result, int *width, int *height)
{
	poppler_page_get_size(page, &result->width, &result->height);
	double scale = request->dpi / 72.0;
	double pixels = result->width * scale * result->height * scale;
	if (!(pixels > 0) || !isfinite(pixels))
		return NULL;
	if (pixels > request->max_pixels)
		scale *= sqrt(request->max_pixels / pixels);
	*width = (int)ceil(result->width * scale);
	*height = (int)ceil(result->height * scale);
	if (*width <= 0 || *height <= 0 || *width > 32767 || *height > 32767)
		return NULL;
	result->dpi = scale * 72.0;
	cairo_surface_t *surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, *width, *height);
	unsigned char *grey = malloc((size_t)*width * (size_t)*height);
	if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS || !grey) {
		cairo_surface_destroy(surface);
		free(grey);
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

/* Appends one character to the page; 0, or -1 when memory runs out. */
static int append(struct ocr_plugin_page *page, size_t *capacity, size_t *texts_capacity,
		  const struct ocr_plugin_symbol *symbol, const char *text)
{
	if (page->count == *capacity) {
		size_t grown = *capacity ? *capacity * 2 : 256;
		void *symbols = realloc(page->symbols, grown * sizeof *page->symbols);
		if (!symbols)
			return -1;
		page->symbols = symbols;
		*capacity = grown;
	}
	size_t used = page->count ? page->symbols[page->count - 1].text +
					page->symbols[page->count - 1].length
				  : 0;
	if (used + symbol->length + 1 > *texts_capacity) {
		size_t grown = (*texts_capacity ? *texts_capacity * 2 : 1024) + symbol->length;
		char *texts = realloc(page->texts, grown);
		if (!texts)
			return -1;
		page->texts = texts;
		*texts_capacity = grown;
	}
	memcpy(page->texts + used, text, symbol->length);
	page->texts[used + symbol->length] = '\0';
	page->symbols[page->count] = *symbol;
	page->symbols[page->count++].text = used;
	return 0;
}

/* The recognised page, a character at a time, with the boxes of the
 * words and where the text lines begin; 0, or -1 when memory runs out. */
static int collect(struct engine *engine, struct ocr_plugin_page *result)
{
	TessResultIterator *iterator = TessBaseAPIGetIterator(engine->api);
	if (!iterator)
		return 0;
	const TessPageIterator *page = TessResultIteratorGetPageIteratorConst(iterator);
	size_t capacity = 0, texts_capacity = 0;
	int status = 0;
	do {
		struct ocr_plugin_symbol symbol = {0};
		symbol.starts_line = TessPageIteratorIsAtBeginningOf(page, RIL_TEXTLINE);
		symbol.starts_word = TessPageIteratorIsAtBeginningOf(page, RIL_WORD);
		if (symbol.starts_word) {
			symbol.word_boxed =
			    TessPageIteratorBoundingBox(page, RIL_WORD, &symbol.left, &symbol.top,
							&symbol.right, &symbol.bottom);
			symbol.word_confidence = TessResultIteratorConfidence(iterator, RIL_WORD);
		}
		char *text = TessResultIteratorGetUTF8Text(iterator, RIL_SYMBOL);
		symbol.length = text ? strlen(text) : 0;
		symbol.confidence = TessResultIteratorConfidence(iterator, RIL_SYMBOL);
		status = append(result, &capacity, &texts_capacity, &symbol, text ? text : "");
		if (text)
			TessDeleteText(text);
	} while (status == 0 && TessResultIteratorNext(iterator, RIL_SYMBOL));
	TessResultIteratorDelete(iterator);
	return status;
}

static enum ocr_plugin_status read_page(void *handle, PopplerPage *page,
					const struct ocr_plugin_request *request,
					struct ocr_plugin_page *result)
{
	struct engine *engine = handle;
	memset(result, 0, sizeof *result);
	engine->request = request;
	engine->stopped = 0;
	double started = seconds_now();
	int width, height;
	unsigned char *grey = render(page, request, result, &width, &height);
	if (!grey)
		return OCR_PLUGIN_NOT_DRAWN;
	if (engine->set_dynamic)
		engine->set_dynamic(1); /* for the thread that calls tesseract */
	TessBaseAPISetImage(engine->api, grey, width, height, 1, width);
	TessBaseAPISetSourceResolution(engine->api, (int)(result->dpi + 0.5));
	TessMonitorSetDeadlineMSecs(engine->monitor, request->seconds * 1000);
	int recognised = TessBaseAPIRecognize(engine->api, engine->monitor);
	free(grey);
	enum ocr_plugin_status status = OCR_PLUGIN_DONE;
	if (engine->stopped)
		status = OCR_PLUGIN_STOPPED;
	else if (seconds_now() - started > request->seconds)
		status = OCR_PLUGIN_TOO_LONG;
	else if (recognised != 0 || collect(engine, result) != 0)
		status = OCR_PLUGIN_FAILED;
	TessBaseAPIClear(engine->api);
	engine->request = NULL;
	return status;
}

static void free_page(struct ocr_plugin_page *page)
{
	free(page->symbols);
	free(page->texts);
	memset(page, 0, sizeof *page);
}

/* The one symbol pizhu looks up. */
extern const struct ocr_plugin OCR_PLUGIN_SYMBOL;
const struct ocr_plugin OCR_PLUGIN_SYMBOL = {engine_open, read_page, free_page, engine_close};
