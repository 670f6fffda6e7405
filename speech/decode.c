#include "speech/decode.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/buffer.h"
#include "base/i18n.h"
#include "speech/convert.h"

/* Whether bytes[0..length) hold a NUL, looked for a window at a time. */
static int has_nul(const unsigned char *bytes, size_t length, struct mapping *mapping)
{
	enum { WINDOW = 64 * 1024 };
	for (size_t at = 0; at < length; at += WINDOW) {
		mapping_passed(mapping, bytes + at);
		if (memchr(bytes + at, 0, length - at < WINDOW ? length - at : WINDOW)) {
			mapping_give_back(mapping);
			return 1;
		}
	}
	mapping_give_back(mapping);
	return 0;
}

/* Counts the valid multi-byte UTF-8 sequences and the invalid bytes of
 * bytes[0..length), which decide whether the text is damaged UTF-8 or
 * another encoding. */
static void count_utf8(const unsigned char *bytes, size_t length, struct mapping *mapping,
		       size_t *multibyte, size_t *invalid)
{
	struct conversion counted = {
	    .source = CONVERT_UTF8_REPAIR, .chunk = DECODE_CHUNK_BYTES, .input = mapping};
	convert_text(&counted, bytes, length);
	mapping_give_back(mapping);
	*multibyte = counted.valid;
	*invalid = counted.replaced;
}

/* Converts bytes[0..length) (with `invalid` bytes, for damaged UTF-8) into
 * out: a new string, in one piece, when `target` is NULL, else a new
 * mapping, a chunk at a time. Returns the characters converted well. */
static int convert_into(enum conversion_source source, const unsigned char *bytes, size_t length,
			size_t invalid, struct mapping *input, const struct decode_output *target,
			struct decoded_text *out, size_t *valid, struct error *error)
{
	struct conversion conversion = {.source = source, .chunk = SIZE_MAX, .input = input};
	struct buffer text = {0};
	struct mapping *mapping = NULL;
	size_t bound = convert_bound(source, length, invalid);
	if (target) {
		mapping = xmalloc(sizeof *mapping);
		if (mapping_create(target->directory, bound + target->room + 1, mapping, error) !=
		    0) {
			free(mapping);
			return -1;
		}
		text = (struct buffer){mapping->data, 0, mapping->length};
		conversion.chunk = target->chunk ? target->chunk : DECODE_CHUNK_BYTES;
		conversion.output = mapping;
	} else {
		buffer_reserve(&text, bound);
	}
	conversion.out = &text;
	int status = convert_text(&conversion, bytes, length);
	mapping_give_back(input);
	if (status != 0) {
		if (mapping) {
			mapping_close(mapping);
			free(mapping);
		} else {
			buffer_free(&text);
		}
		/* Only GB18030 text is refused for its bytes. */
		return error_set(error, _("not UTF-8 or GB18030 text"));
	}
	mapping_give_back(mapping);
	out->text = buffer_string(&text);
	out->length = text.length;
	out->owned = mapping ? NULL : text.data;
	out->mapping = mapping;
	out->replaced_bytes = conversion.replaced;
	*valid = conversion.valid;
	return 0;
}

static int decode(const unsigned char *bytes, size_t length, struct mapping *mapping,
		  const struct decode_output *target, struct decoded_text *out, struct error *error)
{
	memset(out, 0, sizeof *out);
	size_t multibyte = 0, invalid = 0;
	if (length >= 2 &&
	    ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF))) {
		int big_endian = bytes[0] == 0xFE;
		/* A UTF-16 byte order mark before a body that is UTF-8 (no NUL,
		 * which UTF-16 line breaks hold, and no invalid sequence) is a
		 * wrong mark: read as UTF-8, and say so. */
		if (!has_nul(bytes + 2, length - 2, mapping)) {
			count_utf8(bytes + 2, length - 2, mapping, &multibyte, &invalid);
			if (invalid == 0) {
				out->text = (const char *)bytes + 2;
				out->length = length - 2;
				out->encoding = DECODE_UTF8_AFTER_UTF16_BOM;
				return 0;
			}
		}
		const char *encoding = big_endian ? "UTF-16BE" : "UTF-16LE";
		size_t valid;
		if (convert_into(big_endian ? CONVERT_UTF16BE : CONVERT_UTF16LE, bytes + 2,
				 length - 2, 0, mapping, target, out, &valid, error) != 0)
			return -1;
		out->encoding = encoding;
		/* Nothing but damage is no text at all. */
		if (valid == 0 && out->replaced_bytes > 0) {
			decoded_text_free(out);
			return error_set(error, _("not valid %s text"), encoding);
		}
		return 0;
	}
	if (has_nul(bytes, length, mapping))
		return error_set(error, _("binary file (contains NUL bytes)"));

	int bom = length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF;
	if (bom) {
		bytes += 3;
		length -= 3;
	}
	count_utf8(bytes, length, mapping, &multibyte, &invalid);
	size_t valid;
	/* A damaged download keeps most of its sequences valid; GB18030 text
	 * read as UTF-8 has almost no valid multi-byte sequence. */
	if (!bom && invalid > multibyte) {
		if (convert_into(CONVERT_GB18030, bytes, length, 0, mapping, target, out, &valid,
				 error) != 0)
			return -1;
		out->encoding = "GB18030";
		return 0;
	}
	if (invalid == 0) {
		out->text = (const char *)bytes;
		out->length = length;
	} else if (convert_into(CONVERT_UTF8_REPAIR, bytes, length, invalid, mapping, target, out,
				&valid, error) != 0) {
		return -1;
	}
	out->encoding = bom ? "UTF-8 BOM" : "UTF-8";
	return 0;
}

int decode_text(const unsigned char *bytes, size_t length, struct decoded_text *out,
		struct error *error)
{
	return decode(bytes, length, NULL, NULL, out, error);
}

int decode_text_mapped(const unsigned char *bytes, size_t length, struct mapping *mapping,
		       const struct decode_output *output, struct decoded_text *out,
		       struct error *error)
{
	return decode(bytes, length, mapping, output, out, error);
}

void decoded_text_free(struct decoded_text *decoded)
{
	free(decoded->owned);
	if (decoded->mapping) {
		mapping_close(decoded->mapping);
		free(decoded->mapping);
	}
	memset(decoded, 0, sizeof *decoded);
}
