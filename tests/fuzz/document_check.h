/* document_check.h — the promises every format reader keeps, checked by
 * the fuzz harnesses of the readers (fuzz_html.c, fuzz_markdown.c,
 * fuzz_pdf.c): on success the document's text is valid UTF-8 without
 * control characters but the line ends, ends with a line end, and has
 * exactly one hint per line, no line blank, each level 0..9 or
 * DOCUMENT_NOT_HEADING; the metadata strings are
 * one line each; on failure there is a message. */
#ifndef PIZHU_TESTS_FUZZ_DOCUMENT_CHECK_H
#define PIZHU_TESTS_FUZZ_DOCUMENT_CHECK_H

#include <string.h>

#include "base/error.h"
#include "base/utf8.h"
#include "formats/document.h"
#include "tests/fuzz/fuzz.h"

static inline void check_one_line(const char *text)
{
	if (text)
		fuzz_assert(strchr(text, '\n') == NULL);
}

static inline void check_document(int status, struct document *document, const struct error *error,
				  const char *format)
{
	if (status != 0) {
		fuzz_assert(error->message[0] != '\0');
		return;
	}
	fuzz_assert(document->text != NULL);
	fuzz_assert(strcmp(document->format, format) == 0);
	fuzz_assert(strlen(document->text) == document->length);
	fuzz_assert(document->hint_count > 0);
	fuzz_assert(document->text[document->length - 1] == '\n');
	const unsigned char *bytes = (const unsigned char *)document->text;
	size_t lines = 0, line_length = 0;
	for (size_t i = 0; i < document->length;) {
		size_t step;
		long c = utf8_decode(bytes + i, document->length - i, &step);
		fuzz_assert(c >= 0);
		fuzz_assert(c >= 0x20 || c == '\n');
		fuzz_assert(c < 0x7F || c >= 0xA0);
		if (c == '\n') {
			fuzz_assert(line_length > 0);
			lines++;
			line_length = 0;
		} else {
			line_length++;
		}
		i += step;
	}
	fuzz_assert(lines == document->hint_count);
	for (size_t i = 0; i < document->hint_count; i++) {
		fuzz_assert(document->hints[i].role <= DOCUMENT_BACK);
		fuzz_assert(document->hints[i].heading_level <= 9 ||
			    document->hints[i].heading_level == DOCUMENT_NOT_HEADING);
	}
	check_one_line(document->title);
	check_one_line(document->date);
	if (document->date)
		fuzz_assert(strlen(document->date) == 10 && document->date[4] == '-');
	document_free(document);
}

#endif
