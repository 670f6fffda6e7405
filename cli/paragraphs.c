#include "cli/paragraphs.h"

#include <assert.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/buffer.h"

/* A decimal number that fits a size_t; 0 or -1, with *end after it. */
static int parse_number(const char *text, size_t *number, const char **end)
{
	if (*text < '0' || *text > '9')
		return -1;
	size_t value = 0;
	for (; *text >= '0' && *text <= '9'; text++) {
		size_t digit = (size_t)(*text - '0');
		if (value > (SIZE_MAX - digit) / 10)
			return -1;
		value = value * 10 + digit;
	}
	*number = value;
	*end = text;
	return 0;
}

int paragraph_list_parse(const char *text, struct paragraph_list *list)
{
	memset(list, 0, sizeof *list);
	size_t capacity = 0;
	const char *at = text;
	for (;;) {
		struct paragraph_range range;
		if (parse_number(at, &range.first, &at) != 0)
			goto malformed;
		range.last = range.first;
		if (*at == '-' && parse_number(at + 1, &range.last, &at) != 0)
			goto malformed;
		/* A range longer than any speech is surely a typing mistake. */
		if (range.last < range.first || range.last - range.first >= PARAGRAPH_RANGE_MAX)
			goto malformed;
		list->ranges =
		    xgrow(list->ranges, &capacity, list->count + 1, sizeof *list->ranges);
		list->ranges[list->count++] = range;
		if (*at == '\0')
			return 0;
		if (*at != ',')
			goto malformed;
		at++;
	}
malformed:
	paragraph_list_free(list);
	return -1;
}

static int by_first(const void *a, const void *b)
{
	const struct paragraph_range *left = a, *right = b;
	return (left->first > right->first) - (left->first < right->first);
}

int paragraph_list_expand(const struct paragraph_list *list, size_t paragraph_count,
			  size_t **paragraphs, size_t *count, size_t *outside)
{
	*paragraphs = NULL;
	*count = 0;
	/* Every number is checked before anything is expanded. */
	for (size_t i = 0; i < list->count; i++) {
		const struct paragraph_range *range = &list->ranges[i];
		if (range->first < 1 || range->first > paragraph_count) {
			*outside = range->first;
			return -1;
		}
		if (range->last > paragraph_count) {
			*outside = range->last;
			return -1;
		}
	}
	if (list->count == 0)
		return 0;
	struct paragraph_range *sorted = xcalloc(list->count, sizeof *sorted);
	memcpy(sorted, list->ranges, list->count * sizeof *sorted);
	qsort(sorted, list->count, sizeof *sorted, by_first);
	/* The ranges in order of their first paragraph: each adds what lies
	 * past the last paragraph taken so far, so the result is ascending,
	 * without duplicates and at most paragraph_count long. */
	size_t total = 0, taken = 0; /* taken: the last paragraph so far, 0 for none */
	for (size_t i = 0; i < list->count; i++)
		if (sorted[i].last > taken) {
			size_t from = sorted[i].first > taken ? sorted[i].first : taken + 1;
			total += sorted[i].last - from + 1;
			taken = sorted[i].last;
		}
	*paragraphs = xcalloc(total, sizeof **paragraphs);
	taken = 0;
	for (size_t i = 0; i < list->count; i++)
		for (size_t p = sorted[i].first > taken ? sorted[i].first : taken + 1;
		     p <= sorted[i].last; p++)
			(*paragraphs)[(*count)++] = taken = p;
	assert(*count == total);
	free(sorted);
	return 0;
}

void paragraph_list_free(struct paragraph_list *list)
{
	free(list->ranges);
	memset(list, 0, sizeof *list);
}
