/* import_paths.h — importing many files and whole directories, reporting
 * progress: pizhu import and the library view's i both use it, each
 * drawing progress its own way. Knows nothing of terminals.
 *
 * A directory is walked recursively in sorted order (by byte order of the
 * names, per directory) for files of the formats pizhu reads, by their
 * names (FORMAT_EXTENSIONS in formats/read.h, any case); other files are
 * skipped and told, hidden entries and symbolic links to directories are
 * skipped silently. Each file's format is then decided by its content
 * (speech/source.h). A file named directly is
 * imported whatever its name. Files are imported in batches, a
 * transaction each (fewer commits, much less FTS5 work: see
 * store_import_pace); each file is told (imported, failed, warning) once
 * its batch is committed, so a crash or a kill loses at most the batch
 * not yet told, never part of a speech. A
 * file that fails is reported and the others go on: when the store fails
 * during a batch, the batch is rolled back and imported again a file per
 * transaction, so nothing of a failed file is kept. The progress callback
 * then sees the batch's files again. */
#ifndef PIZHU_STORE_IMPORT_PATHS_H
#define PIZHU_STORE_IMPORT_PATHS_H

#include <stddef.h>
#include <stdint.h>

#include "store/document.h"
#include "store/store.h"

/* How long an import holds the library's write lock at a time: another
 * pizhu that saves a tag meanwhile waits for the batch's commit. */
enum store_import_pace {
	/* pizhu import: batches of 16 MB (≈3 s a commit), whose search
	 * terms go out as a few large index segments, not many small ones
	 * that FTS5 merges again and again as the library grows; ≈40 MB of
	 * memory (import_paths.c). */
	STORE_IMPORT_BULK,
	/* Beside a screen (the library view's i): batches of a megabyte
	 * (≈0.2 s), FTS5's own memory for pending terms. */
	STORE_IMPORT_SHARED,
};

struct store_import_progress {
	void *context; /* handed to every callback */
	/* Before each file (path is that file) and once at the end (path
	 * NULL, done == total). Returning nonzero stops before the next file.
	 * May be NULL. */
	int (*progress)(void *context, size_t files_done, size_t files_total, uint64_t bytes_done,
			uint64_t bytes_total, const char *path);
	/* A file in the library: newly, as a new version, or already there
	 * (outcome STORE_IMPORT_UNCHANGED). title is the speech's title. May
	 * be NULL. */
	void (*imported)(void *context, const char *path, const struct store_import_result *result,
			 const char *title);
	/* A file or directory that could not be read or imported, and why. */
	void (*failed)(void *context, const char *path, const char *message);
	/* A file imported with a problem worth telling (damaged bytes). May
	 * be NULL. */
	void (*warning)(void *context, const char *path, const char *message);
	/* A file in a directory left alone, and why (not a speech file by its
	 * name). May be NULL. */
	void (*skipped)(void *context, const char *path, const char *message);
	enum store_import_pace pace; /* not a callback: how the import batches */
};

struct store_import_report {
	size_t files;	     /* files found */
	size_t imported;     /* new speeches */
	size_t new_versions; /* new versions of known speeches */
	size_t unchanged;    /* already in the library */
	size_t failed;	     /* files and directories that failed */
	size_t skipped;	     /* files in directories that are not speech files */
	uint64_t bytes;	     /* bytes of the files found */
	int stopped;	     /* the progress callback asked to stop */
};

/* Imports paths[0..count) (files and directories). Returns 0 when every
 * path was tried, even if some failed (see report->failed); -1 only when
 * the library itself failed (then error says why). */
int store_import_paths(struct store *store, char *const *paths, size_t count,
		       const struct store_import_progress *progress,
		       struct store_import_report *report, struct error *error);

#endif
