/* The words OCR finds made into PDF lines (formats/pdf_ocr_words.h), on
 * words written here: joining, cutting at wide gaps, specks, type size,
 * and a scanned page's running head, page number and margin notes. Then,
 * when pizhu is built with OCR, the reading of blank scanned pages. */
#include <stdint.h>

#include "base/buffer.h"
#include "formats/pdf.h"
#include "formats/pdf_ocr.h"
#include "formats/pdf_ocr_words.h"
#include "tap.h"

/* A word `width` pixels wide from x `left`, 50 pixels high at row `top`. */
static struct ocr_word word(const char *text, int left, int width, int top)
{
	return (struct ocr_word){text, strlen(text), left, top, left + width, top + 50, 90};
}

struct page {
	struct pdf_line *lines;
	size_t count, capacity;
	struct buffer text;
};

static void add(struct page *page, const struct ocr_word *words, size_t count, int number)
{
	pdf_ocr_words_lines(words, count, number, 300, &page->text, &page->lines, &page->count,
			    &page->capacity);
}

static void done_adding(struct page *page)
{
	pdf_ocr_words_fix(page->lines, page->count, buffer_string(&page->text));
}

static void page_free(struct page *page)
{
	free(page->lines);
	buffer_free(&page->text);
	memset(page, 0, sizeof *page);
}

static void joining(void)
{
	struct page page = {0};
	struct ocr_word words[] = {
	    word("在", 300, 50, 400),	  word("谈到", 360, 100, 400), word("worth", 470, 120, 400),
	    word("value", 600, 120, 400), word("1696", 730, 100, 400), word("年", 840, 50, 400),
	};
	add(&page, words, 6, 2);
	done_adding(&page);
	is_int(page.count, 1, "one text line is one line");
	is_span(page.lines[0].text, page.lines[0].length, "在谈到worth value 1696年",
		"Chinese joined without spaces, Latin words with one");
	ok(page.lines[0].page == 2, "the line is on its page");
	/* 300 dpi: 300 pixels are 72 points. */
	ok(page.lines[0].x0 == 72 && page.lines[0].x1 == 890 * 72.0 / 300,
	   "the box is in points (%g to %g)", page.lines[0].x0, page.lines[0].x1);
	ok(page.lines[0].font_size > 12 && page.lines[0].font_size < 14,
	   "the type size is the characters' height, from ink to em (%g)", page.lines[0].font_size);
	page_free(&page);
}

static void cutting(void)
{
	struct page page = {0};
	/* A running head: the page number, a wide gap, the head. */
	struct ocr_word head[] = {word("12", 300, 60, 300), word("第一篇", 900, 150, 300),
				  word("商品", 1080, 100, 300)};
	add(&page, head, 3, 0);
	struct ocr_word specks[] = {word("商品", 300, 100, 400), word("”", 405, 20, 400),
				    word("和", 430, 50, 400), word("兄", 485, 50, 400)};
	specks[1].confidence = 10;
	specks[3].confidence = 5;
	add(&page, specks, 4, 0);
	done_adding(&page);
	is_int(page.count, 3, "a wide gap cuts a text line in two");
	is_span(page.lines[0].text, page.lines[0].length, "12", "the page number alone");
	is_span(page.lines[1].text, page.lines[1].length, "第一篇商品", "the head alone");
	is_span(page.lines[2].text, page.lines[2].length, "商品和兄",
		"a speck is left out, a character read with little confidence kept");
	ok(pdf_ocr_words_speck("”", 3, 10) && !pdf_ocr_words_speck("”", 3, 90) &&
	       !pdf_ocr_words_speck("兄", 3, 0) && !pdf_ocr_words_speck("(3)", 3, 0),
	   "a speck is a lone mark read with little confidence");
	page_free(&page);

	/* Loose boxes: most characters reach into the next line. */
	struct ocr_word loose[] = {word("于", 300, 50, 500), word("约定", 360, 100, 500),
				   word("俗", 470, 50, 500), word("成", 530, 50, 500),
				   word("。", 590, 50, 500)};
	for (int i = 2; i < 5; i++)
		loose[i].bottom += 30;
	add(&page, loose, 5, 0);
	done_adding(&page);
	ok(page.lines[0].font_size < 14, "loose boxes do not make the type larger (%g)",
	   page.lines[0].font_size);
	page_free(&page);
}

