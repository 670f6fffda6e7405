/* layout_cache.h — the reader's wrapped paragraphs, computed when first
 * asked for and kept until the width or the options change, so that the
 * work per keypress is proportional to what is on screen, not to the
 * length of the speech.
 *
 * Paragraphs are known by index (0 .. paragraph_count - 1); the cache does
 * not hold their text, so callers pass the same text for an index each
 * time. Memory is proportional to the paragraphs laid out. */
#ifndef PIZHU_TUI_MODEL_LAYOUT_CACHE_H
#define PIZHU_TUI_MODEL_LAYOUT_CACHE_H

#include <stddef.h>

#include "tui/model/layout.h"

struct layout_cache_entry {
	struct layout_line *lines; /* NULL: not laid out under the current options */
	size_t count;
};

/* Fields are private to layout_cache.c. */
struct layout_cache {
	struct layout_options options; /* for body paragraphs */
	struct layout_cache_entry *entries;
	size_t paragraph_count;
};

/* An empty cache for `paragraph_count` paragraphs. Body paragraphs are
 * wrapped with `options`; the others (title, headings) with the same
 * options but no first-line indent. */
void layout_cache_init(struct layout_cache *cache, size_t paragraph_count,
		       const struct layout_options *options);

/* Sets new options (a new width after a resize, ambiguous width). Returns
 * 1 and drops every layout when they differ from the current ones, 0 and
 * keeps them when they are the same. */
int layout_cache_set_options(struct layout_cache *cache, const struct layout_options *options);

/* Drops every layout: the texts changed (notes loaded again). */
void layout_cache_clear(struct layout_cache *cache);

/* Drops the layout of one paragraph, whose text has changed (a note). */
void layout_cache_forget(struct layout_cache *cache, size_t index);

/* The lines of paragraph `index` (below paragraph_count), whose text is
 * text[0..length) in bytes and which is a body paragraph when `is_body` is
 * nonzero; wrapped now if not yet. Their number (at least one) goes to
 * *count. Valid until the options change or the cache is freed. */
const struct layout_line *layout_cache_lines(struct layout_cache *cache, size_t index,
					     const char *text, size_t length, int is_body,
					     size_t *count);

void layout_cache_free(struct layout_cache *cache);

#endif
