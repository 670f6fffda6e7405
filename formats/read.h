/* read.h — which format a speech file is in, and its reader.
 *
 * The format is decided by the bytes first (magic numbers, markup), the
 * file name's extension only where content cannot tell (Markdown). Every
 * supported format is one line of the reader table in read.c: its name
 * (also document.format and what the library records), how it is
 * detected, and the function that turns the bytes into a document
 * (formats/document.h). Plain text has no reader: the parser decodes it
 * itself (speech_parse), exactly as for a .txt file. */
#ifndef PIZHU_FORMATS_READ_H
#define PIZHU_FORMATS_READ_H

#include <stddef.h>

#include "base/error.h"
#include "formats/document.h"

/* What a file that is none of the formats gets told. */
#define FORMAT_UNREADABLE "not a speech pizhu can read (text, .docx, .doc, .html, .pdf, .md)"

/* The names of the files a directory import takes. */
#define FORMAT_EXTENSIONS "*.txt, *.docx, *.doc, *.html, *.htm, *.mhtml, *.mht, *.pdf, *.md"

struct format_reader {
	const char *name; /* "text", "docx", "doc", "html", "pdf", "md" */
	/* Nonzero when bytes[0..length) look like this format; `extension`
	 * is the file name's, lower case without the dot ("" when none).
	 * The bytes may be only the file's beginning. */
	int (*detect)(const unsigned char *bytes, size_t length, const char *extension);
	/* Reads the whole file into *document (which it fills from zero);
	 * NULL: the file is parsed as text. On failure the message says why,
	 * without the file name. */
	int (*read)(const unsigned char *bytes, size_t length, struct document *document,
		    struct error *error);
};

/* The reader for the file named `name` (a path, for its extension; may be
 * NULL) whose bytes (or first bytes) are given; NULL for a binary file of
 * no known format. */
const struct format_reader *format_detect(const unsigned char *bytes, size_t length,
					  const char *name);

/* Whether a file name's extension is that of a supported format: a
 * directory import takes such files and skips the rest. */
int format_known_extension(const char *name);

/* Content tests the table uses, for the readers' own checks and tests. */
int format_is_zip(const unsigned char *bytes, size_t length);
int format_is_ole2(const unsigned char *bytes, size_t length);
int format_is_pdf(const unsigned char *bytes, size_t length);
int format_is_html(const unsigned char *bytes, size_t length, const char *extension);
int format_is_markdown(const unsigned char *bytes, size_t length, const char *extension);

#endif
