#include "speech/speech.h"

#include <stdlib.h>
#include <string.h>

#include "base/buffer.h"
#include "base/i18n.h"
#include "base/utf8.h"
#include "speech/back_matter.h"
#include "speech/clean.h"
#include "speech/decode.h"
#include "speech/lines.h"
#include "speech/markup.h"
#include "speech/outline.h"
#include "speech/split.h"
#include "speech/structure.h"
#include "speech/title.h"

/* Hints of a format reader, by the input line each cleaned line came from. */
static void apply_hints(struct lines *lines, const struct document *document)
{
	if (!document || !document->hints)
		return;
	for (size_t i = 0; i < lines->count; i++) {
		size_t source = lines->line[i].source_line;
		if (source >= document->hint_count)
			continue;
		const struct document_line_hint *hint = &document->hints[source];
		lines->hint[i] = hint->role;
		if (hint->role == DOCUMENT_FRONT)
			lines->role[i] = LINE_FRONT;
		else if (hint->role == DOCUMENT_BACK)
			lines->role[i] = LINE_BACK;
		lines->level[i] = hint->heading_level;
	}
}

static void add_span(struct text_span **spans, size_t *count, size_t *capacity,
		     const struct text_line *line)
{
	*spans = xgrow(*spans, capacity, *count + 1, sizeof **spans);
	(*spans)[(*count)++] = (struct text_span){line->offset, line->length};
}

/* The lines left as text become paragraphs 1…; hidden ones spans. Returns
 * each paragraph's heading level from markup. */
static unsigned char *collect(struct speech *speech, const struct lines *lines)
{
	size_t front_capacity = 0, back_capacity = 0;
	speech->paragraphs = xcalloc(lines->count + 1, sizeof *speech->paragraphs);
	unsigned char *levels = xcalloc(lines->count + 1, 1);
	speech->paragraph_count = 1;
	for (size_t i = 0; i < lines->count; i++) {
		const struct text_line *line = &lines->line[i];
		switch (lines->role[i]) {
		case LINE_TEXT: {
			size_t index = speech->paragraph_count++;
			struct paragraph *paragraph = &speech->paragraphs[index];
			paragraph->offset = (uint32_t)line->offset;
			paragraph->length = (uint32_t)line->length;
			paragraph->role = PARAGRAPH_BODY;
			levels[index] = lines->level[i];
			break;
		}
		case LINE_FRONT:
			add_span(&speech->front_matter, &speech->front_matter_count,
				 &front_capacity, line);
			break;
		case LINE_BACK:
			add_span(&speech->back_matter, &speech->back_matter_count, &back_capacity,
				 line);
			break;
		default:
			break;
		}
	}
	return levels;
}

/* Numbers the hidden lines (spans) among the paragraphs in reading order,
 * as front or back matter, before the outline is built. */
static void number_hidden_lines(struct speech *speech)
{
	size_t hidden = speech->front_matter_count + speech->back_matter_count;
	if (hidden == 0)
		return;
	size_t count = speech->paragraph_count + hidden;
	struct paragraph *merged = xcalloc(count, sizeof *merged);
	merged[0] = speech->paragraphs[0];
	size_t p = 1, f = 0, b = 0;
	for (size_t n = 1; n < count; n++) {
		/* The smallest offset of the three lists comes next. */
		uint64_t at_p =
		    p < speech->paragraph_count ? speech->paragraphs[p].offset : UINT64_MAX;
		uint64_t at_f =
		    f < speech->front_matter_count ? speech->front_matter[f].offset : UINT64_MAX;
		uint64_t at_b =
		    b < speech->back_matter_count ? speech->back_matter[b].offset : UINT64_MAX;
		if (at_p <= at_f && at_p <= at_b) {
			merged[n] = speech->paragraphs[p++];
			continue;
		}
		const struct text_span *span =
		    at_f <= at_b ? &speech->front_matter[f++] : &speech->back_matter[b++];
		merged[n] = (struct paragraph){
		    .offset = (uint32_t)span->offset,
		    .length = (uint32_t)span->length,
		    .role = at_f <= at_b ? PARAGRAPH_FRONT_MATTER : PARAGRAPH_BACK_MATTER,
		    .hidden_by_parser = 1,
		};
	}
	free(speech->paragraphs);
	speech->paragraphs = merged;
	speech->paragraph_count = count;
}

/* Sets paragraph 0, the title: the title lines found (several read as
 * one, a space between them but before a piece of three characters or
 * fewer, the end of a word cut at the line end: 策划 / 书), else the
 * document's own title, else the fallback name. Appends to the text: the
 * lines are copied from the buffer itself, hence the room made first. */
