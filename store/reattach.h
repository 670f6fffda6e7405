/* reattach.h — moving a speech's annotations to its new version. */
#ifndef PIZHU_STORE_REATTACH_H
#define PIZHU_STORE_REATTACH_H

#include <stddef.h>
#include <stdint.h>

#include "speech/speech.h"
#include "store/store.h"

/* Below this similarity (0..1, the Dice coefficient of character
 * bigrams) a changed paragraph is not taken for the old one. */
#define REATTACH_MIN_SIMILARITY 0.5

/* Moves the tags, notes and events of old_id to new_id, whose speech and
 * paragraph text hashes are given, inside the caller's transaction.
 * Counts the annotated paragraphs moved and those left on old_id. */
int reattach_annotations(struct store *store, int64_t old_id, int64_t new_id,
			 const struct speech *speech, const int64_t *hashes, size_t *reattached,
			 size_t *orphaned, struct error *error);

/* Moves the corrections of old_id (correction.h) and their events to
 * new_id the same way; the title correction always follows. Counts the
 * corrections moved and those left on old_id. */
int reattach_corrections(struct store *store, int64_t old_id, int64_t new_id,
			 const struct speech *speech, const int64_t *hashes, size_t *reattached,
			 size_t *orphaned, struct error *error);

/* Similarity of two texts, 0 (nothing shared) to 1 (same bigrams). */
double text_similarity(const char *a, size_t a_length, const char *b, size_t b_length);

#endif
