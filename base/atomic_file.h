/* atomic_file.h — writing a file so that readers see either the old file
 * or the whole new one, never a part.
 *
 * The new content goes to a temporary file in the same directory (so the
 * final rename stays on one file system), is flushed to disk, and then
 * renamed over the target. On any failure the temporary file is removed
 * and the target is left as it was. */
#ifndef PIZHU_BASE_ATOMIC_FILE_H
#define PIZHU_BASE_ATOMIC_FILE_H

#include <stdio.h>

#include "base/error.h"

struct atomic_file {
	FILE *stream; /* write the content here */
	char *path;   /* the target (a symbolic link's destination when it is one) */
	char *temporary;
};

/* Creates the temporary file for path. A target that exists must be a
 * regular file; the new file takes its permissions, else the usual ones
 * for a new file (0666 less the umask). Messages name the path. */
int atomic_file_open(const char *path, struct atomic_file *file, struct error *error);

/* Flushes and syncs the content, then renames it over the target. On
 * failure the temporary file is removed. Either way the file is closed. */
int atomic_file_commit(struct atomic_file *file, struct error *error);

/* Drops the new content: closes and removes the temporary file. */
void atomic_file_abort(struct atomic_file *file);

#endif
