/* mhtml.h — a web page saved as one file with its images (.mhtml, .mht):
 * a MIME multipart/related message whose first text/html part is the page.
 *
 * Browsers write the page quoted-printable (Chrome) or base64 (Internet
 * Explorer), sometimes with its charset only in the part's header; this
 * decodes the part and hands html.c a page that declares that charset. */
#ifndef PIZHU_FORMATS_MHTML_H
#define PIZHU_FORMATS_MHTML_H

#include <stddef.h>

#include "base/buffer.h"

/* Whether the bytes begin as a MIME message of several parts. `extension`
 * is unused (the content decides); it is there for the reader table. */
int mhtml_detect(const unsigned char *bytes, size_t length, const char *extension);

/* When bytes are a MIME archive holding a text/html part: appends that
 * page, decoded, to `html` (after a <meta charset> naming the part's
 * charset, when its header gives one), stores the page's address or NULL
 * in *location (a new string) and returns 1. Returns 0 otherwise. */
int mhtml_page(const unsigned char *bytes, size_t length, struct buffer *html, char **location);

#endif
