#include "formats/read.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "formats/doc.h"
#include "formats/docx.h"
#include "formats/html.h"
#include "formats/markdown.h"
#include "formats/mhtml.h"
#include "formats/pdf.h"

/* A Word package is a zip holding word/document.xml; the name is stored
 * plainly in the zip's headers. Another zip (a spreadsheet, an archive)
 * is no speech. */
static int detect_docx(const unsigned char *bytes, size_t length, const char *extension)
{
	(void)extension;
	return format_is_zip(bytes, length) && memmem(bytes, length, "word/document.xml", 17);
}

static int detect_doc(const unsigned char *bytes, size_t length, const char *extension)
{
	(void)extension;
	return format_is_ole2(bytes, length);
}

static int detect_pdf(const unsigned char *bytes, size_t length, const char *extension)
{
	(void)extension;
	return format_is_pdf(bytes, length);
}

/* Text is what is left: anything without NUL bytes, or UTF-16 with its
 * byte order mark (decode.h says which text it takes). */
static int detect_text(const unsigned char *bytes, size_t length, const char *extension)
{
	(void)extension;
	if (length >= 2 &&
	    ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
		return 1;
	return memchr(bytes, 0, length) == NULL;
}

/* In order: the first whose detect says yes reads the file. The binary
 * formats go first (their magic numbers are certain), markup before
 * Markdown, text last. */
/* One line a reader: */
/* clang-format off */
static const struct format_reader readers[] = {
    {"docx", detect_docx, docx_read},
    {"doc", detect_doc, doc_read},
    {"pdf", detect_pdf, pdf_read},
    {"html", format_is_html, html_read},
    {"html", mhtml_detect, html_read},
    {"md", format_is_markdown, markdown_read},
    {"text", detect_text, NULL},
};
/* clang-format on */

int format_is_zip(const unsigned char *bytes, size_t length)
{
	return length >= 4 && memcmp(bytes, "PK\003\004", 4) == 0;
}

int format_is_ole2(const unsigned char *bytes, size_t length)
{
	static const unsigned char magic[8] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};
	return length >= sizeof magic && memcmp(bytes, magic, sizeof magic) == 0;
}

/* PDF readers accept "%PDF-" anywhere in the first kilobyte. */
int format_is_pdf(const unsigned char *bytes, size_t length)
{
	size_t window = length < 1024 ? length : 1024;
	return window >= 5 && memmem(bytes, window, "%PDF-", 5) != NULL;
}

/* The first bytes after a UTF-8 byte order mark and white space. */
static const unsigned char *skip_blank(const unsigned char *bytes, size_t length, size_t *rest)
{
	size_t i = length >= 3 && memcmp(bytes, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
	while (i < length &&
	       (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\r' || bytes[i] == '\n'))
		i++;
	*rest = length - i;
	return bytes + i;
}

static int starts_with_nocase(const unsigned char *bytes, size_t length, const char *prefix)
{
	size_t n = strlen(prefix);
	return length >= n && strncasecmp((const char *)bytes, prefix, n) == 0;
}

/* Case-insensitive search of needle in the first `window` bytes. */
static int contains_nocase(const unsigned char *bytes, size_t length, const char *needle)
{
	size_t n = strlen(needle);
	for (size_t i = 0; i + n <= length; i++)
		if (tolower(bytes[i]) == needle[0] &&
		    strncasecmp((const char *)bytes + i, needle, n) == 0)
			return 1;
	return 0;
}

/* A page begins with markup (a doctype, <html>, a comment, an XML
 * declaration) and has an HTML element early on; a file named .html or
 * .htm needs only an element. A text speech never begins with '<'. */
int format_is_html(const unsigned char *bytes, size_t length, const char *extension)
{
	if (memchr(bytes, 0, length < 4096 ? length : 4096))
		return 0;
	size_t rest;
	const unsigned char *start = skip_blank(bytes, length, &rest);
	size_t window = rest < 8192 ? rest : 8192;
	static const char *const elements[] = {"<html", "<head", "<body", "<meta",  "<title",
					       "<div",	"<p>",	 "<p ",	  "<table", "<br"};
	int element = 0;
	for (size_t i = 0; i < sizeof elements / sizeof elements[0] && !element; i++)
		element = contains_nocase(start, window, elements[i]);
	if (!element)
		return 0;
	if (extension && (strcmp(extension, "html") == 0 || strcmp(extension, "htm") == 0 ||
			  strcmp(extension, "xhtml") == 0 || strcmp(extension, "mhtml") == 0))
		return 1;
	return window > 0 && start[0] == '<';
}

/* Markdown: named so, or opening with YAML front matter (--- … ---) or
 * with a # heading line. */
int format_is_markdown(const unsigned char *bytes, size_t length, const char *extension)
{
	if (memchr(bytes, 0, length < 4096 ? length : 4096))
		return 0;
	if (extension && (strcmp(extension, "md") == 0 || strcmp(extension, "markdown") == 0))
		return 1;
	size_t rest;
	const unsigned char *start = skip_blank(bytes, length, &rest);
	if (starts_with_nocase(start, rest, "---\n") ||
	    starts_with_nocase(start, rest, "---\r\n")) {
		size_t window = rest < 8192 ? rest : 8192;
		return memmem(start + 3, window - 3, "\n---", 4) != NULL;
	}
	size_t hashes = 0;
	while (hashes < rest && hashes < 7 && start[hashes] == '#')
		hashes++;
	return hashes >= 1 && hashes <= 6 && hashes < rest && start[hashes] == ' ';
}

/* The extension of name, lower case, into out (empty when none). */
static void extension_of(const char *name, char *out, size_t size)
{
	out[0] = '\0';
	if (!name)
		return;
	const char *base = strrchr(name, '/');
	base = base ? base + 1 : name;
	const char *dot = strrchr(base, '.');
	if (!dot || dot == base || strlen(dot + 1) >= size)
		return;
	size_t i = 0;
	for (const char *c = dot + 1; *c; c++)
		out[i++] = (char)tolower((unsigned char)*c);
	out[i] = '\0';
}

const struct format_reader *format_detect(const unsigned char *bytes, size_t length,
					  const char *name)
{
	char extension[16];
	extension_of(name, extension, sizeof extension);
	for (size_t i = 0; i < sizeof readers / sizeof readers[0]; i++)
		if (readers[i].detect(bytes, length, extension))
			return &readers[i];
	return NULL;
}

int format_known_extension(const char *name)
{
	static const char *const known[] = {"txt",   "docx", "doc", "html", "htm",
					    "mhtml", "mht",  "pdf", "md"};
	char extension[16];
	extension_of(name, extension, sizeof extension);
	for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
		if (strcmp(extension, known[i]) == 0)
			return 1;
	return 0;
}
