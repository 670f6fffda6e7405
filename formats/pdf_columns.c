#include "formats/pdf_columns.h"

#include <stdlib.h>

#include "base/buffer.h"
#include "base/utf8.h"

/* How far either way in reading order a line's neighbours are looked at:
 * bounds the work on a hostile page of many lines. */
#define NEIGHBOURS 64

struct start {
	int page;
	double x;
	size_t weight; /* characters */
	double right;
};

/* By page, then from left to right. */
static int compare_starts(const void *a, const void *b)
{
	const struct start *x = a, *y = b;
	if (x->page != y->page)
		return x->page < y->page ? -1 : 1;
	return (x->x > y->x) - (x->x < y->x);
}

static int compare_doubles(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* The column of one page's starts (sorted by x). */
static struct pdf_column page_column(const struct start *starts, size_t n, double em, double *ends,
				     size_t *windows)
{
	/* The window of one em holding the most characters: its first start.
	 * windows[i]: the characters of the window starting at starts[i]. */
	size_t best = 0, weight = 0;
	for (size_t first = 0, last = 0; first < n; first++) {
		while (last < n && starts[last].x < starts[first].x + em)
			weight += starts[last++].weight;
		windows[first] = weight;
		if (weight > windows[best])
			best = first;
		weight -= starts[first].weight;
	}
	/* Indented first lines may outnumber the others: the column's edge is
	 * the leftmost start within three ems to the left that a good share of
	 * the text has too (not a heading standing out on its own). */
	double left = starts[best].x;
	for (size_t i = best; i-- > 0 && starts[i].x >= starts[best].x - 3 * em;)
		if (windows[i] * 4 >= windows[best])
			left = starts[i].x;
	size_t m = 0;
	for (size_t i = 0; i < n; i++)
		if (starts[i].x >= left - em && starts[i].x <= left + 4 * em)
			ends[m++] = starts[i].right;
	qsort(ends, m, sizeof *ends, compare_doubles);
	double right = m ? ends[(size_t)((double)(m - 1) * 0.9)] : left;
	/* A column less than half as wide as the page's text is a table's
	 * first column or a list of figures, not prose beside a sidebar: the
	 * page has no main column and all its text counts. */
	double text_left = starts[0].x, text_right = starts[0].right;
	for (size_t i = 1; i < n; i++)
		if (starts[i].right > text_right)
			text_right = starts[i].right;
	if ((right - left) * 2 < text_right - text_left)
		return (struct pdf_column){text_left, text_right, 0, 0, 0, 0};
	struct pdf_column column = {
	    left, right, 1, left - text_left > 2 * em || text_right - right > 2 * em, 0, 0};
	/* The extent of the text wholly left, and wholly right, of it. */
	double left_from = right, left_to = left, right_from = right, right_to = left;
	for (size_t i = 0; i < n; i++) {
		if (starts[i].right <= left + em) {
			left_from = starts[i].x < left_from ? starts[i].x : left_from;
			left_to = starts[i].right > left_to ? starts[i].right : left_to;
		} else if (starts[i].x >= right - em) {
			right_from = starts[i].x < right_from ? starts[i].x : right_from;
			right_to = starts[i].right > right_to ? starts[i].right : right_to;
		}
	}
	double share = SIDEBAR_MAX_SHARE * (right - left);
	column.sidebar_left = left_to > left_from && left_to - left_from < share;
	column.sidebar_right = right_to > right_from && right_to - right_from < share;
	return column;
}

void pdf_columns_find(const struct pdf_line *lines, size_t count, const char *keep, double em,
		      struct pdf_column *columns, size_t page_count)
{
	struct start *starts = xmalloc((count + 1) * sizeof *starts);
	double *ends = xmalloc((count + 1) * sizeof *ends);
	size_t *windows = xmalloc((count + 1) * sizeof *windows);
	for (size_t page = 0; page < page_count; page++)
		columns[page] = (struct pdf_column){0, 0, 0, 0, 0, 0};
	size_t n = 0;
	for (size_t i = 0; i < count; i++)
		if (keep[i] && lines[i].page >= 0 && (size_t)lines[i].page < page_count)
			starts[n++] =
			    (struct start){lines[i].page, lines[i].x0,
					   utf8_count(lines[i].text, lines[i].length), lines[i].x1};
	qsort(starts, n, sizeof *starts, compare_starts);
	for (size_t run = 0; run < n;) {
		size_t stop = run + 1;
		while (stop < n && starts[stop].page == starts[run].page)
			stop++;
		columns[starts[run].page] =
		    page_column(starts + run, stop - run, em, ends, windows);
		run = stop;
	}
	free(starts);
	free(ends);
	free(windows);
}

int pdf_columns_in_main(const struct pdf_line *line, const struct pdf_column *columns,
			size_t page_count, double em)
{
	if (line->page < 0 || (size_t)line->page >= page_count)
		return 1;
	const struct pdf_column *column = &columns[line->page];
	if (column->right <= column->left)
		return 1;
	return line->x0 >= column->left - 2 * em && line->x0 < column->right - 2 * em &&
	       line->x1 <= column->right + 2 * em;
}

int pdf_columns_in_sidebar(const struct pdf_line *line, const struct pdf_column *columns,
			   size_t page_count, double em)
{
	if (line->page < 0 || (size_t)line->page >= page_count)
		return 0;
	const struct pdf_column *column = &columns[line->page];
	if (!column->beside || column->right <= column->left)
		return 0;
	return (column->sidebar_left && line->x1 <= column->left + em) ||
	       (column->sidebar_right && line->x0 >= column->right - em);
}

/* Whether other lies beside line (not above or below it) on its page, at
 * least `gap` points from it, in the main column. */
static int beside_in_main(const struct pdf_line *line, const struct pdf_line *other, double gap,
			  const struct pdf_column *columns, size_t page_count, double em)
{
	if (other->page != line->page || !pdf_columns_in_main(other, columns, page_count, em))
		return 0;
	double top = line->y0 > other->y0 ? line->y0 : other->y0;
	double bottom = line->y1 < other->y1 ? line->y1 : other->y1;
	double shorter = line->y1 - line->y0 < other->y1 - other->y0 ? line->y1 - line->y0
								     : other->y1 - other->y0;
	int apart = other->x1 <= line->x0 - gap || other->x0 >= line->x1 + gap;
	return apart && bottom - top > shorter * 0.3;
}

int pdf_columns_in_row(const struct pdf_line *lines, size_t count, const char *keep, size_t index,
		       const struct pdf_column *columns, size_t page_count, double em)
{
	int page = lines[index].page;
	if (page < 0 || (size_t)page >= page_count || !columns[page].found)
		return 0;
	size_t from = index > NEIGHBOURS ? index - NEIGHBOURS : 0;
	size_t to = count - index > NEIGHBOURS ? index + NEIGHBOURS : count - 1;
	for (size_t j = from; j <= to; j++)
		if (j != index && keep[j] &&
		    beside_in_main(&lines[index], &lines[j], em, columns, page_count, em))
			return 1;
	return 0;
}

int pdf_columns_alone(const struct pdf_line *lines, size_t count, const char *keep, size_t index,
		      const struct pdf_column *columns, size_t page_count, double em)
{
	size_t from = index > NEIGHBOURS ? index - NEIGHBOURS : 0;
	size_t to = count - index > NEIGHBOURS ? index + NEIGHBOURS : count - 1;
	for (size_t j = from; j <= to; j++)
		if (j != index && keep[j] &&
		    beside_in_main(&lines[index], &lines[j], 0, columns, page_count, em))
			return 0;
	return 1;
}
