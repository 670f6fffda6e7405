/* doc.h — the reader of Word 97-2003 .doc files, through a converter
 * installed on the machine (pizhu does not parse the binary format
 * itself):
 *   LibreOffice (soffice --headless --convert-to docx), when installed,
 *     converts the file to .docx, which docx.h reads: automatic numbers,
 *     styles, tables and notes are kept as for a .docx;
 *   else catdoc (catdoc -d utf-8 -w) gives its text, a paragraph a line,
 *     without Word's automatic numbers.
 * With neither, the file is refused with a message saying how to get
 * one or how to convert the file. The converter runs without a shell, on
 * a temporary copy in a private directory, its output bounded, and is
 * killed when it runs past its time. PIZHU_DOC_CONVERTER=soffice, catdoc
 * or none picks one (for tests). */
#ifndef PIZHU_FORMATS_DOC_H
#define PIZHU_FORMATS_DOC_H

#include <stddef.h>

#include "base/error.h"
#include "formats/document.h"

#define DOC_NO_CONVERTER                                                                           \
	"a Word 97-2003 .doc file needs a converter: install catdoc (apt-get install catdoc) or "  \
	"LibreOffice (apt-get install libreoffice-writer), or save it as .docx in Word or WPS"

int doc_read(const unsigned char *bytes, size_t length, struct document *document,
	     struct error *error);

#endif
