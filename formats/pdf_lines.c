#include "formats/pdf_lines.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/buffer.h"
#include "base/utf8.h"
#include "formats/date.h"
#include "formats/html.h"
#include "formats/pdf_columns.h"

/* Top and bottom bands of a page where running heads and page numbers live. */
#define BAND 0.09

static long char_at(const char *text, size_t length, size_t *step)
{
	long c = utf8_decode((const unsigned char *)text, length, step);
	return c < 0 ? UTF8_REPLACEMENT : c;
}

static long last_char(const char *text, size_t length)
{
	size_t i = length;
	while (i > 0 && ((unsigned char)text[--i] & 0xC0) == 0x80)
		;
	size_t step;
	return i < length ? char_at(text + i, length - i, &step) : 0;
}

static long first_char(const char *text, size_t length)
{
	size_t step;
	return length ? char_at(text, length, &step) : 0;
}

static int is_blank(long c)
{
	return c == ' ' || c == '\t' || c == 0x3000 || c == 0xA0;
}

static int is_digit(long c)
{
	return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19);
}

/* Text without white space, and with digits removed when `digits` is 0:
 * what makes a running head the same on every page. */
static void signature(const char *text, size_t length, int digits, struct buffer *out)
{
	for (size_t i = 0; i < length;) {
		size_t step;
		long c = char_at(text + i, length - i, &step);
		if (!is_blank(c) && (digits || !is_digit(c)))
			buffer_append(out, text + i, step);
		i += step;
	}
	buffer_string(out);
}

int pdf_page_number(const char *text, size_t length)
{
	struct buffer squeezed = {0};
	signature(text, length, 1, &squeezed);
	const char *p = squeezed.data, *end = p + squeezed.length;
	int number = 0;
	if (squeezed.length == 0) {
		buffer_free(&squeezed);
		return 0;
	}
	/* Strip dashes and brackets around, 第…页, Page, 共…页, /N. */
	static const char *const prefixes[] = {"第",   "-", "—", "–", "－", "Page",
					       "page", "P", "[", "(", "（", NULL};
	static const char *const suffixes[] = {"页", "-", "—", "–", "－", "]", ")", "）", NULL};
	for (int again = 1; again;) {
		again = 0;
		for (const char *const *prefix = prefixes; *prefix; prefix++) {
			size_t n = strlen(*prefix);
			if ((size_t)(end - p) > n && memcmp(p, *prefix, n) == 0)
				p += n, again = 1;
		}
	}
	size_t digits = 0;
	while (p < end) {
		size_t step;
		long c = char_at(p, (size_t)(end - p), &step);
		if (!is_digit(c))
			break;
		p += step;
		digits++;
	}
	if (digits == 0 || digits > 4)
		goto done;
	for (int again = 1; again;) {
		again = 0;
		for (const char *const *suffix = suffixes; *suffix; suffix++) {
			size_t n = strlen(*suffix);
			if ((size_t)(end - p) >= n && memcmp(p, *suffix, n) == 0)
				p += n, again = 1;
		}
	}
	/* 共9页, /9, of 9 */
	if (p < end && (*p == '/' || (end - p >= 3 && memcmp(p, "共", 3) == 0) ||
			(end - p >= 2 && memcmp(p, "of", 2) == 0))) {
		p += *p == '/' ? 1 : *p == 'o' ? 2 : 3;
		while (p < end && is_digit(first_char(p, (size_t)(end - p)))) {
			size_t step;
			char_at(p, (size_t)(end - p), &step);
			p += step;
		}
		if (end - p >= 3 && memcmp(p, "页", 3) == 0)
			p += 3;
	}
	number = p == end;
done:
	buffer_free(&squeezed);
	return number;
}

/* Full-width punctuation that closes a clause or a quotation. */
static int closing_punctuation(long c)
{
	return c == 0x3001 || c == 0x3002 || c == 0xFF0C || c == 0xFF1B || c == 0xFF1A ||
	       c == 0xFF01 || c == 0xFF1F || c == 0xFF09 || c == 0x300B || c == 0x300D ||
	       c == 0x300F || c == 0x201D || c == 0x2019;
}

/* Whether a line holds no letter, digit or Chinese character: a rule.
 * A line of closing punctuation alone (`。`, `”。`) is the end of a
 * sentence that did not fit on the line before, not a rule. */
