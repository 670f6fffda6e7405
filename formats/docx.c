#include "formats/docx.h"

#include <stdlib.h>
#include <string.h>

#include "base/buffer.h"
#include "base/i18n.h"
#include "formats/docx_numbering.h"
#include "formats/docx_styles.h"
#include "formats/lines.h"
#include "formats/ooxml.h"
#include "formats/package.h"
#include "formats/read.h"
#include "formats/xml_library.h"

enum {
	/* Nested paragraphs and rows (text boxes in tables in text boxes)
	 * deeper than this flow into the innermost one kept. */
	MAX_NESTING = 64,
	STYLES_LIMIT = 64 * 1024 * 1024,
	PROPERTIES_LIMIT = 1024 * 1024,
};

enum container_kind {
	CONTAINER_PARAGRAPH,
	CONTAINER_ROW,
};

/* A paragraph or table row being read: its text so far, and the lines
 * of the text boxes it anchors, which follow it. */
struct container {
	enum container_kind kind;
	int depth; /* of its element in the XML */
	struct buffer text;
	struct lines after;
	char *style;	   /* w:pStyle */
	int has_numbering; /* w:numPr of its own */
	long num_id;	   /* -1 when its w:numPr names no list */
	int num_level;
	int outline; /* w:outlineLvl + 1; 10: body text; 0: none */
};

struct walk {
	xmlTextReaderPtr reader;
	struct docx_numbering *numbering;
	const struct docx_styles *styles;
	struct lines *out;
	unsigned char role; /* of every line: text, or back matter for notes */
	struct container stack[MAX_NESTING];
	int top;	    /* containers in stack */
	int in_text;	    /* inside a w:t */
	int run_hidden;	    /* the current run is w:vanish */
	char note_mark[32]; /* "[3] " before a note's first paragraph */
	long notes;
};

static int is_word(xmlTextReaderPtr reader)
{
	const char *space = (const char *)xml_library_loaded.xmlTextReaderConstNamespaceUri(reader);
	return space && (strcmp(space, "http://schemas.openxmlformats.org/wordprocessingml/2006/"
				       "main") == 0 ||
			 strcmp(space, "http://purl.oclc.org/ooxml/wordprocessingml/main") == 0);
}

static int is_compatibility(xmlTextReaderPtr reader)
{
	const char *space = (const char *)xml_library_loaded.xmlTextReaderConstNamespaceUri(reader);
	return space &&
	       strcmp(space, "http://schemas.openxmlformats.org/markup-compatibility/2006") == 0;
}

/* An attribute of the current element in its own namespace (w:type). */
static char *word_attribute(xmlTextReaderPtr reader, const char *name)
{
	return (char *)xml_library_loaded.xmlTextReaderGetAttributeNs(
	    reader, (const xmlChar *)name,
	    xml_library_loaded.xmlTextReaderConstNamespaceUri(reader));
}

static struct container *top(struct walk *walk)
{
	return walk->top > 0 ? &walk->stack[walk->top - 1] : NULL;
}

static void push(struct walk *walk, enum container_kind kind, int depth)
{
	if (walk->top >= MAX_NESTING)
		return;
	struct container *container = &walk->stack[walk->top++];
	memset(container, 0, sizeof *container);
	container->kind = kind;
	container->depth = depth;
	container->num_level = -1;
}

static void container_free(struct container *container)
{
	buffer_free(&container->text);
	lines_free(&container->after);
	free(container->style);
}

/* Reads the paragraph properties the walk needs from w:pPr. */
static void read_paragraph_properties(struct container *paragraph, xmlNodePtr properties)
{
	for (xmlNodePtr child = properties ? properties->children : NULL; child;
	     child = child->next) {
		if (ooxml_is(child, "pStyle")) {
			char *style = ooxml_attribute(child, "val");
			free(paragraph->style);
			paragraph->style = style ? xstrdup(style) : NULL;
			xml_library_loaded.free(style);
		} else if (ooxml_is(child, "numPr")) {
			paragraph->has_numbering = 1;
			paragraph->num_id = ooxml_number(ooxml_child(child, "numId"), "val", -1);
			long level = ooxml_number(ooxml_child(child, "ilvl"), "val", 0);
			paragraph->num_level = level >= 0 && level < DOCX_LEVELS ? (int)level : 0;
		} else if (ooxml_is(child, "outlineLvl")) {
			long level = ooxml_number(child, "val", 9);
			paragraph->outline = level >= 0 && level < 9 ? (int)level + 1 : 10;
		}
	}
}

