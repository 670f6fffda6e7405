/* ocr_plugin.h — the contract of pizhu's OCR plugin, pizhu-ocr.so.
 *
 * OCR needs libtesseract, cairo and poppler's page drawing: with their
 * libraries linked, every pizhu process paid for loading them at start,
 * OCR or not (docs/performance.md). So the part of OCR that calls them
 * is a plugin (formats/ocr_plugin/pizhu_ocr.c), built beside pizhu and
 * installed in $(PREFIX)/lib/pizhu, which formats/pdf_ocr.c loads with
 * dlopen when a scanned page is first read by OCR.
 *
 * The plugin exports one symbol, OCR_PLUGIN_SYMBOL: a struct ocr_plugin.
 * It uses nothing of pizhu's (no base/, no _(): it reports a status,
 * which pdf_ocr.c words), only libc, tesseract, cairo and poppler-glib.
 * poppler-glib is already loaded then (formats/poppler_loader.c) under
 * the same soname, so the plugin's link to it is that same instance and
 * a PopplerPage passes between them as it is. Memory the plugin hands
 * back is its own to free (free_page). The symbol's name carries the
 * version of this contract: a change below changes it, so that a stale
 * plugin is refused rather than misread. */
#ifndef PIZHU_FORMATS_OCR_PLUGIN_H
#define PIZHU_FORMATS_OCR_PLUGIN_H

#include <poppler.h>
#include <stddef.h>

#define OCR_PLUGIN_FILE	  "pizhu-ocr.so"
#define OCR_PLUGIN_SYMBOL pizhu_ocr_plugin_1
/* The symbol's name as a string, for dlsym. */
#define OCR_PLUGIN_QUOTE(name) #name
#define OCR_PLUGIN_NAME(name)  OCR_PLUGIN_QUOTE(name)

enum ocr_plugin_status {
	OCR_PLUGIN_DONE,
	OCR_PLUGIN_NO_LANGUAGE, /* tesseract or its data for the language is missing */
	OCR_PLUGIN_NOT_DRAWN,	/* the page cannot be drawn (size, memory) */
	OCR_PLUGIN_STOPPED,	/* the progress callback said stop */
	OCR_PLUGIN_TOO_LONG,	/* the page took over its seconds */
	OCR_PLUGIN_FAILED,	/* tesseract failed, or memory ran out */
};

/* What to read a page with. */
struct ocr_plugin_request {
	double dpi;	   /* the resolution to draw the page at… */
	double max_pixels; /* …lowered so the page has at most this many */
	int seconds;	   /* the bound of one page */
	/* Told the percent done several times a second; returns nonzero to
	 * stop. Called on the thread that called read_page. */
	int (*progress)(void *context, int percent);
	void *context;
};

/* One character tesseract read, in reading order, with what it begins. */
struct ocr_plugin_symbol {
	int starts_line;	      /* the first of a text line */
	int starts_word;	      /* the first of a word; then the fields below are set */
	int word_boxed;		      /* the word has a box (tesseract may give none) */
	int left, top, right, bottom; /* the word's box in pixels, y downwards */
	float word_confidence;	      /* 0 to 100 */
	float confidence;	      /* the character's */
	size_t text, length;	      /* its UTF-8: offset and length in texts */
};

/* A page read. */
struct ocr_plugin_page {
	struct ocr_plugin_symbol *symbols;
	size_t count;
	char *texts;	      /* the symbols' texts, one after another */
	double dpi;	      /* what the page was drawn at */
	double width, height; /* the page's size in points */
};

struct ocr_plugin {
	/* A tesseract for `language` (its traineddata name), its notes sent
	 * nowhere; NULL when it cannot be loaded (OCR_PLUGIN_NO_LANGUAGE). */
	void *(*open)(const char *language);
	/* Draws `page` and reads it into *result (zeroed first; freed with
	 * free_page whatever the status). */
	enum ocr_plugin_status (*read_page)(void *engine, PopplerPage *page,
					    const struct ocr_plugin_request *request,
					    struct ocr_plugin_page *result);
	void (*free_page)(struct ocr_plugin_page *page);
	void (*close)(void *engine); /* NULL is fine */
};

#endif
