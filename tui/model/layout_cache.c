#include "tui/model/layout_cache.h"

#include <stdlib.h>

#include "base/buffer.h"

void layout_cache_init(struct layout_cache *cache, size_t paragraph_count,
		       const struct layout_options *options)
{
	cache->options = *options;
	cache->entries = xcalloc(paragraph_count, sizeof *cache->entries);
	cache->paragraph_count = paragraph_count;
}

static void drop_layouts(struct layout_cache *cache)
{
	/* A pass over the entries (a pointer test each) is cheap even for a
	 * long speech, and happens only when the terminal is resized. Only
	 * entries in use are written, so the pages of the others are never
	 * allocated. */
	for (size_t i = 0; i < cache->paragraph_count; i++)
		if (cache->entries[i].lines) {
			free(cache->entries[i].lines);
			cache->entries[i] = (struct layout_cache_entry){0};
		}
}

int layout_cache_set_options(struct layout_cache *cache, const struct layout_options *options)
{
	if (options->width == cache->options.width &&
	    options->first_indent == cache->options.first_indent &&
	    options->ambiguous_wide == cache->options.ambiguous_wide)
		return 0;
	drop_layouts(cache);
	cache->options = *options;
	return 1;
}

void layout_cache_clear(struct layout_cache *cache)
{
	drop_layouts(cache);
}

void layout_cache_forget(struct layout_cache *cache, size_t index)
{
	struct layout_cache_entry *entry = &cache->entries[index];
	free(entry->lines);
	entry->lines = NULL;
	entry->count = 0;
}

const struct layout_line *layout_cache_lines(struct layout_cache *cache, size_t index,
					     const char *text, size_t length, int is_body,
					     size_t *count)
{
	struct layout_cache_entry *entry = &cache->entries[index];
	if (!entry->lines) {
		struct layout_options options = cache->options;
		if (!is_body)
			options.first_indent = 0;
		entry->lines = layout_wrap(text, length, &options, &entry->count);
	}
	*count = entry->count;
	return entry->lines;
}

void layout_cache_free(struct layout_cache *cache)
{
	drop_layouts(cache);
	free(cache->entries);
	*cache = (struct layout_cache){0};
}
