/* keyword.h — finding a theme's keywords in a paragraph, for suggestions
 * and for highlighting why a paragraph was suggested.
 *
 * Matching is by exact bytes (keywords are Chinese words, which have no
 * case); empty keywords never match. Knows nothing of themes or storage. */
#ifndef PIZHU_SPEECH_KEYWORD_H
#define PIZHU_SPEECH_KEYWORD_H

#include <stddef.h>
#include <stdint.h>

struct keyword_match {
	size_t offset; /* bytes into the text */
	size_t length;
	size_t keyword; /* index into the keyword list */
};

/* Every occurrence of every keyword in text[0..length), overlapping ones
 * included (民生 inside 民生实事 is reported too), sorted by offset and,
 * at one offset, longest first. Returns the count; *matches is new memory
 * (NULL when there are none). */
size_t keyword_find(const char *text, size_t length, const char *const *keywords,
		    size_t keyword_count, struct keyword_match **matches);

/* The keywords that occur in text[0..length), each once, in the list's
 * order, joined by 、 (a new string; "" when none does). At most `limit`
 * of them when limit is not 0. This is what explains a suggestion
 * ("民生 (就业、医疗)"): a keyword is listed whatever else the caller's
 * message already holds, the theme's own name included. */
char *keyword_found_list(const char *text, size_t length, const char *const *keywords,
			 size_t keyword_count, size_t limit);

/* 1 when any keyword occurs in text[0..length). */
int keyword_any(const char *text, size_t length, const char *const *keywords, size_t keyword_count);

/* Up to 64 keyword lists (a theme's each) made ready to tell in one pass
 * over a text which of them have a keyword in it: the reader asks this of
 * every paragraph it shows, and a memmem per keyword was a tenth of a
 * page's time. */
struct keyword_index;

struct keyword_index *keyword_index_new(void);
/* Adds list number `list` (0..63). The keywords are copied. */
void keyword_index_add(struct keyword_index *index, unsigned list, const char *const *keywords,
		       size_t keyword_count);
/* The lists, among those in `wanted` (bit n for list n), that have a
 * keyword occurring in text[0..length): bit n set as keyword_any would
 * say of list n. */
uint64_t keyword_index_lists(const struct keyword_index *index, const char *text, size_t length,
			     uint64_t wanted);
void keyword_index_free(struct keyword_index *index);

#endif
