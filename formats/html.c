#include "formats/html.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/buffer.h"
#include "base/i18n.h"
#include "base/utf8.h"
#include "formats/charset.h"
#include "formats/date.h"
#include "formats/lines.h"
#include "formats/mhtml.h"
#include "formats/xml_library.h"

/* Elements nested deeper are skipped: no real page nests this deep, and
 * the recursion stays bounded. */
#define MAX_DEPTH 512
/* How far up a line's text counts towards its ancestors' totals. */
#define SCORE_DEPTH 48

/* One line of the page as a browser shows it. */
struct block {
	size_t offset, length; /* of its raw text in page.text */
	size_t chars;	       /* characters that are not white space */
	size_t link_chars;     /* of them, inside <a href> */
	size_t bold_chars;     /* of them, inside <b>, <strong> or bold style */
	unsigned char heading; /* 1..6 inside <h1>–<h6> */
	unsigned char centered;
	unsigned char titled; /* inside an element whose class or id says title */
};

/* What is known of an element that holds text. */
struct element {
	xmlNode *node;
	double score;	   /* text of the paragraphs it holds */
	size_t chars;	   /* all text under it (within SCORE_DEPTH) */
	size_t link_chars; /* of it, link text */
	size_t first, end; /* its blocks */
};

struct frame {
	xmlNode *node;
	long element; /* index in page.elements, or -1 */
	int block;    /* whether the element ends lines */
};

/* How a text node is shown, from its ancestors. */
struct context {
	int link, bold, heading, centered, titled, pre;
};

struct page {
	struct buffer text;
	struct block *blocks;
	size_t block_count, block_capacity;
	struct element *elements;
	size_t element_count, element_capacity;
	struct frame *frames;
	size_t frame_count, frame_capacity;
	/* The line being read. */
	struct block current;
	int in_line;
	int pending_space;   /* white space seen since the last character */
	int pending_newline; /* a line end among it */
	long last_char;
	long known_article; /* element of a known article container, or -1 */
	char *title;	    /* the first non-empty <title> */
	char *og_title;
	char *url;
	char *date;
};

static int name_is(const xmlNode *node, const char *name)
{
	return node->name && strcmp((const char *)node->name, name) == 0;
}

static int name_in(const xmlNode *node, const char *const *names)
{
	for (; *names; names++)
		if (name_is(node, *names))
			return 1;
	return 0;
}

static const char *const skipped_elements[] = {
    "script", "style",	"noscript", "template", "iframe", "object", "embed", "svg",
    "canvas", "select", "option",   "textarea", "button", "input",  "audio", "video",
    "map",    "math",	"frameset", "frame",	"param",  "source", NULL};

static const char *const block_elements[] = {
    "p",      "div",	 "h1",	       "h2",	"h3",	   "h4",	 "h5",	    "h6",
    "li",     "ul",	 "ol",	       "dl",	"dt",	   "dd",	 "table",   "tr",
    "td",     "th",	 "tbody",      "thead", "tfoot",   "caption",	 "section", "article",
    "header", "footer",	 "nav",	       "aside", "main",	   "blockquote", "pre",	    "center",
    "form",   "figure",	 "figcaption", "hr",	"address", "fieldset",	 "body",    "html",
    "legend", "details", "summary",    "menu",	"dir",	   NULL};

/* An attribute's value as a new string, or NULL. */
static char *attribute(const xmlNode *node, const char *name)
{
	return (char *)xml_library_loaded.xmlGetNoNsProp(node, (const xmlChar *)name);
}

static int attribute_contains(const xmlNode *node, const char *name, const char *needle)
{
	char *value = attribute(node, name);
	int found = value && strcasestr(value, needle) != NULL;
	xml_library_loaded.free(value);
	return found;
}

