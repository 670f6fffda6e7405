#include "speech/speech.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "base/buffer.h"
#include "base/i18n.h"
#include "base/utf8.h"
#include "speech/clean.h"
#include "speech/decode.h"
#include "speech/front_matter.h"
#include "speech/heading.h"

enum {
	TITLE_MAX_CHARACTERS = 100,
	TITLE_CONTINUATION_MAX_CHARACTERS = 40,
	TITLE_WORD_CHARACTERS = 4, /* a shorter second title line ends a cut word */
	SALUTATION_MAX_CHARACTERS = 15,
	/* How far past the title a website's page controls may still sit. */
	AFTER_TITLE_SCAN_LINES = 12,
};

struct lines {
	const char *text;
	struct text_line *line;
	size_t count;
};

static int ends_with(const char *text, size_t length, const char *suffix)
{
	size_t suffix_length = strlen(suffix);
	return length >= suffix_length &&
	       memcmp(text + length - suffix_length, suffix, suffix_length) == 0;
}

static int is_salutation(const char *line, size_t length)
{
	return (ends_with(line, length, "：") || ends_with(line, length, ":") ||
		ends_with(line, length, "！") || ends_with(line, length, "!")) &&
	       utf8_count(line, length) <= SALUTATION_MAX_CHARACTERS;
}

static int looks_like_title(const char *line, size_t length)
{
	struct heading_marker marker;
	return utf8_count(line, length) <= TITLE_MAX_CHARACTERS && !is_salutation(line, length) &&
	       !heading_marker_parse(line, length, &marker) && !ends_with(line, length, "。") &&
	       !ends_with(line, length, "；");
}

/* 1 when the title goes on over the next line: a second short title-like
 * line followed by a subtitle (——在…上的报告), as reports set them. */
static int title_continues(const struct lines *lines, size_t first)
{
	if (first + 2 >= lines->count)
		return 0;
	const struct text_line *next = &lines->line[first + 1];
	const struct text_line *after = &lines->line[first + 2];
	const char *text = lines->text + next->offset;
	return utf8_count(text, next->length) <= TITLE_CONTINUATION_MAX_CHARACTERS &&
	       looks_like_title(text, next->length) && !front_matter_line(text, next->length) &&
	       after->length >= strlen("——") &&
	       memcmp(lines->text + after->offset, "——", strlen("——")) == 0;
}

static void add_front_matter(struct speech *speech, size_t *capacity, const struct text_line *line)
{
	speech->front_matter = xgrow(speech->front_matter, capacity, speech->front_matter_count + 1,
				     sizeof *speech->front_matter);
	speech->front_matter[speech->front_matter_count++] =
	    (struct text_span){line->offset, line->length};
}

/* Marks the lines of a boilerplate block from `first` on as front matter:
 * boilerplate lines and the short fragments between them (大 中 小). With
 * `skip_other`, ordinary lines in the block stay (a date under the title)
 * and the scan goes on for a few lines; `keep[i]` says which lines remain
 * paragraphs. Returns the index of the first line after the block. */
static size_t take_front_matter(struct speech *speech, size_t *capacity, const struct lines *lines,
				size_t first, int skip_other, unsigned char *keep)
{
	size_t i = first, end = first;
	int in_block = 0;
	size_t limit = skip_other ? first + AFTER_TITLE_SCAN_LINES : lines->count;
	while (i < lines->count && i < limit) {
		const char *text = lines->text + lines->line[i].offset;
		size_t length = lines->line[i].length;
		struct heading_marker marker;
		int opens_speech =
		    is_salutation(text, length) || heading_marker_parse(text, length, &marker);
		int boilerplate =
		    front_matter_line(text, length) ||
		    (in_block && !opens_speech && front_matter_fragment(text, length));
		if (!boilerplate && opens_speech)
			break;
		if (boilerplate) {
			add_front_matter(speech, capacity, &lines->line[i]);
			keep[i] = 0;
			in_block = 1;
			end = i + 1;
		} else if (skip_other && utf8_count(text, length) <= TITLE_MAX_CHARACTERS) {
			in_block = 0;
		} else {
			break;
		}
		i++;
	}
	return skip_other ? first : end;
}

