#include "formats/pdf_ocr.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "base/buffer.h"
#include "base/file.h"
#include "base/i18n.h"
#include "build/gen/ocr.h" /* PIZHU_OCR: whether the plugin was built */
#include "formats/ocr_plugin.h"
#include "formats/pdf_ocr_words.h"

#ifndef PIZHU_LIBDIR
#define PIZHU_LIBDIR "/usr/local/lib/pizhu"
#endif

static struct pdf_ocr_options configured;

void pdf_ocr_configure(const struct pdf_ocr_options *options)
{
	configured = *options;
}

int pdf_ocr_enabled(void)
{
	return configured.enabled;
}

/* Where the plugin is, into *path: beside the program first, as it is
 * built (F/build for ./pizhu in the source tree, F for build/check/pizhu,
 * F/.. for build/valgrind/pizhu and the unit tests in build/check/tests,
 * F being the program's folder), then where make install puts it.
 * 0, or -1 when it is in none of them. */
static int plugin_path(struct buffer *path)
{
	if (!PIZHU_OCR)
		return -1;
	char folder[4096];
	file_program_folder(folder, sizeof folder);
	static const char *const beside[] = {"/build/", "/", "/../"};
	for (size_t i = 0; folder[0] && i < sizeof beside / sizeof beside[0]; i++) {
		path->length = 0;
		buffer_printf(path, "%s%s" OCR_PLUGIN_FILE, folder, beside[i]);
		if (access(path->data, F_OK) == 0)
			return 0;
	}
	path->length = 0;
	buffer_printf(path, PIZHU_LIBDIR "/" OCR_PLUGIN_FILE);
	return access(path->data, F_OK) == 0 ? 0 : -1;
}

int pdf_ocr_built(void)
{
	struct buffer path = {0};
	int found = plugin_path(&path) == 0;
	buffer_free(&path);
	return found;
}

const char *pdf_ocr_missing(void)
{
	if (!PIZHU_OCR)
		return _("this pizhu was built without OCR: apt install tesseract-ocr-chi-sim "
			 "libtesseract-dev, then build pizhu again (make clean all)");
	return _("pizhu's OCR plugin (pizhu-ocr.so) is not installed: install pizhu again "
		 "(make install)");
}

/* The plugin, loaded by the first OCR and kept for good; NULL when it is
 * missing or cannot be loaded, and then why in load_failure ("" when it
 * is missing). */
static const struct ocr_plugin *plugin;
static char load_failure[512];
static pthread_once_t load_once = PTHREAD_ONCE_INIT;

static void load_plugin(void)
{
	struct buffer path = {0};
	if (plugin_path(&path) == 0) {
		/* Local: nothing of tesseract's may take the place of a
		 * symbol of pizhu's or its other libraries. */
		void *library = dlopen(path.data, RTLD_NOW | RTLD_LOCAL);
		if (!library) {
			snprintf(load_failure, sizeof load_failure, "%s", dlerror());
		} else {
			plugin = dlsym(library, OCR_PLUGIN_NAME(OCR_PLUGIN_SYMBOL));
			if (!plugin) {
				snprintf(load_failure, sizeof load_failure,
					 "%s: no " OCR_PLUGIN_NAME(OCR_PLUGIN_SYMBOL), path.data);
				dlclose(library);
			}
		}
	}
	buffer_free(&path);
}

/* The end of the reading, told once whatever happened. */
static void tell_end(void)
{
	if (configured.progress)
		configured.progress(configured.context, 0, 0, 100);
}

struct pdf_ocr {
	void *engine; /* the plugin's */
	int pages;
	int page;    /* the one being read */
	int stopped; /* the progress callback said stop */
	char *title; /* the first page's running head */
};

int pdf_ocr_open(int pages, struct pdf_ocr **result, struct error *error)
{
	*result = NULL;
	pthread_once(&load_once, load_plugin);
	int status = 0;
	void *engine = NULL;
	if (!plugin && load_failure[0])
		status = error_set(error, _("the OCR plugin cannot be loaded: %s"), load_failure);
	else if (!plugin)
		status = error_set(error, "%s", pdf_ocr_missing());
	else if (!(engine = plugin->open(OCR_LANGUAGE)))
		status = error_set(error,
				   _("tesseract's Chinese data (%s) is not installed: apt install "
				     "tesseract-ocr-chi-sim"),
				   OCR_LANGUAGE);
	if (status != 0) {
		tell_end();
		return status;
	}
	struct pdf_ocr *ocr = xcalloc(1, sizeof *ocr);
	ocr->engine = engine;
	ocr->pages = pages;
	*result = ocr;
	return 0;
}

