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

char *keyword_found_list(const char *text, size_t length, const char *const *keywords,
			 size_t keyword_count, size_t limit)
{
	struct keyword_match *matches;
	size_t count = keyword_find(text, length, keywords, keyword_count, &matches);
	struct buffer joined = {0};
	size_t listed = 0;
	for (size_t k = 0; k < keyword_count && (limit == 0 || listed < limit); k++)
		for (size_t m = 0; m < count; m++)
			if (matches[m].keyword == k) {
				if (listed++)
					buffer_append_string(&joined, "、");
				buffer_append_string(&joined, keywords[k]);
				break;
			}
	free(matches);
	return buffer_string(&joined);
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

/* Keywords are found by their first three bytes (a Chinese character), so
 * a position is one table look-up; the rare shorter keywords (an ASCII
 * abbreviation) are searched for whole. */
enum { KEYWORD_BUCKETS = 1024, KEYWORD_PREFIX = 3 };

struct keyword_entry {
	char *text;
	size_t length;
	uint64_t list; /* its list's bit */
	int next;      /* the next entry in its bucket, or -1 */
};

struct keyword_index {
	struct keyword_entry *entries;
	size_t count, capacity;
	int buckets[KEYWORD_BUCKETS]; /* first entry, or -1 */
	int short_entries;	      /* entries shorter than KEYWORD_PREFIX, chained */
	int inner_start;	      /* an entry starts with a UTF-8 continuation byte */
};

static int continuation_byte(unsigned char byte)
{
	return (byte & 0xC0) == 0x80;
}

static unsigned prefix_bucket(const unsigned char *bytes)
{
	return ((unsigned)bytes[0] * 961u + (unsigned)bytes[1] * 31u + bytes[2]) % KEYWORD_BUCKETS;
}

struct keyword_index *keyword_index_new(void)
{
	struct keyword_index *index = xcalloc(1, sizeof *index);
	for (size_t i = 0; i < KEYWORD_BUCKETS; i++)
		index->buckets[i] = -1;
	index->short_entries = -1;
	return index;
}

void keyword_index_add(struct keyword_index *index, unsigned list, const char *const *keywords,
		       size_t keyword_count)
{
	for (size_t k = 0; k < keyword_count; k++) {
		size_t length = strlen(keywords[k]);
		if (length == 0)
			continue;
		index->entries = xgrow(index->entries, &index->capacity, index->count + 1,
				       sizeof *index->entries);
		int *head =
		    length < KEYWORD_PREFIX
			? &index->short_entries
			: &index->buckets[prefix_bucket((const unsigned char *)keywords[k])];
		index->entries[index->count] = (struct keyword_entry){xstrdup(keywords[k]), length,
								      (uint64_t)1 << list, *head};
		*head = (int)index->count++;
		if (continuation_byte((unsigned char)keywords[k][0]))
			index->inner_start = 1;
	}
}

uint64_t keyword_index_lists(const struct keyword_index *index, const char *text, size_t length,
			     uint64_t wanted)
{
	uint64_t found = 0;
	for (int e = index->short_entries; e >= 0; e = index->entries[e].next) {
		const struct keyword_entry *entry = &index->entries[e];
		if ((wanted & entry->list) && !(found & entry->list) &&
		    memmem(text, length, entry->text, entry->length))
			found |= entry->list;
	}
	const unsigned char *bytes = (const unsigned char *)text;
	for (size_t i = 0; i + KEYWORD_PREFIX <= length && (found & wanted) != wanted; i++) {
		/* A keyword that starts a character cannot start inside one:
		 * two thirds of a Chinese text's positions need no look-up. */
		if (continuation_byte(bytes[i]) && !index->inner_start)
			continue;
		for (int e = index->buckets[prefix_bucket(bytes + i)]; e >= 0;
		     e = index->entries[e].next) {
			const struct keyword_entry *entry = &index->entries[e];
			if ((wanted & entry->list) && entry->length <= length - i &&
			    memcmp(text + i, entry->text, entry->length) == 0)
				found |= entry->list;
		}
	}
	return found & wanted;
}

void keyword_index_free(struct keyword_index *index)
{
	if (!index)
		return;
	for (size_t i = 0; i < index->count; i++)
		free(index->entries[i].text);
	free(index->entries);
	free(index);
}