/* Whether an element's style or attributes hide it. */
static int hidden(const xmlNode *node)
{
	if (xml_library_loaded.xmlHasProp(node, (const xmlChar *)"hidden"))
		return 1;
	char *style = attribute(node, "style");
	int none = 0;
	if (style) {
		/* "display:none" with any spacing. */
		for (char *at = strcasestr(style, "display"); at;
		     at = strcasestr(at + 1, "display")) {
			char *p = at + 7;
			while (*p == ' ' || *p == ':')
				p++;
			if (strncasecmp(p, "none", 4) == 0)
				none = 1;
		}
	}
	xml_library_loaded.free(style);
	return none;
}

static int class_or_id_contains(const xmlNode *node, const char *needle)
{
	return attribute_contains(node, "class", needle) || attribute_contains(node, "id", needle);
}

/* Containers that sites use for the article itself. */
static int known_article(const xmlNode *node)
{
	char *id = attribute(node, "id");
	int known = id && (strcmp(id, "js_content") == 0 || strcasestr(id, "TRS_Editor") ||
			   strcasecmp(id, "zoom") == 0 || strcasecmp(id, "UCAP-CONTENT") == 0);
	xml_library_loaded.free(id);
	return known || attribute_contains(node, "class", "TRS_Editor") ||
	       attribute_contains(node, "class", "rich_media_content");
}

/* The element of a frame, recorded the first time it holds text: its
 * blocks begin at `first`. */
static long element_of(struct page *page, struct frame *frame, size_t first)
{
	if (frame->element < 0) {
		page->elements = xgrow(page->elements, &page->element_capacity,
				       page->element_count + 1, sizeof *page->elements);
		struct element *element = &page->elements[page->element_count];
		memset(element, 0, sizeof *element);
		element->node = frame->node;
		element->first = first;
		element->end = SIZE_MAX; /* still open */
		frame->element = (long)page->element_count++;
	}
	return frame->element;
}

/* Ends the line being read, recording it as a block with its text's share
 * of its ancestors' scores. */
static void end_line(struct page *page)
{
	page->pending_space = page->pending_newline = 0;
	page->last_char = 0;
	if (!page->in_line)
		return;
	page->in_line = 0;
	struct block block = page->current;
	block.length = page->text.length - block.offset;
	memset(&page->current, 0, sizeof page->current);
	if (block.chars == 0) {
		page->text.length = block.offset;
		return;
	}
	buffer_append_byte(&page->text, '\n');
	page->blocks =
	    xgrow(page->blocks, &page->block_capacity, page->block_count + 1, sizeof *page->blocks);
	page->blocks[page->block_count++] = block;
	/* Every ancestor counts the text under it; the paragraph's container
	 * and the one above score its text, as in Readability. */
	size_t top = page->frame_count;
	size_t levels = 0;
	long owner = -1;
	for (size_t i = top; i-- > 0 && levels < SCORE_DEPTH;) {
		if (!page->frames[i].block)
			continue;
		levels++;
		long index = element_of(page, &page->frames[i], page->block_count - 1);
		struct element *element = &page->elements[index];
		element->chars += block.chars;
		element->link_chars += block.link_chars;
		if (owner < 0)
			owner = (long)i;
	}
	if (owner < 0 || block.link_chars * 2 >= block.chars)
		return;
	double score = (double)(block.chars - block.link_chars);
	if (score < 8)
		return;
	/* Text held in a <p> scores for the container of the <p>; text held
	 * directly in a <div> or <td> (paragraphs made with <br>) for the
	 * container itself. */
	size_t target = (size_t)owner;
	if (name_is(page->frames[owner].node, "p") || page->frames[owner].node->name[0] == 'h' ||
	    name_is(page->frames[owner].node, "li") || name_is(page->frames[owner].node, "pre"))
		while (target > 0 && !page->frames[--target].block)
			;
	double share = 1;
	for (size_t i = target + 1, shares = 0; i-- > 0 && shares < 2;) {
		if (!page->frames[i].block)
			continue;
		page->elements[element_of(page, &page->frames[i], page->block_count - 1)].score +=
		    score * share;
		share /= 2;
		shares++;
	}
}

