/* JSON Lines: one object per excerpt, by speech, with the field names that
 * docs/export.md lists. Text is kept as it is, with control characters
 * \u-escaped rather than replaced: JSON can carry them safely. */
#include <string.h>

#include "base/utf8.h"
#include "export/internal.h"

static void append_string(struct buffer *out, const char *text)
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
			   codepoint == 0x2028 || codepoint == 0x2029) {
			/* C0, DEL and C1 controls; the two line separators break
			 * JavaScript that embeds JSON. */
			buffer_printf(out, "\\u%04lx", codepoint);
		} else {
			buffer_append(out, bytes + i, size);
		}
		i += size;
	}
	buffer_append_byte(out, '"');
}

static void append_field(struct buffer *out, const char *name, const char *value)
{
	buffer_printf(out, ",\"%s\":", name);
	append_string(out, value);
}

static void append_excerpt(struct buffer *out, const struct store_excerpt *excerpt)
{
	buffer_printf(out,
		      "{\"citation\":\"%lld:%zu\",\"speech\":%lld,\"document\":%lld,"
		      "\"paragraph\":%zu",
		      (long long)excerpt->document_id, excerpt->paragraph,
		      (long long)excerpt->speech_id, (long long)excerpt->document_id,
		      excerpt->paragraph);
	append_field(out, "title", excerpt->title);
	append_field(out, "date", excerpt->date);
	append_field(out, "speaker", excerpt->speaker);
	append_field(out, "occasion", excerpt->occasion);
	append_field(out, "source", excerpt->source);
	buffer_append_string(out, ",\"section\":[");
	for (size_t s = 0; s < excerpt->section_count; s++) {
		if (s > 0)
			buffer_append_byte(out, ',');
		append_string(out, excerpt->section[s]);
	}
	buffer_append_byte(out, ']');
	append_field(out, "text", excerpt->text);
	buffer_append_string(out, ",\"themes\":[");
	for (size_t t = 0; t < excerpt->theme_count; t++) {
		buffer_append_string(out, t > 0 ? ",{\"name\":" : "{\"name\":");
		append_string(out, excerpt->themes[t].name);
		append_field(out, "color", excerpt->themes[t].color);
		buffer_append_byte(out, '}');
	}
	buffer_append_byte(out, ']');
	append_field(out, "note", excerpt->note);
	buffer_printf(out, ",\"orphan\":%s}\n", excerpt->orphan ? "true" : "false");
}

int export_jsonl(FILE *out, const struct export_request *request, struct error *error)
{
	struct buffer line = {0};
	for (size_t e = 0; e < request->excerpt_count; e++) {
		line.length = 0;
		append_excerpt(&line, &request->excerpts[e]);
		fwrite(line.data, 1, line.length, out);
	}
	buffer_free(&line);
	return export_finish(out, error);
}
