/* suggest.h — paragraphs that mention a theme's keywords but do not carry
 * the theme yet. */
#ifndef PIZHU_STORE_SUGGEST_H
#define PIZHU_STORE_SUGGEST_H

#include <stddef.h>
#include <stdint.h>

#include "store/store.h"

struct store_suggestion {
	size_t paragraph;
	int64_t theme_id;
	char *theme_name;
	char *keywords; /* the keywords found, joined by "、" */
};

/* By paragraph, then theme in key order. */
int store_suggestions(struct store *store, int64_t document_id,
		      struct store_suggestion **suggestions, size_t *count, struct error *error);
void store_suggestions_free(struct store_suggestion *suggestions, size_t count);

/* Tags every suggested paragraph with its theme, as one undoable action;
 * *applied counts the tags added. */
int store_suggestions_apply(struct store *store, int64_t document_id, size_t *applied,
			    struct error *error);

#endif