static void begin_line(struct page *page, const struct context *context)
{
	if (page->in_line)
		return;
	page->in_line = 1;
	memset(&page->current, 0, sizeof page->current);
	page->current.offset = page->text.length;
	page->current.heading = (unsigned char)context->heading;
	page->current.centered = (unsigned char)context->centered;
	page->current.titled = (unsigned char)context->titled;
}

static int is_white(long c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static void add_text(struct page *page, const xmlChar *content, const struct context *context)
{
	const unsigned char *text = content;
	size_t length = strlen((const char *)text);
	for (size_t i = 0; i < length;) {
		size_t step;
		long c = utf8_decode(text + i, length - i, &step);
		if (c < 0)
			c = UTF8_REPLACEMENT;
		if (context->pre && c == '\n') {
			end_line(page);
			i += step;
			continue;
		}
		if (is_white(c)) {
			if (page->in_line) {
				page->pending_space = 1;
				page->pending_newline |= c == '\n' || c == '\r';
			}
			i += step;
			continue;
		}
		begin_line(page, context);
		if (page->pending_space) {
			/* A line end in the source between two Chinese characters
			 * is how the page was typed, not a space. */
			if (!(page->pending_newline && lines_is_cjk(page->last_char) &&
			      lines_is_cjk(c)))
				buffer_append_byte(&page->text, ' ');
			page->pending_space = page->pending_newline = 0;
		}
		buffer_append(&page->text, text + i, step);
		i += step;
		page->last_char = c;
		/* NBSP and U+3000 are kept (they indent) but are not text. */
		if (c == 0xA0 || c == 0x3000)
			continue;
		page->current.chars++;
		if (context->link)
			page->current.link_chars++;
		if (context->bold)
			page->current.bold_chars++;
	}
}

/* The text of an element as one collapsed string, for <title>. */
static char *element_text(xmlNode *node)
{
	xmlChar *content = xml_library_loaded.xmlNodeGetContent(node);
	if (!content)
		return NULL;
	struct lines one = {0};
	char *text = NULL;
	if (lines_add_paragraph(&one, (const char *)content, strlen((const char *)content),
				DOCUMENT_TEXT, 0)) {
		size_t length;
		const char *line = lines_get(&one, 0, &length);
		text = xstrndup(line, length);
	}
	lines_free(&one);
	xml_library_loaded.free(content);
	return text;
}

static void read_head_element(struct page *page, xmlNode *node)
{
	if (name_is(node, "title")) {
		if (!page->title)
			page->title = element_text(node);
		return;
	}
	if (name_is(node, "meta")) {
		char *property = attribute(node, "property");
		if (!property)
			property = attribute(node, "name");
		if (!property)
			property = attribute(node, "itemprop");
		if (property) {
			char **target = NULL;
			if (strcasecmp(property, "og:title") == 0)
				target = &page->og_title;
			else if (strcasecmp(property, "og:url") == 0)
				target = &page->url;
			else if (strcasecmp(property, "article:published_time") == 0 ||
				 strcasecmp(property, "publishdate") == 0 ||
				 strcasecmp(property, "pubdate") == 0 ||
				 strcasecmp(property, "datePublished") == 0 ||
				 strcasecmp(property, "PubDate") == 0)
				target = &page->date;
			char *content = target ? attribute(node, "content") : NULL;
			if (content && *content && !*target) {
				struct lines one = {0};
				if (lines_add_paragraph(&one, content, strlen(content),
							DOCUMENT_TEXT, 0)) {
					size_t length;
					const char *line = lines_get(&one, 0, &length);
					*target = xstrndup(line, length);
				}
				lines_free(&one);
			}
			xml_library_loaded.free(content);
		}
		xml_library_loaded.free(property);
		return;
	}
	if (name_is(node, "link") && attribute_contains(node, "rel", "canonical") && !page->url) {
		char *href = attribute(node, "href");
		if (href && strncmp(href, "http", 4) == 0)
			page->url = xstrdup(href);
		xml_library_loaded.free(href);
	}
}

static int bold_style(const xmlNode *node)
{
	char *style = attribute(node, "style");
	int bold =
	    style &&
	    (strcasestr(style, "font-weight:bold") || strcasestr(style, "font-weight: bold") ||
	     strcasestr(style, "font-weight:700") || strcasestr(style, "font-weight: 700"));
	xml_library_loaded.free(style);
	return bold;
}

static int centered(const xmlNode *node)
{
	return attribute_contains(node, "style", "text-align:center") ||
	       attribute_contains(node, "style", "text-align: center") ||
	       attribute_contains(node, "align", "center") || name_is(node, "center");
}

static void walk(struct page *page, xmlNode *node, struct context context, size_t depth)
{
	for (; node; node = node->next) {
		if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
			if (node->content)
				add_text(page, node->content, &context);
			continue;
		}
		if (node->type != XML_ELEMENT_NODE || !node->name)
			continue;
		if (name_is(node, "title") || name_is(node, "meta") || name_is(node, "link")) {
			read_head_element(page, node);
			continue;
		}
		if (name_is(node, "head")) {
			for (xmlNode *child = node->children; child; child = child->next)
				if (child->type == XML_ELEMENT_NODE)
					read_head_element(page, child);
			continue;
		}
		if (name_in(node, skipped_elements) || hidden(node))
			continue;
		if (name_is(node, "br")) {
			end_line(page);
			continue;
		}
		if (name_is(node, "img")) {
			continue;
		}
		int block = name_in(node, block_elements);
		struct context inner = context;
		if (name_is(node, "a") &&
		    xml_library_loaded.xmlHasProp(node, (const xmlChar *)"href"))
			inner.link = 1;
		if (name_is(node, "b") || name_is(node, "strong") || bold_style(node))
			inner.bold = 1;
		if (name_is(node, "pre"))
			inner.pre = 1;
		if (block) {
			end_line(page);
			const char *name = (const char *)node->name;
			if (name[0] == 'h' && name[1] >= '1' && name[1] <= '6' && !name[2])
				inner.heading = name[1] - '0';
			if (centered(node))
				inner.centered = 1;
			if (class_or_id_contains(node, "title") &&
			    !class_or_id_contains(node, "subtitle"))
				inner.titled = 1;
		}
		if (depth >= MAX_DEPTH)
			continue;
		page->frames = xgrow(page->frames, &page->frame_capacity, page->frame_count + 1,
				     sizeof *page->frames);
		page->frames[page->frame_count++] = (struct frame){node, -1, block};
		if (block && page->known_article < 0 && known_article(node))
			page->known_article = element_of(page, &page->frames[page->frame_count - 1],
							 page->block_count);
		walk(page, node->children, inner, depth + 1);
		if (block)
			end_line(page);
		struct frame *frame = &page->frames[--page->frame_count];
		if (frame->element >= 0)
			page->elements[frame->element].end = page->block_count;
	}
}

