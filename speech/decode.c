#include "speech/decode.h"

#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include "base/buffer.h"
#include "base/i18n.h"
#include "base/utf8.h"

/* Converts with iconv; fails on any invalid or incomplete sequence. */
static int convert(const char *from, const unsigned char *bytes, size_t length,
		   struct decoded_text *out)
{
	iconv_t converter = iconv_open("UTF-8", from);
	if (converter == (iconv_t)-1)
		return -1;
	struct buffer result = {0};
	/* Chinese text grows by at most 3/2 from GB18030, 3/2 from UTF-16. */
	buffer_reserve(&result, length + length / 2 + 16);
	char *input = (char *)bytes;
	size_t input_left = length;
	int status = 0;
	while (input_left > 0) {
		char *output = result.data + result.length;
		size_t output_left = result.capacity - result.length - 1;
		size_t before = output_left;
		size_t converted = iconv(converter, &input, &input_left, &output, &output_left);
		result.length += before - output_left;
		if (converted == (size_t)-1) {
			if (errno == E2BIG) {
				buffer_reserve(&result, result.capacity);
				continue;
			}
			status = -1;
			break;
		}
	}
	iconv_close(converter);
	if (status != 0) {
		buffer_free(&result);
		return -1;
	}
	out->text = out->owned = buffer_string(&result);
	out->length = result.length;
	return 0;
}

/* Decodes UTF-16 (big_endian or not) to UTF-8: a surrogate pair is one
 * character; a lone surrogate, and an odd last byte, become U+FFFD and
 * are counted in replaced_bytes, as damaged UTF-8 is, rather than failing
 * the whole file. Returns the characters decoded well. */
static size_t convert_utf16(const unsigned char *bytes, size_t length, int big_endian,
			    struct decoded_text *out)
{
	size_t valid = 0;
	struct buffer result = {0};
	buffer_reserve(&result, length + length / 2 + 16);
	size_t i = 0;
	while (i + 1 < length) {
		unsigned unit = big_endian ? (unsigned)bytes[i] << 8 | bytes[i + 1]
					   : (unsigned)bytes[i + 1] << 8 | bytes[i];
		i += 2;
		if (unit >= 0xD800 && unit <= 0xDBFF && i + 1 < length) {
			unsigned low = big_endian ? (unsigned)bytes[i] << 8 | bytes[i + 1]
						  : (unsigned)bytes[i + 1] << 8 | bytes[i];
			if (low >= 0xDC00 && low <= 0xDFFF) {
				i += 2;
				buffer_append_codepoint(&result, 0x10000 + ((unit - 0xD800) << 10) +
								     (low - 0xDC00));
				continue;
			}
		}
		if (unit >= 0xD800 && unit <= 0xDFFF) {
			buffer_append_codepoint(&result, UTF8_REPLACEMENT);
			out->replaced_bytes += 2;
		} else {
			buffer_append_codepoint(&result, unit);
			valid++;
		}
	}
	if (i < length) {
		buffer_append_codepoint(&result, UTF8_REPLACEMENT);
		out->replaced_bytes++;
	}
	out->text = out->owned = buffer_string(&result);
	out->length = result.length;
	return valid;
}

/* Copies UTF-8, replacing each invalid byte with U+FFFD; counts both the
 * valid multi-byte sequences and the invalid bytes, which decide whether
 * the text is damaged UTF-8 or another encoding. */
static void copy_utf8(const unsigned char *bytes, size_t length, struct buffer *result,
		      size_t *multibyte, size_t *invalid, struct mapping *mapping)
{
	size_t i = 0;
	while (i < length) {
		mapping_passed(mapping, bytes + i);
		size_t start = i;
		while (i < length && bytes[i] < 0x80)
			i++;
		if (result)
			buffer_append(result, bytes + start, i - start);
		if (i >= length)
			break;
		size_t step;
		if (utf8_decode(bytes + i, length - i, &step) < 0) {
			(*invalid)++;
			if (result)
				buffer_append_codepoint(result, UTF8_REPLACEMENT);
		} else {
			(*multibyte)++;
			if (result)
				buffer_append(result, bytes + i, step);
		}
		i += step;
	}
}

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

int decode_text(const unsigned char *bytes, size_t length, struct decoded_text *out,
		struct error *error)
{
	return decode_text_mapped(bytes, length, NULL, out, error);
}

int decode_text_mapped(const unsigned char *bytes, size_t length, struct mapping *mapping,
		       struct decoded_text *out, struct error *error)
{
	memset(out, 0, sizeof *out);
	if (length >= 2 &&
	    ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF))) {
		int big_endian = bytes[0] == 0xFE;
		/* A UTF-16 byte order mark before a body that is UTF-8 (no NUL,
		 * which UTF-16 line breaks hold, and no invalid sequence) is a
		 * wrong mark: read as UTF-8, and say so. */
		size_t multibyte = 0, invalid = 0;
		if (!has_nul(bytes + 2, length - 2, mapping)) {
			copy_utf8(bytes + 2, length - 2, NULL, &multibyte, &invalid, mapping);
			mapping_give_back(mapping);
			if (invalid == 0) {
				out->text = (const char *)bytes + 2;
				out->length = length - 2;
				out->encoding = DECODE_UTF8_AFTER_UTF16_BOM;
				return 0;
			}
		}
		out->encoding = big_endian ? "UTF-16BE" : "UTF-16LE";
		/* Nothing but damage is no text at all. */
		if (convert_utf16(bytes + 2, length - 2, big_endian, out) == 0 &&
		    out->replaced_bytes > 0) {
			decoded_text_free(out);
			return error_set(error, _("not valid %s text"),
					 big_endian ? "UTF-16BE" : "UTF-16LE");
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
	size_t multibyte = 0, invalid = 0;
	copy_utf8(bytes, length, NULL, &multibyte, &invalid, mapping);
	mapping_give_back(mapping);
	/* A damaged download keeps most of its sequences valid; GB18030 text
	 * read as UTF-8 has almost no valid multi-byte sequence. */
	if (!bom && invalid > multibyte) {
		if (convert("GB18030", bytes, length, out) == 0) {
			out->encoding = "GB18030";
			return 0;
		}
		return error_set(error, _("not UTF-8 or GB18030 text"));
	}
	out->encoding = bom ? "UTF-8 BOM" : "UTF-8";
	if (invalid == 0) {
		out->text = (const char *)bytes;
		out->length = length;
		return 0;
	}
	struct buffer result = {0};
	buffer_reserve(&result, length + 2 * invalid);
	multibyte = invalid = 0;
	copy_utf8(bytes, length, &result, &multibyte, &invalid, mapping);
	mapping_give_back(mapping);
	out->text = out->owned = buffer_string(&result);
	out->length = result.length;
	out->replaced_bytes = invalid;
	return 0;
}

void decoded_text_free(struct decoded_text *decoded)
{
	free(decoded->owned);
	memset(decoded, 0, sizeof *decoded);
}
