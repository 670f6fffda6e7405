/* pdf_lines.h — a PDF's text lines rejoined into paragraphs.
 *
 * A PDF holds lines where the page ran out, not paragraphs, and Chinese
 * ones break mid-sentence. Given the lines of every page with their boxes
 * (in reading order), this decides which are page furniture and where the
 * paragraphs begin, without any PDF library, so the rules can be tested on
 * lines written by hand:
 * - Furniture, dropped: page numbers (`3`, `- 3 -`, `— 3 —`, `第3页`,
 *   `第 3 页 共 9 页`, `3/9`, `Page 3`) in the top or bottom band of a page,
 *   running heads and feet (a line in those bands whose text, digits aside,
 *   recurs on at least half of the pages, and on two or more), and rows of
 *   rules (`=====`, `-----`) with no text.
 * - A paragraph begins with a line indented from the body's left margin, a
 *   line after one that ended short of the right margin, after a gap
 *   wider than the line spacing, at a change of font size, and with a
 *   heading marker (一、 （一） 1. …) after a line that ended a sentence.
 *   It goes on across a page break.
 * - Lines are joined without a space where either side is Chinese, with a
 *   space between Latin words, and a word hyphenated at the line end is
 *   made whole again.
 * - The title is the line of the largest type near the top of page one
 *   (or the line matching the document's metadata title, without a site
 *   name a browser's print added); lines above it and the date and source
 *   line under it are front matter. A line in larger or bold type than
 *   the body carries a heading hint only when it stands alone in its
 *   page's main text column (formats/pdf_columns.h): not in a sidebar or
 *   second column, not a table cell beside others. The body's type size
 *   is that of most characters, not of most lines (a table's cells).
 * - A short line of the body's size in a colour other than the body's,
 *   standing alone in the main column and ending well short of its
 *   right edge, carries a heading hint too (a report's 投资要点 in its
 *   accent colour); a line only partly coloured (a run-in lead, 事件：…)
 *   or that is a link does not.
 * - A sidebar, the narrow column beside a page's main one (analysts,
 *   stock data, related reports), is no text of the document: its lines
 *   are front matter. A second column as wide as the main one is text.
 * - A table's cell (a line beside others in its row, an em or more
 *   apart) is never a heading: a legend's 1. 投资评级… heads nothing. */
#ifndef PIZHU_FORMATS_PDF_LINES_H
#define PIZHU_FORMATS_PDF_LINES_H

#include <stddef.h>

#include "formats/lines.h"

struct pdf_line {
	const char *text; /* UTF-8, without line end */
	size_t length;
	double x0, y0, x1, y1; /* box in points, y growing downwards */
	double font_size;      /* 0 when unknown */
	int bold;
	/* 0xRRGGBB, the colour all its characters share, or PDF_COLOR_MIXED. */
	long color;
	int link; /* it lies in a link's area (a web page's, printed) */
	int page; /* from 0 */
};

#define PDF_COLOR_MIXED (-1L)

struct pdf_page_size {
	double width, height;
};

/* Appends the paragraphs of lines[0..count) to `out` with their roles and
 * hints. `metadata_title` is the document's Title entry or NULL. Stores
 * the title it chose (a new string, or NULL) in *title. */
void pdf_lines_paragraphs(const struct pdf_line *lines, size_t count,
			  const struct pdf_page_size *pages, size_t page_count,
			  const char *metadata_title, struct lines *out, char **title);

/* Whether a line's text is a page number: `3`, `- 3 -`, `第3页`, `3/9`… */
int pdf_page_number(const char *text, size_t length);

#endif
