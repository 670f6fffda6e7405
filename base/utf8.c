#include "base/utf8.h"

#include <stdint.h>

long utf8_decode(const unsigned char *text, size_t available, size_t *length)
{
	*length = 1;
	if (available == 0)
		return -1;
	unsigned lead = text[0];
	if (lead < 0x80)
		return (long)lead;
	/* Most of a Chinese text is three-byte sequences: decoded here without
	 * the general loop (a few percent of a page turn's instructions).
	 * Anything this does not take goes on to the general path, which gives
	 * the same answers for it. */
	if (lead >= 0xE0 && lead <= 0xEF && available >= 3 && (text[1] & 0xC0) == 0x80 &&
	    (text[2] & 0xC0) == 0x80) {
		unsigned long codepoint = (unsigned long)(lead & 0x0F) << 12 |
					  (unsigned long)(text[1] & 0x3F) << 6 |
					  (unsigned long)(text[2] & 0x3F);
		if (codepoint < 0x800 || (codepoint >= 0xD800 && codepoint <= 0xDFFF))
			return -1;
		*length = 3;
		return (long)codepoint;
	}
	size_t needed;
	unsigned long codepoint, minimum;
	if (lead >= 0xC2 && lead <= 0xDF) {
		needed = 2;
		codepoint = lead & 0x1F;
		minimum = 0x80;
	} else if (lead >= 0xE0 && lead <= 0xEF) {
		needed = 3;
		codepoint = lead & 0x0F;
		minimum = 0x800;
	} else if (lead >= 0xF0 && lead <= 0xF4) {
		needed = 4;
		codepoint = lead & 0x07;
		minimum = 0x10000;
	} else {
		return -1;
	}
	if (available < needed)
		return -1;
	for (size_t i = 1; i < needed; i++) {
		if ((text[i] & 0xC0) != 0x80)
			return -1;
		codepoint = (codepoint << 6) | (text[i] & 0x3F);
	}
	if (codepoint < minimum || codepoint > 0x10FFFF ||
	    (codepoint >= 0xD800 && codepoint <= 0xDFFF))
		return -1;
	*length = needed;
	return (long)codepoint;
}

size_t utf8_count(const char *text, size_t length)
{
	size_t count = 0;
	for (size_t i = 0; i < length; i++)
		if (((unsigned char)text[i] & 0xC0) != 0x80)
			count++;
	return count;
}

size_t utf8_advance(const char *text, size_t length, size_t characters)
{
	size_t offset = 0;
	while (offset < length && characters > 0) {
		size_t step;
		utf8_decode((const unsigned char *)text + offset, length - offset, &step);
		offset += step;
		characters--;
	}
	return offset;
}

const char *utf8_text_problem(const char *text, size_t length)
{
	for (size_t i = 0; i < length;) {
		size_t step;
		long c = utf8_decode((const unsigned char *)text + i, length - i, &step);
		if (c < 0)
			return "not UTF-8 text";
		if ((c < 0x20 && c != '\t') || (c >= 0x7F && c < 0xA0))
			return "a control character";
		i += step;
	}
	return NULL;
}

static int continuation(unsigned char byte)
{
	return (byte & 0xC0) == 0x80;
}

int utf8_is_bidi_control(long codepoint)
{
	return codepoint == 0x061C || codepoint == 0x200E || codepoint == 0x200F ||
	       (codepoint >= 0x202A && codepoint <= 0x202E) ||
	       (codepoint >= 0x2066 && codepoint <= 0x2069);
}

/* Whether text[0..available) starts with a bidirectional control or a
 * Unicode line or paragraph separator: E2 80 8E/8F, E2 80 A8..AE,
 * E2 81 A6..A9 or D8 9C. */
static int bidi_sequence(const unsigned char *text, size_t available)
{
	if (text[0] == 0xD8)
		return available >= 2 && text[1] == 0x9C;
	if (text[0] != 0xE2 || available < 3)
		return 0;
	unsigned third = text[2];
	if (text[1] == 0x80) /* with U+2028 and U+2029 (A8, A9), line breaks */
		return third == 0x8E || third == 0x8F || (third >= 0xA8 && third <= 0xAE);
	return text[1] == 0x81 && third >= 0xA6 && third <= 0xA9;
}

/* Length of the multi-byte sequence at text[0..available) when it is
 * well-formed, else 0. The lead byte fixes the length and the range of
 * the second byte, which excludes overlong forms (E0, F0), surrogates
 * (ED) and values above U+10FFFF (F4) without decoding. */
