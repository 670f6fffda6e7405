/* section.h — where a paragraph sits in its speech's outline. */
#ifndef PIZHU_STORE_SECTION_H
#define PIZHU_STORE_SECTION_H

#include <stddef.h>
#include <stdint.h>

#include "store/store.h"

/* The labels of the headings a paragraph is under, outermost first
 * (一、… › （二）… › 一是…), ending with the paragraph's own label when it
 * is a heading; none for the title and the paragraphs before the first
 * heading. *labels is a new array of new strings (NULL when empty). */
int store_section_path(struct store *store, int64_t document_id, size_t paragraph, char ***labels,
		       size_t *count, struct error *error);
void store_section_path_free(char **labels, size_t count);

#endif
