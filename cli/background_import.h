/* background_import.h — reading a large speech on a thread of its own
 * while the reader already shows its beginning, so the first screen waits
 * neither for the rest of the file nor for the library. The thread parses
 * the whole text (the reader then takes that speech in place of its
 * beginning), looks the content up in the library and imports it if it is
 * new, on a database connection of its own. The import is one
 * transaction, so cancelling it leaves the library as it was. */
#ifndef PIZHU_CLI_BACKGROUND_IMPORT_H
#define PIZHU_CLI_BACKGROUND_IMPORT_H

#include <stddef.h>
#include <stdint.h>

#include "base/error.h"
#include "speech/speech.h"

struct background_import;

/* Starts on the file at path (recorded as source_path, absolute or NULL,
 * and titled `fallback_title` when the text has none) for the library at
 * database_path. */
int background_import_start(const char *database_path, const char *path, const char *source_path,
			    const char *fallback_title, struct background_import **import,
			    struct error *error);

/* The whole speech once the thread has parsed it, else NULL. It lives
 * until background_import_finish. */
const struct speech *background_import_speech(void *import);

/* The reader has opened the library: the thread may now take the write
 * lock for the import (it reads, hashes and parses meanwhile). Until this
 * is called, or the import is cancelled, the import waits. */
void background_import_library_opened(void *import);

/* 0 while running; 1 when the speech is in the library, with its id; -1
 * when it failed. */
int background_import_poll(void *import, int64_t *id, struct error *error);

/* Waits for the thread to end, cancelling the import first when `cancel`,
 * and frees everything, the speech included. */
void background_import_finish(struct background_import *import, int cancel);

#endif
