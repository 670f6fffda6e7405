/* heading.h — recognising the numbered marker that opens a heading line,
 * and the label a heading shows in the outline.
 *
 * Ranks by marker form:
 *   1  一、                     (Chinese numeral + 、)
 *   2  （一） (一)               (Chinese numeral in brackets)
 *   3  一是 一要 第一， 第一、     (enumerations)
 *   4  1. 1、 1．               (digits, ASCII or full-width)
 *   5  （1） (1)                (digits in brackets)
 * Whether a marker really makes a heading (a plausible run) is decided by
 * the structure pass in speech.c, not here. */
#ifndef PIZHU_SPEECH_HEADING_H
#define PIZHU_SPEECH_HEADING_H

#include <stddef.h>

#define HEADING_RANK_COUNT 5

struct heading_marker {
	int rank;	      /* 1..HEADING_RANK_COUNT */
	int value;	      /* the number the marker counts: 三 → 3 */
	size_t marker_length; /* bytes of the marker itself */
};

/* Returns 1 and fills *marker when line[0..length) starts with a marker
 * followed by some text, else 0. */
int heading_marker_parse(const char *line, size_t length, struct heading_marker *marker);

/* Value of a Chinese numeral (一 … 九十九, with 〇/零/两) at text, storing
 * its length in bytes; 0 when text does not start with one. */
int chinese_numeral_parse(const char *text, size_t length, size_t *numeral_length);

/* Length in bytes of a heading's label: the whole line when it holds one
 * sentence, else up to its first sentence end (。！？ or ：), which is not
 * included. */
size_t heading_label_length(const char *line, size_t length);

#endif
