/* decode.h — turning a file's bytes into UTF-8 text.
 *
 * Recognises UTF-8 (with or without BOM), UTF-16 LE/BE with BOM (a lone
 * surrogate or an odd last byte becomes U+FFFD, counted in replaced_bytes),
 * UTF-8 after a UTF-16 BOM (a wrong mark: the encoding says so, for a
 * warning), and GB18030 (which includes GBK and GB2312). A UTF-8 file with a few damaged
 * bytes stays UTF-8, each bad byte becoming U+FFFD, rather than being
 * misread as GB18030. Binary data (NUL bytes) and text in none of these
 * encodings are refused. */
#ifndef PIZHU_SPEECH_DECODE_H
#define PIZHU_SPEECH_DECODE_H

#include <stddef.h>

#include "base/error.h"
#include "base/mapping.h"

/* The encoding of UTF-8 text that came after a UTF-16 byte order mark. */
#define DECODE_UTF8_AFTER_UTF16_BOM "UTF-8 after a UTF-16 BOM"

struct decoded_text {
	/* UTF-8. Valid UTF-8 input is not copied: text then points into the
	 * bytes handed in (after any BOM) and is not NUL-terminated; else it
	 * is a new NUL-terminated string. decoded_text_free knows which. */
	const char *text;
	size_t length;
	char *owned;	       /* the new string, or NULL */
	const char *encoding;  /* "UTF-8", "UTF-8 BOM", "UTF-16LE", "UTF-16BE", "GB18030",
				  DECODE_UTF8_AFTER_UTF16_BOM */
	size_t replaced_bytes; /* invalid UTF-8 or UTF-16 bytes shown as U+FFFD */
};

/* Decodes bytes[0..length). On failure the message says why, without the
 * file name (the caller adds it): "not UTF-8 or GB18030 text", "binary
 * file (contains NUL bytes)". */
int decode_text(const unsigned char *bytes, size_t length, struct decoded_text *out,
		struct error *error);

/* decode_text of bytes in a mapping (base/mapping.h), whose pages its
 * passes over the bytes give back behind them. */
int decode_text_mapped(const unsigned char *bytes, size_t length, struct mapping *mapping,
		       struct decoded_text *out, struct error *error);

void decoded_text_free(struct decoded_text *decoded);

#endif
