/* fuzz_speech.c — decoding and parsing a speech from any bytes.
 *
 * speech_parse either fails with a message or gives a model whose
 * promises hold: paragraphs and front matter lie inside the text, the
 * text is valid UTF-8 without control characters (so it can never reach
 * a terminal as an escape sequence), and the outline is a tree over the
 * headings. speech_parse_in_place, given the same bytes in memory of its
 * own, gives the same speech. speech_parse_document, given the bytes as a
 * document (when they are UTF-8) with hints made from them, keeps the same
 * promises. Decoding into a mapping a few bytes at a time (the path of a
 * large file, decode_text_mapped) gives what decoding in one piece gives:
 * text, encoding, replaced bytes, or the same refusal. */
#include <stdlib.h>
#include <string.h>

#include "base/buffer.h"
#include "base/utf8.h"
#include "speech/decode.h"
#include "speech/speech.h"
#include "tests/fuzz/fuzz.h"

/* The same speech from speech_parse_in_place on a copy of the bytes. */
static void check_in_place(const uint8_t *data, size_t size, const struct speech *expected)
{
	unsigned char *copy = xmalloc(size + 1);
	if (size)
		memcpy(copy, data, size);
	copy[size] = '\0';
	struct speech speech;
	struct error error = {{0}};
	int status = speech_parse_in_place(copy, size, "fallback", &speech, &error);
	fuzz_assert((status == 0) == (expected != NULL));
	if (status != 0)
		return;
	fuzz_assert(speech.text_length == expected->text_length);
	fuzz_assert(memcmp(speech.text, expected->text, speech.text_length) == 0);
	fuzz_assert(speech.paragraph_count == expected->paragraph_count);
	fuzz_assert(memcmp(speech.paragraphs, expected->paragraphs,
			   speech.paragraph_count * sizeof *speech.paragraphs) == 0);
	fuzz_assert(speech.outline_count == expected->outline_count);
	fuzz_assert(speech.front_matter_count == expected->front_matter_count);
	fuzz_assert(speech.back_matter_count == expected->back_matter_count);
	speech_free(&speech);
}

/* decode_text_mapped in chunks of one byte and of a size the input picks
 * against decode_text. */
static void check_streamed(const uint8_t *data, size_t size)
{
	struct decoded_text whole;
	struct error whole_error = {{0}};
	int whole_status = decode_text(data, size, &whole, &whole_error);
	size_t chunks[] = {1, size ? 2 + data[size - 1] % 13 : 2};
	for (size_t i = 0; i < sizeof chunks / sizeof *chunks; i++) {
		struct decoded_text streamed;
		struct error error = {{0}};
		const struct decode_output output = {.chunk = chunks[i]};
		int status = decode_text_mapped(data, size, NULL, &output, &streamed, &error);
		fuzz_assert(status == whole_status);
		if (status != 0) {
			fuzz_assert(strcmp(error.message, whole_error.message) == 0);
			continue;
		}
		fuzz_assert(streamed.length == whole.length);
		fuzz_assert(memcmp(streamed.text, whole.text, whole.length) == 0);
		fuzz_assert(strcmp(streamed.encoding, whole.encoding) == 0);
		fuzz_assert(streamed.replaced_bytes == whole.replaced_bytes);
		decoded_text_free(&streamed);
	}
	if (whole_status == 0)
		decoded_text_free(&whole);
}

static void check_text(const char *text, size_t length)
{
	const unsigned char *bytes = (const unsigned char *)text;
	for (size_t i = 0; i < length;) {
		size_t step;
		long codepoint = utf8_decode(bytes + i, length - i, &step);
		fuzz_assert(codepoint >= 0);
		fuzz_assert(codepoint >= 0x20 || codepoint == '\n');
		fuzz_assert(codepoint < 0x7F || codepoint >= 0xA0);
		i += step;
	}
}

static void check_spans(const struct speech *speech, const struct text_span *spans, size_t count)
{
	for (size_t i = 0; i < count; i++) {
		fuzz_assert(spans[i].offset <= speech->text_length);
		fuzz_assert(spans[i].length <= speech->text_length - spans[i].offset);
	}
}

