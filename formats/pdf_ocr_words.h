/* pdf_ocr_words.h — the words OCR finds on a text line, made into the
 * lines of formats/pdf_lines.h.
 *
 * tesseract gives a page as text lines of words, each word with its box
 * in pixels and a confidence. pdf_lines.h wants what a PDF's text layer
 * gives: lines of text with a box and a type size in points. This is that
 * step, without tesseract, so the rules can be tested on words written by
 * hand:
 * - Chinese words are joined without a space (tesseract's Chinese model
 *   puts one between every word), Latin words with one.
 * - A line is cut where a gap wider than OCR_WORD_GAP_EMS type sizes
 *   separates two words: a running head's page number from its title
 *   (`12      第一篇 商品和货币`), a note in the margin from the body line
 *   it stands beside. Each piece is a line of its own, so that a page
 *   number alone in the top band is page furniture.
 * - Specks (a smudge read as `”` with little confidence) are left out.
 * - The type size of a line is the height of its characters (a low
 *   quantile of its words' heights), scaled from ink to type (a Chinese
 *   glyph's ink is about nine tenths of its em), so headings set larger
 *   than the body are seen as such. */
#ifndef PIZHU_FORMATS_PDF_OCR_WORDS_H
#define PIZHU_FORMATS_PDF_OCR_WORDS_H

#include <stddef.h>

#include "base/buffer.h"
#include "formats/pdf_lines.h"

#define OCR_WORD_GAP_EMS	   2.5
#define OCR_MIN_CONFIDENCE	   30
#define OCR_HEAD_BAND		   0.15
#define OCR_MARGIN_NOTE_CHARACTERS 8

struct ocr_word {
	const char *text; /* UTF-8 */
	size_t length;
	int left, top, right, bottom; /* box in pixels, y growing downwards */
	float confidence;	      /* 0 to 100 */
};

/* Whether a word or character read with `confidence` is a speck: a lone
 * mark (not a letter, digit or Chinese character: a misread character is
 * still text) read with a confidence under OCR_MIN_CONFIDENCE. */
int pdf_ocr_words_speck(const char *text, size_t length, float confidence);

/* Appends the lines of one OCR text line, words[0..count), on page
 * `page` scanned at `dpi` pixels an inch, to *lines (grown with xgrow;
 * *capacity its room). Their texts go into `text`, one after another;
 * each line's text field holds its offset in `text` (cast to a pointer)
 * until pdf_ocr_words_fix points them at the finished text. */
void pdf_ocr_words_lines(const struct ocr_word *words, size_t count, int page, double dpi,
			 struct buffer *text, struct pdf_line **lines, size_t *line_count,
			 size_t *capacity);

/* Drops the furniture of one scanned page, lines[0..count) (texts set),
 * whose height is `height` points; returns how many lines are left, in
 * order, at the start of `lines`. pdf_lines.h finds page numbers and
 * running heads in narrow bands and by their recurrence; a scanned book
 * sets its heads lower, and alternates them (the part on the left page,
 * the chapter on the right), so this finds them by their shape instead:
 * - The top row of the page (and the bottom row), in the outer
 *   OCR_HEAD_BAND of its height, when one of its lines is a page number
 *   (pdf_page_number): the number and the rest of the row, the running
 *   head, whose text (without quotation marks that do not pair) is
 *   stored in *head (a new string; NULL when none). When `keep_head`
 *   (the first page's head names the pages), the head's line is kept,
 *   its text then pointing to *head.
 * - Notes in the margin (the pages of another edition, `14(I)`): lines of
 *   at most OCR_MARGIN_NOTE_CHARACTERS characters wholly left or right of
 *   the page's text column. */
size_t pdf_ocr_words_furniture(struct pdf_line *lines, size_t count, double height, int keep_head,
			       char **head);

/* Points lines[0..count)'s texts, offsets into `text`, at `text`. */
void pdf_ocr_words_fix(struct pdf_line *lines, size_t count, const char *text);

#endif
