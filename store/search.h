/* search.h — full-text search over the paragraphs of the library.
 *
 * A query is one or more words separated by spaces; a paragraph matches
 * when it contains every word (ASCII letters in any case). Words of two or
 * more characters use the FTS5 index (tokenizer.h); a query made only of
 * one-character words falls back to scanning the paragraphs, which is
 * correct but slower. Removed speeches are never found.
 *
 * Results come most relevant first, in the order a reader trusts: hits in
 * titles, then in headings, then in body text (the roles as corrected; the
 * three tiers). Within a tier, hits are taken newest paragraph first (the
 * latest imported speech first, in reverse reading order) in windows of
 * STORE_SEARCH_WINDOW hits; each window is ranked by term density (FTS5's
 * bm25 over the tier's own index; equal for a scan), ties going to the
 * newest speech (by its date, undated last, then the latest imported),
 * then in reading order. A tier of at most a window's hits is so ranked
 * whole; a larger one shows the best of its newest hits first. Titles and
 * headings have small indexes of their own (schema migration 8).
 *
 * A page costs what it shows, not what the library holds: the tiers'
 * indexes yield hits newest first, so a search stops stepping once the
 * window that fills its page is ranked, and reads only the page's texts.
 * Counting is separate and exact (store_search_count, every hit), so that
 * a view can show a page at once and count in the background: on a
 * connection of its own, on another thread, which store_interrupt stops.
 *
 * For the library view: page through results with offset and limit, show
 * each hit's title, its section path (store_section_path in section.h)
 * and its highlighted words (store_search_highlights). */
#ifndef PIZHU_STORE_SEARCH_H
#define PIZHU_STORE_SEARCH_H

#include <stddef.h>
#include <stdint.h>

#include "store/store.h"

/* The most a query may hold: more is refused with a message saying so
 * (a query of 20,000 words took 21 s and 1.8 GB). */
enum {
	STORE_SEARCH_MAX_WORDS = 64,
	STORE_SEARCH_MAX_BYTES = 4096,
	/* Hits of a tier ranked together (the order above): ten pages of
	 * twenty, so that a first page is the best of the two hundred newest
	 * hits, and ranking them costs about a millisecond (2.5 µs a hit). */
	STORE_SEARCH_WINDOW = 200,
};

struct store_search_query {
	const char *text;
	int64_t theme_id;    /* only paragraphs with this theme; 0 for any */
	int64_t document_id; /* only this speech (any version); 0 for every current speech */
	size_t limit;	     /* at most this many results; 0 for all */
	size_t offset;	     /* skip this many results first (for paging) */
	size_t window;	     /* hits ranked together; 0 for STORE_SEARCH_WINDOW */
	/* 1: also the paragraphs hidden as front or back matter (by the
	 * parser or the user's corrections), which are left out otherwise. */
	int include_hidden;
};

struct store_search_hit {
	int64_t document_id;
	size_t paragraph; /* 0 is the title */
	char *text;
	char *title; /* the speech's */
};

int store_search(struct store *store, const struct store_search_query *query,
		 struct store_search_hit **hits, size_t *count, struct error *error);
void store_search_hits_free(struct store_search_hit *hits, size_t count);

/* A hit as store_search_each passes it. The strings are the search's
 * (SQLite's for a scan, one buffer of copies for the index), valid only
 * until visit returns: printing every hit allocates nothing per hit.
 * text[length] is a NUL; text may hold one before it. */
struct store_search_row {
	int64_t document_id;
	size_t paragraph;
	const char *text;
	size_t length; /* of text in bytes */
	const char *title;
};

/* Returns nonzero to stop the search. It must not search itself (the
 * search's statements are in use) nor write: the search runs in one read
 * transaction, on one snapshot of the library. */
typedef int (*store_search_visit)(void *context, const struct store_search_row *row);

/* Calls visit with each hit of store_search, in the same order, with the
 * same limit and offset. Returns 0, or -1 with a message if the search
 * failed (after visit may have seen some hits). */
int store_search_each(struct store *store, const struct store_search_query *query,
		      store_search_visit visit, void *context, struct error *error);

/* How many paragraphs match the query (its limit and offset ignored),
 * without reading their texts when the index alone decides. */
int store_search_count(struct store *store, const struct store_search_query *query, size_t *count,
		       struct error *error);

/* The words of a query (split at ASCII and ideographic spaces), as new
 * strings; for highlighting what was found. */
size_t store_search_words(const char *query, char ***words);
void store_search_words_free(char **words, size_t count);

/* Byte offset of word in text[0..length) at or after `from`, ASCII letters
 * folded; -1 when absent. Matches start and end on character boundaries,
 * so bytes of a damaged query never match inside a character. */
long store_search_find(const char *text, size_t length, size_t from, const char *word);

struct store_search_span {
	size_t offset; /* bytes into the text */
	size_t length;
};

/* Where the words of query occur in text[0..length): spans in order, not
 * overlapping (the earliest, then the longest, wins). Returns how many;
 * *spans is new memory (NULL when none). */
size_t store_search_highlights(const char *text, size_t length, const char *query,
			       struct store_search_span **spans);

#endif
