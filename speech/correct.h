/* correct.h — the user's corrections of a speech's structure, applied to
 * the model the parser made.
 *
 * A correction names a numbered paragraph and what it is: a heading of a
 * chosen depth, body text, or front or back matter (hidden from the text,
 * the outline, search and exports unless tagged); body or heading brings
 * back a line the parser hid. A title correction replaces the title's
 * text. Applying corrections never renumbers: every paragraph keeps its index,
 * a hidden one only changes its role (PARAGRAPH_FRONT_MATTER or
 * PARAGRAPH_BACK_MATTER), so citations (ID:N), tags and notes stay put.
 * The outline and each paragraph's section are built again from the
 * corrected roles. Knows nothing of SQLite or curses. */
#ifndef PIZHU_SPEECH_CORRECT_H
#define PIZHU_SPEECH_CORRECT_H

#include <stddef.h>

#include "speech/speech.h"

/* The deepest heading a user can choose. */
#define CORRECTION_MAX_DEPTH 9

enum correction_kind {
	CORRECTION_NONE,    /* what the parser found: no correction */
	CORRECTION_HEADING, /* a heading at `depth` (1 = top level) */
	CORRECTION_BODY,
	CORRECTION_FRONT, /* hidden as front matter */
	CORRECTION_BACK,  /* hidden as back matter */
};

struct correction {
	size_t paragraph; /* 1 .. paragraph_count - 1 */
	enum correction_kind kind;
	int depth; /* headings: 1 .. CORRECTION_MAX_DEPTH */
};

/* 1 when a corrected paragraph is hidden from the text. */
static inline int paragraph_hidden(const struct paragraph *paragraph)
{
	return paragraph->role == PARAGRAPH_FRONT_MATTER ||
	       paragraph->role == PARAGRAPH_BACK_MATTER;
}

/* Applies corrections (any order; those naming no paragraph of the speech
 * are ignored) and, when title is not NULL, sets the title's text. The
 * outline is rebuilt: a heading's parent is the nearest shown heading
 * before it of a smaller level, where a corrected heading's level is its
 * chosen depth and a parsed one's is the depth the parser gave it. */
void speech_correct(struct speech *speech, const struct correction *corrections, size_t count,
		    const char *title);

/* Words for a kind, as the command line and the history write them:
 * "heading", "body", "front", "back", "parsed" (CORRECTION_NONE). */
const char *correction_kind_name(enum correction_kind kind);
/* The kind a name stands for; -1 for none. */
int correction_kind_parse(const char *name);

/* "heading 2", "body", … into text[size]; and back: 0, or -1 when the
 * text is no correction. */
void correction_format(const struct correction *correction, char *text, size_t size);
int correction_parse(const char *text, struct correction *correction);

#endif
