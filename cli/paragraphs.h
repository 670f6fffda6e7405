/* paragraphs.h — the paragraph lists of pizhu tag and note ("3-7,12").
 *
 * A list is parsed in two steps so that no list can make pizhu count to a
 * number the speech does not reach: the text is checked (digits, ranges,
 * numbers that fit a size_t) before the library is opened, and expanded
 * only once the speech's paragraph count is known, so the expansion holds
 * at most that many paragraphs. */
#ifndef PIZHU_CLI_PARAGRAPHS_H
#define PIZHU_CLI_PARAGRAPHS_H

#include <stddef.h>

enum {
	PARAGRAPH_RANGE_MAX = 1000000, /* paragraphs in one range, at most */
};

struct paragraph_range {
	size_t first, last; /* first <= last */
};

struct paragraph_list {
	struct paragraph_range *ranges; /* in the order given */
	size_t count;
};

/* Parses "3", "3-7" and lists of them joined by ",". Returns 0, or -1 for
 * a malformed list (no digits, a range that runs backwards or spans more
 * than PARAGRAPH_RANGE_MAX, a number too large for a size_t), leaving the
 * list empty. */
int paragraph_list_parse(const char *text, struct paragraph_list *list);

/* The list's paragraphs, ascending and without duplicates ("3-5,4" is 3 4
 * 5), in a new array of at most paragraph_count entries. Returns 0, or -1
 * when a number is not between 1 and paragraph_count, with the first such
 * number (in the order given) in *outside and nothing allocated. Time:
 * sorting the ranges, then linear in the paragraphs listed. */
int paragraph_list_expand(const struct paragraph_list *list, size_t paragraph_count,
			  size_t **paragraphs, size_t *count, size_t *outside);

void paragraph_list_free(struct paragraph_list *list);

#endif
