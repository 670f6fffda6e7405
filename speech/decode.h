/* decode.h — turning a file's bytes into UTF-8 text.
 *
 * Recognises UTF-8 (with or without BOM), UTF-16 LE/BE with BOM (a lone
 * surrogate or an odd last byte becomes U+FFFD, counted in replaced_bytes),
 * UTF-8 after a UTF-16 BOM (a wrong mark: the encoding says so, for a
 * warning), and GB18030 (which includes GBK and GB2312). A UTF-8 file with a few damaged
 * bytes stays UTF-8, each bad byte becoming U+FFFD, rather than being
 * misread as GB18030. Binary data (NUL bytes) and text in none of these
 * encodings are refused. The conversion itself is speech/convert.h's. */
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
	 * is new and NUL-terminated: a string (owned) or the start of a
	 * mapping (mapping). decoded_text_free knows which. */
	const char *text;
	size_t length;
	char *owned;		 /* the new string, or NULL */
	struct mapping *mapping; /* from the heap: the mapping text starts, or NULL */
	const char *encoding;	 /* "UTF-8", "UTF-8 BOM", "UTF-16LE", "UTF-16BE", "GB18030",
				    DECODE_UTF8_AFTER_UTF16_BOM */
	size_t replaced_bytes;	 /* invalid UTF-8 or UTF-16 bytes shown as U+FFFD */
};

/* Decodes bytes[0..length) in memory; text it converts is a new string,
 * converted in one piece. On failure the message says why, without the
 * file name (the caller adds it): "not UTF-8 or GB18030 text", "binary
 * file (contains NUL bytes)". */
int decode_text(const unsigned char *bytes, size_t length, struct decoded_text *out,
		struct error *error);

/* Input bytes converted at a time into a mapping. */
enum { DECODE_CHUNK_BYTES = 256 * 1024 };

/* Where decode_text_mapped puts the text it converts. */
struct decode_output {
	const char *directory; /* of the mapping's file: NULL for $TMPDIR, else /tmp */
	size_t room;	       /* bytes the mapping keeps free past the most the text can be */
	size_t chunk;	       /* input bytes converted at a time; 0: DECODE_CHUNK_BYTES */
};

/* decode_text of bytes in `mapping` (base/mapping.h; NULL: in memory),
 * whose pages its passes over the bytes give back behind them. Text it
 * converts (another encoding, damaged UTF-8) is written a chunk at a time
 * into a new mapping (out->mapping), from its start, whose written pages
 * are given back as well: a file of any size and encoding keeps little of
 * itself in memory. The same text, encoding, replaced bytes and refusals
 * as decode_text; it may also fail for want of that mapping. */
int decode_text_mapped(const unsigned char *bytes, size_t length, struct mapping *mapping,
		       const struct decode_output *output, struct decoded_text *out,
		       struct error *error);

void decoded_text_free(struct decoded_text *decoded);

#endif
