/* xml_library.h — libxml2, loaded when pizhu first reads a web page or a
 * .docx rather than when it starts: libxml2 brings ICU and libstdc++,
 * ≈1.7 MiB resident in every run of pizhu (docs/performance.md). The
 * readers call libxml2 through this table; whatever makes a tree or a
 * reader (html.c, ooxml.c) loads it first, and everything else works on
 * what those made. */
#ifndef PIZHU_FORMATS_XML_LIBRARY_H
#define PIZHU_FORMATS_XML_LIBRARY_H

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlreader.h>

#include "base/error.h"

#define XML_LIBRARY_FUNCTIONS(F)                                                                   \
	F(htmlReadMemory)                                                                          \
	F(xmlDocGetRootElement)                                                                    \
	F(xmlFreeDoc)                                                                              \
	F(xmlFreeTextReader)                                                                       \
	F(xmlGetNoNsProp)                                                                          \
	F(xmlHasProp)                                                                              \
	F(xmlInitParser)                                                                           \
	F(xmlNodeGetContent)                                                                       \
	F(xmlReadMemory)                                                                           \
	F(xmlReaderForMemory)                                                                      \
	F(xmlTextReaderConstLocalName)                                                             \
	F(xmlTextReaderConstNamespaceUri)                                                          \
	F(xmlTextReaderConstValue)                                                                 \
	F(xmlTextReaderDepth)                                                                      \
	F(xmlTextReaderExpand)                                                                     \
	F(xmlTextReaderGetAttributeNs)                                                             \
	F(xmlTextReaderIsEmptyElement)                                                             \
	F(xmlTextReaderNext)                                                                       \
	F(xmlTextReaderNodeType)                                                                   \
	F(xmlTextReaderRead)

struct xml_library {
#define XML_LIBRARY_FIELD(name) __typeof__(name) *name;
	XML_LIBRARY_FUNCTIONS(XML_LIBRARY_FIELD)
#undef XML_LIBRARY_FIELD
	void (*free)(void *); /* xmlFree, which libxml2 keeps in a variable */
};

/* Loads the library on the first call (thread-safe) and returns
 * &xml_library_loaded; NULL when it cannot be loaded, with a message. */
const struct xml_library *xml_library(struct error *error);

/* The functions, once xml_library has returned them. */
extern struct xml_library xml_library_loaded;

#endif
