/* outline.h — the outline tree over a speech's headings.
 *
 * Depth is relative: a heading's parent is the nearest heading before it
 * of a smaller rank; top-level headings are depth 1, the title depth 0.
 * Every paragraph gets the outline entry of the section it is in; the back
 * matter that ends a speech is in no section but the title's. */
#ifndef PIZHU_SPEECH_OUTLINE_H
#define PIZHU_SPEECH_OUTLINE_H

#include "speech/speech.h"

/* Builds speech->outline (replacing any) and each paragraph's depth and
 * section from the headings' ranks. */
void outline_build(struct speech *speech);

/* The same walk with levels[i] (1 .. PARAGRAPH_RANK_MAX) ordering heading
 * i in place of its rank: the user's corrections (correct.h) order
 * headings by the depth they chose. */
void outline_build_by_level(struct speech *speech, const int *levels);

#endif