static void set_title(struct speech *speech, struct buffer *text, const struct lines *lines,
		      const struct title_found *found, const char *document_title,
		      const char *fallback_title)
{
	struct paragraph *title = &speech->paragraphs[0];
	title->role = PARAGRAPH_TITLE;
	if (found->count == 1) {
		title->offset = (uint32_t)(lines->line[found->line].offset + found->skip);
		title->length = (uint32_t)found->length;
		speech->title_found = 1;
	} else if (found->count > 1) {
		size_t room = found->count;
		for (size_t i = 0; i < found->count; i++)
			room += lines->line[found->line + i].length;
		buffer_reserve(text, room + 1);
		title->offset = (uint32_t)text->length;
		for (size_t i = 0; i < found->count; i++) {
			struct text_line piece = lines->line[found->line + i];
			if (i == 0) {
				piece.offset += found->skip;
				piece.length = found->length;
			} else if (!text_at_most(text->data + piece.offset, piece.length,
						 TITLE_CUT_WORD_CHARACTERS)) {
				buffer_append_byte(text, ' ');
			}
			buffer_append(text, text->data + piece.offset, piece.length);
		}
		title->length = (uint32_t)(text->length - title->offset);
		buffer_append_byte(text, '\n');
		speech->title_found = 1;
	} else {
		const char *name = document_title ? document_title : fallback_title;
		size_t length = strlen(name);
		if (document_title)
			length = title_without_site(name, length);
		title->offset = (uint32_t)text->length;
		clean_inline(name, length, text);
		title->length = (uint32_t)(text->length - title->offset);
		buffer_append_byte(text, '\n');
		speech->title_found = document_title != NULL && title->length > 0;
	}
	title->label_length = title->length;
}

/* Frees the text a parse failed on: memory, or the mapping that holds it. */
static void text_free(struct buffer *text, struct mapping *mapping)
{
	if (mapping) {
		mapping_close(mapping);
		free(mapping);
		memset(text, 0, sizeof *text);
	} else {
		buffer_free(text);
	}
}

/* Cleans the decoded text into `text` and parses it. `text` is a new
 * buffer, or the memory that holds the decoded text itself when cleaning
 * cannot make it longer (clean_grows): cleaning then writes only where it
 * has already read. `document` gives a format reader's hints, or is NULL.
 * `input`, when not NULL, is the mapping that holds the decoded text, and
 * `output` (from the heap) the one whose memory `text` is, large enough
 * for all the text may become: it becomes speech->text_mapping, and every
 * step's pass over the lines gives its pages back (base/mapping.h). */
static int parse_text(const char *decoded, size_t length, struct buffer *text,
		      struct mapping *input, struct mapping *output, const char *fallback_title,
		      const struct document *document, struct speech *speech, struct error *error)
{
	/* Offsets are 32-bit (speech.h); with the title copied to the end
	 * the text may grow past the input, hence a margin. */
	if (length >= SPEECH_MAX_BYTES) {
		text_free(text, output);
		return error_set(error, _("too large (1 GiB or more of text)"));
	}
	struct lines lines = {0};
	lines.line = clean_lines_mapped(decoded, length, input, text, output, &lines.count);
	if (lines.count == 0) {
		free(lines.line);
		text_free(text, output);
		return error_set(error, _("no text"));
	}
	lines.text = text->data;
	lines.mapping = output;
	split_run_on_lines(&lines);
	mapping_give_back(output);
	lines.role = xcalloc(lines.count, 1);
	lines.level = xcalloc(lines.count, 1);
	lines.hint = xcalloc(lines.count, 1);
	apply_hints(&lines, document);
	markup_strip(&lines);
	mapping_give_back(output);
	markup_join_fragments(&lines);
	mapping_give_back(output);
	markup_join_wrapped_headings(&lines);
	mapping_give_back(output);
	markup_join_spaced_letters(&lines);
	mapping_give_back(output);

	struct title_found title;
	title_find(&lines, &title);
	size_t body_start = title.count ? title.line + title.count : 0;
	back_matter_find(&lines, body_start);
	mapping_give_back(output);
	unsigned char *levels = collect(speech, &lines);
	set_title(speech, text, &lines, &title, document ? document->title : NULL, fallback_title);
	free(lines.line);
	free(lines.role);
	free(lines.level);
	free(lines.hint);

	speech->text = buffer_string(text);
	speech->text_length = text->length;
	speech->text_mapping = output;
	structure_find_headings(speech, levels);
	free(levels);
	number_hidden_lines(speech);
	outline_build(speech);
	mapping_give_back(output);
	return 0;
}

int speech_parse(const unsigned char *bytes, size_t length, const char *fallback_title,
		 struct speech *speech, struct error *error)
{
	memset(speech, 0, sizeof *speech);
	struct decoded_text decoded;
	if (decode_text(bytes, length, &decoded, error) != 0)
		return -1;
	speech->encoding = decoded.encoding;
	speech->replaced_bytes = decoded.replaced_bytes;
	struct buffer text = {0};
	buffer_reserve(&text, decoded.length + strlen(fallback_title) + 2);
	int status = parse_text(decoded.text, decoded.length, &text, NULL, NULL, fallback_title,
				NULL, speech, error);
	decoded_text_free(&decoded);
	return status;
}

