#include "speech/convert.h"

#include <errno.h>
#include <iconv.h>

#include "base/utf8.h"

/* The longest sequence of any source: a GB18030 four-byte character, a
 * UTF-16 surrogate pair, a four-byte UTF-8 sequence. Fewer bytes than this
 * left in a window may be the start of one the window's end cut. */
enum { LONGEST_SEQUENCE = 4 };

size_t convert_bound(enum conversion_source source, size_t length, size_t invalid)
{
	/* An invalid byte becomes U+FFFD, three bytes. */
	if (source == CONVERT_UTF8_REPAIR)
		return length + 2 * invalid;
	/* Two GB18030 bytes or one UTF-16 unit become at most three UTF-8
	 * bytes, four bytes at most four; UTF-16's odd last byte, U+FFFD.
	 * GB18030's damaged bytes (one in ten characters at most, so at most
	 * length / 20) add a byte and a half each. */
	return length + length / 2 + length / 8 + 3;
}

/* Each window function converts window[0..length) and returns the bytes
 * it used: all of them when `final`, else all but a sequence the window's
 * end may have cut. */

/* A GB18030 text may hold a few damaged bytes (a file cut inside its last
 * character, CP936's euro sign 0x80, a stray byte), each shown as U+FFFD,
 * as in damaged UTF-8; but no more than one for every ten characters
 * converted before it, so that text in another encoding (Latin-1, say) is
 * refused at its first foreign byte rather than read as nonsense. Decided
 * at each byte from what came before it, the same however the text is cut
 * into windows. */
enum { GB18030_CHARACTERS_PER_DAMAGED_BYTE = 10 };

static int gb18030_damaged(struct conversion *conversion, size_t bytes)
{
	struct buffer *out = conversion->out;
	if ((conversion->replaced + bytes) * GB18030_CHARACTERS_PER_DAMAGED_BYTE >
		conversion->valid ||
	    out->capacity - out->length - 1 < 3)
		return -1;
	buffer_append_codepoint(out, UTF8_REPLACEMENT);
	conversion->replaced += bytes;
	return 0;
}

static int gb18030_window(struct conversion *conversion, iconv_t converter,
			  const unsigned char *window, size_t length, int final, size_t *used)
{
	struct buffer *out = conversion->out;
	char *input = (char *)window;
	size_t input_left = length;
	buffer_reserve(out, 0);
	while (input_left > 0) {
		char *output = out->data + out->length;
		size_t output_left = out->capacity - out->length - 1;
		size_t before = output_left;
		size_t converted = iconv(converter, &input, &input_left, &output, &output_left);
		/* The characters converted: their UTF-8 lead bytes. */
		for (const char *c = out->data + out->length; c < output; c++)
			conversion->valid += ((unsigned char)*c & 0xC0) == 0xC0;
		out->length += before - output_left;
		if (converted != (size_t)-1)
			break;
		if (errno == E2BIG && !conversion->output) {
			buffer_reserve(out, out->capacity);
			continue;
		}
		/* Cut, or invalid only for want of the bytes that follow: the
		 * next window has them, and says. */
		if (!final && input_left < LONGEST_SEQUENCE && (errno == EINVAL || errno == EILSEQ))
			break;
		/* A sequence cut by the text's end is one U+FFFD; an invalid
		 * byte, one each. */
		size_t damaged = errno == EINVAL ? input_left : errno == EILSEQ ? 1 : 0;
		if (!damaged || gb18030_damaged(conversion, damaged) != 0)
			return -1;
		input += damaged;
		input_left -= damaged;
	}
	*used = length - input_left;
	return 0;
}

static unsigned utf16_unit(const unsigned char *bytes, int big_endian)
{
	return big_endian ? (unsigned)bytes[0] << 8 | bytes[1] : (unsigned)bytes[1] << 8 | bytes[0];
}

/* A surrogate pair is one character; a lone surrogate, and an odd last
 * byte, become U+FFFD and are counted as replaced, as damaged UTF-8 is,
 * rather than refusing the whole text. */
static size_t utf16_window(struct conversion *conversion, const unsigned char *window,
			   size_t length, int final)
{
	int big_endian = conversion->source == CONVERT_UTF16BE;
	struct buffer *out = conversion->out;
	size_t i = 0;
	while (i + 1 < length) {
		unsigned unit = utf16_unit(window + i, big_endian);
		if (unit >= 0xD800 && unit <= 0xDBFF) {
			if (i + 3 < length) {
				unsigned low = utf16_unit(window + i + 2, big_endian);
				if (low >= 0xDC00 && low <= 0xDFFF) {
					buffer_append_codepoint(out, 0x10000 +
									 ((unit - 0xD800) << 10) +
									 (low - 0xDC00));
					i += 4;
					continue;
				}
			} else if (!final) {
				break; /* its low half may begin the next window */
			}
		}
		i += 2;
		if (unit >= 0xD800 && unit <= 0xDFFF) {
			buffer_append_codepoint(out, UTF8_REPLACEMENT);
			conversion->replaced += 2;
		} else {
			buffer_append_codepoint(out, unit);
			conversion->valid++;
		}
	}
	if (final && i < length) {
		buffer_append_codepoint(out, UTF8_REPLACEMENT);
		conversion->replaced++;
		i++;
	}
	return i;
}

/* Copies UTF-8, each byte utf8_decode does not take as (part of) a
 * character becoming U+FFFD; counts the valid multi-byte sequences and the
 * invalid bytes, which tell damaged UTF-8 from another encoding. */
static size_t utf8_window(struct conversion *conversion, const unsigned char *window, size_t length,
			  int final)
{
	struct buffer *out = conversion->out;
	size_t i = 0;
	while (i < length) {
		size_t start = i;
		while (i < length && window[i] < 0x80)
			i++;
		if (out)
			buffer_append(out, window + start, i - start);
		if (i >= length || (!final && length - i < LONGEST_SEQUENCE))
			break;
		size_t step;
		if (utf8_decode(window + i, length - i, &step) < 0) {
			conversion->replaced++;
			if (out)
				buffer_append_codepoint(out, UTF8_REPLACEMENT);
		} else {
			conversion->valid++;
			if (out)
				buffer_append(out, window + i, step);
		}
		i += step;
	}
	return i;
}

int convert_text(struct conversion *conversion, const unsigned char *bytes, size_t length)
{
	iconv_t converter = (iconv_t)-1;
	if (conversion->source == CONVERT_GB18030 &&
	    (converter = iconv_open("UTF-8", "GB18030")) == (iconv_t)-1)
		return -1;
	struct buffer *out = conversion->out;
	int status = 0;
	/* Windows end every `chunk` bytes; each starts where the last one's
	 * conversion stopped, up to LONGEST_SEQUENCE - 1 bytes before its end. */
	size_t start = 0, end = 0;
	while (start < length) {
		end = length - end > conversion->chunk ? end + conversion->chunk : length;
		int final = end == length;
		size_t used;
		if (conversion->source == CONVERT_GB18030)
			status = gb18030_window(conversion, converter, bytes + start, end - start,
						final, &used);
		else if (conversion->source == CONVERT_UTF8_REPAIR)
			used = utf8_window(conversion, bytes + start, end - start, final);
		else
			used = utf16_window(conversion, bytes + start, end - start, final);
		if (status != 0)
			break;
		start += used;
		mapping_passed(conversion->input, bytes + start);
		if (out)
			mapping_passed(conversion->output, out->data + out->length);
	}
	if (converter != (iconv_t)-1)
		iconv_close(converter);
	return status;
}
