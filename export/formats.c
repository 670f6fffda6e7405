#include "export/formats.h"

#include <string.h>

const struct export_format_info export_formats[] = {
    {EXPORT_MARKDOWN, "md", "md", "Markdown: a heading per group, each excerpt a block quote",
     export_markdown},
    {EXPORT_CSV, "csv", "csv", "CSV: a row per excerpt and theme", export_csv},
    {EXPORT_JSONL, "jsonl", "jsonl", "JSON Lines: an object per excerpt", export_jsonl},
    {EXPORT_HTML, "html", "html", "HTML: one printable page", export_html},
    {EXPORT_MATRIX, "matrix", "csv", "CSV: a row per paragraph, a 0/1 column per theme", NULL},
};
const size_t export_format_count = sizeof export_formats / sizeof export_formats[0];

int export_format_parse(const char *name, enum export_format *format)
{
	for (size_t i = 0; i < export_format_count; i++)
		if (strcmp(name, export_formats[i].name) == 0) {
			*format = export_formats[i].format;
			return 0;
		}
	return -1;
}

void export_format_names(struct buffer *out, const char *separator, const char *last)
{
	for (size_t i = 0; i < export_format_count; i++)
		buffer_printf(out, "%s%s",
			      i == 0			     ? ""
			      : i + 1 == export_format_count ? last
							     : separator,
			      export_formats[i].name);
}
