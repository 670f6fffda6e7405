/* unnumbered.h — headings without a number: short standalone lines that
 * head a part (过去一年工作回顾, 2026年工作安排, 加强政府自身建设).
 *
 * A candidate is a short line between paragraphs (after a sentence's end,
 * a salutation or a heading) that is no sentence, date or boilerplate. It
 * is a heading when the numbered headings after it open a fresh run (the
 * first is 1, after a short introduction), ranked 2 above the highest rank
 * among them; or when it follows an unnumbered heading still open that it
 * resembles, as its sibling (the numbering may run on across them). */
#ifndef PIZHU_SPEECH_UNNUMBERED_H
#define PIZHU_SPEECH_UNNUMBERED_H

#include "speech/speech.h"

/* What structure.c found at the start of each paragraph. */
struct paragraph_marker {
	signed char rank; /* heading.h's marker rank; 0: none */
	int value;
	long kind;
};

/* Marks the unnumbered headings among the body paragraphs of a speech
 * whose numbered headings are marked; markers[i] is paragraph i's. */
void unnumbered_find_headings(struct speech *speech, const struct paragraph_marker *markers);

/* In a text with no heading at all, marks paired sub-headings: short
 * standalone lines of two phrases around one comma (铭记历史，汲取力量 /
 * 牢记使命，感悟真理) between paragraphs of prose, at least two of them
 * alike in length and in where the comma stands. */
void unnumbered_find_paired(struct speech *speech);

#endif
