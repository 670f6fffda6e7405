#include "cli/background_import.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/buffer.h"
#include "base/i18n.h"
#include "base/thread_priority.h"
#include "formats/pdf_ocr.h"
#include "speech/source.h"
#include "store/document.h"

/* What this connection keeps in memory besides the file: the index's
 * pending terms and SQLite's page cache, of little use to an import that
 * only appends. */
enum { INDEX_MEMORY_BYTES = 256 * 1024, CACHE_BYTES = 256 * 1024 };

struct background_import {
	pthread_t thread;
	char *database_path, *path, *source_path, *fallback_title;
	char *directory; /* the library's, for the text of a large file (speech_file_read) */
	char hash[SHA256_HEX_SIZE]; /* of the file's bytes, which become the speech's text */
	struct speech speech;
	atomic_int parsed; /* speech is complete */
	pthread_mutex_t lock;
	pthread_cond_t changed; /* library_opened or cancelled was set */
	struct store *store;	/* the thread's connection while it imports (lock) */
	int library_opened;	/* background_import_library_opened was called (lock) */
	int cancelled;		/* (lock) */
	atomic_int state;	/* 0 running, 1 done, -1 failed */
	int64_t id;
	struct error error;
};

/* Whether the import was cancelled; waits, when `for_library`, until the
 * reader has opened the library or the import is cancelled. */
static int cancelled(struct background_import *import, int for_library)
{
	pthread_mutex_lock(&import->lock);
	while (for_library && !import->library_opened && !import->cancelled)
		pthread_cond_wait(&import->changed, &import->lock);
	int result = import->cancelled;
	pthread_mutex_unlock(&import->lock);
	return result;
}

/* Finds the content in the library or imports it; 0 with import->id. */
static int put_in_library(struct background_import *import)
{
	if (cancelled(import, 1))
		return error_set(&import->error, _("cancelled"));
	struct store *store;
	if (store_open(import->database_path, STORE_OPEN_CREATE, &store, &import->error) != 0)
		return -1;
	/* The file is in memory already; what the index holds back before
	 * writing it out should add little to it. */
	store_limit_index_memory(store, INDEX_MEMORY_BYTES);
	store_limit_cache(store, CACHE_BYTES);
	int status = 0;
	pthread_mutex_lock(&import->lock);
	if (import->cancelled)
		status = error_set(&import->error, _("cancelled"));
	else
		import->store = store;
	pthread_mutex_unlock(&import->lock);
	if (status == 0) {
		int found = store_find_hash(store, import->hash, &import->id, &import->error);
		struct store_import_result result;
		if (found < 0)
			status = -1;
		else if (found == 0 && (status = store_import_hashed(store, import->source_path,
								     import->hash, &import->speech,
								     &result, &import->error)) == 0)
			import->id = result.id;
		pthread_mutex_lock(&import->lock);
		import->store = NULL;
		pthread_mutex_unlock(&import->lock);
	}
	store_close(store);
	return status;
}

/* Whether the reader called the import off (asked by the OCR of a
 * scanned page between its steps, formats/pdf_ocr.h). */
static int called_off(void *argument)
{
	return cancelled(argument, 0);
}

static void *run(void *argument)
{
	struct background_import *import = argument;
	thread_priority_lower(19); /* the reader's keys first */
	pdf_ocr_thread_stop(called_off, import);
	struct error problem;
	/* Read and hashed, then parsed where it was read: the file is held
	 * once, and a large one in a mapping that keeps little of it in
	 * memory (speech/source.h). */
	struct speech_file file;
	int status = speech_file_read(import->path, import->directory, SPEECH_FILE_MAPPED_BYTES,
				      &file, &problem);
	if (status != 0) {
		error_set(&import->error, "%s: %s", import->path, problem.message);
	} else if (cancelled(import, 0)) {
		status = error_set(&import->error, _("cancelled"));
	} else {
		memcpy(import->hash, file.hash, sizeof import->hash);
		status = speech_file_parse(&file, import->path, import->directory,
					   import->fallback_title, &import->speech, &import->error);
	}
	speech_file_free(&file);
	if (status == 0) {
		atomic_store(&import->parsed, 1);
		status = put_in_library(import);
	}
	atomic_store(&import->state, status == 0 ? 1 : -1);
	return NULL;
}

/* Frees the import once its thread has ended (or never started). */
static void release(struct background_import *import)
{
	pthread_cond_destroy(&import->changed);
	pthread_mutex_destroy(&import->lock);
	if (atomic_load(&import->parsed))
		speech_free(&import->speech);
	free(import->database_path);
	free(import->path);
	free(import->source_path);
	free(import->fallback_title);
	free(import->directory);
	free(import);
}

int background_import_start(const char *database_path, const char *path, const char *source_path,
			    const char *fallback_title, struct background_import **result,
			    struct error *error)
{
	struct background_import *import = xcalloc(1, sizeof *import);
	import->database_path = xstrdup(database_path);
	import->path = xstrdup(path);
	import->source_path = source_path ? xstrdup(source_path) : NULL;
	import->fallback_title = xstrdup(fallback_title);
	const char *slash = strrchr(database_path, '/');
	import->directory =
	    slash ? xstrndup(database_path, (size_t)(slash - database_path + 1)) : xstrdup(".");
	pthread_mutex_init(&import->lock, NULL);
	pthread_cond_init(&import->changed, NULL);
	atomic_init(&import->parsed, 0);
	atomic_init(&import->state, 0);
	if (pthread_create(&import->thread, NULL, run, import) != 0) {
		release(import);
		return error_set(error, _("cannot start the import"));
	}
	*result = import;
	return 0;
}

void background_import_library_opened(void *context)
{
	struct background_import *import = context;
	pthread_mutex_lock(&import->lock);
	import->library_opened = 1;
	pthread_cond_broadcast(&import->changed);
	pthread_mutex_unlock(&import->lock);
}

const struct speech *background_import_speech(void *context)
{
	struct background_import *import = context;
	return atomic_load(&import->parsed) ? &import->speech : NULL;
}

int background_import_poll(void *context, int64_t *id, struct error *error)
{
	struct background_import *import = context;
	int state = atomic_load(&import->state);
	if (state == 1)
		*id = import->id;
	else if (state < 0)
		*error = import->error;
	return state;
}

void background_import_finish(struct background_import *import, int cancel)
{
	if (!import)
		return;
	if (cancel) {
		pthread_mutex_lock(&import->lock);
		import->cancelled = 1;
		pthread_cond_broadcast(&import->changed);
		if (import->store)
			store_interrupt(import->store);
		pthread_mutex_unlock(&import->lock);
	}
	pthread_join(import->thread, NULL);
	release(import);
}
