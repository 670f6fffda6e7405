/* section.h — where a paragraph sits in its speech's outline: the
 * corrected outline (correction.h) when the user corrected the speech's
 * structure, as the reader and exports show it. */
#ifndef PIZHU_STORE_SECTION_H
#define PIZHU_STORE_SECTION_H

#include <stddef.h>
#include <stdint.h>

#include "speech/speech.h"
#include "store/store.h"

/* The labels of the headings a paragraph is under, outermost first
 * (一、… › （二）… › 一是…), ending with the paragraph's own label when it
 * is a heading; none for the title and the paragraphs before the first
 * heading. *labels is a new array of new strings (NULL when empty).
 * A speech without corrections costs one indexed read; a corrected one
 * is loaded and corrected (store_speech_load) for each call, so callers
 * ask for the paragraphs they show, not for a whole result list. */
int store_section_path(struct store *store, int64_t document_id, size_t paragraph, char ***labels,
		       size_t *count, struct error *error);
void store_section_path_free(char **labels, size_t count);

/* The same labels read from a loaded model (none past its end). */
void speech_section_path(const struct speech *speech, size_t paragraph, char ***labels,
			 size_t *count);

#endif
