/* fuzz_correct.c — the user's corrections applied to any speech
 * (speech/correct.h), and the correction text the history stores.
 *
 * The input is a speech's bytes, a NUL, then corrections three bytes each
 * (paragraph, kind, depth: any values, as a library another tool edited
 * may hold); a title follows a second NUL. Promises: no paragraph is
 * renumbered or loses its text, hidden paragraphs are never in the
 * outline, the outline is a tree over the headings, every section lies in
 * its parent's, and correction_parse reads back what correction_format
 * wrote and refuses anything else without harm. */
#include <stdlib.h>
#include <string.h>

#include "base/buffer.h"
#include "speech/correct.h"
#include "speech/speech.h"
#include "tests/fuzz/fuzz.h"

static void check_text_round_trip(const uint8_t *data, size_t size)
{
	char *text = xstrndup((const char *)data, size < 64 ? size : 64);
	struct correction correction;
	if (correction_parse(text, &correction) == 0) {
		char again[32];
		correction_format(&correction, again, sizeof again);
		struct correction read;
		fuzz_assert(correction_parse(again, &read) == 0);
		fuzz_assert(read.kind == correction.kind && read.depth == correction.depth);
	}
	free(text);
}

static void check_outline(const struct speech *speech)
{
	fuzz_assert(speech->outline_count >= 1);
	fuzz_assert(speech->outline[0].paragraph == 0 && speech->outline[0].parent == -1);
	for (size_t i = 1; i < speech->outline_count; i++) {
		const struct outline_entry *entry = &speech->outline[i];
		fuzz_assert(entry->paragraph > speech->outline[i - 1].paragraph);
		fuzz_assert(entry->paragraph < speech->paragraph_count);
		fuzz_assert(entry->end_paragraph > entry->paragraph);
		fuzz_assert(entry->parent >= 0 && (size_t)entry->parent < i);
		fuzz_assert(entry->depth == speech->outline[entry->parent].depth + 1);
		fuzz_assert(entry->end_paragraph <= speech->outline[entry->parent].end_paragraph);
		fuzz_assert(speech->paragraphs[entry->paragraph].role == PARAGRAPH_HEADING);
	}
	for (size_t p = 0; p < speech->paragraph_count; p++) {
		const struct paragraph *paragraph = &speech->paragraphs[p];
		fuzz_assert(paragraph->section < speech->outline_count);
		fuzz_assert(paragraph->label_length <= paragraph->length);
		fuzz_assert(paragraph->offset + paragraph->length <= speech->text_length);
		if (paragraph->role == PARAGRAPH_HEADING)
			fuzz_assert(speech->outline[paragraph->section].paragraph == p);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *end = memchr(data, 0, size);
	size_t text_size = end ? (size_t)(end - data) : size;
	const uint8_t *rest = end ? end + 1 : data + size;
	size_t rest_size = (size_t)(data + size - rest);
	check_text_round_trip(rest, rest_size);

	struct speech speech, parsed;
	struct error error = {{0}};
	if (speech_parse(data, text_size, "fallback", &speech, &error) != 0)
		return 0;
	if (speech_parse(data, text_size, "fallback", &parsed, &error) != 0)
		abort();
	const uint8_t *title_start = memchr(rest, 0, rest_size);
	size_t triples = (title_start ? (size_t)(title_start - rest) : rest_size) / 3;
	struct correction *corrections = xcalloc(triples ? triples : 1, sizeof *corrections);
	for (size_t i = 0; i < triples; i++)
		corrections[i] = (struct correction){
		    rest[3 * i] % (speech.paragraph_count + 2),
		    (enum correction_kind)(rest[3 * i + 1] % (CORRECTION_BACK + 2)),
		    (signed char)rest[3 * i + 2]};
	char *title = title_start ? xstrndup((const char *)title_start + 1,
					     (size_t)(data + size - title_start - 1))
				  : NULL;
	speech_correct(&speech, corrections, triples, title);
	check_outline(&speech);
	fuzz_assert(speech.paragraph_count == parsed.paragraph_count);
	for (size_t p = 1; p < speech.paragraph_count; p++) {
		fuzz_assert(speech.paragraphs[p].length == parsed.paragraphs[p].length);
		fuzz_assert(memcmp(paragraph_text(&speech, p), paragraph_text(&parsed, p),
				   parsed.paragraphs[p].length) == 0);
		fuzz_assert(speech.paragraphs[p].role != PARAGRAPH_TITLE);
	}
	if (title && *title && !strpbrk(title, "\r\n"))
		fuzz_assert(speech.paragraphs[0].length == strlen(title) &&
			    memcmp(paragraph_text(&speech, 0), title, strlen(title)) == 0);
	free(title);
	free(corrections);
	speech_free(&speech);
	speech_free(&parsed);
	return 0;
}
