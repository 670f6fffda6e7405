/* JSON Lines: one object per excerpt, by speech, with the field names that
 * docs/export.md lists. Text is kept as it is, with control characters
 * \u-escaped rather than replaced: JSON can carry them safely. */
#include <string.h>

#include "base/json.h"
#include "export/internal.h"

static void append_excerpt(struct buffer *out, const struct store_excerpt *excerpt)
{
	buffer_printf(out,
		      "{\"citation\":\"%lld:%zu\",\"speech\":%lld,\"document\":%lld,"
		      "\"paragraph\":%zu",
		      (long long)excerpt->document_id, excerpt->paragraph,
		      (long long)excerpt->speech_id, (long long)excerpt->document_id,
		      excerpt->paragraph);
	json_append_field(out, "title", excerpt->title);
	json_append_field(out, "date", excerpt->date);
	json_append_field(out, "speaker", excerpt->speaker);
	json_append_field(out, "occasion", excerpt->occasion);
	json_append_field(out, "source", excerpt->source);
	buffer_append_string(out, ",\"section\":[");
	for (size_t s = 0; s < excerpt->section_count; s++) {
		if (s > 0)
			buffer_append_byte(out, ',');
		json_append_string(out, excerpt->section[s]);
	}
	buffer_append_byte(out, ']');
	json_append_field(out, "text", excerpt->text);
	buffer_append_string(out, ",\"themes\":[");
	for (size_t t = 0; t < excerpt->theme_count; t++) {
		buffer_append_string(out, t > 0 ? ",{\"name\":" : "{\"name\":");
		json_append_string(out, excerpt->themes[t].name);
		json_append_field(out, "color", excerpt->themes[t].color);
		buffer_append_byte(out, '}');
	}
	buffer_append_byte(out, ']');
	json_append_field(out, "note", excerpt->note);
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