/* Lowers an element's score for class names that mark page furniture. */
static double furniture_weight(const xmlNode *node)
{
	static const char *const furniture[] = {
	    "nav",     "menu",	  "footer", "foot", "header", "comment",   "share",
	    "related", "sidebar", "crumb",  "link", "banner", "copyright", NULL};
	for (const char *const *word = furniture; *word; word++)
		if (class_or_id_contains(node, *word))
			return 0.4;
	return 1;
}

/* The article: a known container with some text, else the element whose
 * paragraphs hold the most text that is not links. Returns an element
 * index, or -1 when the page has no paragraph of text. */
static long find_article(const struct page *page)
{
	if (page->known_article >= 0) {
		const struct element *known = &page->elements[page->known_article];
		if (known->chars - known->link_chars >= 10)
			return page->known_article;
	}
	long best = -1;
	double best_score = 0;
	for (size_t i = 0; i < page->element_count; i++) {
		const struct element *element = &page->elements[i];
		if (element->score <= 0 || element->chars == 0)
			continue;
		double density = 1 - (double)element->link_chars / (double)element->chars;
		double score = element->score * density * furniture_weight(element->node);
		if (score > best_score) {
			best_score = score;
			best = (long)i;
		}
	}
	return best;
}

/* Appends text[0..length) without white space, for comparing titles. */
static void squeeze(struct buffer *out, const char *text, size_t length)
{
	const unsigned char *bytes = (const unsigned char *)text;
	for (size_t i = 0; i < length;) {
		size_t step;
		long c = utf8_decode(bytes + i, length - i, &step);
		if (!(is_white(c) || c == 0xA0 || c == 0x3000 || c == 0x200B || c == 0xFEFF))
			buffer_append(out, bytes + i, step);
		i += step;
	}
	buffer_string(out);
}

