/* The table of export formats (export/formats.h) against what lists them
 * elsewhere: pizhu export's usage and help, the error for an unknown
 * format, README.md, docs/export.md and docs/pizhu.1 (its --format entry
 * and the export dialog's). A format added to the table and not to the
 * documentation fails here. Files are read from $PIZHU_SOURCE (else the
 * current directory, the top of the tree under make check). */
#include "cli/cli.h"
#include "export/formats.h"
#include "store_test.h"

static char *source_file(const char *name)
{
	const char *top = getenv("PIZHU_SOURCE");
	char path[1024];
	snprintf(path, sizeof path, "%s/%s", top && *top ? top : ".", name);
	size_t length;
	char *text = read_whole(path, &length);
	if (!text) {
		printf("# cannot read %s\n", path);
		return NULL;
	}
	text = realloc(text, length + 1);
	text[length] = '\0';
	return text;
}

/* The part of text from the line that starts with start up to the next
 * line that starts with end, as a new string (empty when not found). */
static char *section(const char *text, const char *start, const char *end)
{
	const char *from = text ? strstr(text, start) : NULL;
	if (!from)
		return strdup("");
	const char *to = strstr(from + strlen(start), end);
	size_t length = to ? (size_t)(to - from) : strlen(from);
	return strndup(from, length);
}

static void contains(const char *text, const char *needle, const char *where)
{
	int found = text && strstr(text, needle);
	ok(found, "%s has '%.*s'", where, (int)strcspn(needle + (*needle == '\n'), "\n"),
	   needle + (*needle == '\n'));
}

int main(void)
{
	for (size_t i = 0; i < export_format_count; i++) {
		const struct export_format_info *row = &export_formats[i];
		ok(row->format == (enum export_format)i && row->name && row->extension &&
		       row->description,
		   "row %zu (%s) is complete and in enum order", i, row->name);
		enum export_format parsed;
		ok(export_format_parse(row->name, &parsed) == 0 && parsed == row->format,
		   "%s parses back", row->name);
	}
	enum export_format parsed;
	is_int(export_format_parse("pdf", &parsed), -1, "an unknown name is refused");
	ok(export_formats[EXPORT_MATRIX].write == NULL, "only the matrix is written row by row");

	/* The lists of every name, as the texts write them. */
	struct buffer bars = {0}, prose = {0}, escaped_bars = {0};
	export_format_names(&bars, "|", "|");
	export_format_names(&prose, ", ", " or ");
	export_format_names(&escaped_bars, "\\|", "\\|");

	const struct command *export = command_find("export");
	contains(export->usage, buffer_string(&bars), "pizhu export's usage");
	char *readme = source_file("README.md");
	contains(readme, buffer_string(&escaped_bars), "README.md's export line");
	char *guide = source_file("docs/export.md");
	contains(guide, buffer_string(&bars), "docs/export.md's usage");
	char *manual = source_file("docs/pizhu.1");
	contains(manual, buffer_string(&prose), "docs/pizhu.1's export dialog");
	char *format_entry = section(manual, ".BI \\-\\-format", ".TP");
	char heading[128], man_name[128], help_name[128];
	for (size_t i = 0; i < export_format_count; i++) {
		const char *name = export_formats[i].name;
		snprintf(heading, sizeof heading, "(`--format %s`", name);
		contains(guide, heading, "docs/export.md");
		snprintf(man_name, sizeof man_name, "\n.B %s\n", name);
		contains(format_entry, man_name, "docs/pizhu.1's --format entry");
		snprintf(help_name, sizeof help_name, " %s ", name);
		contains(export->help, help_name, "pizhu help export");
	}
	free(format_entry);
	free(manual);
	free(guide);
	free(readme);
	buffer_free(&bars);
	buffer_free(&prose);
	buffer_free(&escaped_bars);
	return tap_done();
}
