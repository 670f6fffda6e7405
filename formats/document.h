/* document.h — a document as a format reader hands it to the parser.
 *
 * Every reader (text, .docx, .doc, .html, .pdf, .md) turns a file's bytes
 * into this one shape: UTF-8 text with one paragraph a line (a blank line
 * is a gap, as in a text file), and for each line what the document's own
 * markup says of it. The readers know nothing of the parser; the parser
 * (speech_parse_document in speech/speech.h) decides the structure,
 * taking the hints into account. */
#ifndef PIZHU_FORMATS_DOCUMENT_H
#define PIZHU_FORMATS_DOCUMENT_H

#include <stddef.h>

/* What the markup says a line is. */
enum document_role {
	DOCUMENT_TEXT = 0, /* nothing: the parser decides */
	DOCUMENT_TITLE,	   /* marked as the title (Word Title style, the page's headline) */
	DOCUMENT_FRONT,	   /* clutter before the text (menus, breadcrumbs, cover boilerplate) */
	DOCUMENT_BACK,	   /* clutter after the text (footers, related news, footnotes) */
};

/* The heading_level of a line the layout says is no heading: a cell of a
 * table beside other cells (a legend's 1. 投资评级…), whose marker heads
 * nothing and which is never the title. */
#define DOCUMENT_NOT_HEADING 10

struct document_line_hint {
	unsigned char role; /* enum document_role */
	/* 0: no heading markup; 1..9: the markup makes this line a heading of
	 * that level (<h1>–<h6>, Word's Heading N style or outline level,
	 * Markdown's #). A Chinese marker in the line still decides its rank.
	 * DOCUMENT_NOT_HEADING: see there. */
	unsigned char heading_level;
};

struct document {
	char *text;			  /* UTF-8, lines separated by '\n', NUL-terminated */
	size_t length;			  /* bytes of text, without the NUL */
	struct document_line_hint *hints; /* one per line of text, or NULL for none */
	size_t hint_count;
	const char *format; /* "text", "docx", "doc", "html", "pdf", "md" (static string) */
	/* From the document's metadata, each NULL when absent: its own title
	 * (Word's core title, a page's headline, Markdown's title:), its date
	 * (YYYY-MM-DD) and its source (a URL or publisher). */
	char *title;
	char *date;
	char *source;
};

void document_free(struct document *document);

#endif