/* Word's number for the paragraph, from its own w:numPr or its style's. */
static void number_paragraph(struct walk *walk, struct container *paragraph, struct buffer *out)
{
	const char *style = paragraph->style ? paragraph->style : docx_styles_default(walk->styles);
	long num_id = paragraph->num_id;
	int level = paragraph->num_level;
	if (!paragraph->has_numbering || num_id < 0) {
		/* The style's numbering; a w:numPr of the paragraph's own that
		 * gives only a level keeps it. */
		int style_level;
		if (!docx_styles_numbering(walk->styles, style, &num_id, &style_level))
			return;
		if (!paragraph->has_numbering)
			level = style_level >= 0
				    ? style_level
				    : docx_numbering_style_level(walk->numbering, num_id, style);
		if (level < 0)
			level = 0;
	}
	docx_numbering_next(walk->numbering, num_id, level, out);
}

static struct document_line_hint paragraph_hint(const struct walk *walk,
						const struct container *paragraph)
{
	struct document_line_hint hint = {walk->role, 0};
	const char *style = paragraph->style ? paragraph->style : docx_styles_default(walk->styles);
	if (walk->role == DOCUMENT_TEXT) {
		if (docx_styles_is_title(walk->styles, style))
			hint.role = DOCUMENT_TITLE;
		else if (docx_styles_is_contents(walk->styles, style))
			hint.role = DOCUMENT_FRONT;
	}
	if (paragraph->outline)
		hint.heading_level =
		    paragraph->outline < 10 ? (unsigned char)paragraph->outline : 0;
	else
		hint.heading_level = (unsigned char)docx_styles_heading_level(walk->styles, style);
	if (hint.role != DOCUMENT_TEXT)
		hint.heading_level = 0;
	return hint;
}

/* Puts a finished line where it belongs: into the row it is a cell of,
 * after the paragraph whose text box holds it, or out. */
static void place(struct walk *walk, struct buffer *text, struct document_line_hint hint,
		  struct lines *after)
{
	struct container *parent = top(walk);
	if (parent && parent->kind == CONTAINER_ROW) {
		if (text->length > 0) {
			if (parent->text.length > 0)
				buffer_append_byte(&parent->text, ' ');
			buffer_append(&parent->text, text->data, text->length);
		}
		lines_move(&parent->after, after);
	} else if (parent) {
		if (text->length > 0)
			lines_add(&parent->after, text->data, text->length, hint);
		lines_move(&parent->after, after);
	} else {
		lines_add(walk->out, text->data ? text->data : "", text->length, hint);
		lines_move(walk->out, after);
	}
}

static void finish_container(struct walk *walk)
{
	struct container container = walk->stack[--walk->top];
	struct buffer line = {0};
	struct document_line_hint hint = {walk->role, 0};
	if (container.kind == CONTAINER_PARAGRAPH) {
		if (walk->note_mark[0] && walk->top == 0) {
			buffer_append_string(&line, walk->note_mark);
			walk->note_mark[0] = '\0';
		}
		number_paragraph(walk, &container, &line);
		hint = paragraph_hint(walk, &container);
	}
	buffer_append(&line, container.text.data, container.text.length);
	place(walk, &line, hint, &container.after);
	buffer_free(&line);
	container_free(&container);
}

static void append_text(struct walk *walk, const char *text)
{
	struct container *container = top(walk);
	if (container && !walk->run_hidden)
		buffer_append_string(&container->text, text);
}

/* A note in footnotes.xml or endnotes.xml: the separators Word draws
 * between text and notes are not notes. */
static int start_note(struct walk *walk)
{
	char *type = word_attribute(walk->reader, "type");
	int separator = type && strcmp(type, "normal") != 0;
	xml_library_loaded.free(type);
	if (separator)
		return 0;
	snprintf(walk->note_mark, sizeof walk->note_mark, "[%ld] ", ++walk->notes);
	return 1;
}

