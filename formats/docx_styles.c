#include "formats/docx_styles.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/buffer.h"
#include "formats/ooxml.h"
#include "formats/xml_library.h"

struct style {
	char *id, *name, *based_on;
	/* w:outlineLvl + 1; OUTLINE_BODY for level 9, Word's "body text",
	 * which a style sets to take back the level of the style it is
	 * based on; 0 when the style says nothing. */
	int outline;
	int has_numbering;
	long num_id;
	int num_level; /* -1 when not given */
};

struct docx_styles {
	struct style *styles;
	size_t count;
	char *default_id;
};

enum {
	MAX_CHAIN = 32, /* a style chain longer than this is a loop */
	OUTLINE_BODY = 10,
};

static char *copy_value(const xmlNode *node, const char *attribute)
{
	char *value = node ? ooxml_attribute(node, attribute) : NULL;
	char *copy = value ? xstrdup(value) : NULL;
	xml_library_loaded.free(value);
	return copy;
}

static void read_style(struct docx_styles *styles, const xmlNode *node)
{
	char *type = ooxml_attribute(node, "type");
	int paragraph = !type || strcmp(type, "paragraph") == 0;
	xml_library_loaded.free(type);
	if (!paragraph)
		return;
	styles->styles = xrealloc(styles->styles, (styles->count + 1) * sizeof *styles->styles);
	struct style *style = &styles->styles[styles->count++];
	memset(style, 0, sizeof *style);
	style->id = copy_value(node, "styleId");
	style->name = copy_value(ooxml_child(node, "name"), "val");
	style->based_on = copy_value(ooxml_child(node, "basedOn"), "val");
	style->num_level = -1;
	xmlNodePtr properties = ooxml_child(node, "pPr");
	xmlNodePtr outline = ooxml_child(properties, "outlineLvl");
	if (outline) {
		long level = ooxml_number(outline, "val", 9);
		style->outline = level >= 0 && level < 9 ? (int)level + 1
				 : level == 9		 ? OUTLINE_BODY
							 : 0;
	}
	xmlNodePtr numbering = ooxml_child(properties, "numPr");
	if (numbering) {
		style->has_numbering = 1;
		style->num_id = ooxml_number(ooxml_child(numbering, "numId"), "val", 0);
		long level = ooxml_number(ooxml_child(numbering, "ilvl"), "val", -1);
		style->num_level = level >= 0 && level < 9 ? (int)level : -1;
	}
	char *is_default = ooxml_attribute(node, "default");
	if (is_default && (strcmp(is_default, "1") == 0 || strcmp(is_default, "true") == 0) &&
	    style->id && !styles->default_id)
		styles->default_id = xstrdup(style->id);
	xml_library_loaded.free(is_default);
}

int docx_styles_load(const char *data, size_t size, struct docx_styles **result,
		     struct error *error)
{
	struct docx_styles *styles = xcalloc(1, sizeof *styles);
	*result = styles;
	if (!data)
		return 0;
	xmlDocPtr document = ooxml_parse(data, size, "word/styles.xml", error);
	if (!document)
		return -1;
	for (xmlNodePtr node = xml_library_loaded.xmlDocGetRootElement(document)->children; node;
	     node = node->next)
		if (ooxml_is(node, "style"))
			read_style(styles, node);
	xml_library_loaded.xmlFreeDoc(document);
	return 0;
}

void docx_styles_free(struct docx_styles *styles)
{
	if (!styles)
		return;
	for (size_t i = 0; i < styles->count; i++) {
		free(styles->styles[i].id);
		free(styles->styles[i].name);
		free(styles->styles[i].based_on);
	}
	free(styles->styles);
	free(styles->default_id);
	free(styles);
}

static const struct style *find(const struct docx_styles *styles, const char *id)
{
	if (!id)
		return NULL;
	for (size_t i = 0; i < styles->count; i++)
		if (styles->styles[i].id && strcmp(styles->styles[i].id, id) == 0)
			return &styles->styles[i];
	return NULL;
}

const char *docx_styles_default(const struct docx_styles *styles)
{
	return styles->default_id;
}

/* "heading 2", "Heading 2", "标题 2": 2; else 0. */
static int heading_from_name(const char *name)
{
	const char *rest = NULL;
	if (strncasecmp(name, "heading", 7) == 0)
		rest = name + 7;
	else if (strncmp(name, "标题", strlen("标题")) == 0)
		rest = name + strlen("标题");
	if (!rest)
		return 0;
	while (*rest == ' ')
		rest++;
	if (rest[0] >= '1' && rest[0] <= '9' && rest[1] == '\0')
		return rest[0] - '0';
	return 0;
}

int docx_styles_heading_level(const struct docx_styles *styles, const char *style_id)
{
	const struct style *style = find(styles, style_id);
	for (int i = 0; style && i < MAX_CHAIN; i++, style = find(styles, style->based_on)) {
		if (style->outline)
			return style->outline == OUTLINE_BODY ? 0 : style->outline;
		int level = style->name ? heading_from_name(style->name) : 0;
		if (level)
			return level;
	}
	return 0;
}

int docx_styles_is_title(const struct docx_styles *styles, const char *style_id)
{
	const struct style *style = find(styles, style_id);
	return style && style->name &&
	       (strcasecmp(style->name, "Title") == 0 || strcmp(style->name, "标题") == 0);
}

int docx_styles_is_contents(const struct docx_styles *styles, const char *style_id)
{
	const struct style *style = find(styles, style_id);
	if (!style || !style->name)
		return 0;
	const char *name = style->name;
	/* "toc 1"…"toc 9" and the contents' own heading ("TOC Heading",
	 * which WPS names "TOC 标题1"). */
	return (strncasecmp(name, "toc ", 4) == 0 &&
		(isdigit((unsigned char)name[4]) || strncasecmp(name + 4, "heading", 7) == 0 ||
		 strncmp(name + 4, "标题", strlen("标题")) == 0)) ||
	       strncmp(name, "目录 ", strlen("目录 ")) == 0;
}

int docx_styles_numbering(const struct docx_styles *styles, const char *style_id, long *num_id,
			  int *level)
{
	const struct style *style = find(styles, style_id);
	for (int i = 0; style && i < MAX_CHAIN; i++, style = find(styles, style->based_on))
		if (style->has_numbering) {
			*num_id = style->num_id;
			*level = style->num_level;
			return 1;
		}
	return 0;
}
