/* structure.h — which paragraphs are headings, their ranks, and the
 * outline tree over them.
 *
 * A paragraph's rank orders headings (a smaller rank heads a larger one):
 *   2                    appendices (附件1, 附：, 名词解释) and appended
 *                        documents: always top level
 *   4 × marker rank      numbered headings (heading.h: 第一部分 4 … （1） 32)
 *   in between           unnumbered headings: 2 above the highest rank they
 *                        contain; an inner run between two items of an
 *                        outer one: 1 below the outer
 *   24 + parts           decimal clauses (5.1 26, 5.1.1 27; clause.h), a
 *                        standard's chapters (1 范围) 25 and, beside them,
 *                        its parts without a number (前言, 附录 A)
 *   by level             Markdown # / a reader's heading level without a
 *                        marker: beside the markers used at that level
 * Unnumbered headings are unnumbered.c's; the outline over the headings
 * outline.c's. */
#ifndef PIZHU_SPEECH_STRUCTURE_H
#define PIZHU_SPEECH_STRUCTURE_H

#include "speech/speech.h"

#define RANK_APPENDIX	2
#define RANK_PER_MARKER 4
/* A decimal clause (clause.h) of N parts ranks RANK_CLAUSE + N: 5.1 above
 * 5.1.1, all below the enumerations (一是) and above （1）. */
#define RANK_CLAUSE (6 * RANK_PER_MARKER)

/* Marks the headings of speech->paragraphs (all PARAGRAPH_BODY but the
 * title): `levels[i]` is paragraph i's heading level from markup, 0 for
 * none. */
void structure_find_headings(struct speech *speech, const unsigned char *levels);

/* Makes paragraph i a heading of `rank`, with its label. */
void structure_mark_heading(struct speech *speech, size_t i, int rank);

#endif
