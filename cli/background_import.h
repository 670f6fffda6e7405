/* background_import.h — importing a large speech on a thread of its own
 * while the reader already shows it, so the first screen does not wait
 * for the library. The thread has its own database connection; the import
 * is one transaction, so cancelling it leaves the library as it was. */
#ifndef PIZHU_CLI_BACKGROUND_IMPORT_H
#define PIZHU_CLI_BACKGROUND_IMPORT_H

#include <stddef.h>
#include <stdint.h>

#include "base/error.h"
#include "speech/speech.h"

struct background_import;

/* Starts importing bytes (read from source_path, parsed into speech) into
 * the library at database_path. Takes ownership of bytes; speech must
 * outlive the import. */
int background_import_start(const char *database_path, const char *source_path,
			    unsigned char *bytes, size_t length, const struct speech *speech,
			    struct background_import **import, struct error *error);

/* 0 while running; 1 when done, with the speech's id; -1 when it failed. */
int background_import_poll(void *import, int64_t *id, struct error *error);

/* Waits for the import to end, cancelling it first when `cancel`, and
 * frees it. */
void background_import_finish(struct background_import *import, int cancel);

#endif