/* Body lines of 20 characters at rows 10.. on an A4 page scanned at 300
 * dpi (3508 pixels high). */
static void body(struct page *page, int rows, int number)
{
	for (int row = 0; row < rows; row++) {
		struct ocr_word line =
		    word("我们所要考察的社会形式中使用价值同时", 300, 1800, 500 + row * 100);
		add(page, &line, 1, number);
	}
}

static void furniture(void)
{
	struct page page = {0};
	struct ocr_word head[] = {word("12", 300, 60, 300), word("第一篇", 900, 150, 300),
				  word("“商品", 1080, 120, 300)};
	add(&page, head, 3, 0);
	struct ocr_word note = word("14(I)", 100, 100, 800);
	add(&page, &note, 1, 0);
	body(&page, 6, 0);
	struct ocr_word foot = word("- 12 -", 1100, 150, 3300);
	add(&page, &foot, 1, 0);
	done_adding(&page);
	char *head_text;
	size_t kept = pdf_ocr_words_furniture(page.lines, page.count, 842, 1, &head_text);
	is_string(head_text, "第一篇商品", "the running head, without a quotation mark unpaired");
	is_int(kept, 7, "page number, foot and margin note dropped, the first page's head kept");
	is_span(page.lines[0].text, page.lines[0].length, "第一篇商品", "the head is kept first");
	is_span(page.lines[1].text, page.lines[1].length, "我们所要考察的社会形式中使用价值同时",
		"then the body");
	free(head_text);
	page_free(&page);

	add(&page, head, 3, 1);
	body(&page, 6, 1);
	done_adding(&page);
	kept = pdf_ocr_words_furniture(page.lines, page.count, 842, 0, &head_text);
	is_int(kept, 6, "on a later page the head goes too");
	free(head_text);
	page_free(&page);

	/* A speech's title at the top has no page number beside it. */
	struct ocr_word title = word("在全镇秋季工作推进会上的讲话", 600, 1200, 300);
	add(&page, &title, 1, 0);
	body(&page, 6, 0);
	done_adding(&page);
	kept = pdf_ocr_words_furniture(page.lines, page.count, 842, 1, &head_text);
	ok(kept == 7 && head_text == NULL, "a title is not a running head");
	page_free(&page);
}

/* Blank scanned pages read by OCR, when pizhu is built with it. */
static void blank_scan(void)
{
	if (!pdf_ocr_built()) {
		tap_skip("built without OCR");
		return;
	}
	/* An A4 page drawing a white 8x8 grey image over the page. */
	static const char pdf[] =
	    "%PDF-1.4\n1 0 obj\n<< /Type /XObject /Subtype /Image /Width 8 /Height 8 "
	    "/ColorSpace /DeviceGray /BitsPerComponent 8 /Length 64 >>\nstream\n"
	    "\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff"
	    "\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff"
	    "\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff"
	    "\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff"
	    "\nendstream\nendobj\n2 0 obj\n<< /Length 33 >>\nstream\n"
	    "q 595 0 0 842 0 0 cm /Im1 Do Q\n\nendstream\nendobj\n"
	    "3 0 obj\n<< /Type /Page /Parent 4 0 R /MediaBox [0 0 595 842] "
	    "/Resources << /XObject << /Im1 1 0 R >> >> /Contents 2 0 R >>\nendobj\n"
	    "4 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n"
	    "5 0 obj\n<< /Type /Catalog /Pages 4 0 R >>\nendobj\n"
	    "trailer\n<< /Root 5 0 R >>\n%%EOF\n";
	struct document document;
	struct error error;
	int status = pdf_read((const unsigned char *)pdf, sizeof pdf - 1, &document, &error);
	ok(status != 0 && strstr(error.message, "no text layer"),
	   "without OCR a scan gets its message: %s", status ? error.message : "read");
	struct pdf_ocr_options options = {.enabled = 1};
	pdf_ocr_configure(&options);
	status = pdf_read((const unsigned char *)pdf, sizeof pdf - 1, &document, &error);
	ok(status != 0 && strstr(error.message, "OCR found no text"),
	   "with OCR a blank page has no text: %s", status ? error.message : "read");
	options.enabled = 0;
	pdf_ocr_configure(&options);
}

int main(void)
{
	joining();
	cutting();
	furniture();
	blank_scan();
	return tap_done();
}
