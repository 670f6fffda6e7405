#include "speech/keyword.h"

#include <stdlib.h>
#include <string.h>

#include "base/buffer.h"

static int by_position(const void *a, const void *b)
{
	const struct keyword_match *x = a, *y = b;
	if (x->offset != y->offset)
		return x->offset < y->offset ? -1 : 1;
	if (x->length != y->length)
		return x->length > y->length ? -1 : 1;
	return x->keyword < y->keyword ? -1 : x->keyword > y->keyword;
}

size_t keyword_find(const char *text, size_t length, const char *const *keywords,
		    size_t keyword_count, struct keyword_match **matches)
{
	*matches = NULL;
	size_t count = 0, capacity = 0;
	for (size_t k = 0; k < keyword_count; k++) {
		size_t keyword_length = strlen(keywords[k]);
		if (keyword_length == 0)
			continue;
		/* Steps one byte past each hit so overlapping hits (党党 in 党党党) count. */
		for (const char *at = text;
		     (at = memmem(at, length - (size_t)(at - text), keywords[k], keyword_length));
		     at++) {
			*matches = xgrow(*matches, &capacity, count + 1, sizeof **matches);
			(*matches)[count++] =
			    (struct keyword_match){(size_t)(at - text), keyword_length, k};
		}
	}
	if (count > 1)
		qsort(*matches, count, sizeof **matches, by_position);
	return count;
}

int keyword_any(const char *text, size_t length, const char *const *keywords, size_t keyword_count)
{
	for (size_t k = 0; k < keyword_count; k++) {
		size_t keyword_length = strlen(keywords[k]);
		if (keyword_length > 0 && memmem(text, length, keywords[k], keyword_length))
			return 1;
	}
	return 0;
}
