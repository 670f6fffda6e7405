#include "base/json.h"

#include <string.h>

#include "base/utf8.h"

void json_append_string(struct buffer *out, const char *text)
{
	if (!text) {
		buffer_append_string(out, "null");
		return;
	}
	const unsigned char *bytes = (const unsigned char *)text;
	size_t length = strlen(text);
	buffer_append_byte(out, '"');
	for (size_t i = 0; i < length;) {
		size_t size;
		long codepoint = utf8_decode(bytes + i, length - i, &size);
		if (codepoint == '"' || codepoint == '\\') {
			buffer_append_byte(out, '\\');
			buffer_append_byte(out, (char)codepoint);
		} else if (codepoint == '\n') {
			buffer_append_string(out, "\\n");
		} else if (codepoint == '\r') {
			buffer_append_string(out, "\\r");
		} else if (codepoint == '\t') {
			buffer_append_string(out, "\\t");
		} else if (codepoint < 0) {
			buffer_append_string(out, "\\ufffd"); /* not UTF-8 */
		} else if (codepoint < 0x20 || (codepoint >= 0x7F && codepoint < 0xA0) ||
			   codepoint == 0x2028 || codepoint == 0x2029 ||
			   utf8_is_bidi_control(codepoint)) {
			/* C0, DEL and C1 controls; the two line separators break
			 * JavaScript that embeds JSON; a bidirectional control is
			 * kept, but escaped, so it cannot reorder the line shown. */
			buffer_printf(out, "\\u%04lx", codepoint);
		} else {
			buffer_append(out, bytes + i, size);
		}
		i += size;
	}
	buffer_append_byte(out, '"');
}

void json_append_field(struct buffer *out, const char *name, const char *value)
{
	buffer_printf(out, ",\"%s\":", name);
	json_append_string(out, value);
}
