#include "formats/markdown.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/i18n.h"
#include "base/utf8.h"
#include "formats/charset.h"
#include "formats/date.h"
#include "formats/lines.h"

/* A paragraph or heading as the reader sees it, before the title and the
 * metadata lines under it are picked out. */
struct block {
	char *text; /* inline markup removed, NUL-terminated */
	unsigned char role;
	unsigned char level;
	unsigned char bold_heading; /* a heading by its bold phrase */
};

struct reader {
	struct block *blocks;
	size_t count, capacity;
	struct buffer paragraph; /* raw text of the paragraph being read */
	long last_char;		 /* its last character */
	int paragraph_lines;
	int in_fence;
	char fence;
	size_t fence_length;
	struct lines front; /* front matter fields */
	struct lines back;  /* footnote definitions */
	char *title, *date, *source;
};

static void add_block(struct reader *reader, struct buffer *text, int role, int level, int bold)
{
	reader->blocks =
	    xgrow(reader->blocks, &reader->capacity, reader->count + 1, sizeof *reader->blocks);
	reader->blocks[reader->count++] =
	    (struct block){xstrdup(buffer_string(text)), (unsigned char)role, (unsigned char)level,
			   (unsigned char)bold};
}

static int is_space(char c)
{
	return c == ' ' || c == '\t';
}

static long first_char(const char *text, size_t length)
{
	size_t step;
	return length ? utf8_decode((const unsigned char *)text, length, &step) : 0;
}

static long last_char_of(const char *text, size_t length)
{
	size_t i = length;
	while (i > 0 && ((unsigned char)text[--i] & 0xC0) == 0x80)
		;
	size_t step;
	return i < length ? utf8_decode((const unsigned char *)text + i, length - i, &step) : 0;
}

void markdown_inline(const char *text, size_t length, struct buffer *out)
{
	for (size_t i = 0; i < length;) {
		char c = text[i];
		if (c == '\\' && i + 1 < length && strchr("\\`*_{}[]()#+-.!|~<>\"'", text[i + 1]) &&
		    text[i + 1]) {
			buffer_append_byte(out, text[i + 1]);
			i += 2;
			continue;
		}
		if (c == '`') {
			size_t run = 0;
			while (i + run < length && text[i + run] == '`')
				run++;
			/* The closing run of the same length. */
			for (size_t j = i + run; j + run <= length; j++) {
				size_t k = 0;
				while (k < run && text[j + k] == '`')
					k++;
				if (k == run && (j + k >= length || text[j + k] != '`')) {
					buffer_append(out, text + i + run, j - i - run);
					i = j + run;
					goto next;
				}
				j += k;
			}
			buffer_append(out, text + i, run);
			i += run;
			continue;
		}
		if (c == '[' || (c == '!' && i + 1 < length && text[i + 1] == '[')) {
			int image = c == '!';
			size_t open = i + (size_t)image;
			/* The matching ], nesting counted. */
			size_t depth = 0, close = open;
			for (; close < length; close++) {
				if (text[close] == '\\') {
					close++;
					continue;
				}
				if (text[close] == '[')
					depth++;
				else if (text[close] == ']' && --depth == 0)
					break;
			}
			if (close >= length)
				goto literal;
			if (open + 1 < length && text[open + 1] == '^') { /* [^1] footnote */
				i = close + 1;
				continue;
			}
			size_t after = close + 1;
			if (after < length && (text[after] == '(' || text[after] == '[')) {
				char closer = text[after] == '(' ? ')' : ']';
				const char *end = memchr(text + after, closer, length - after);
				if (end) {
					if (!image)
						markdown_inline(text + open + 1, close - open - 1,
								out);
					i = (size_t)(end - text) + 1;
					continue;
				}
			}
			if (image)
				goto literal;
			markdown_inline(text + open + 1, close - open - 1, out);
			i = close + 1;
			continue;
		}
		if (c == '<') {
			const char *end = memchr(text + i, '>', length - i);
			if (end && i + 1 < length) {
				char n = text[i + 1];
				size_t inner = (size_t)(end - text) - i - 1;
				if (inner > 4 && (strncmp(text + i + 1, "http", 4) == 0)) {
					buffer_append(out, text + i + 1, inner);
					i = (size_t)(end - text) + 1;
					continue;
				}
				if ((n >= 'a' && n <= 'z') || (n >= 'A' && n <= 'Z') || n == '/' ||
				    n == '!') {
					i = (size_t)(end - text) + 1;
					continue;
				}
			}
			goto literal;
		}
		if ((c == '*' || c == '_' || c == '~') && i + 1 < length && text[i + 1] == c) {
			i += 2; /* **, __, ~~ */
			continue;
		}
		if (c == '*') {
			int before = i > 0 && !is_space(text[i - 1]);
			int after = i + 1 < length && !is_space(text[i + 1]);
			if (before || after) {
				i++;
				continue;
			}
			goto literal;
		}
		if (c == '_') {
			int word_before =
			    i > 0 && (((unsigned char)text[i - 1] >= '0' &&
				       (unsigned char)text[i - 1] <= '9') ||
				      ((text[i - 1] | 0x20) >= 'a' && (text[i - 1] | 0x20) <= 'z'));
			int word_after =
			    i + 1 < length &&
			    (((unsigned char)text[i + 1] >= '0' &&
			      (unsigned char)text[i + 1] <= '9') ||
			     ((text[i + 1] | 0x20) >= 'a' && (text[i + 1] | 0x20) <= 'z'));
			if (!(word_before && word_after)) {
				i++;
				continue;
			}
		}
	literal:
		buffer_append_byte(out, text[i]);
		i++;
	next:;
	}
}