/* Whether text ends like a site's name: …网, …网站, …门户, …日报, a domain. */
static int site_name(const char *text, size_t length)
{
	static const char *const endings[] = {"网",   "网站", "门户", "平台", "日报", "报",  "频道",
					      "官网", "政府", "在线", "之窗", ".com", ".cn", NULL};
	while (length > 0 && text[length - 1] == ' ')
		length--;
	for (const char *const *ending = endings; *ending; ending++) {
		size_t n = strlen(*ending);
		if (length >= n && memcmp(text + length - n, *ending, n) == 0)
			return 1;
	}
	return memmem(text, length, "www.", 4) != NULL;
}

char *html_title_without_site(const char *title)
{
	/* Separators sites put between the headline and their name, longest
	 * first so "--" is not read as two "-". */
	static const char *const separators[] = {" -- ", "--", " - ", " | ", "｜", " _ ",
						 "_",	 "|",  " — ", " · ", "-",  NULL};
	size_t length = strlen(title);
	for (;;) {
		size_t best_at = 0, best_length = 0;
		for (const char *const *separator = separators; *separator; separator++) {
			size_t n = strlen(*separator);
			for (size_t at = length; at-- > 0;) {
				if (at + n <= length && memcmp(title + at, *separator, n) == 0) {
					if (at > best_at)
						best_at = at, best_length = n;
					break;
				}
			}
		}
		if (best_length == 0)
			break;
		size_t head = utf8_count(title, best_at);
		const char *tail_text = title + best_at + best_length;
		size_t tail_bytes = length - best_at - best_length;
		size_t tail = utf8_count(tail_text, tail_bytes);
		if (head == 0 || (tail > head && !(head >= 4 && site_name(tail_text, tail_bytes))))
			break;
		length = best_at;
		while (length > 0 && title[length - 1] == ' ')
			length--;
	}
	return xstrndup(title, length);
}

/* Whether a block is a headline candidate whose text begins the page's
 * <title>, og:title or equals the cleaned title. */
static int begins_title(const struct page *page, const struct block *block, const char *title)
{
	if (!title || block->link_chars * 2 > block->chars || block->chars < 4 ||
	    block->chars > 200)
		return 0;
	struct buffer line = {0}, whole = {0};
	squeeze(&line, page->text.data + block->offset, block->length);
	squeeze(&whole, title, strlen(title));
	int match = line.length > 0 && line.length <= whole.length &&
		    memcmp(whole.data, line.data, line.length) == 0 &&
		    utf8_count(line.data, line.length) * 2 >= utf8_count(whole.data, whole.length);
	buffer_free(&line);
	buffer_free(&whole);
	return match;
}

/* The headline block: among the blocks before the article and the first
 * of its own, the longest that begins the title (the first <h1> when the
 * page has no title); -1 when none does. */