static int decoration(const char *text, size_t length)
{
	for (size_t i = 0; i < length;) {
		size_t step;
		long c = char_at(text + i, length - i, &step);
		if ((c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ||
		    (c >= 0x3400 && c <= 0x9FFF) || (c >= 0xFF10 && c <= 0xFF5A) || c >= 0x20000 ||
		    closing_punctuation(c))
			return 0;
		i += step;
	}
	return 1;
}

static int compare_doubles(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

/* The p-th quantile (0..1) of values[0..count), sorted in place. */
static double quantile(double *values, size_t count, double p)
{
	if (count == 0)
		return 0;
	qsort(values, count, sizeof *values, compare_doubles);
	size_t index = (size_t)(p * (double)(count - 1) + 0.5);
	return values[index];
}

/* The most frequent value of values[0..count) rounded to `step`. */
static double mode(double *values, size_t count, double step)
{
	if (count == 0)
		return 0;
	for (size_t i = 0; i < count; i++)
		values[i] = floor(values[i] / step + 0.5) * step;
	qsort(values, count, sizeof *values, compare_doubles);
	double best = values[0];
	size_t best_run = 0;
	for (size_t i = 0; i < count;) {
		size_t j = i;
		while (j < count && values[j] == values[i])
			j++;
		if (j - i > best_run)
			best_run = j - i, best = values[i];
		i = j;
	}
	return best;
}

static int ends_sentence(long c)
{
	return c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0xFF1B || c == 0xFF1A ||
	       c == '.' || c == ';' || c == ':' || c == '!' || c == '?';
}

/* Appends a line's text to a paragraph: no space where either side is
 * Chinese, a hyphenated word made whole, else one space. */
static void join(struct buffer *paragraph, const char *text, size_t length)
{
	while (length > 0 && is_blank(first_char(text, length))) {
		size_t step;
		char_at(text, length, &step);
		text += step, length -= step;
	}
	if (paragraph->length > 0 && length > 0) {
		long before = last_char(paragraph->data, paragraph->length);
		long after = first_char(text, length);
		if (before == '-' && paragraph->length >= 2 &&
		    ((paragraph->data[paragraph->length - 2] | 0x20) >= 'a' &&
		     (paragraph->data[paragraph->length - 2] | 0x20) <= 'z') &&
		    after >= 'a' && after <= 'z') {
			paragraph->length--; /* hyphen-ated */
		} else if (!lines_is_cjk(before) && !lines_is_cjk(after) && before != ' ') {
			buffer_append_byte(paragraph, ' ');
		}
	}
	buffer_append(paragraph, text, length);
}

/* Drops the spaces a PDF's glyph positions put before full-width
 * punctuation and after opening brackets (`一 、` for 一、): Chinese text
 * has none there, and a heading marker must read as one. */
static void tighten(struct buffer *text)
{
	static const char closing[] = "、，。：；！？）」』】》";
	static const char opening[] = "（「『【《";
	size_t out = 0;
	for (size_t i = 0; i < text->length; i++) {
		if (text->data[i] == ' ') {
			int before_closing =
			    i + 4 <= text->length &&
			    memmem(closing, sizeof closing - 1, text->data + i + 1, 3);
			int after_opening = out >= 3 && memmem(opening, sizeof opening - 1,
							       text->data + out - 3, 3);
			if (before_closing || after_opening)
				continue;
		}
		text->data[out++] = text->data[i];
	}
	text->length = out;
}

struct layout {
	double left, right; /* body margins */
	double em;	    /* body type size */
	double pitch;	    /* body line spacing */
	double font;	    /* body font size, 0 when unknown */
	int bold;	    /* whether the body is bold */
	long color;	    /* the body's colour (pdf_line's color) */
};

struct sized {
	double size;
	size_t characters;
};

static int compare_sized(const void *a, const void *b)
{
	const struct sized *x = a, *y = b;
	return (x->size > y->size) - (x->size < y->size);
}

/* The type size of half the characters (not of half the lines: the short
 * cells of a table must not outvote the text), 0 when unknown. */
static double body_font(const struct pdf_line *lines, size_t count, const char *keep)
{
	struct sized *sizes = xmalloc((count + 1) * sizeof *sizes);
	size_t n = 0, total = 0;
	for (size_t i = 0; i < count; i++)
		if (keep[i] && lines[i].font_size > 0) {
			sizes[n] = (struct sized){lines[i].font_size,
						  utf8_count(lines[i].text, lines[i].length)};
			total += sizes[n++].characters;
		}
	qsort(sizes, n, sizeof *sizes, compare_sized);
	double font = 0;
	for (size_t i = 0, seen = 0; i < n; i++) {
		seen += sizes[i].characters;
		if (seen * 2 >= total) {
			font = sizes[i].size;
			break;
		}
	}
	free(sizes);
	return font;
}

/* The colour of most characters among lines of one colour. */
static long body_color(const struct pdf_line *lines, size_t count, const char *keep)
{
	enum { COLORS = 16 }; /* more on a page are a chart's, not the text's */
	long colors[COLORS];
	size_t weights[COLORS], kinds = 0, best = 0;
	for (size_t i = 0; i < count; i++) {
		if (!keep[i] || lines[i].color == PDF_COLOR_MIXED)
			continue;
		size_t k = 0;
		while (k < kinds && colors[k] != lines[i].color)
			k++;
		if (k == kinds) {
			if (kinds == COLORS)
				continue;
			colors[kinds] = lines[i].color, weights[kinds++] = 0;
		}
		weights[k] += utf8_count(lines[i].text, lines[i].length);
		if (weights[k] > weights[best])
			best = k;
	}
	return kinds ? colors[best] : 0;
}

static struct layout measure(const struct pdf_line *lines, size_t count, const char *keep)
{
	struct layout layout = {0};
	double *values = xmalloc((count + 1) * sizeof *values);
	size_t n = 0;
	for (size_t i = 0; i < count; i++)
		if (keep[i])
			values[n++] = lines[i].x0;
	layout.left = mode(values, n, 2);
	/* The left margin is the leftmost common start: an indented first line
	 * is less common than the lines under it, except in one-line
	 * paragraphs, so take the smallest start that a tenth of lines share. */
	n = 0;
	for (size_t i = 0; i < count; i++)
		if (keep[i])
			values[n++] = lines[i].x0;
	double low = quantile(values, n, 0.1);
	if (low < layout.left)
		layout.left = low;
	n = 0;
	for (size_t i = 0; i < count; i++)
		if (keep[i])
			values[n++] = lines[i].x1;
	layout.right = quantile(values, n, 0.9);
	layout.font = body_font(lines, count, keep);
	n = 0;
	for (size_t i = 1; i < count; i++)
		if (keep[i] && keep[i - 1] && lines[i].page == lines[i - 1].page &&
		    lines[i].y1 > lines[i - 1].y1)
			values[n++] = lines[i].y1 - lines[i - 1].y1;
	layout.pitch = n ? quantile(values, n, 0.5) : 0;
	n = 0;
	for (size_t i = 0; i < count; i++)
		if (keep[i])
			values[n++] = lines[i].y1 - lines[i].y0;
	double height = quantile(values, n, 0.5);
	layout.em = layout.font > 0 ? layout.font : height > 0 ? height * 0.8 : 10;
	if (layout.pitch <= 0)
		layout.pitch = layout.em * 1.5;
	size_t bold = 0, all = 0;
	for (size_t i = 0; i < count; i++)
		if (keep[i]) {
			size_t characters = utf8_count(lines[i].text, lines[i].length);
			all += characters;
			bold += lines[i].bold ? characters : 0;
		}
	layout.bold = bold * 2 > all;
	layout.color = body_color(lines, count, keep);
	free(values);
	return layout;
}

/* A line in a page's top or bottom band, with its signature. */
struct band_line {
	const char *signature;
	size_t index;
};

/* By signature, then by position (page order within a run). */
static int compare_band_lines(const void *a, const void *b)
{
	const struct band_line *x = a, *y = b;
	int order = strcmp(x->signature, y->signature);
	return order ? order : x->index < y->index ? -1 : x->index > y->index;
}

/* Marks page numbers, running heads and feet, and rules as not kept. */
static void drop_furniture(const struct pdf_line *lines, size_t count,
			   const struct pdf_page_size *pages, size_t page_count,
			   const char *title_signature, char *keep)
{
	struct buffer *signatures = xcalloc(count + 1, sizeof *signatures);
	char *in_band = xcalloc(count + 1, 1);
	for (size_t i = 0; i < count; i++) {
		const struct pdf_line *line = &lines[i];
		if (decoration(line->text, line->length)) {
			keep[i] = 0;
			continue;
		}
		double height = (size_t)line->page < page_count ? pages[line->page].height : 0;
		if (height <= 0)
			continue;
		in_band[i] = line->y1 <= height * BAND || line->y0 >= height * (1 - BAND);
		if (!in_band[i])
			continue;
		if (pdf_page_number(line->text, line->length)) {
			keep[i] = 0;
			continue;
		}
		signature(line->text, line->length, 0, &signatures[i]);
	}
	/* A band line whose signature recurs on half the pages or more: band
	 * lines sorted by signature, each run of equal ones counted by page. */
	struct band_line *band = xmalloc((count + 1) * sizeof *band);
	size_t band_count = 0;
	for (size_t i = 0; i < count; i++)
		if (in_band[i] && keep[i] && signatures[i].length > 0)
			band[band_count++] = (struct band_line){signatures[i].data, i};
	qsort(band, band_count, sizeof *band, compare_band_lines);
	for (size_t run = 0; page_count >= 2 && run < band_count;) {
		size_t stop = run + 1;
		while (stop < band_count && strcmp(band[stop].signature, band[run].signature) == 0)
			stop++;
		size_t on_pages = 0;
		int last_page = -1;
		for (size_t k = run; k < stop; k++)
			if (lines[band[k].index].page != last_page) {
				on_pages++;
				last_page = lines[band[k].index].page;
			}
		/* A browser's print repeats the title on every page: the first
		 * is the title. */
		int is_title = title_signature && strcmp(band[run].signature, title_signature) == 0;
		if (on_pages >= 2 && on_pages * 2 >= page_count)
			for (size_t k = run; k < stop; k++)
				if (!(is_title && lines[band[k].index].page == 0))
					keep[band[k].index] = 0;
		run = stop;
	}
	free(band);
	for (size_t i = 0; i < count; i++)
		buffer_free(&signatures[i]);
	free(signatures);
	free(in_band);
}

/* The title line's index among the first lines of page one, or -1: the
 * one that is the metadata title (perhaps with a site's name after it),
 * else the line in the largest type if it is clearly larger than the body. */
static long find_title(const struct pdf_line *lines, size_t count, const char *keep,
		       const struct layout *layout, const char *metadata_signature,
		       const char *metadata_clean_signature)
{
	size_t seen = 0;
	long largest = -1;
	for (size_t i = 0; i < count && lines[i].page == 0 && seen < 8; i++) {
		if (!keep[i])
			continue;
		seen++;
		if (metadata_signature && *metadata_signature) {
			struct buffer line = {0};
			signature(lines[i].text, lines[i].length, 1, &line);
			int same = strcmp(line.data, metadata_signature) == 0 ||
				   (metadata_clean_signature &&
				    strcmp(line.data, metadata_clean_signature) == 0);
			buffer_free(&line);
			if (same)
				return (long)i;
		}
		if (lines[i].font_size > 0 &&
		    (largest < 0 || lines[i].font_size > lines[largest].font_size))
			largest = (long)i;
	}
	if (largest >= 0 && layout->font > 0 && lines[largest].font_size >= layout->font * 1.1)
		return largest;
	return -1;
}

/* Whether a line of the body's size is set apart by its colour alone: a
 * short phrase, no link, all in one colour that is not the body's, ending well
 * short of the right margin (a coloured link or lead runs on), that heads
 * text, not a table (a table's caption). */
static int colored_heading(const struct pdf_line *line, const struct layout *layout, double right,
			   int heads_text)
{
	double em = line->font_size > 0 ? line->font_size : layout->em;
	return heads_text && !line->link && line->color != PDF_COLOR_MIXED &&
	       line->color != layout->color && utf8_count(line->text, line->length) <= 30 &&
	       !ends_sentence(last_char(line->text, line->length)) &&
	       (layout->font <= 0 || fabs(line->font_size - layout->font) < 0.15 * layout->em) &&
	       line->x1 < right - 4 * em;
}

/* Whether the line after lines[index] in reading order (a sidebar's
 * lines aside) is text rather than a table's cell. */
static int heads_text(const struct pdf_line *lines, size_t count, const char *keep, size_t index,
		      const struct pdf_column *columns, size_t page_count, double em)
{
	for (size_t j = index + 1; j < count; j++)
		if (keep[j] && !pdf_columns_in_sidebar(&lines[j], columns, page_count, em))
			return !pdf_columns_in_row(lines, count, keep, j, columns, page_count, em);
	return 0;
}

/* A heading level for a paragraph in larger, bold or coloured type, 0 for
 * none. */
static int heading_level(const struct pdf_line *line, const struct layout *layout,
			 const double *sizes, size_t size_count, double right, int heads_text)
{
	if (layout->font > 0 && line->font_size >= layout->font * 1.15) {
		for (size_t i = 0; i < size_count; i++)
			if (line->font_size >= sizes[i] * 0.98)
				return (int)i + 1;
		return (int)size_count;
	}
	/* Bold: a short line, not a sidebar in smaller type. */
	if (line->bold && !layout->bold && utf8_count(line->text, line->length) <= 30 &&
	    (layout->font <= 0 || line->font_size >= layout->font * 0.95))
		return (int)size_count + 1;
	if (colored_heading(line, layout, right, heads_text))
		return (int)size_count + 1;
	return 0;
}

/* The left (or right) margin a line is measured against: its page's main
 * column when it is in one, so that the text beside a sidebar is not all
 * indented; the body's otherwise. */
static double margin(const struct pdf_line *line, const struct layout *layout,
		     const struct pdf_column *columns, size_t page_count, int right)
{
	if (line->page >= 0 && (size_t)line->page < page_count && columns[line->page].beside &&
	    pdf_columns_in_main(line, columns, page_count, layout->em))
		return right ? columns[line->page].right : columns[line->page].left;
	return right ? layout->right : layout->left;
}

void pdf_lines_paragraphs(const struct pdf_line *lines, size_t count,
			  const struct pdf_page_size *pages, size_t page_count,
			  const char *metadata_title, struct lines *out, char **title)
{
	*title = NULL;
	char *keep = xmalloc(count + 1);
	memset(keep, 1, count + 1);
	for (size_t i = 0; i < count; i++) {
		struct buffer squeezed = {0};
		signature(lines[i].text, lines[i].length, 1, &squeezed);
		keep[i] = squeezed.length > 0;
		buffer_free(&squeezed);
	}
	struct buffer metadata = {0}, metadata_clean = {0}, title_band = {0};
	char *clean_title = NULL;
	if (metadata_title && *metadata_title) {
		signature(metadata_title, strlen(metadata_title), 1, &metadata);
		signature(metadata_title, strlen(metadata_title), 0, &title_band);
		clean_title = html_title_without_site(metadata_title);
		signature(clean_title, strlen(clean_title), 1, &metadata_clean);
	}
	drop_furniture(lines, count, pages, page_count, title_band.data, keep);
	struct layout layout = measure(lines, count, keep);
	/* Type sizes mean something only in the main text column: the
	 * body's is measured there, and a heading hint is given only to a
	 * line there that stands alone (no sidebar, no table cell). */
	size_t column_count = page_count ? page_count : 1;
	struct pdf_column *columns = xmalloc(column_count * sizeof *columns);
	pdf_columns_find(lines, count, keep, layout.em, columns, page_count);
	char *hintable = xmalloc(count + 1);
	size_t main_lines = 0;
	for (size_t i = 0; i < count; i++) {
		hintable[i] =
		    keep[i] && pdf_columns_in_main(&lines[i], columns, page_count, layout.em);
		main_lines += hintable[i] != 0;
	}
	if (main_lines)
		layout = measure(lines, count, hintable);
	for (size_t i = 0; i < count; i++)
		hintable[i] = hintable[i] && pdf_columns_alone(lines, count, keep, i, columns,
							       page_count, layout.em);
	long title_line =
	    find_title(lines, count, keep, &layout, metadata.data, metadata_clean.data);
	/* Larger type sizes than the body's, largest first: heading levels. */
	double sizes[8];
	size_t size_count = 0;
	for (size_t i = 0; i < count; i++) {
		if (!hintable[i] || (long)i == title_line || layout.font <= 0 ||
		    lines[i].font_size < layout.font * 1.15 || lines[i].length > 120)
			continue;
		size_t j = 0;
		while (j < size_count && fabs(sizes[j] - lines[i].font_size) > 0.5)
			j++;
		if (j == size_count && size_count < 8)
			sizes[size_count++] = lines[i].font_size;
	}
	qsort(sizes, size_count, sizeof *sizes, compare_doubles);
	for (size_t i = 0; i < size_count / 2; i++) {
		double swap = sizes[i];
		sizes[i] = sizes[size_count - 1 - i];
		sizes[size_count - 1 - i] = swap;
	}

	struct lines front = {0};
	size_t start = 0;
	if (title_line >= 0) {
		for (size_t i = 0; i < (size_t)title_line; i++)
			if (keep[i])
				lines_add_paragraph(&front, lines[i].text, lines[i].length,
						    DOCUMENT_FRONT, 0);
		struct buffer text = {0};
		const struct pdf_line *line = &lines[title_line];
		struct buffer squeezed = {0};
		signature(line->text, line->length, 1, &squeezed);
		if (metadata.data && strcmp(squeezed.data, metadata.data) == 0 && clean_title)
			buffer_append_string(&text, clean_title); /* the site's name dropped */
		else
			join(&text, line->text, line->length);
		buffer_free(&squeezed);
		start = (size_t)title_line + 1;
		/* A title in large type may run over two lines. */
		while (start < count && keep[start] && lines[start].page == 0 &&
		       line->font_size > 0 &&
		       fabs(lines[start].font_size - line->font_size) < 0.5 && layout.font > 0 &&
		       line->font_size >= layout.font * 1.1)
			join(&text, lines[start].text, lines[start].length), start++;
		/* The date and source line under the title. */
		for (size_t i = start, seen = 0; i < count && seen < 2; i++) {
			if (!keep[i])
				continue;
			seen++;
			char *date = date_find(lines[i].text, lines[i].length);
			int source = memmem(lines[i].text, lines[i].length, "来源", 6) != NULL;
			if ((!date && !source) || utf8_count(lines[i].text, lines[i].length) > 40) {
				free(date);
				break;
			}
			free(date);
			lines_add_paragraph(&front, lines[i].text, lines[i].length, DOCUMENT_FRONT,
					    0);
			keep[i] = 0;
		}
		if (lines_add_paragraph(&front, text.data ? text.data : "", text.length,
					DOCUMENT_TITLE, 0)) {
			size_t length;
			const char *added = lines_get(&front, front.count - 1, &length);
			*title = xstrndup(added, length);
		}
		buffer_free(&text);
	}
	lines_move(out, &front);
	lines_free(&front);

	struct buffer paragraph = {0};
	int paragraph_level = 0;
	size_t paragraph_lines = 0;
	const struct pdf_line *previous = NULL;
	for (size_t i = start; i <= count; i++) {
		if (i < count && !keep[i])
			continue;
		const struct pdf_line *line = i < count ? &lines[i] : NULL;
		if (line && pdf_columns_in_sidebar(line, columns, page_count, layout.em)) {
			/* A sidebar's line is front matter, read apart from
			 * the text it is printed beside. */
			lines_add_paragraph(out, line->text, line->length, DOCUMENT_FRONT, 0);
			continue;
		}
		int level = line && hintable[i]
				? heading_level(line, &layout, sizes, size_count,
						margin(line, &layout, columns, page_count, 1),
						heads_text(lines, count, keep, i, columns,
							   page_count, layout.em))
				: 0;
		if (line && !hintable[i] &&
		    pdf_columns_in_row(lines, count, keep, i, columns, page_count, layout.em))
			level = DOCUMENT_NOT_HEADING;
		int begins = previous == NULL || line == NULL;
		if (previous && line) {
			double em = line->font_size > 0 ? line->font_size : layout.em;
			long end = last_char(previous->text, previous->length);
			int full = previous->x1 >=
				   margin(previous, &layout, columns, page_count, 1) - 1.5 * em;
			int indented =
			    line->x0 > margin(line, &layout, columns, page_count, 0) + 0.8 * em;
			if (!full || indented)
				begins = 1;
			if (line->page == previous->page &&
			    line->y1 - previous->y1 > layout.pitch * 1.6)
				begins = 1;
			if (line->font_size > 0 && previous->font_size > 0 &&
			    fabs(line->font_size - previous->font_size) > 0.15 * layout.em)
				begins = 1;
			if (level != paragraph_level)
				begins = 1;
			if (ends_sentence(end) && lines_opens_with_marker(line->text, line->length))
				begins = 1;
		}
		if (begins && paragraph.length) {
			tighten(&paragraph);
			/* A heading runs over two lines at most; more is a
			 * paragraph set in heavy type. */
			lines_add_paragraph(out, paragraph.data, paragraph.length, DOCUMENT_TEXT,
					    paragraph_lines <= 2 ? paragraph_level : 0);
			paragraph.length = 0;
			paragraph_lines = 0;
		}
		if (!line)
			break;
		if (begins)
			paragraph_level = level;
		join(&paragraph, line->text, line->length);
		paragraph_lines++;
		previous = line;
	}
	buffer_free(&paragraph);
	buffer_free(&metadata);
	buffer_free(&metadata_clean);
	buffer_free(&title_band);
	free(clean_title);
	free(hintable);
	free(columns);
	free(keep);
}