/* Whether a whole line is a bold phrase worth a heading, or opens with a
 * bold numbered phrase: `**一、…**`, `**（一）…**。正文`. */
static int bold_heading(const char *text, size_t length)
{
	if (length < 4 ||
	    !((text[0] == '*' && text[1] == '*') || (text[0] == '_' && text[1] == '_')))
		return 0;
	const char *close = NULL;
	for (size_t i = 2; i + 1 < length; i++)
		if (text[i] == text[0] && text[i + 1] == text[0]) {
			close = text + i;
			break;
		}
	if (!close || close == text + 2)
		return 0;
	const char *bold = text + 2;
	size_t bold_length = (size_t)(close - bold);
	const char *rest = close + 2;
	size_t rest_length = length - (size_t)(rest - text);
	while (rest_length > 0 && is_space(rest[rest_length - 1]))
		rest_length--;
	if (lines_opens_with_marker(bold, bold_length))
		return 1;
	if (rest_length > 0)
		return 0; /* a bold lead sentence of a paragraph */
	size_t characters = utf8_count(bold, bold_length);
	if (characters < 2 || characters > 60)
		return 0;
	long first = first_char(bold, bold_length), last = last_char_of(bold, bold_length);
	if ((first == 0xFF08 && last == 0xFF09) || (first == '(' && last == ')') ||
	    last == 0x3002 /* 。 */ || last == 0xFF1A /* ： */)
		return 0;
	return 1;
}

static void end_paragraph(struct reader *reader)
{
	if (reader->paragraph.length == 0)
		return;
	int bold = bold_heading(reader->paragraph.data, reader->paragraph.length);
	struct buffer text = {0};
	markdown_inline(reader->paragraph.data, reader->paragraph.length, &text);
	add_block(reader, &text, DOCUMENT_TEXT, 0, bold);
	buffer_free(&text);
	reader->paragraph.length = 0;
	reader->paragraph_lines = 0;
	reader->last_char = 0;
}

/* Whether a paragraph that ends with this character is over: Chinese notes
 * are often written one paragraph a line without blank lines. */
static int ends_sentence(long c)
{
	return c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0xFF1A || c == 0xFF1B ||
	       c == 0x201D || c == 0x300D || c == 0xFF09 || c == 0x2026;
}

static void add_to_paragraph(struct reader *reader, const char *text, size_t length)
{
	if (reader->paragraph.length > 0) {
		long next = first_char(text, length);
		if (ends_sentence(reader->last_char) || lines_opens_with_marker(text, length))
			end_paragraph(reader);
		else if (!(lines_is_cjk(reader->last_char) && lines_is_cjk(next)))
			buffer_append_byte(&reader->paragraph, ' ');
	}
	buffer_append(&reader->paragraph, text, length);
	reader->last_char = last_char_of(text, length);
	reader->paragraph_lines++;
}