static long find_headline(const struct page *page, size_t article_first, size_t article_end)
{
	long best = -1;
	size_t best_length = 0;
	size_t stop = article_first + 6 < article_end ? article_first + 6 : article_end;
	for (size_t i = 0; i < stop; i++) {
		const struct block *block = &page->blocks[i];
		if (!(begins_title(page, block, page->title) ||
		      begins_title(page, block, page->og_title)))
			continue;
		/* Headings and title-classed elements before plain lines. */
		size_t weight = block->length + (block->heading || block->titled ? 1000 : 0);
		if (weight > best_length) {
			best_length = weight;
			best = (long)i;
		}
	}
	/* A page without a title (a file someone wrote by hand): its first <h1>. */
	if (best < 0 && !(page->title && *page->title) && !(page->og_title && *page->og_title))
		for (size_t i = 0; i < stop && best < 0; i++)
			if (page->blocks[i].heading == 1 && page->blocks[i].chars <= 100 &&
			    page->blocks[i].link_chars * 2 <= page->blocks[i].chars)
				best = (long)i;
	return best;
}

/* Whether an article line is a heading by its look: one short bold phrase,
 * not centred (a subtitle), not a `来源：…` label line, not 【…】. */
static int bold_heading(const struct page *page, const struct block *block)
{
	if (block->chars < 4 || block->bold_chars * 10 < block->chars * 9 || block->chars > 60 ||
	    block->centered || block->link_chars * 2 > block->chars)
		return 0;
	const char *text = page->text.data + block->offset;
	size_t length = block->length;
	while (length > 0 && (text[length - 1] == ' '))
		length--;
	if ((length >= 3 && memcmp(text, "—", 3) == 0) ||
	    (length >= 6 && memcmp(text, "（", 3) == 0 && memcmp(text + length - 3, "）", 3) == 0))
		return 0; /* a subtitle `——…`, an aside `（…）` */
	static const char *const endings[] = {"。", "】", "：", "！", "~", NULL};
	for (const char *const *ending = endings; *ending; ending++) {
		size_t n = strlen(*ending);
		if (length >= n && memcmp(text + length - n, *ending, n) == 0)
			return 0;
	}
	/* A label such as 来源：, 作者：, 记者： near the start. */
	const char *colon = memmem(text, length, "：", 3);
	if (colon && utf8_count(text, (size_t)(colon - text)) <= 6)
		return 0;
	return 1;
}

/* The publisher from a `来源：X` line, or NULL. */
static char *find_source(const char *text, size_t length)
{
	static const char key[] = "来源：";
	const char *at = memmem(text, length, key, sizeof key - 1);
	if (!at)
		return NULL;
	const char *start = at + sizeof key - 1;
	const char *end = text + length;
	while (start < end && *start == ' ')
		start++;
	const char *stop = start;
	while (stop < end && *stop != ' ' &&
	       !(end - stop >= 3 && (memcmp(stop, "　", 3) == 0 || memcmp(stop, "（", 3) == 0)))
		stop++;
	return stop > start && stop - start < 120 ? xstrndup(start, (size_t)(stop - start)) : NULL;
}

/* Whether a block's text, without white space, lies inside `title`: a
 * piece of the headline repeated in the article (a split headline, a copy
 * of it in the article's first lines). */
static int inside_title(const struct page *page, const struct block *block, const char *title)
{
	if (!title || block->chars < 2)
		return 0;
	struct buffer line = {0}, whole = {0};
	squeeze(&line, page->text.data + block->offset, block->length);
	squeeze(&whole, title, strlen(title));
	int inside = line.length > 0 && memmem(whole.data, whole.length, line.data, line.length);
	buffer_free(&line);
	buffer_free(&whole);
	return inside;
}

static int equals_title(const struct page *page, const struct block *block, const char *title)
{
	if (!title)
		return 0;
	struct buffer line = {0}, whole = {0};
	squeeze(&line, page->text.data + block->offset, block->length);
	squeeze(&whole, title, strlen(title));
	int same = line.length == whole.length && memcmp(line.data, whole.data, line.length) == 0;
	buffer_free(&line);
	buffer_free(&whole);
	return same;
}

