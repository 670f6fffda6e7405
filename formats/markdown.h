/* markdown.h — the Markdown reader (.md).
 *
 * Reads Markdown as a reader of the rendered page sees it:
 * - YAML front matter (`---` … `---` at the top): `title:` is the title
 *   (letter-spaced titles, `在 全 市 会 议 上`, lose the spaces between
 *   Chinese characters), `date:` and `source:` (or url, link, 来源) go to
 *   the metadata, every other field is a front matter line;
 * - `#` headings (and setext `===`/`---` underlines) carry their level as
 *   a hint; a document's first line, when it is a `#` heading, is its title;
 * - a paragraph that is one bold phrase (`**一、…**`), or that opens with a
 *   bold numbered phrase (`**（一）…**。正文`), is a heading too;
 * - emphasis, links (their text stays), images, inline code marks,
 *   blockquote marks, bullets, HTML tags and thematic breaks do not show;
 *   a table row is a line of its cells;
 * - lines of one paragraph are joined (Chinese without a space), except
 *   that a line ending a sentence (。！？：；) ends the paragraph, as
 *   Chinese notes are often written one paragraph a line;
 * - footnote definitions (`[^1]: …`) are back matter; the date and `来源：`
 *   lines right under the title are front matter. */
#ifndef PIZHU_FORMATS_MARKDOWN_H
#define PIZHU_FORMATS_MARKDOWN_H

#include <stddef.h>

#include "base/buffer.h"
#include "base/error.h"
#include "formats/document.h"

/* Reads Markdown bytes (UTF-8, or what charset.h makes of them) into
 * `document` (format "md"). Fails with a message for a file without text. */
int markdown_read(const unsigned char *bytes, size_t length, struct document *document,
		  struct error *error);

/* Appends the text of one line of Markdown with its inline markup
 * (emphasis, links, images, code marks, footnote references, HTML tags,
 * backslash escapes) removed. */
void markdown_inline(const char *text, size_t length, struct buffer *out);

#endif
