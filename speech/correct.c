#include "speech/correct.h"

#include <assert.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buffer.h"
#include "speech/heading.h"
#include "speech/outline.h"

static const char *const kind_names[] = {
    [CORRECTION_NONE] = "parsed", [CORRECTION_HEADING] = "heading", [CORRECTION_BODY] = "body",
    [CORRECTION_FRONT] = "front", [CORRECTION_BACK] = "back",
};

const char *correction_kind_name(enum correction_kind kind)
{
	return kind <= CORRECTION_BACK ? kind_names[kind] : "parsed";
}

int correction_kind_parse(const char *name)
{
	for (int kind = CORRECTION_NONE; kind <= CORRECTION_BACK; kind++)
		if (strcmp(name, kind_names[kind]) == 0)
			return kind;
	return -1;
}

void correction_format(const struct correction *correction, char *text, size_t size)
{
	if (correction->kind == CORRECTION_HEADING)
		snprintf(text, size, "heading %d", correction->depth);
	else
		snprintf(text, size, "%s", correction_kind_name(correction->kind));
}

int correction_parse(const char *text, struct correction *correction)
{
	char name[16];
	size_t length = strcspn(text, " ");
	if (length >= sizeof name)
		return -1;
	memcpy(name, text, length);
	name[length] = '\0';
	int kind = correction_kind_parse(name);
	if (kind < 0)
		return -1;
	correction->kind = (enum correction_kind)kind;
	correction->depth = 0;
	if (kind == CORRECTION_HEADING) {
		char *end;
		long depth = text[length] == ' ' ? strtol(text + length + 1, &end, 10) : 0;
		if (depth < 1 || depth > CORRECTION_MAX_DEPTH || *end != '\0')
			return -1;
		correction->depth = (int)depth;
	} else if (text[length] != '\0') {
		return -1;
	}
	return 0;
}

static void set_title(struct speech *speech, const char *title)
{
	size_t length = strlen(title);
	/* Corrections apply to speeches loaded from the library, whose text
	 * is memory; a mapped one (a file being parsed) is never corrected. */
	assert(!speech->text_mapping);
	if (speech->text_length + length + 1 > UINT32_MAX)
		return;
	speech->text = xrealloc(speech->text, speech->text_length + length + 2);
	memcpy(speech->text + speech->text_length, title, length);
	struct paragraph *paragraph = &speech->paragraphs[0];
	paragraph->offset = (uint32_t)speech->text_length;
	paragraph->length = (uint32_t)length;
	paragraph->label_length = (uint32_t)length;
	speech->text_length += length;
	speech->text[speech->text_length++] = '\n';
	speech->text[speech->text_length] = '\0';
}

static void apply(struct speech *speech, const struct correction *correction, int *levels)
{
	struct paragraph *paragraph = &speech->paragraphs[correction->paragraph];
	int was_heading = paragraph->role == PARAGRAPH_HEADING;
	switch (correction->kind) {
	case CORRECTION_NONE:
		return;
	case CORRECTION_HEADING:
		paragraph->role = PARAGRAPH_HEADING;
		if (!was_heading) {
			/* On the parser's scale (speech.h): four ranks a marker
			 * rank, as a numbered heading of that depth would have. */
			paragraph->rank = (signed char)(4 * correction->depth < PARAGRAPH_RANK_MAX
							    ? 4 * correction->depth
							    : PARAGRAPH_RANK_MAX);
			paragraph->label_length = (uint32_t)heading_label_length(
			    paragraph_text(speech, correction->paragraph), paragraph->length);
		}
		levels[correction->paragraph] = correction->depth;
		return;
	case CORRECTION_BODY:
		paragraph->role = PARAGRAPH_BODY;
		break;
	case CORRECTION_FRONT:
		paragraph->role = PARAGRAPH_FRONT_MATTER;
		break;
	case CORRECTION_BACK:
		paragraph->role = PARAGRAPH_BACK_MATTER;
		break;
	}
	paragraph->rank = 0;
	paragraph->depth = 0;
	paragraph->label_length = 0;
}

void speech_correct(struct speech *speech, const struct correction *corrections, size_t count,
		    const char *title)
{
	/* A title is one line (store_title_set refuses others; a library
	 * another tool edited may still hold one). */
	if (title && *title && !strpbrk(title, "\r\n"))
		set_title(speech, title);
	if (count == 0)
		return;
	/* Parsed headings keep the level the parser gave them. */
	int *levels = xcalloc(speech->paragraph_count, sizeof *levels);
	for (size_t i = 1; i < speech->paragraph_count; i++)
		levels[i] = speech->paragraphs[i].depth;
	for (size_t c = 0; c < count; c++)
		if (corrections[c].paragraph >= 1 &&
		    corrections[c].paragraph < speech->paragraph_count &&
		    (corrections[c].kind != CORRECTION_HEADING ||
		     (corrections[c].depth >= 1 && corrections[c].depth <= CORRECTION_MAX_DEPTH)))
			apply(speech, &corrections[c], levels);
	outline_build_by_level(speech, levels);
	free(levels);
}