/* Whether a short line at the end of the article is the editor's trailer. */
static int editor_trailer(const struct page *page, const struct block *block)
{
	static const char *const marks[] = {"责任编辑", "编辑：", "编辑:",  "【纠错】", "校对：",
					    "审核：",	"(完)",	  "（完）", "来源：",	NULL};
	if (block->chars > 40)
		return 0;
	const char *text = page->text.data + block->offset;
	for (const char *const *mark = marks; *mark; mark++)
		if (memmem(text, block->length, *mark, strlen(*mark)))
			return 1;
	return 0;
}

/* The page's lines in the order front matter, headline, text, back
 * matter, with their roles and heading levels. */
struct placement {
	unsigned char role;
	unsigned char level;
};

static void emit(struct lines *lines, const struct page *page, const struct placement *places,
		 enum document_role role)
{
	for (size_t i = 0; i < page->block_count; i++) {
		if (places[i].role != role)
			continue;
		const struct block *block = &page->blocks[i];
		lines_add_paragraph(lines, page->text.data + block->offset, block->length, role,
				    places[i].level);
	}
}

/* Lays the page out as front matter, headline, article and back matter. */
static void compose(struct page *page, struct document *document)
{
	long article = find_article(page);
	size_t first = 0, end = page->block_count;
	if (article >= 0) {
		first = page->elements[article].first;
		end = page->elements[article].end;
		if (end > page->block_count)
			end = page->block_count;
	}
	long headline = find_headline(page, first, end);
	struct placement *places = xcalloc(page->block_count + 1, sizeof *places);
	for (size_t i = 0; i < page->block_count; i++)
		places[i].role = i < first ? DOCUMENT_FRONT
				 : i < end ? DOCUMENT_TEXT
					   : DOCUMENT_BACK;
	char *cleaned = page->title ? html_title_without_site(page->title) : NULL;
	const char *title = page->og_title && *page->og_title ? page->og_title : cleaned;
	struct lines lines = {0};
	size_t body = first;
	if (headline >= 0) {
		places[headline].role = DOCUMENT_TITLE;
		if ((size_t)headline >= first && (size_t)headline < end) {
			/* Lines of the article before its headline are front matter. */
			for (size_t i = first; i < (size_t)headline; i++)
				places[i].role = DOCUMENT_FRONT;
			body = (size_t)headline + 1;
		}
		const struct block *block = &page->blocks[headline];
		struct lines one = {0};
		if (lines_add_paragraph(&one, page->text.data + block->offset, block->length,
					DOCUMENT_TEXT, 0)) {
			size_t length;
			const char *line = lines_get(&one, 0, &length);
			document->title = xstrndup(line, length);
		}
		lines_free(&one);
	} else if (title && *title) {
		document->title = xstrdup(title);
	}
	/* The headline repeated or split at the article's head, and its
	 * centred subtitle lines, belong with it, not with the text. */
	for (size_t i = body; i < end && i < body + 6; i++) {
		const struct block *block = &page->blocks[i];
		if (inside_title(page, block, document->title) ||
		    (block->centered && block->chars <= 40)) {
			places[i].role = DOCUMENT_FRONT;
			body = i + 1;
			continue;
		}
		break;
	}
	/* A copy of the headline a little further in (WeChat repeats it
	 * after the day's contents). */
	for (size_t i = body; i < end && i < body + 12; i++)
		if (page->blocks[i].heading &&
		    equals_title(page, &page->blocks[i], document->title))
			places[i].role = DOCUMENT_FRONT;
	for (size_t i = end; i-- > body && i + 4 >= end;) {
		if (!editor_trailer(page, &page->blocks[i]))
			break;
		places[i].role = DOCUMENT_BACK;
	}
	int deepest = 0;
	for (size_t i = body; i < end; i++)
		if (places[i].role == DOCUMENT_TEXT && page->blocks[i].heading > deepest)
			deepest = page->blocks[i].heading;
	/* Backwards, so a bold phrase followed by another (一、 then （一）)
	 * is known to lead to body text. */
	int leads_to_text = 0;
	for (size_t i = end; i-- > body;) {
		if (places[i].role != DOCUMENT_TEXT)
			continue;
		const struct block *block = &page->blocks[i];
		/* A heading element holding a whole paragraph (Word's export
		 * gives body text an outline level) is not a heading by its markup. */
		int level = block->chars <= 60 ? block->heading : 0;
		if (!level && bold_heading(page, block) && leads_to_text)
			level = deepest + 1;
		places[i].level = (unsigned char)level;
		if (level)
			continue;
		leads_to_text = block->chars >= 15 && block->bold_chars * 2 < block->chars;
	}
	emit(&lines, page, places, DOCUMENT_FRONT);
	if (headline >= 0)
		emit(&lines, page, places, DOCUMENT_TITLE);
	else if (document->title)
		lines_add_paragraph(&lines, document->title, strlen(document->title),
				    DOCUMENT_TITLE, 0);
	emit(&lines, page, places, DOCUMENT_TEXT);
	emit(&lines, page, places, DOCUMENT_BACK);
	free(places);
	free(cleaned);
	/* Date and source: the lines near the headline, else the page's meta. */
	size_t near = headline >= 0 ? (size_t)headline : first;
	for (size_t i = near; i < page->block_count && i < near + 8; i++) {
		const struct block *block = &page->blocks[i];
		const char *text = page->text.data + block->offset;
		if (!document->date)
			document->date = date_find(text, block->length);
		if (!document->source)
			document->source = find_source(text, block->length);
	}
	if (!document->date && page->date)
		document->date = date_find(page->date, strlen(page->date));
	if (!document->source && page->url)
		document->source = xstrdup(page->url);
	lines_to_document(&lines, document);
}

