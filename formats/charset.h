/* charset.h — a web page's bytes as UTF-8, whatever its declared charset.
 *
 * Saved pages often declare one charset and hold another (a GB2312 meta
 * over UTF-8 bytes, after an editor re-saved the page), so what the bytes
 * are wins over what the page says: a byte order mark first, then bytes
 * that are valid UTF-8 with multi-byte text in them, then the page's own
 * <meta charset> or http-equiv declaration (GB2312 and GBK read as their
 * superset GB18030, ISO-8859-1 as windows-1252, as browsers do), and last
 * uchardet's guess. A declaration under which the bytes do not decode
 * cleanly is passed over for the guess. Bytes no charset explains become
 * U+FFFD: a page is never refused for its encoding. */
#ifndef PIZHU_FORMATS_CHARSET_H
#define PIZHU_FORMATS_CHARSET_H

#include <stddef.h>

#include "base/error.h"

struct charset_text {
	char *text;	      /* UTF-8, NUL-terminated, from malloc */
	size_t length;	      /* bytes, without the NUL */
	const char *encoding; /* the iconv name used, e.g. "UTF-8", "GB18030" (static) */
	size_t replaced;      /* bytes or sequences shown as U+FFFD */
};

/* Decodes a page; fails only when it runs out of conversions to try. */
int charset_decode_page(const unsigned char *bytes, size_t length, struct charset_text *out,
			struct error *error);

/* The charset a page declares in its first bytes (<meta charset=…> or
 * content="…; charset=…"), mapped to an iconv name as above, or NULL. */
const char *charset_declared(const unsigned char *bytes, size_t length);

#endif
