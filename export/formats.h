/* formats.h — the one table of export formats: the name --format takes,
 * the extension of the file the reader's export dialog proposes, the
 * writer, and a line that says what it is. pizhu export, the export dialog
 * and the test that the documentation lists every format all read it;
 * adding a format is adding a row (and its writer in export.h). */
#ifndef PIZHU_EXPORT_FORMATS_H
#define PIZHU_EXPORT_FORMATS_H

#include <stddef.h>
#include <stdio.h>

#include "base/buffer.h"
#include "export/export.h"

struct export_format_info {
	enum export_format format; /* the row's index in export_formats */
	const char *name;	   /* --format NAME */
	const char *extension;	   /* without the dot */
	const char *description;   /* one line */
	/* Writes the excerpts; NULL for the matrix, which export_run writes
	 * row by row as the store walks the paragraphs. */
	int (*write)(FILE *out, const struct export_request *request, struct error *error);
};

extern const struct export_format_info export_formats[];
extern const size_t export_format_count;

/* The format called name ("md", "csv", …); -1 for anything else. */
int export_format_parse(const char *name, enum export_format *format);

/* Appends the names as a list: "md, csv, jsonl, html or matrix" with
 * separator ", " and last " or ". */
void export_format_names(struct buffer *out, const char *separator, const char *last);

#endif