void pdf_ocr_close(struct pdf_ocr *ocr)
{
	if (!ocr)
		return;
	plugin->close(ocr->engine);
	free(ocr->title);
	free(ocr);
	tell_end();
}

const char *pdf_ocr_title(const struct pdf_ocr *ocr)
{
	return ocr ? ocr->title : NULL;
}

/* The calling thread's own stop (pdf_ocr_thread_stop). */
static _Thread_local int (*thread_stopped)(void *context);
static _Thread_local void *thread_stop_context;

void pdf_ocr_thread_stop(int (*stopped)(void *context), void *context)
{
	thread_stopped = stopped;
	thread_stop_context = context;
}

/* Tells the progress of the page being read; nonzero to stop. */
static int told(void *context, int percent)
{
	struct pdf_ocr *ocr = context;
	if (!ocr->stopped && thread_stopped && thread_stopped(thread_stop_context))
		ocr->stopped = 1;
	if (!ocr->stopped && configured.progress &&
	    configured.progress(configured.context, ocr->page, ocr->pages, percent))
		ocr->stopped = 1;
	return ocr->stopped;
}

/* The words of a text line; their texts are offsets in `texts` until the
 * line is handed on. */
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

/* The page read as lines: the characters gathered a word at a time (a
 * stray mark inside a word, `”商品`, left out), the words a text line at
 * a time. */
static void collect_lines(const struct ocr_plugin_page *read, int index, struct buffer *text,
			  struct pdf_line **lines, size_t *count, size_t *capacity)
{
	struct word_list list = {0};
	int in_word = 0;
	for (size_t i = 0; i < read->count; i++) {
		const struct ocr_plugin_symbol *symbol = &read->symbols[i];
		if (symbol->starts_line)
			hand_on(&list, index, read->dpi, text, lines, count, capacity);
		if (symbol->starts_word) {
			in_word = symbol->word_boxed;
			if (in_word) {
				list.words = xgrow(list.words, &list.capacity, list.count + 1,
						   sizeof *list.words);
				list.words[list.count++] =
				    (struct ocr_word){(const char *)(uintptr_t)list.texts.length,
						      0,
						      symbol->left,
						      symbol->top,
						      symbol->right,
						      symbol->bottom,
						      symbol->word_confidence};
			}
		}
		const char *characters = read->texts + symbol->text;
		if (in_word && symbol->length &&
		    !pdf_ocr_words_speck(characters, symbol->length, symbol->confidence)) {
			buffer_append(&list.texts, characters, symbol->length);
			list.words[list.count - 1].length += symbol->length;
		}
	}
	hand_on(&list, index, read->dpi, text, lines, count, capacity);
	free(list.words);
	buffer_free(&list.texts);
}

int pdf_ocr_page(struct pdf_ocr *ocr, PopplerPage *page, int index, struct pdf_line **lines,
		 size_t *count, size_t *capacity, char **text, struct error *error)
{
	*text = NULL;
	ocr->page = index;
	if (told(ocr, 0))
		return error_set(error, _("stopped"));
	struct ocr_plugin_request request = {OCR_DPI, OCR_MAX_PIXELS, OCR_PAGE_SECONDS, told, ocr};
	struct ocr_plugin_page read;
	int status = 0;
	switch (plugin->read_page(ocr->engine, page, &request, &read)) {
	case OCR_PLUGIN_DONE:
		break;
	case OCR_PLUGIN_STOPPED:
		status = error_set(error, _("stopped"));
		break;
	case OCR_PLUGIN_NOT_DRAWN:
		status = error_set(error, _("page %d of the scanned PDF cannot be drawn for OCR"),
				   index + 1);
		break;
	case OCR_PLUGIN_TOO_LONG:
		status = error_set(error, _("OCR of page %d took over %d s; stopped"), index + 1,
				   OCR_PAGE_SECONDS);
		break;
	default:
		status = error_set(error, _("OCR failed on page %d"), index + 1);
		break;
	}
	if (status == 0) {
		struct buffer page_text = {0};
		size_t first = *count;
		collect_lines(&read, index, &page_text, lines, count, capacity);
		if (page_text.length) {
			*text = g_strndup(page_text.data, page_text.length);
			pdf_ocr_words_fix(*lines + first, *count - first, *text);
			char *head;
			*count = first + pdf_ocr_words_furniture(*lines + first, *count - first,
								 read.height, index == 0, &head);
			if (index == 0 && !ocr->title)
				ocr->title = head;
			else
				free(head);
		}
		buffer_free(&page_text);
	}
	plugin->free_page(&read);
	return status;
}