/* Elements whose whole content is no text of the document. */
static int skipped(const char *name)
{
	static const char *const names[] = {
	    "delText",		"instrText",	 "sectPr",     "sdtPr",	    "sdtEndPr",
	    "moveFrom",		"tblPr",	 "tblGrid",    "trPr",	    "tcPr",
	    "commentReference", "annotationRef", "footnotePr", "endnotePr", "del"};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcmp(name, names[i]) == 0)
			return 1;
	return 0;
}

/* One element start. Returns 1 when its subtree is to be skipped. */
static int start_element(struct walk *walk, const char *name, int depth, int empty)
{
	xmlTextReaderPtr reader = walk->reader;
	if (is_compatibility(reader))
		return strcmp(name, "Fallback") == 0; /* the Choice says it already */
	if (!is_word(reader))
		return 0;
	if (strcmp(name, "p") == 0) {
		push(walk, CONTAINER_PARAGRAPH, depth);
		if (empty && top(walk) && top(walk)->depth == depth)
			finish_container(walk);
	} else if (strcmp(name, "tr") == 0) {
		push(walk, CONTAINER_ROW, depth);
		if (empty && top(walk) && top(walk)->depth == depth)
			finish_container(walk);
	} else if (strcmp(name, "pPr") == 0) {
		struct container *paragraph = top(walk);
		if (paragraph && paragraph->kind == CONTAINER_PARAGRAPH &&
		    paragraph->depth == depth - 1)
			read_paragraph_properties(paragraph,
						  xml_library_loaded.xmlTextReaderExpand(reader));
		return 1;
	} else if (strcmp(name, "rPr") == 0) {
		xmlNodePtr properties = xml_library_loaded.xmlTextReaderExpand(reader);
		if (ooxml_on(ooxml_child(properties, "vanish")) ||
		    ooxml_on(ooxml_child(properties, "specVanish")))
			walk->run_hidden = 1;
		return 1;
	} else if (strcmp(name, "r") == 0)
		walk->run_hidden = 0;
	else if (strcmp(name, "t") == 0)
		walk->in_text = !empty;
	else if (strcmp(name, "tab") == 0 || strcmp(name, "ptab") == 0)
		append_text(walk, " ");
	else if (strcmp(name, "br") == 0) {
		char *type = word_attribute(reader, "type");
		if (!type || strcmp(type, "textWrapping") == 0)
			append_text(walk, "\n");
		xml_library_loaded.free(type);
	} else if (strcmp(name, "cr") == 0)
		append_text(walk, "\n");
	else if (strcmp(name, "noBreakHyphen") == 0)
		append_text(walk, "-");
	else if (strcmp(name, "footnote") == 0 || strcmp(name, "endnote") == 0)
		return !start_note(walk);
	else if (skipped(name))
		return 1;
	return 0;
}

static void end_element(struct walk *walk, const char *name, int depth)
{
	if (!is_word(walk->reader))
		return;
	if (strcmp(name, "t") == 0)
		walk->in_text = 0;
	else if ((strcmp(name, "p") == 0 || strcmp(name, "tr") == 0) && top(walk) &&
		 top(walk)->depth == depth)
		finish_container(walk);
}

/* Walks a part (the document or its notes), adding its lines to out. */
static int walk_part(const char *data, size_t size, const char *part, struct walk *walk,
		     struct error *error)
{
	walk->reader = ooxml_reader(data, size, part, error);
	if (!walk->reader)
		return -1;
	int status;
	for (status = xml_library_loaded.xmlTextReaderRead(walk->reader); status == 1;) {
		xmlTextReaderPtr reader = walk->reader;
		int type = xml_library_loaded.xmlTextReaderNodeType(reader);
		int depth = xml_library_loaded.xmlTextReaderDepth(reader);
		const char *name =
		    (const char *)xml_library_loaded.xmlTextReaderConstLocalName(reader);
		int skip = 0;
		if (type == XML_READER_TYPE_ELEMENT)
			skip =
			    start_element(walk, name, depth,
					  xml_library_loaded.xmlTextReaderIsEmptyElement(reader));
		else if (type == XML_READER_TYPE_END_ELEMENT)
			end_element(walk, name, depth);
		else if ((type == XML_READER_TYPE_TEXT ||
			  type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE ||
			  type == XML_READER_TYPE_WHITESPACE) &&
			 walk->in_text)
			append_text(
			    walk, (const char *)xml_library_loaded.xmlTextReaderConstValue(reader));
		status = skip ? xml_library_loaded.xmlTextReaderNext(reader)
			      : xml_library_loaded.xmlTextReaderRead(reader);
	}
	while (walk->top > 0) /* a truncated part: what was read counts */
		container_free(&walk->stack[--walk->top]);
	xml_library_loaded.xmlFreeTextReader(walk->reader);
	walk->reader = NULL;
	if (status < 0)
		return error_set(error, _("damaged Word file (%s is not well-formed XML)"), part);
	return 0;
}