/* A line of only `-`, `*` or `_` (three or more, spaces allowed). */
static int thematic_break(const char *text, size_t length, char *mark)
{
	size_t count = 0;
	char seen = 0;
	for (size_t i = 0; i < length; i++) {
		if (is_space(text[i]))
			continue;
		if (text[i] != '-' && text[i] != '*' && text[i] != '_' && text[i] != '=')
			return 0;
		if (seen && text[i] != seen)
			return 0;
		seen = text[i];
		count++;
	}
	*mark = seen;
	return count >= 3 || (seen == '=' && count >= 1);
}

static void add_line_block(struct reader *reader, const char *text, size_t length, int level)
{
	struct buffer out = {0};
	markdown_inline(text, length, &out);
	add_block(reader, &out, DOCUMENT_TEXT, level, 0);
	buffer_free(&out);
}

/* A table row: its cells, trimmed, joined by spaces; a |---| row is skipped. */
static void table_row(struct reader *reader, const char *text, size_t length)
{
	int separator = 1;
	for (size_t i = 0; i < length; i++)
		if (!strchr("|-: \t", text[i]))
			separator = 0;
	if (separator)
		return;
	struct buffer row = {0};
	size_t start = text[0] == '|' ? 1 : 0;
	for (size_t i = start; i <= length; i++) {
		if (i == length || (text[i] == '|' && text[i - 1] != '\\')) {
			const char *cell = text + start;
			size_t cell_length = i - start;
			while (cell_length && is_space(*cell))
				cell++, cell_length--;
			while (cell_length && is_space(cell[cell_length - 1]))
				cell_length--;
			if (cell_length) {
				if (row.length)
					buffer_append_byte(&row, ' ');
				buffer_append(&row, cell, cell_length);
			}
			start = i + 1;
		}
	}
	add_line_block(reader, row.data ? row.data : "", row.length, 0);
	buffer_free(&row);
}

static void read_line(struct reader *reader, const char *line, size_t length)
{
	if (reader->in_fence) {
		size_t i = 0;
		while (i < length && is_space(line[i]))
			i++;
		size_t run = 0;
		while (i + run < length && line[i + run] == reader->fence)
			run++;
		if (run >= reader->fence_length) {
			reader->in_fence = 0;
			return;
		}
		struct buffer verbatim = {0};
		buffer_append(&verbatim, line, length);
		add_block(reader, &verbatim, DOCUMENT_TEXT, 0, 0);
		buffer_free(&verbatim);
		return;
	}
	const char *text = line;
	/* Blockquote marks and up to three spaces of indentation. */
	for (;;) {
		size_t i = 0;
		while (i < length && i < 3 && text[i] == ' ')
			i++;
		if (i < length && text[i] == '>') {
			i++;
			if (i < length && text[i] == ' ')
				i++;
			text += i, length -= i;
			continue;
		}
		break;
	}
	while (length > 0 && is_space(*text))
		text++, length--;
	int hard_break = length >= 2 && text[length - 1] == ' ' && text[length - 2] == ' ';
	while (length > 0 && (is_space(text[length - 1]) || text[length - 1] == '\r'))
		length--;
	if (length == 0) {
		end_paragraph(reader);
		return;
	}
	if (length >= 3 && (strncmp(text, "```", 3) == 0 || strncmp(text, "~~~", 3) == 0)) {
		end_paragraph(reader);
		reader->in_fence = 1;
		reader->fence = text[0];
		reader->fence_length = 0;
		while (reader->fence_length < length && text[reader->fence_length] == text[0])
			reader->fence_length++;
		return;
	}
	if (text[0] == '#') {
		size_t level = 0;
		while (level < length && text[level] == '#')
			level++;
		if (level <= 6 && (level == length || is_space(text[level]))) {
			end_paragraph(reader);
			const char *heading = text + level;
			size_t heading_length = length - level;
			while (heading_length && (heading[heading_length - 1] == '#' ||
						  is_space(heading[heading_length - 1])))
				heading_length--;
			add_line_block(reader, heading, heading_length, (int)level);
			return;
		}
	}
	char mark;
	if (thematic_break(text, length, &mark)) {
		/* A setext underline makes the one-line paragraph above a heading. */
		if ((mark == '=' || mark == '-') && reader->paragraph_lines == 1) {
			struct buffer heading = {0};
			markdown_inline(reader->paragraph.data, reader->paragraph.length, &heading);
			add_block(reader, &heading, DOCUMENT_TEXT, mark == '=' ? 1 : 2, 0);
			buffer_free(&heading);
			reader->paragraph.length = 0;
			reader->paragraph_lines = 0;
			return;
		}
		if (mark != '=') {
			end_paragraph(reader);
			return;
		}
	}
	if (text[0] == '[') {
		const char *close = memchr(text, ']', length);
		if (close && (size_t)(close - text) + 1 < length && close[1] == ':') {
			end_paragraph(reader);
			if (text[1] == '^') { /* a footnote definition */
				struct buffer note = {0};
				buffer_append(&note, text + 2, (size_t)(close - text) - 2);
				buffer_append_string(&note, ". ");
				markdown_inline(close + 2, length - (size_t)(close + 2 - text),
						&note);
				lines_add_paragraph(&reader->back, note.data, note.length,
						    DOCUMENT_BACK, 0);
				buffer_free(&note);
			}
			return; /* a link reference definition shows nothing */
		}
	}
	if (text[0] == '|') {
		end_paragraph(reader);
		table_row(reader, text, length);
		return;
	}
	if (length >= 2 && (text[0] == '-' || text[0] == '*' || text[0] == '+') &&
	    is_space(text[1])) {
		end_paragraph(reader);
		text += 2, length -= 2;
		while (length && is_space(*text))
			text++, length--;
	}
	add_to_paragraph(reader, text, length);
	if (hard_break || (length && text[length - 1] == '\\'))
		end_paragraph(reader);
}

