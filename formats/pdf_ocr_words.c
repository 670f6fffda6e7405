#include "formats/pdf_ocr_words.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"
#include "formats/lines.h"

/* A Chinese glyph's ink over its type size. */
#define INK_OF_EM 0.9

static int compare_ints(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

static long first_char(const char *text, size_t length)
{
	size_t step;
	long c = length ? utf8_decode((const unsigned char *)text, length, &step) : 0;
	return c < 0 ? UTF8_REPLACEMENT : c;
}

static long last_char(const char *text, size_t length)
{
	size_t i = length;
	while (i > 0 && ((unsigned char)text[--i] & 0xC0) == 0x80)
		;
	return i < length ? first_char(text + i, length - i) : 0;
}

static int is_letter_or_digit(long c)
{
	return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ||
	       (c >= 0x3400 && c <= 0x9FFF) || (c >= 0xFF10 && c <= 0xFF5A) || c >= 0x20000;
}

int pdf_ocr_words_speck(const char *text, size_t length, float confidence)
{
	return utf8_count(text, length) <= 1 && !is_letter_or_digit(first_char(text, length)) &&
	       confidence < OCR_MIN_CONFIDENCE;
}

/* The type height of the kept words[0..count), in pixels. The boxes of
 * tesseract's Chinese model are loose: some reach into the line below,
 * punctuation is low. Most characters are as high as the type, so a
 * low quantile of the heights (a tenth), punctuation left out, is the
 * type's. */
static int type_height(const struct ocr_word *words, size_t count, const char *kept)
{
	int *heights = xmalloc((count + 1) * sizeof *heights);
	size_t n = 0;
	int highest = 0;
	for (size_t i = 0; i < count; i++)
		if (kept[i] && words[i].bottom - words[i].top > highest)
			highest = words[i].bottom - words[i].top;
	for (size_t i = 0; i < count; i++)
		if (kept[i] && (words[i].bottom - words[i].top) * 5 >= highest * 2)
			heights[n++] = words[i].bottom - words[i].top;
	int height = 0;
	if (n) {
		qsort(heights, n, sizeof *heights, compare_ints);
		height = heights[(n - 1) / 10];
	}
	free(heights);
	return height;
}

/* Appends words[from..to) (those kept) as one line. */
static void add_line(const struct ocr_word *words, size_t from, size_t to, const char *kept,
		     int page, double dpi, struct buffer *text, struct pdf_line **lines,
		     size_t *line_count, size_t *capacity)
{
	size_t start = text->length;
	struct pdf_line line = {.page = page};
	int boxed = 0;
	for (size_t i = from; i < to; i++) {
		const struct ocr_word *word = &words[i];
		if (!kept[i])
			continue;
		if (text->length > start) {
			long before = last_char(text->data, text->length);
			long after = first_char(word->text, word->length);
			if (!lines_is_cjk(before) && !lines_is_cjk(after))
				buffer_append_byte(text, ' ');
		}
		buffer_append(text, word->text, word->length);
		if (!boxed || word->left < line.x0)
			line.x0 = word->left;
		if (!boxed || word->top < line.y0)
			line.y0 = word->top;
		if (!boxed || word->right > line.x1)
			line.x1 = word->right;
		if (!boxed || word->bottom > line.y1)
			line.y1 = word->bottom;
		boxed = 1;
	}
	if (!boxed || text->length == start)
		return;
	double points = 72.0 / dpi;
	int height = type_height(words + from, to - from, kept + from);
	line.x0 *= points, line.y0 *= points, line.x1 *= points, line.y1 *= points;
	line.font_size = height * points / INK_OF_EM;
	line.text = (const char *)(uintptr_t)start;
	line.length = text->length - start;
	*lines = xgrow(*lines, capacity, *line_count + 1, sizeof **lines);
	(*lines)[(*line_count)++] = line;
}

void pdf_ocr_words_lines(const struct ocr_word *words, size_t count, int page, double dpi,
			 struct buffer *text, struct pdf_line **lines, size_t *line_count,
			 size_t *capacity)
{
	char *kept = xmalloc(count + 1);
	for (size_t i = 0; i < count; i++) {
		size_t step;
		long c = words[i].length ? utf8_decode((const unsigned char *)words[i].text,
						       words[i].length, &step)
					 : 0;
		kept[i] = words[i].length > 0 && c != ' ' &&
			  !pdf_ocr_words_speck(words[i].text, words[i].length, words[i].confidence);
	}
	int em = type_height(words, count, kept);
	size_t from = 0;
	int last_right = -1;
	for (size_t i = 0; i < count; i++) {
		if (!kept[i])
			continue;
		if (last_right >= 0 && em > 0 &&
		    words[i].left - last_right > OCR_WORD_GAP_EMS * em) {
			add_line(words, from, i, kept, page, dpi, text, lines, line_count,
				 capacity);
			from = i;
		}
		last_right = words[i].right;
	}
	add_line(words, from, count, kept, page, dpi, text, lines, line_count, capacity);
	free(kept);
}

void pdf_ocr_words_fix(struct pdf_line *lines, size_t count, const char *text)
{
	for (size_t i = 0; i < count; i++)
		lines[i].text = text + (uintptr_t)lines[i].text;
}

static int compare_doubles(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* Whether lines a and b share a row: each one's middle within the other. */
static int same_row(const struct pdf_line *a, const struct pdf_line *b)
{
	double middle_a = (a->y0 + a->y1) / 2, middle_b = (b->y0 + b->y1) / 2;
	return (middle_a >= b->y0 && middle_a <= b->y1) || (middle_b >= a->y0 && middle_b <= a->y1);
}

static int is_quote(long c)
{
	return c == '"' || c == 0x201C || c == 0x201D || c == 0x2018 || c == 0x2019;
}

/* A running head is a name: quotation marks in it that do not pair (a
 * speck read as `”` beside a character) are left out. */
static char *name_of(const char *text, size_t length)
{
	int opening = 0, closing = 0;
	for (size_t i = 0; i < length;) {
		size_t step;
		long c = utf8_decode((const unsigned char *)text + i, length - i, &step);
		opening += c == 0x201C || c == 0x2018;
		closing += c == 0x201D || c == 0x2019;
		i += step;
	}
	struct buffer name = {0};
	for (size_t i = 0; i < length;) {
		size_t step;
		long c = utf8_decode((const unsigned char *)text + i, length - i, &step);
		if (opening == closing || !is_quote(c))
			buffer_append(&name, text + i, step);
		i += step;
	}
	return buffer_string(&name);
}

/* Marks in drop[] the lines of the row that lines[first] is in, the top or
 * bottom row of the page, when it holds a page number: the number, and
 * the rest of the row (a running head). Returns the head's index or -1. */
static long drop_row(const struct pdf_line *lines, size_t count, size_t first, char *drop)
{
	int numbered = 0;
	for (size_t i = 0; i < count; i++)
		if (same_row(&lines[i], &lines[first]) &&
		    pdf_page_number(lines[i].text, lines[i].length))
			numbered = 1;
	if (!numbered)
		return -1;
	long head = -1;
	for (size_t i = 0; i < count; i++)
		if (same_row(&lines[i], &lines[first])) {
			drop[i] = 1;
			if (!pdf_page_number(lines[i].text, lines[i].length) &&
			    (head < 0 || lines[i].length > lines[head].length))
				head = (long)i;
		}
	return head;
}

size_t pdf_ocr_words_furniture(struct pdf_line *lines, size_t count, double height, int keep_head,
			       char **head)
{
	*head = NULL;
	if (count == 0)
		return 0;
	char *drop = xcalloc(count + 1, 1);
	size_t top = 0, bottom = 0;
	for (size_t i = 1; i < count; i++) {
		if (lines[i].y0 < lines[top].y0)
			top = i;
		if (lines[i].y1 > lines[bottom].y1)
			bottom = i;
	}
	long head_line = -1;
	if (lines[top].y1 <= height * OCR_HEAD_BAND)
		head_line = drop_row(lines, count, top, drop);
	if (lines[bottom].y0 >= height * (1 - OCR_HEAD_BAND))
		drop_row(lines, count, bottom, drop);
	if (head_line >= 0) {
		*head = name_of(lines[head_line].text, lines[head_line].length);
		drop[head_line] = !keep_head;
		if (keep_head) {
			lines[head_line].text = *head;
			lines[head_line].length = strlen(*head);
		}
	}
	/* Notes in the margin: short lines beside the text column. */
	double *edges = xmalloc((count + 1) * sizeof *edges);
	size_t n = 0;
	for (size_t i = 0; i < count; i++)
		if (!drop[i] && utf8_count(lines[i].text, lines[i].length) >= 10)
			edges[n++] = lines[i].x0;
	if (n >= 3) {
		qsort(edges, n, sizeof *edges, compare_doubles);
		double left = edges[n / 10];
		n = 0;
		for (size_t i = 0; i < count; i++)
			if (!drop[i] && utf8_count(lines[i].text, lines[i].length) >= 10)
				edges[n++] = lines[i].x1;
		qsort(edges, n, sizeof *edges, compare_doubles);
		double right = edges[n - 1 - n / 10];
		for (size_t i = 0; i < count; i++)
			if ((lines[i].x1 < left || lines[i].x0 > right) &&
			    utf8_count(lines[i].text, lines[i].length) <=
				OCR_MARGIN_NOTE_CHARACTERS)
				drop[i] = 1;
	}
	free(edges);
	size_t kept = 0;
	for (size_t i = 0; i < count; i++)
		if (!drop[i])
			lines[kept++] = lines[i];
	free(drop);
	return kept;
}
