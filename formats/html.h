/* html.h — the web page reader (.html, .htm, and .mhtml/.mht pages saved
 * with their images, whose page mhtml.h takes out).
 *
 * Reads a page as a browser shows it: the charset the bytes really are
 * (charset.h), parsed with libxml2's forgiving HTML parser, never touching
 * the network. <p>, <br>, <div>, list items and table cells end lines;
 * <script>, <style>, hidden elements and form controls never show; entities
 * are decoded. The article is found by the containers sites use for it
 * (WeChat's #js_content, the TRS_Editor of government sites) or else by
 * text density: the block whose paragraphs hold the most text that is not
 * links. What comes before it (menus, breadcrumbs, the date and source line)
 * is front matter, what follows (share buttons, related news, footers) back
 * matter: kept, hinted, hidden by the parser. The headline is the heading
 * whose text begins the page's <title> (which adds the site's name: `…_某某
 * 日报网`, `… - 某某市人民政府门户网站`), else og:title or the <title>
 * without the site's name. <h1>–<h6> and paragraphs that are one short bold
 * phrase carry heading hints. */
#ifndef PIZHU_FORMATS_HTML_H
#define PIZHU_FORMATS_HTML_H

#include <stddef.h>

#include "base/error.h"
#include "formats/document.h"

/* The largest page read; larger ones are refused with a message. */
#define HTML_MAX_BYTES ((size_t)64 << 20)

/* Reads a page's bytes into `document` (format "html"). Fails with a
 * message for a page too large or one without any text. */
int html_read(const unsigned char *bytes, size_t length, struct document *document,
	      struct error *error);

/* The headline from a <title>: the text without the site's name that
 * sites append after `_`, `|`, ` - `, `--` and the like (a part is taken
 * for a site's name when it is the last and no longer than what remains,
 * or when it ends like one: …网, …网站, …门户, …日报, a domain).
 * A new string. */
char *html_title_without_site(const char *title);

#endif
