#include "base/utf8.h"

long utf8_decode(const unsigned char *text, size_t available, size_t *length)
{
	*length = 1;
	if (available == 0)
		return -1;
	unsigned lead = text[0];
	if (lead < 0x80)
		return (long)lead;
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