/* Removes the spaces of a letter-spaced title (`在 全 市 会 议 上 的 讲 话`):
 * when most neighbouring Chinese characters are a space apart, every
 * space between two Chinese characters goes. */
static char *unspace_title(const char *title)
{
	size_t length = strlen(title), pairs = 0, spaced = 0;
	const unsigned char *bytes = (const unsigned char *)title;
	long previous = 0;
	int space = 0;
	for (size_t i = 0; i < length;) {
		size_t step;
		long c = utf8_decode(bytes + i, length - i, &step);
		i += step;
		if (c == ' ' || c == 0x3000) {
			space = 1;
			continue;
		}
		if (lines_is_cjk(previous) && lines_is_cjk(c)) {
			pairs++;
			spaced += space;
		}
		previous = c;
		space = 0;
	}
	struct buffer out = {0};
	int letter_spaced = pairs >= 2 && spaced * 10 >= pairs * 6;
	previous = 0;
	size_t pending = 0; /* start of the spaces not yet written */
	int pending_spaces = 0;
	for (size_t i = 0; i < length;) {
		size_t step;
		long c = utf8_decode(bytes + i, length - i, &step);
		if (c == ' ' || c == 0x3000) {
			if (!pending_spaces)
				pending = i;
			pending_spaces = 1;
			i += step;
			continue;
		}
		if (pending_spaces &&
		    !(letter_spaced && lines_is_cjk(previous) && lines_is_cjk(c)) && out.length > 0)
			buffer_append(&out, title + pending, i - pending);
		pending_spaces = 0;
		buffer_append(&out, title + i, step);
		previous = c;
		i += step;
	}
	return buffer_string(&out);
}

/* A YAML scalar without its quotes and surrounding spaces. */
static char *yaml_value(const char *text, size_t length)
{
	while (length && is_space(*text))
		text++, length--;
	while (length && (is_space(text[length - 1]) || text[length - 1] == '\r'))
		length--;
	if (length >= 2 && (text[0] == '"' || text[0] == '\'') && text[length - 1] == text[0])
		text++, length -= 2;
	return xstrndup(text, length);
}