/* A part, or NULL (with *size 0) when the package lacks it or it cannot
 * be read: the optional parts only add to the text. */
static char *optional_part(struct package *package, const char *name, size_t limit, size_t *size)
{
	char *data;
	struct error ignored;
	if (package_read(package, name, limit, &data, size, &ignored) != 0) {
		*size = 0;
		return NULL;
	}
	return data;
}

static char *core_title(struct package *package)
{
	size_t size;
	char *data = optional_part(package, "docProps/core.xml", PROPERTIES_LIMIT, &size);
	if (!data)
		return NULL;
	struct error ignored;
	xmlDocPtr tree = ooxml_parse(data, size, "docProps/core.xml", &ignored);
	free(data);
	if (!tree)
		return NULL;
	char *title = NULL;
	xmlNodePtr node = ooxml_child(xml_library_loaded.xmlDocGetRootElement(tree), "title");
	char *content = node ? (char *)xml_library_loaded.xmlNodeGetContent(node) : NULL;
	if (content) {
		size_t start = strspn(content, " \t\r\n"), end = strlen(content);
		while (end > start && strchr(" \t\r\n", content[end - 1]))
			end--;
		if (end > start)
			title = xstrndup(content + start, end - start);
	}
	xml_library_loaded.free(content);
	xml_library_loaded.xmlFreeDoc(tree);
	return title;
}

int docx_read(const unsigned char *bytes, size_t length, struct document *document,
	      struct error *error)
{
	memset(document, 0, sizeof *document);
	struct package *package;
	if (package_open(bytes, length, &package, error) != 0)
		return -1;
	char *body;
	size_t body_size;
	int found = package_read(package, "word/document.xml", PACKAGE_MAX_PART_BYTES, &body,
				 &body_size, error);
	if (found != 0) {
		package_close(package);
		return found > 0 ? error_set(error, "%s", FORMAT_UNREADABLE) : -1;
	}
	size_t size;
	struct docx_styles *styles;
	struct docx_numbering *numbering;
	char *part = optional_part(package, "word/styles.xml", STYLES_LIMIT, &size);
	if (docx_styles_load(part, size, &styles, error) != 0) {
		docx_styles_free(styles);
		docx_styles_load(NULL, 0, &styles, error);
	}
	free(part);
	part = optional_part(package, "word/numbering.xml", STYLES_LIMIT, &size);
	if (docx_numbering_load(part, size, &numbering, error) != 0) {
		docx_numbering_free(numbering);
		docx_numbering_load(NULL, 0, &numbering, error);
	}
	free(part);

	struct lines lines = {0};
	struct walk walk = {.numbering = numbering, .styles = styles, .out = &lines};
	int status = walk_part(body, body_size, "word/document.xml", &walk, error);
	free(body);
	static const char *const notes[] = {"word/footnotes.xml", "word/endnotes.xml"};
	for (size_t i = 0; i < 2 && status == 0; i++) {
		part = optional_part(package, notes[i], PACKAGE_MAX_PART_BYTES, &size);
		if (!part)
			continue;
		struct lines note_lines = {0};
		struct walk note_walk = {.numbering = numbering,
					 .styles = styles,
					 .out = &note_lines,
					 .role = DOCUMENT_BACK,
					 .notes = walk.notes};
		struct error ignored;
		if (walk_part(part, size, notes[i], &note_walk, &ignored) == 0 &&
		    note_lines.count > 0) {
			lines_add(&lines, "", 0, (struct document_line_hint){DOCUMENT_BACK, 0});
			lines_move(&lines, &note_lines);
			walk.notes = note_walk.notes;
		}
		lines_free(&note_lines);
		free(part);
	}
	if (status == 0) {
		document->title = core_title(package);
		document->format = "docx";
		lines_to_document(&lines, document);
	}
	lines_free(&lines);
	docx_styles_free(styles);
	docx_numbering_free(numbering);
	package_close(package);
	return status;
}
