/* export.h — writing excerpts out of pizhu: Markdown, CSV, JSON Lines,
 * HTML, and the paragraph-by-theme matrix (docs/export.md describes every
 * format and field).
 *
 * Writers take what store/excerpt.h read and write it to a stream; they
 * never open files or touch the library. Whatever the text, notes and
 * theme names hold, no control character reaches the output raw, and no
 * content can break the format's structure. Each writer returns 0, or -1
 * with the message in *error when the stream fails. */
#ifndef PIZHU_EXPORT_EXPORT_H
#define PIZHU_EXPORT_EXPORT_H

#include <stddef.h>
#include <stdio.h>

#include "base/error.h"
#include "store/excerpt.h"

/* The formats' names, extensions and writers: export/formats.h. */
enum export_format {
	EXPORT_MARKDOWN,
	EXPORT_CSV,
	EXPORT_JSONL,
	EXPORT_HTML,
	EXPORT_MATRIX,
};

enum export_grouping {
	EXPORT_BY_THEME,  /* a group per chosen theme: an excerpt is in each of its themes */
	EXPORT_BY_SPEECH, /* a group per speech, in id order */
};

struct export_request {
	const struct store_excerpt *excerpts; /* in store_excerpts order */
	size_t excerpt_count;
	/* The chosen themes in the order their groups come; with
	 * every_theme, notes on untagged paragraphs get a group of their own
	 * after them. */
	const struct store_excerpt_theme *themes;
	size_t theme_count;
	int every_theme;
	enum export_grouping grouping; /* Markdown, CSV and HTML; JSON Lines is by speech */
	int bom;		       /* CSV: start with a UTF-8 byte order mark, for Excel */
	/* CSV: the header row in English whatever the language (for scripts);
	 * else it follows the language (base/i18n.h). */
	int english_header;
};

int export_markdown(FILE *out, const struct export_request *request, struct error *error);
int export_csv(FILE *out, const struct export_request *request, struct error *error);
int export_jsonl(FILE *out, const struct export_request *request, struct error *error);
int export_html(FILE *out, const struct export_request *request, struct error *error);

/* The matrix is written row by row as store_matrix walks the paragraphs:
 * the header first, then export_matrix_row as its callback. */
struct export_matrix {
	FILE *out;
	size_t theme_count;
};
int export_matrix_header(FILE *out, const struct store_excerpt_theme *themes, size_t count, int bom,
			 struct error *error);
int export_matrix_row(const struct store_matrix_row *row, void *matrix, struct error *error);

#endif