int speech_parse_in_place(unsigned char *bytes, size_t length, const char *fallback_title,
			  struct speech *speech, struct error *error)
{
	memset(speech, 0, sizeof *speech);
	struct decoded_text decoded;
	if (decode_text(bytes, length, &decoded, error) != 0) {
		free(bytes);
		return -1;
	}
	speech->encoding = decoded.encoding;
	speech->replaced_bytes = decoded.replaced_bytes;
	/* The memory that holds the decoded text: the bytes themselves when
	 * they were UTF-8 already, else the decoder's new string. */
	char *memory = decoded.owned ? decoded.owned : (char *)bytes;
	if (decoded.owned)
		free(bytes);
	if (clean_grows(decoded.text, decoded.length)) {
		struct buffer text = {0};
		buffer_reserve(&text, decoded.length + strlen(fallback_title) + 2);
		int status = parse_text(decoded.text, decoded.length, &text, NULL, NULL,
					fallback_title, NULL, speech, error);
		free(memory);
		return status;
	}
	struct buffer text = {memory, 0, (size_t)(decoded.text - memory) + decoded.length + 1};
	if (parse_text(decoded.text, decoded.length, &text, NULL, NULL, fallback_title, NULL,
		       speech, error) != 0)
		return -1;
	/* The cleaned text is shorter than the file (indentation, line ends):
	 * what is left of the file's memory goes back. */
	speech->text = xrealloc(speech->text, speech->text_length + 1);
	return 0;
}

int speech_parse_mapped(struct mapping *mapping, size_t length, const char *directory,
			const char *fallback_title, struct speech *speech, struct error *error)
{
	memset(speech, 0, sizeof *speech);
	struct decoded_text decoded;
	const unsigned char *bytes = (const unsigned char *)mapping->data;
	/* Text not UTF-8, or damaged, is converted into a mapping of its own
	 * with the same room as this one. */
	const struct decode_output converted = {.directory = directory, .room = SPEECH_MAPPED_ROOM};
	if (decode_text_mapped(bytes, length, mapping, &converted, &decoded, error) != 0) {
		mapping_close(mapping);
		free(mapping);
		return -1;
	}
	speech->encoding = decoded.encoding;
	speech->replaced_bytes = decoded.replaced_bytes;
	if (decoded.mapping) {
		/* The file's bytes are done with: the converted text takes
		 * their place. */
		mapping_close(mapping);
		free(mapping);
		mapping = decoded.mapping;
		decoded.mapping = NULL;
	}
	if (!clean_grows_mapped(decoded.text, decoded.length, mapping)) {
		/* Cleaned where it lies, as speech_parse_in_place does. */
		struct buffer text = {mapping->data, 0, mapping->length};
		return parse_text(decoded.text, decoded.length, &text, mapping, mapping,
				  fallback_title, NULL, speech, error);
	}
	/* Text that cleaning makes longer goes to a mapping of its own, room
	 * for the most cleaning can make of it: three bytes a byte. */
	struct mapping *output = xmalloc(sizeof *output);
	int status;
	if (mapping_create(directory, 3 * decoded.length + SPEECH_MAPPED_ROOM, output, error) !=
	    0) {
		free(output);
		status = -1;
	} else {
		struct buffer text = {output->data, 0, output->length};
		status = parse_text(decoded.text, decoded.length, &text, mapping, output,
				    fallback_title, NULL, speech, error);
	}
	mapping_close(mapping);
	free(mapping);
	return status;
}

int speech_parse_document(const struct document *document, const char *fallback_title,
			  struct speech *speech, struct error *error)
{
	memset(speech, 0, sizeof *speech);
	speech->encoding = "UTF-8";
	const unsigned char *bytes = (const unsigned char *)document->text;
	for (size_t i = 0; i < document->length;) {
		size_t step;
		if (utf8_decode(bytes + i, document->length - i, &step) < 0)
			return error_set(error, _("not UTF-8 text (a format reader's fault)"));
		i += step;
	}
	const char *name = document->title && document->title[0] ? document->title : NULL;
	struct buffer text = {0};
	buffer_reserve(&text,
		       document->length + strlen(fallback_title) + (name ? strlen(name) : 0) + 2);
	struct document hinted = *document;
	hinted.title = (char *)name;
	return parse_text(document->text ? document->text : "", document->length, &text, NULL, NULL,
			  fallback_title, &hinted, speech, error);
}

void speech_free(struct speech *speech)
{
	if (speech->text_mapping) {
		mapping_close(speech->text_mapping);
		free(speech->text_mapping);
	} else {
		free(speech->text);
	}
	free(speech->front_matter);
	free(speech->back_matter);
	free(speech->paragraphs);
	free(speech->outline);
	memset(speech, 0, sizeof *speech);
}

char *speech_fallback_title(const char *path)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	size_t length = strlen(base);
	const char *dot = strrchr(base, '.');
	if (dot && dot != base)
		length = (size_t)(dot - base);
	return xstrndup(base, length);
}
