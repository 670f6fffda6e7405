#include "tui/clipboard.h"

#include <stdio.h>

void base64_encode(const unsigned char *bytes, size_t length, struct buffer *out)
{
	static const char alphabet[] =
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	for (size_t i = 0; i < length; i += 3) {
		unsigned long group = (unsigned long)bytes[i] << 16;
		if (i + 1 < length)
			group |= (unsigned long)bytes[i + 1] << 8;
		if (i + 2 < length)
			group |= bytes[i + 2];
		buffer_append_byte(out, alphabet[(group >> 18) & 63]);
		buffer_append_byte(out, alphabet[(group >> 12) & 63]);
		buffer_append_byte(out, i + 1 < length ? alphabet[(group >> 6) & 63] : '=');
		buffer_append_byte(out, i + 2 < length ? alphabet[group & 63] : '=');
	}
}

void clipboard_copy(const char *text, size_t length)
{
	struct buffer sequence = {0};
	buffer_append_string(&sequence, "\033]52;c;");
	base64_encode((const unsigned char *)text, length, &sequence);
	buffer_append_string(&sequence, "\a");
	fwrite(sequence.data, 1, sequence.length, stdout);
	fflush(stdout);
	buffer_free(&sequence);
}
