/* removal.h — taking speeches out of the library, undoably until pizhu
 * exits.
 *
 * Removing a speech removes all its versions at once. First its tags,
 * notes and corrections are written to a recovery file (recovery.h); then
 * its rows are marked removed, and from that moment no listing, search,
 * tag count, suggestion or undo step sees them. The rows themselves stay
 * until the connection that removed them closes (store_close purges
 * them), so within one session store_document_restore brings a speech
 * back whole: text, tags, notes, corrections, history and reading
 * position. A pizhu that died before purging leaves its removed rows
 * marked; the next store_open purges them
 * once that process has ended.
 *
 * Importing the same file again while its speech is removed makes a new
 * speech: the removed one lets go of its path and content, and a restore
 * brings it back beside the new one. */
#ifndef PIZHU_STORE_REMOVAL_H
#define PIZHU_STORE_REMOVAL_H

#include <stddef.h>
#include <stdint.h>

#include "store/store.h"

/* Tags and notes on the speech, over all its versions (orphans included):
 * what a confirmation should mention. */
int store_document_annotation_counts(struct store *store, int64_t id, size_t *tags, size_t *notes,
				     struct error *error);

/* Removes speech id (any of its versions names it) in one transaction.
 * When it has tags, notes or corrections, they are first written to a
 * new file in
 * recovery_directory (NULL: store_recovery_directory()), whose path is
 * returned in *recovery_path (a new string); else *recovery_path is NULL.
 * Fails for an unknown or already removed speech. */
int store_document_remove(struct store *store, int64_t id, const char *recovery_directory,
			  char **recovery_path, struct error *error);

/* Undoes the removal of speech id (all its versions). Fails when it is
 * not removed, or was purged. */
int store_document_restore(struct store *store, int64_t id, struct error *error);

/* Deletes for good what this process removed; *purged (may be NULL)
 * counts the versions deleted. store_close does this too, ignoring
 * failures; call it first to report them. */
int store_purge_removed(struct store *store, size_t *purged, struct error *error);

#endif