/* The promises every parsed speech keeps. */
static void check_speech(const struct speech *speech)
{
	fuzz_assert(speech->text != NULL);
	check_text(speech->text, speech->text_length);
	fuzz_assert(speech->encoding != NULL);
	fuzz_assert(speech->paragraph_count >= 1);
	fuzz_assert(speech->paragraphs[0].role == PARAGRAPH_TITLE);
	for (size_t i = 0; i < speech->paragraph_count; i++) {
		const struct paragraph *paragraph = &speech->paragraphs[i];
		fuzz_assert(paragraph->offset <= speech->text_length);
		fuzz_assert(paragraph->length <= speech->text_length - paragraph->offset);
		/* A paragraph is one non-blank line. */
		fuzz_assert(i == 0 || paragraph->length > 0);
		fuzz_assert(memchr(speech->text + paragraph->offset, '\n', paragraph->length) ==
			    NULL);
		fuzz_assert(paragraph->label_length <= paragraph->length);
		fuzz_assert(paragraph->section < speech->outline_count);
		if (paragraph->role == PARAGRAPH_HEADING)
			fuzz_assert(paragraph->rank >= 1 && paragraph->rank <= PARAGRAPH_RANK_MAX &&
				    paragraph->depth >= 1);
		if (i > 0)
			fuzz_assert(paragraph->role != PARAGRAPH_TITLE);
	}
	check_spans(speech, speech->front_matter, speech->front_matter_count);
	check_spans(speech, speech->back_matter, speech->back_matter_count);
	fuzz_assert(speech->outline_count >= 1);
	fuzz_assert(speech->outline[0].paragraph == 0 && speech->outline[0].parent == -1);
	for (size_t i = 0; i < speech->outline_count; i++) {
		const struct outline_entry *entry = &speech->outline[i];
		fuzz_assert(entry->paragraph < speech->paragraph_count);
		fuzz_assert(entry->end_paragraph > entry->paragraph);
		fuzz_assert(entry->end_paragraph <= speech->paragraph_count);
		if (i > 0) {
			fuzz_assert(entry->parent >= 0 && (size_t)entry->parent < i);
			fuzz_assert(entry->depth > speech->outline[entry->parent].depth);
			fuzz_assert(speech->paragraphs[entry->paragraph].role == PARAGRAPH_HEADING);
			/* A section lies inside its parent's. */
			fuzz_assert(entry->end_paragraph <=
				    speech->outline[entry->parent].end_paragraph);
		}
	}
}

/* The bytes as a format reader's document: a hint per line, its role and
 * heading level taken from the line's first byte. */
static void check_document(const uint8_t *data, size_t size)
{
	if (utf8_text_problem((const char *)data, size) && size > 0)
		return;
	char *text = xmalloc(size + 1);
	if (size)
		memcpy(text, data, size);
	text[size] = '\0';
	size_t lines = 1;
	for (size_t i = 0; i < size; i++)
		lines += text[i] == '\n';
	struct document_line_hint *hints = xcalloc(lines, sizeof *hints);
	for (size_t i = 0, line = 0; i < size; i++) {
		if (i == 0 || text[i - 1] == '\n') {
			unsigned char byte = (unsigned char)text[i];
			hints[line].role = byte % 4;
			/* 0..9, or 10: DOCUMENT_NOT_HEADING */
			hints[line].heading_level = byte / 4 % 11;
		}
		line += text[i] == '\n';
	}
	struct document document = {.text = text,
				    .length = size,
				    .hints = hints,
				    .hint_count = lines,
				    .format = "text",
				    .title = size % 2 ? "元数据标题 - 网站" : NULL};
	struct speech speech;
	struct error error = {{0}};
	if (speech_parse_document(&document, "fallback", &speech, &error) == 0) {
		check_speech(&speech);
		speech_free(&speech);
	} else {
		fuzz_assert(error.message[0] != '\0');
	}
	document.title = NULL;
	document_free(&document);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct speech speech;
	struct error error = {{0}};
	check_document(data, size);
	check_streamed(data, size);
	if (speech_parse(data, size, "fallback", &speech, &error) != 0) {
		fuzz_assert(error.message[0] != '\0');
		check_in_place(data, size, NULL);
		return 0;
	}
	check_in_place(data, size, &speech);
	check_speech(&speech);
	speech_free(&speech);
	return 0;
}