static size_t well_formed_sequence(const unsigned char *text, size_t available)
{
	unsigned lead = text[0];
	if (lead >= 0xE0 && lead <= 0xEF) { /* most Chinese text: tested first */
		unsigned low = lead == 0xE0 ? 0xA0 : 0x80, high = lead == 0xED ? 0x9F : 0xBF;
		return available >= 3 && text[1] >= low && text[1] <= high && continuation(text[2])
			   ? 3
			   : 0;
	}
	if (lead >= 0xC2 && lead <= 0xDF)
		return available >= 2 && continuation(text[1]) ? 2 : 0;
	if (lead >= 0xF0 && lead <= 0xF4) {
		unsigned low = lead == 0xF0 ? 0x90 : 0x80, high = lead == 0xF4 ? 0x8F : 0xBF;
		return available >= 4 && text[1] >= low && text[1] <= high &&
			       continuation(text[2]) && continuation(text[3])
			   ? 4
			   : 0;
	}
	return 0;
}

/* The same, and 0 for C1 (C2 80..C2 9F) and the sequences bidi_sequence
 * names. */
static size_t plain_sequence(const unsigned char *text, size_t available)
{
	if (bidi_sequence(text, available) || (text[0] == 0xC2 && available >= 2 && text[1] < 0xA0))
		return 0;
	return well_formed_sequence(text, available);
}

/* Whether text[0..3) is a three-byte sequence whose lead byte allows any
 * continuation bytes after it (E1..EC, EE, EF): nearly every Chinese
 * character. */
static int common_chinese(const unsigned char *text)
{
	unsigned lead = text[0];
	/* Both continuation bytes in one test: no branch between them. */
	return lead - 0xE1u <= 0xEFu - 0xE1u && lead != 0xED &&
	       (((text[1] & 0xC0u) ^ 0x80u) | ((text[2] & 0xC0u) ^ 0x80u)) == 0;
}

/* Whether text[0..6) is two such characters, tested with one mask: the
 * lead bytes' high nibble is E, the others are continuation bytes. The
 * shifts are one load to the compiler, in either byte order. */
static inline int two_common_chinese(const unsigned char *text)
{
	uint64_t six = (uint64_t)text[0] | (uint64_t)text[1] << 8 | (uint64_t)text[2] << 16 |
		       (uint64_t)text[3] << 24 | (uint64_t)text[4] << 32 | (uint64_t)text[5] << 40;
	return (six & 0xC0C0F0C0C0F0u) == 0x8080E08080E0u && text[0] != 0xE0 && text[0] != 0xED &&
	       text[3] != 0xE0 && text[3] != 0xED;
}

size_t utf8_plain_length(const char *text, size_t length)
{
	const unsigned char *bytes = (const unsigned char *)text;
	size_t at = 0;
	while (at < length) {
		/* The common cases first, tested cheaply: this order made the
		 * scan two and a half times faster on search output. */
		/* General punctuation (E2 …) may be a bidirectional control:
		 * left to plain_sequence. */
		if (at + 6 <= length && two_common_chinese(bytes + at) && bytes[at] != 0xE2 &&
		    bytes[at + 3] != 0xE2) {
			at += 6;
			continue;
		}
		if (at + 3 <= length && bytes[at] != 0xE2 && common_chinese(bytes + at)) {
			at += 3;
			continue;
		}
		unsigned char c = bytes[at];
		if (c >= 0x20 && c < 0x7F) {
			at++;
			continue;
		}
		/* C0, DEL or not well-formed: plain_sequence takes no byte
		 * below 0x80. */
		size_t step = plain_sequence(bytes + at, length - at);
		if (step == 0)
			break;
		at += step;
	}
	return at;
}

int utf8_has_ascii_letter(const char *text, size_t length)
{
	for (size_t i = 0; i < length; i++)
		if ((text[i] >= 'A' && text[i] <= 'Z') || (text[i] >= 'a' && text[i] <= 'z'))
			return 1;
	return 0;
}

size_t utf8_valid_length(const char *text, size_t length)
{
	const unsigned char *bytes = (const unsigned char *)text;
	size_t at = 0;
	while (at < length) {
		if (at + 6 <= length && two_common_chinese(bytes + at)) {
			at += 6;
			continue;
		}
		if (bytes[at] < 0x80) {
			at++;
			continue;
		}
		size_t step = well_formed_sequence(bytes + at, length - at);
		if (step == 0)
			break;
		at += step;
	}
	return at;
}
