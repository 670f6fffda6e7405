/* pdf_columns.h — the main text column of each page of a PDF.
 *
 * Reports and magazines set a narrow sidebar (analysts, stock data,
 * related reading) or a second column beside the text; tables put cells
 * side by side. Their lines are in other type sizes than the text, so a
 * size alone says nothing about headings there. The main column of a page
 * is where most of its text starts: the left edge that the most
 * characters share (within an em), with the right edge most of those
 * lines reach. A line is in it when it starts at or right of that left
 * edge (a heading may stand out a little) and ends by the right one.
 * Text beside it in a column much narrower than it is a sidebar. */
#ifndef PIZHU_FORMATS_PDF_COLUMNS_H
#define PIZHU_FORMATS_PDF_COLUMNS_H

#include <stddef.h>

#include "formats/pdf_lines.h"

struct pdf_column {
	double left, right; /* 0, 0: the page has no kept line */
	/* 0 when the page has no main column (a table, columns alike): then
	 * left and right are its text's, and all of it counts. */
	int found;
	/* Whether text lies beside the column (a sidebar, a second column):
	 * only then are its lines measured against the column's margins
	 * rather than the document's (a page of a few short lines has a
	 * narrow column of its own that says nothing). */
	int beside;
	/* Whether the text left (right) of the column is a sidebar: a column
	 * narrower than SIDEBAR_MAX_SHARE of the main one, not a second
	 * column of the text. */
	int sidebar_left, sidebar_right;
};

#define SIDEBAR_MAX_SHARE 0.6

/* Fills columns[0..page_count) from the lines whose keep[] is nonzero;
 * `em` is the body type size. Lines on pages >= page_count are ignored. */
void pdf_columns_find(const struct pdf_line *lines, size_t count, const char *keep, double em,
		      struct pdf_column *columns, size_t page_count);

/* Whether the line is in its page's main column. */
int pdf_columns_in_main(const struct pdf_line *line, const struct pdf_column *columns,
			size_t page_count, double em);

/* Whether the line lies in a sidebar beside its page's main column. */
int pdf_columns_in_sidebar(const struct pdf_line *line, const struct pdf_column *columns,
			   size_t page_count, double em);

/* Whether another kept line of the main column shares lines[index]'s
 * height, an em or more beside it: the line is a cell of a table's row
 * (pieces of one line of text lie closer). Never on a page without a
 * main column, whose columns of text stand side by side. */
int pdf_columns_in_row(const struct pdf_line *lines, size_t count, const char *keep, size_t index,
		       const struct pdf_column *columns, size_t page_count, double em);

/* Whether no other kept line of the main column beside lines[index] (in
 * reading order, a bounded distance either way) shares its height on the
 * page: a heading stands alone, a table cell does not. */
int pdf_columns_alone(const struct pdf_line *lines, size_t count, const char *keep, size_t index,
		      const struct pdf_column *columns, size_t page_count, double em);

#endif
