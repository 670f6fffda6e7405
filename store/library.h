/* library.h — the library view's rows: one per speech, sorted, filtered
 * by title, speaker, occasion, date and source, a page at a time.
 *
 * Every function is one bounded query: a page reads only its own rows
 * (LIMIT/OFFSET), so a library of 10,000 speeches scrolls almost as fast
 * as one of ten (the pinyin order of titles is read from an index of
 * their sort keys, documents.title_key). A filter or a count reads every
 * current speech, but from that index, which holds the fields a filter
 * looks in (schema v8): about 4 MB at 19,000 speeches. Only current
 * versions of speeches that are not removed are listed. */
#ifndef PIZHU_STORE_LIBRARY_H
#define PIZHU_STORE_LIBRARY_H

#include <stddef.h>
#include <stdint.h>

#include "store/store.h"

enum store_library_sort {
	STORE_LIBRARY_BY_TITLE,	   /* pinyin order (base/pinyin.h), then id */
	STORE_LIBRARY_BY_DATE,	   /* newest first; undated speeches last */
	STORE_LIBRARY_BY_IMPORTED, /* imported most recently first */
	STORE_LIBRARY_BY_TAGS,	   /* most tags first */
};

struct store_library_query {
	enum store_library_sort sort;
	int reverse; /* the other way round (undated speeches stay last) */
	/* Speeches whose title, speaker, occasion, date or source contains
	 * this text (贵州 finds the report given in Guizhou): ASCII letters in
	 * any case, everything else exactly. NULL or "" for all. */
	const char *filter;
};

struct store_theme_tally {
	int64_t theme_id;
	size_t count;
};

struct store_library_row {
	int64_t id;
	char *title;
	char *date;	/* YYYY-MM-DD, YYYY-MM or YYYY; NULL while unknown */
	char *speaker;	/* NULL while unknown */
	char *occasion; /* NULL while unknown */
	char *imported_at;
	size_t paragraph_count;
	/* The reader's saved paragraph: reading progress is
	 * position / paragraph_count. */
	size_t position;
	size_t tag_count;		  /* over all themes */
	struct store_theme_tally *themes; /* themes with tags, in key order */
	size_t theme_count;
};

/* How many speeches the query lists. */
int store_library_count(struct store *store, const struct store_library_query *query, size_t *count,
			struct error *error);

/* Up to limit rows from the offset-th (from 0) in the query's order.
 * *rows is new memory (NULL when *count is 0). */
int store_library_page(struct store *store, const struct store_library_query *query, size_t offset,
		       size_t limit, struct store_library_row **rows, size_t *count,
		       struct error *error);

void store_library_rows_free(struct store_library_row *rows, size_t count);

#endif