static void page_free(struct page *page)
{
	buffer_free(&page->text);
	free(page->blocks);
	free(page->elements);
	free(page->frames);
	free(page->title);
	free(page->og_title);
	free(page->url);
	free(page->date);
}

static int read_page(const unsigned char *bytes, size_t length, struct document *document,
		     struct error *error)
{
	if (length > HTML_MAX_BYTES)
		return error_set(
		    error, _("web page too large (%zu MB; pizhu reads pages of up to %zu MB)"),
		    length >> 20, HTML_MAX_BYTES >> 20);
	struct charset_text decoded;
	if (!xml_library(error))
		return -1;
	if (charset_decode_page(bytes, length, &decoded, error) != 0)
		return -1;
	htmlDocPtr tree = xml_library_loaded.htmlReadMemory(
	    decoded.text, (int)decoded.length, NULL, "UTF-8",
	    HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER |
		HTML_PARSE_IGNORE_ENC | HTML_PARSE_COMPACT);
	free(decoded.text);
	if (!tree)
		return error_set(error,
				 _("not a web page pizhu can read (the HTML parser gave up)"));
	struct page page = {.known_article = -1};
	walk(&page, xml_library_loaded.xmlDocGetRootElement(tree), (struct context){0}, 0);
	end_line(&page);
	xml_library_loaded.xmlFreeDoc(tree);
	compose(&page, document);
	page_free(&page);
	if (document->hint_count == 0) {
		document_free(document);
		return error_set(error, _("no text in the web page"));
	}
	document->format = "html";
	return 0;
}

int html_read(const unsigned char *bytes, size_t length, struct document *document,
	      struct error *error)
{
	memset(document, 0, sizeof *document);
	document->format = "html";
	struct buffer page = {0};
	char *location = NULL;
	int status;
	if (mhtml_page(bytes, length, &page, &location))
		status = read_page((const unsigned char *)buffer_string(&page), page.length,
				   document, error);
	else
		status = read_page(bytes, length, document, error);
	if (status == 0 && location && !document->source) {
		document->source = location;
		location = NULL;
	}
	free(location);
	buffer_free(&page);
	return status;
}
