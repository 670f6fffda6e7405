/* docx.h — the reader of Word .docx files (Office Open XML).
 *
 * Keeps: every paragraph (w:p) of the body in order, those of tables (a
 * row a line, its cells joined by a space) and of text boxes (after the
 * paragraph that anchors them); a line break (w:br) ends a line; Word's
 * automatic numbers rendered as Word shows them (docx_numbering.h);
 * footnotes and endnotes after the text, as back matter, each after its
 * number in brackets. Hints: the Title style marks the title, heading
 * styles and outline levels give heading levels, table-of-contents lines
 * are front matter. document.title is the package's core title
 * (docProps/core.xml). Leaves out: deleted and hidden text, field codes,
 * headers and footers, comments, images.
 *
 * Within the limits of package.h and ooxml.h: a zip bomb or an entity
 * bomb ends in a message, never a hang. */
#ifndef PIZHU_FORMATS_DOCX_H
#define PIZHU_FORMATS_DOCX_H

#include <stddef.h>

#include "base/error.h"
#include "formats/document.h"

int docx_read(const unsigned char *bytes, size_t length, struct document *document,
	      struct error *error);

#endif
