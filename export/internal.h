/* internal.h — what the export writers share: neutralising text, grouping
 * excerpts, colours, and finishing a stream. */
#ifndef PIZHU_EXPORT_INTERNAL_H
#define PIZHU_EXPORT_INTERNAL_H

#include <stdint.h>

#include "base/buffer.h"
#include "export/export.h"

/* Appends text, read as UTF-8, with what no export may carry raw made
 * harmless: invalid bytes, C1 controls and the non-characters U+FFFE and
 * U+FFFF become U+FFFD; C0 controls and DEL their Control Pictures (ESC →
 * ␛), as the reader shows them; a tab becomes a space. Line ends (LF,
 * CRLF, CR, U+2028, U+2029) become '\n' when keep_lines, else spaces.
 * Leaves out->data NUL-terminated. */
void export_clean(const char *text, int keep_lines, struct buffer *out);

/* Appends "OPEN date; speaker; occasion; source CLOSE" with the fields
 * the excerpt's speech has (nothing when it has none), each through
 * `append`, which escapes for the format; `first` says the field is the
 * first thing written after an empty `open`. */
void export_append_metadata(struct buffer *out, const struct store_excerpt *excerpt,
			    const char *open, const char *close,
			    void (*append)(struct buffer *out, const char *text, int first));

/* One group of excerpts as Markdown, CSV and HTML show them. */
struct export_group {
	const struct store_excerpt_theme *theme; /* by theme; NULL for notes without a theme */
	const struct store_excerpt *speech;	 /* by speech: its first excerpt */
	size_t *members;			 /* indices into request->excerpts */
	size_t member_count;
};

/* The non-empty groups of a request, in order. */
void export_groups(const struct export_request *request, struct export_group **groups,
		   size_t *count);
void export_groups_free(struct export_group *groups, size_t count);

/* How many speeches the request's excerpts come from. */
size_t export_speech_count(const struct export_request *request);

/* A theme colour (theme_file.h) as 0xRRGGBB, chosen to read well on
 * paper; a neutral grey for the default colour. */
uint32_t export_color_rgb(const char *color);

/* Flushes the stream; -1 with "cannot write: reason" when it failed. */
int export_finish(FILE *out, struct error *error);

#endif
