/* correction.h — the user's corrections of a speech's structure, kept in
 * the library as a layer over what the parser found (speech/correct.h).
 *
 * The parse itself (paragraphs, outline) is never changed: a correction is
 * a row of its own, and store_speech_load applies them (document.h), so
 * every view, export and command sees the corrected structure while
 * store_speech_load_parsed still gives the parser's. Each change is
 * recorded in the event log like tags and notes (history.h): in the open
 * action if there is one, else as an action of its own; undo and redo
 * replay it, and it names the user who made it. A new version of the
 * speech takes the corrections over by paragraph text (store_import). */
#ifndef PIZHU_STORE_CORRECTION_H
#define PIZHU_STORE_CORRECTION_H

#include <stddef.h>
#include <stdint.h>

#include "speech/correct.h"
#include "store/store.h"

/* Sets what paragraph correction->paragraph (1 .. its count) is;
 * CORRECTION_NONE goes back to what the parser found. *changed (may be
 * NULL) is 0 when the paragraph already was so corrected. */
int store_correction_set(struct store *store, int64_t document_id,
			 const struct correction *correction, int *changed, struct error *error);

/* Sets the speech's title (NULL or "" goes back to the parser's title).
 * The library lists the speech under it. */
int store_title_set(struct store *store, int64_t document_id, const char *title, int *changed,
		    struct error *error);

/* The corrections of a speech by paragraph, and its title correction
 * (*title a new string, or NULL for none). */
int store_corrections_get(struct store *store, int64_t document_id, struct correction **corrections,
			  size_t *count, char **title, struct error *error);

/* 1 when a paragraph of the document is corrected (its title alone does
 * not count), 0 when none is, -1 on error: one indexed read, so that
 * what only the structure changes can skip loading the corrected model. */
int store_structure_corrected(struct store *store, int64_t document_id, struct error *error);

/* *corrects is 1 when the action (history.h) changed corrections, so a
 * view must load the speech's structure again after undoing it. */
int store_action_corrects(struct store *store, int64_t action_id, int *corrects,
			  struct error *error);

/* Applies the stored corrections of a document to its parsed model. */
int store_corrections_apply(struct store *store, int64_t document_id, struct speech *speech,
			    struct error *error);

#endif