/* Marks headings: a marker at the start of a paragraph whose number
 * continues the run of its rank (or starts one at 1). A heading resets the
 * runs of the ranks below it. */
static void find_headings(struct speech *speech)
{
	int last[HEADING_RANK_COUNT + 1] = {0};
	for (size_t i = 1; i < speech->paragraph_count; i++) {
		struct paragraph *paragraph = &speech->paragraphs[i];
		struct heading_marker marker;
		if (!heading_marker_parse(speech->text + paragraph->offset, paragraph->length,
					  &marker))
			continue;
		if (marker.value != 1 && marker.value != last[marker.rank] + 1)
			continue;
		last[marker.rank] = marker.value;
		for (int rank = marker.rank + 1; rank <= HEADING_RANK_COUNT; rank++)
			last[rank] = 0;
		paragraph->role = PARAGRAPH_HEADING;
		paragraph->rank = marker.rank;
		paragraph->label_length =
		    heading_label_length(speech->text + paragraph->offset, paragraph->length);
	}
}

/* Builds the outline: a heading's parent is the nearest heading before it
 * of a smaller rank, so depth is relative to the ranks the speech uses. */
static void build_outline(struct speech *speech)
{
	size_t capacity = 0;
	size_t stack[HEADING_RANK_COUNT + 2];
	size_t height = 0;
	speech->outline = xgrow(NULL, &capacity, 1, sizeof *speech->outline);
	speech->outline[0] = (struct outline_entry){0, 0, -1, speech->paragraph_count};
	speech->outline_count = 1;
	stack[height++] = 0;
	for (size_t i = 1; i < speech->paragraph_count; i++) {
		struct paragraph *paragraph = &speech->paragraphs[i];
		if (paragraph->role == PARAGRAPH_HEADING) {
			while (
			    height > 1 &&
			    speech->paragraphs[speech->outline[stack[height - 1]].paragraph].rank >=
				paragraph->rank) {
				speech->outline[stack[height - 1]].end_paragraph = i;
				height--;
			}
			size_t parent = stack[height - 1];
			speech->outline = xgrow(speech->outline, &capacity,
						speech->outline_count + 1, sizeof *speech->outline);
			int depth = speech->outline[parent].depth + 1;
			speech->outline[speech->outline_count] =
			    (struct outline_entry){i, depth, (long)parent, speech->paragraph_count};
			paragraph->depth = depth;
			/* The stack holds the title and one heading per rank,
			 * ranks rising: it cannot outgrow the ranks. */
			assert(height < sizeof stack / sizeof stack[0]);
			stack[height++] = speech->outline_count++;
		}
		paragraph->section = stack[height - 1];
	}
	/* A tree in paragraph order: every section lies inside its parent's. */
	for (size_t e = 1; e < speech->outline_count; e++) {
		const struct outline_entry *entry = &speech->outline[e];
		const struct outline_entry *up = &speech->outline[entry->parent];
		(void)up;
		assert(entry->parent >= 0 && (size_t)entry->parent < e);
		assert(entry->depth == up->depth + 1);
		assert(entry->paragraph > speech->outline[e - 1].paragraph);
		assert(entry->paragraph < entry->end_paragraph);
		assert(up->paragraph < entry->paragraph &&
		       entry->end_paragraph <= up->end_paragraph);
	}
}

/* Cleans the decoded text into `text` and parses it. `text` is a new
 * buffer, or the memory that holds the decoded text itself when cleaning
 * cannot make it longer (clean_grows): cleaning then writes only where it
 * has already read. */
