/* ooxml.h — parsing the XML parts of a Word package with libxml2, safely:
 * no network (XML_PARSE_NONET), no external or substituted entities (no
 * XML_PARSE_NOENT, no DTD loading), libxml2's limits on text and depth
 * kept (no XML_PARSE_HUGE), and a part with a document type declaration
 * refused outright: Office never writes one, an entity bomb needs one.
 * Elements are matched by local name: WordprocessingML comes in a
 * transitional and a strict namespace. */
#ifndef PIZHU_FORMATS_OOXML_H
#define PIZHU_FORMATS_OOXML_H

#include <libxml/tree.h>
#include <libxml/xmlreader.h>
#include <stddef.h>

#include "base/error.h"

/* The tree of a small part (styles, numbering, properties); NULL with a
 * message naming the part when it is not well-formed XML. */
xmlDocPtr ooxml_parse(const char *data, size_t size, const char *part, struct error *error);

/* A streaming reader over a large part (the document, its footnotes). */
xmlTextReaderPtr ooxml_reader(const char *data, size_t size, const char *part, struct error *error);

/* Whether node is an element named `name` (its local name). */
int ooxml_is(const xmlNode *node, const char *name);

/* The first child element named `name`, or NULL. */
xmlNodePtr ooxml_child(const xmlNode *node, const char *name);

/* An attribute (any namespace) as a new string to xmlFree, or NULL. */
char *ooxml_attribute(const xmlNode *node, const char *name);

/* The attribute as a number, or `fallback` when absent or not a number. */
long ooxml_number(const xmlNode *node, const char *name, long fallback);

/* A WordprocessingML on/off property (<w:vanish/>, w:val="0"): 1 when
 * present and not switched off. */
int ooxml_on(const xmlNode *node);

#endif
