/* docx_styles.h — the paragraph styles of a Word package
 * (word/styles.xml): what a style makes of its paragraphs, following
 * w:basedOn: an outline level (Heading 1…9, 标题 1…, or w:outlineLvl),
 * the Title style, a table-of-contents line, and numbering (w:numPr)
 * that paragraphs of the style get without their own. */
#ifndef PIZHU_FORMATS_DOCX_STYLES_H
#define PIZHU_FORMATS_DOCX_STYLES_H

#include <stddef.h>

#include "base/error.h"

struct docx_styles;

/* Parses styles.xml (data may be NULL: no styles). */
int docx_styles_load(const char *data, size_t size, struct docx_styles **styles,
		     struct error *error);

/* The style of a paragraph without w:pStyle (the default paragraph
 * style), or NULL. */
const char *docx_styles_default(const struct docx_styles *styles);

/* The heading level (1..9) style_id gives, or 0: also for a style set to
 * Word's body-text level (w:outlineLvl 9), which takes back the level of
 * the style it is based on (a clause style's untitled twin). */
int docx_styles_heading_level(const struct docx_styles *styles, const char *style_id);

/* Whether style_id is the Title style, or a table of contents line. */
int docx_styles_is_title(const struct docx_styles *styles, const char *style_id);
int docx_styles_is_contents(const struct docx_styles *styles, const char *style_id);

/* The numbering style_id gives: 1 with *num_id (0: switched off) and
 * *level (-1 when the style names no level), else 0. */
int docx_styles_numbering(const struct docx_styles *styles, const char *style_id, long *num_id,
			  int *level);

void docx_styles_free(struct docx_styles *styles);

#endif