/* Reads YAML front matter at text[0..length); returns the bytes it takes,
 * 0 when the text has none. */
static size_t front_matter(struct reader *reader, const char *text, size_t length)
{
	if (!(length >= 4 && strncmp(text, "---", 3) == 0 && (text[3] == '\n' || text[3] == '\r')))
		return 0;
	const char *line = memchr(text, '\n', length);
	const char *end = text + length;
	if (!line)
		return 0;
	for (const char *at = line + 1; at < end;) {
		const char *stop = memchr(at, '\n', (size_t)(end - at));
		if (!stop)
			stop = end;
		size_t line_length = (size_t)(stop - at);
		if (line_length && at[line_length - 1] == '\r')
			line_length--;
		if ((line_length == 3 &&
		     (strncmp(at, "---", 3) == 0 || strncmp(at, "...", 3) == 0))) {
			/* Now read the fields between. */
			for (const char *field = line + 1; field < at;) {
				const char *field_end = memchr(field, '\n', (size_t)(at - field));
				if (!field_end)
					field_end = at;
				const char *colon = memchr(field, ':', (size_t)(field_end - field));
				size_t key_length = colon ? (size_t)(colon - field) : 0;
				char *value =
				    colon ? yaml_value(colon + 1, (size_t)(field_end - colon - 1))
					  : NULL;
				char **target = NULL;
				if (colon && !is_space(field[0])) {
					char *key = xstrndup(field, key_length);
					if (strcasecmp(key, "title") == 0 ||
					    strcmp(key, "标题") == 0)
						target = &reader->title;
					else if (strcasecmp(key, "date") == 0 ||
						 strcasecmp(key, "published") == 0 ||
						 strcasecmp(key, "pubDate") == 0 ||
						 strcmp(key, "日期") == 0)
						target = &reader->date;
					else if (strcasecmp(key, "source") == 0 ||
						 strcasecmp(key, "url") == 0 ||
						 strcasecmp(key, "link") == 0 ||
						 strcasecmp(key, "origin") == 0 ||
						 strcmp(key, "来源") == 0)
						target = &reader->source;
					free(key);
				}
				if (target && value && *value && !*target) {
					*target = value;
					value = NULL;
				} else {
					lines_add_paragraph(&reader->front, field,
							    (size_t)(field_end - field),
							    DOCUMENT_FRONT, 0);
				}
				free(value);
				field = field_end + 1;
			}
			return (size_t)(stop - text) + (stop < end);
		}
		at = stop + 1;
	}
	return 0;
}

/* A line right under the title that is the document's date or source:
 * `（2026年1月3日）`, `来源：…`, `作者：…`, `发布时间：…`. */
static int metadata_line(const char *text, struct reader *reader)
{
	static const char *const labels[] = {"来源", "作者",   "发布时间", "日期",
					     "时间", "Source", "出处",	   NULL};
	size_t length = strlen(text);
	for (const char *const *label = labels; *label; label++) {
		size_t n = strlen(*label);
		if (length > n && strncmp(text, *label, n) == 0 &&
		    (strncmp(text + n, "：", 3) == 0 || text[n] == ':')) {
			const char *value = text + n + (text[n] == ':' ? 1 : 3);
			if (strcmp(*label, "来源") == 0 || strcmp(*label, "Source") == 0 ||
			    strcmp(*label, "出处") == 0) {
				if (!reader->source)
					reader->source = yaml_value(value, strlen(value));
			} else if (!reader->date) {
				reader->date = date_find(value, strlen(value));
			}
			return 1;
		}
	}
	/* A date alone, perhaps in brackets. */
	char *date = date_find(text, length);
	if (!date)
		return 0;
	size_t characters = utf8_count(text, length);
	if (characters > 16) {
		free(date);
		return 0;
	}
	if (!reader->date)
		reader->date = date;
	else
		free(date);
	return 1;
}

static void reader_free(struct reader *reader)
{
	for (size_t i = 0; i < reader->count; i++)
		free(reader->blocks[i].text);
	free(reader->blocks);
	buffer_free(&reader->paragraph);
	lines_free(&reader->front);
	lines_free(&reader->back);
	free(reader->title);
	free(reader->date);
	free(reader->source);
}

