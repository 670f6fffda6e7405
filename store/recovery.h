/* recovery.h — a speech's annotations written to a file before the
 * speech leaves the library, so that nothing a user wrote is lost.
 *
 * The file is JSON Lines (UTF-8), one object per annotated or corrected
 * paragraph of any version of the speech:
 *
 *   {"speech":3,"version":3,"title":"…","date":"2026-01-08","speaker":"…",
 *    "occasion":"…","source":"…","source_path":"/…","paragraph":12,
 *    "section":["一、…","（二）…"],"text":"…","themes":["民生"],"note":"…"}
 *
 * and, on a paragraph the user corrected (correct.h), "correction":
 * "heading 2", "body", "front", "back" or, on paragraph 0, "title" with
 * "corrected_title":"…" (the title the user set); null when uncorrected.
 * "speech" is the id removed, "version" the version holding the
 * annotation (an older one for orphans); metadata the speech lacks, and
 * "note" on a paragraph without one, are null. Its name is
 * <id>-<UTC time>-<library>-<random>.jsonl, where <library> is the first
 * 8 hex digits of the SHA-256 of the library's resolved path and <random>
 * 8 random hex digits: the name is reserved by creating it exclusively
 * (O_EXCL), so two removals never share a file, whatever the library and
 * the second. The content goes through base/atomic_file.h (a temporary
 * file, fsync, rename over the reserved name, the directory synced), so
 * the file is never seen half written. */
#ifndef PIZHU_STORE_RECOVERY_H
#define PIZHU_STORE_RECOVERY_H

#include <stdint.h>

#include "store/store.h"

/* $XDG_DATA_HOME/pizhu/recovery, else ~/.local/share/pizhu/recovery; a new
 * string, or NULL with a message when neither variable is set. */
char *store_recovery_directory(struct error *error);

/* Writes the file for speech id into directory (created if missing);
 * *path is a new string. */
int store_recovery_write(struct store *store, int64_t id, const char *directory, char **path,
			 struct error *error);

#endif
