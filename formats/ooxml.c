#include "formats/ooxml.h"
#include "formats/xml_library.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "base/i18n.h"

enum {
	PARSE_OPTIONS = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
			XML_PARSE_NOCDATA | XML_PARSE_COMPACT,
};

static int has_doctype(const char *data, size_t size, const char *part, struct error *error)
{
	if (memmem(data, size, "<!DOCTYPE", 9) || memmem(data, size, "<!ENTITY", 8))
		return error_set(error,
				 _("damaged Word file (%s declares a document type or entities: "
				   "refused)"),
				 part);
	return 0;
}

/* What a part must pass before libxml2 reads it (no document type, a
 * size libxml2 takes), and libxml2 loaded. */
static int check_part(const char *data, size_t size, const char *part, struct error *error)
{
	if (has_doctype(data, size, part, error) != 0)
		return -1;
	if (size > (size_t)INT32_MAX)
		return error_set(error, _("%s is too large"), part);
	return xml_library(error) ? 0 : -1;
}

xmlDocPtr ooxml_parse(const char *data, size_t size, const char *part, struct error *error)
{
	if (check_part(data, size, part, error) != 0)
		return NULL;
	xmlDocPtr document =
	    xml_library_loaded.xmlReadMemory(data, (int)size, NULL, NULL, PARSE_OPTIONS);
	if (!document || !xml_library_loaded.xmlDocGetRootElement(document)) {
		xml_library_loaded.xmlFreeDoc(document);
		error_set(error, _("damaged Word file (%s is not well-formed XML)"), part);
		return NULL;
	}
	return document;
}

xmlTextReaderPtr ooxml_reader(const char *data, size_t size, const char *part, struct error *error)
{
	if (check_part(data, size, part, error) != 0)
		return NULL;
	xmlTextReaderPtr reader =
	    xml_library_loaded.xmlReaderForMemory(data, (int)size, NULL, NULL, PARSE_OPTIONS);
	if (!reader)
		error_set(error, _("cannot read %s"), part);
	return reader;
}

int ooxml_is(const xmlNode *node, const char *name)
{
	return node && node->type == XML_ELEMENT_NODE &&
	       strcmp((const char *)node->name, name) == 0;
}

xmlNodePtr ooxml_child(const xmlNode *node, const char *name)
{
	for (xmlNodePtr child = node ? node->children : NULL; child; child = child->next)
		if (ooxml_is(child, name))
			return child;
	return NULL;
}

char *ooxml_attribute(const xmlNode *node, const char *name)
{
	/* Only elements have attributes (a compact text node keeps its text
	 * where an element keeps them). */
	if (!node || node->type != XML_ELEMENT_NODE)
		return NULL;
	for (xmlAttrPtr attribute = node->properties; attribute; attribute = attribute->next)
		if (strcmp((const char *)attribute->name, name) == 0)
			return (char *)xml_library_loaded.xmlNodeGetContent(
			    (const xmlNode *)attribute);
	return NULL;
}

long ooxml_number(const xmlNode *node, const char *name, long fallback)
{
	char *text = ooxml_attribute(node, name);
	if (!text)
		return fallback;
	char *end;
	errno = 0;
	long value = strtol(text, &end, 10);
	if (end == text || *end != '\0' || errno != 0)
		value = fallback;
	xml_library_loaded.free(text);
	return value;
}

int ooxml_on(const xmlNode *node)
{
	if (!node)
		return 0;
	char *value = ooxml_attribute(node, "val");
	int on = !value || !(strcmp(value, "0") == 0 || strcmp(value, "false") == 0 ||
			     strcmp(value, "off") == 0);
	xml_library_loaded.free(value);
	return on;
}
#include "base/i18n.h"