int markdown_read(const unsigned char *bytes, size_t length, struct document *document,
		  struct error *error)
{
	memset(document, 0, sizeof *document);
	struct charset_text decoded;
	if (charset_decode_page(bytes, length, &decoded, error) != 0)
		return -1;
	struct reader reader = {0};
	size_t start = front_matter(&reader, decoded.text, decoded.length);
	const char *text = decoded.text + start;
	size_t left = decoded.length - start;
	while (left > 0) {
		const char *newline = memchr(text, '\n', left);
		size_t line_length = newline ? (size_t)(newline - text) : left;
		read_line(&reader, text, line_length);
		if (!newline)
			break;
		left -= line_length + 1;
		text = newline + 1;
	}
	end_paragraph(&reader);
	free(decoded.text);

	/* The title: the front matter's, else a first line that is a # heading. */
	struct lines lines = {0};
	size_t body = 0;
	while (body < reader.count && reader.blocks[body].text[0] == '\0')
		body++;
	char *title = reader.title ? unspace_title(reader.title) : NULL;
	long title_block = -1;
	/* A first line that is a # heading is the title when it is the only
	 * heading of its level (a `## 一、` opening a document is a part). */
	if (body < reader.count && reader.blocks[body].level > 0 &&
	    !reader.blocks[body].bold_heading) {
		title_block = (long)body;
		for (size_t i = body + 1; i < reader.count; i++)
			if (reader.blocks[i].level == reader.blocks[body].level)
				title_block = -1;
	}
	if (title && title_block >= 0) {
		/* A # line repeating the front matter's title is that title. */
		struct lines a = {0}, b = {0};
		size_t la = 0, lb = 0;
		const char *ta = "", *tb = "";
		if (lines_add_paragraph(&a, title, strlen(title), DOCUMENT_TEXT, 0))
			ta = lines_get(&a, 0, &la);
		if (lines_add_paragraph(&b, reader.blocks[body].text,
					strlen(reader.blocks[body].text), DOCUMENT_TEXT, 0))
			tb = lines_get(&b, 0, &lb);
		if (!(la == lb && memcmp(ta, tb, la) == 0))
			title_block = -1;
		lines_free(&a);
		lines_free(&b);
	}
	if (title_block >= 0) {
		free(title);
		title = xstrdup(reader.blocks[title_block].text);
		body = (size_t)title_block + 1;
	}
	/* The date and source lines under the title go with the front matter. */
	size_t meta_end = body;
	if (title)
		while (meta_end < reader.count && meta_end < body + 3 &&
		       reader.blocks[meta_end].level == 0 &&
		       metadata_line(reader.blocks[meta_end].text, &reader))
			meta_end++;
	lines_move(&lines, &reader.front);
	for (size_t i = body; i < meta_end; i++)
		lines_add_paragraph(&lines, reader.blocks[i].text, strlen(reader.blocks[i].text),
				    DOCUMENT_FRONT, 0);
	if (title && lines_add_paragraph(&lines, title, strlen(title), DOCUMENT_TITLE, 0)) {
		size_t title_length;
		const char *line = lines_get(&lines, lines.count - 1, &title_length);
		document->title = xstrndup(line, title_length);
	}
	free(title);
	int deepest = 0;
	for (size_t i = meta_end; i < reader.count; i++)
		if (reader.blocks[i].level > deepest)
			deepest = reader.blocks[i].level;
	for (size_t i = meta_end; i < reader.count; i++) {
		const struct block *block = &reader.blocks[i];
		int level = block->bold_heading ? deepest + 1 : block->level;
		lines_add_paragraph(&lines, block->text, strlen(block->text), DOCUMENT_TEXT, level);
	}
	lines_move(&lines, &reader.back);
	if (reader.date) {
		document->date = date_find(reader.date, strlen(reader.date));
	}
	if (reader.source) {
		document->source = reader.source;
		reader.source = NULL;
	}
	reader_free(&reader);
	lines_to_document(&lines, document);
	document->format = "md";
	if (document->hint_count == 0) {
		document_free(document);
		return error_set(error, _("no text in the Markdown file"));
	}
	return 0;
}