static int parse_text(const char *decoded, size_t length, struct buffer *text,
		      const char *fallback_title, struct speech *speech, struct error *error)
{
	/* Offsets are 32-bit (speech.h); with the title copied to the end
	 * the text may grow past the input, hence a margin. */
	if (length >= SPEECH_MAX_BYTES) {
		buffer_free(text);
		return error_set(error, _("too large (1 GiB or more of text)"));
	}
	struct lines lines = {0};
	lines.line = clean_lines(decoded, length, text, &lines.count);
	lines.text = text->data;
	if (lines.count == 0) {
		free(lines.line);
		buffer_free(text);
		return error_set(error, _("no text"));
	}

	unsigned char *keep = xmalloc(lines.count);
	memset(keep, 1, lines.count);
	size_t front_capacity = 0;
	size_t first = take_front_matter(speech, &front_capacity, &lines, 0, 0, keep);
	size_t title_line = lines.count, title_lines = 0;
	if (first < lines.count &&
	    looks_like_title(text->data + lines.line[first].offset, lines.line[first].length)) {
		title_line = first;
		title_lines = title_continues(&lines, first) ? 2 : 1;
		for (size_t i = 0; i < title_lines; i++)
			keep[first + i] = 0;
		take_front_matter(speech, &front_capacity, &lines, first + title_lines, 1, keep);
	}

	size_t paragraph_capacity = lines.count + 1;
	speech->paragraphs = xcalloc(paragraph_capacity, sizeof *speech->paragraphs);
	struct paragraph *title = &speech->paragraphs[0];
	title->role = PARAGRAPH_TITLE;
	if (title_lines == 1) {
		title->offset = lines.line[title_line].offset;
		title->length = lines.line[title_line].length;
		speech->title_found = 1;
	} else if (title_lines == 2) {
		/* A title set on two lines reads as one, a space between, but
		 * for a word cut at the line end (政府工作报 / 告). Room first:
		 * the lines are copied from the buffer itself. */
		const struct text_line *line = &lines.line[title_line];
		buffer_reserve(text, line[0].length + line[1].length + 2);
		title->offset = text->length;
		buffer_append(text, text->data + line[0].offset, line[0].length);
		if (utf8_count(text->data + line[1].offset, line[1].length) >=
		    TITLE_WORD_CHARACTERS)
			buffer_append_byte(text, ' ');
		buffer_append(text, text->data + line[1].offset, line[1].length);
		title->length = text->length - title->offset;
		buffer_append_byte(text, '\n');
		speech->title_found = 1;
	} else {
		title->offset = text->length;
		clean_inline(fallback_title, strlen(fallback_title), text);
		title->length = text->length - title->offset;
		buffer_append_byte(text, '\n');
	}
	title->label_length = title->length;
	speech->paragraph_count = 1;
	for (size_t i = first; i < lines.count; i++) {
		if (!keep[i])
			continue;
		struct paragraph *paragraph = &speech->paragraphs[speech->paragraph_count++];
		paragraph->offset = lines.line[i].offset;
		paragraph->length = lines.line[i].length;
		paragraph->role = PARAGRAPH_BODY;
	}
	free(keep);
	free(lines.line);

	speech->text = buffer_string(text);
	speech->text_length = text->length;
	find_headings(speech);
	build_outline(speech);
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
	int status = parse_text(decoded.text, decoded.length, &text, fallback_title, speech, error);
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
		int status =
		    parse_text(decoded.text, decoded.length, &text, fallback_title, speech, error);
		free(memory);
		return status;
	}
	struct buffer text = {memory, 0, (size_t)(decoded.text - memory) + decoded.length + 1};
	if (parse_text(decoded.text, decoded.length, &text, fallback_title, speech, error) != 0)
		return -1;
	/* The cleaned text is shorter than the file (indentation, line ends):
	 * what is left of the file's memory goes back. */
	speech->text = xrealloc(speech->text, speech->text_length + 1);
	return 0;
}

int speech_parse_document(const struct document *document, const char *fallback_title,
			  struct speech *speech, struct error *error)
{
	/* The hints are not used yet: the text is parsed as a text file. */
	return speech_parse((const unsigned char *)document->text, document->length, fallback_title,
			    speech, error);
}

void speech_free(struct speech *speech)
{
	free(speech->text);
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
