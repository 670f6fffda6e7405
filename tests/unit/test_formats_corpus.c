/* The web page, Markdown and PDF readers on the real files of
 * ../shared/corpus/formats (skipped when absent), before any parsing:
 * each gives its expected title (NAME.EXT.expected.tsv line 1, compared
 * without white space; the file name when the document has no headline),
 * and every expected heading begins a line of the text, neither lost nor
 * hidden in front or back matter nor run into the line before. The
 * outline itself is the parser's (tests/e2e/formats.sh). */
#include <dirent.h>

#include "base/buffer.h"
#include "base/utf8.h"
#include "formats/html.h"
#include "formats/markdown.h"
#include "formats/pdf.h"
#include "formats_test.h"
#include "tap.h"

/* text without white space (incl. U+3000, U+2000–U+200B, NBSP, BOM). */
static char *squeezed(const char *text, size_t length)
{
	struct buffer out = {0};
	const unsigned char *bytes = (const unsigned char *)text;
	for (size_t i = 0; i < length;) {
		size_t step;
		long c = utf8_decode(bytes + i, length - i, &step);
		if (!(c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0x3000 || c == 0xA0 ||
		      c == 0xFEFF || (c >= 0x2000 && c <= 0x200B)))
			buffer_append(&out, bytes + i, step);
		i += step;
	}
	return buffer_string(&out);
}

/* Whether some text line of the document, squeezed, starts with `label`. */
static int begins_a_line(const struct document *document, const char *label)
{
	const char *line = document->text;
	for (size_t i = 0; i < document->hint_count; i++) {
		const char *end = strchr(line, '\n');
		char *text = squeezed(line, (size_t)(end - line));
		int found = document->hints[i].role != DOCUMENT_FRONT &&
			    document->hints[i].role != DOCUMENT_BACK &&
			    strncmp(text, label, strlen(label)) == 0;
		free(text);
		if (found)
			return 1;
		line = end + 1;
	}
	return 0;
}

static void check_file(const char *folder, const char *name)
{
	char path[8192], expected_path[8300];
	snprintf(path, sizeof path, "%s/%s", folder, name);
	snprintf(expected_path, sizeof expected_path, "%s.expected.tsv", path);
	size_t length, expected_length;
	unsigned char *bytes = read_whole(path, &length);
	unsigned char *expected = read_whole(expected_path, &expected_length);
	if (!bytes || !expected) {
		free(bytes);
		free(expected);
		return;
	}
	expected[expected_length] = '\0';
	const char *extension = strrchr(name, '.') + 1;
	struct document document;
	struct error error = {{0}};
	int status = strcmp(extension, "pdf") == 0 ? pdf_read(bytes, length, &document, &error)
		     : strcmp(extension, "md") == 0
			 ? markdown_read(bytes, length, &document, &error)
			 : html_read(bytes, length, &document, &error);
	free(bytes);
	if (strstr(name, "scanned")) {
		ok(status != 0 && strstr(error.message, "no text layer (a scanned PDF)"),
		   "%s: a clear message, no OCR: %s", name, error.message);
		if (status == 0)
			document_free(&document);
		free(expected);
		return;
	}
	if (!ok(status == 0, "%s: read", name)) {
		printf("#   %s\n", error.message);
		free(expected);
		return;
	}
	/* Line 1: 0<TAB>TITLE; then DEPTH<TAB>LABEL. */
	char *line = (char *)expected;
	char *end = strchr(line, '\n');
	char *tab = strchr(line, '\t');
	char *want = squeezed(tab + 1, (size_t)(end - tab - 1));
	char *fallback = xstrndup(name, (size_t)(strrchr(name, '.') - name));
	char *got =
	    document.title ? squeezed(document.title, strlen(document.title)) : xstrdup(fallback);
	is_string(got, want, "%s: title", name);
	free(want);
	free(got);
	free(fallback);
	size_t headings = 0, found = 0;
	for (line = end + 1; *line; line = end + 1) {
		end = strchr(line, '\n');
		if (!end)
			end = line + strlen(line);
		tab = strchr(line, '\t');
		if (tab && tab < end) {
			char *label = squeezed(tab + 1, (size_t)(end - tab - 1));
			headings++;
			if (begins_a_line(&document, label))
				found++;
			else
				printf("#   %s: no line begins with %s\n", name, label);
			free(label);
		}
		if (!*end)
			break;
	}
	is_int(found, headings, "%s: every expected heading begins a line", name);
	document_free(&document);
	free(expected);
}

static int compare(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(void)
{
	char folder[4096];
	if (!tap_corpus_path("formats/SOURCES.md", folder, sizeof folder)) {
		tap_skip("../shared/corpus/formats is absent");
		return tap_done();
	}
	*strrchr(folder, '/') = '\0';
	DIR *directory = opendir(folder);
	char *names[256];
	size_t count = 0;
	struct dirent *entry;
	while (directory && (entry = readdir(directory)) && count < 256) {
		const char *dot = strrchr(entry->d_name, '.');
		if (dot &&
		    (strcmp(dot, ".html") == 0 || strcmp(dot, ".md") == 0 ||
		     strcmp(dot, ".pdf") == 0) &&
		    strcmp(entry->d_name, "SOURCES.md") != 0)
			names[count++] = xstrdup(entry->d_name);
	}
	if (directory)
		closedir(directory);
	qsort(names, count, sizeof *names, compare);
	for (size_t i = 0; i < count; i++) {
		check_file(folder, names[i]);
		free(names[i]);
	}
	return tap_done();
}
