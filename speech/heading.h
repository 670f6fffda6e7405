/* heading.h — recognising the numbered marker that opens a heading line,
 * and the label a heading shows in the outline.
 *
 * Ranks by marker form (a smaller rank heads a larger one):
 *   1  第一部分 第一编 第一篇    (parts)
 *   2  第一章                   (chapters)
 *   3  第一节                   (sections)
 *   4  一、                     (Chinese numeral + 、)
 *   5  （一） (一)               (Chinese numeral in brackets)
 *   6  一是 一要 一抓 一讲 …  第一， 第一、  (enumerations: a numeral and a
 *      one-character verb, or 第 and a numeral and a comma)
 *   7  1. 1、 1． 1） 1)         (digits, ASCII or full-width)
 *   8  （1） (1)                (digits in brackets)
 * Whether a marker really makes a heading (a plausible run) is decided by
 * the structure pass (structure.c), not here. */
#ifndef PIZHU_SPEECH_HEADING_H
#define PIZHU_SPEECH_HEADING_H

#include <stddef.h>

#define HEADING_RANK_COUNT	 8
#define HEADING_RANK_ENUMERATION 6

struct heading_marker {
	int rank;	      /* 1..HEADING_RANK_COUNT */
	int value;	      /* the number the marker counts: 三 → 3 */
	size_t marker_length; /* bytes of the marker itself */
	/* What tells runs of one rank apart: the verb of 一是/一抓 (是, 抓),
	 * 第 for 第一，, the separator of 1. / 1、 / 1）, else 0. A run goes
	 * on only with the same kind. */
	long kind;
};

/* Returns 1 and fills *marker when line[0..length) starts with a marker
 * followed by some text, else 0. Enumerations with an uncommon verb (一抓,
 * but also 四川, 三峡 — words that start with a numeral) are left out: only
 * a run makes them markers (heading_marker_parse_any). */
int heading_marker_parse(const char *line, size_t length, struct heading_marker *marker);

/* heading_marker_parse with the uncommon-verb enumerations too, for the
 * structure pass that checks their runs. */
int heading_marker_parse_any(const char *line, size_t length, struct heading_marker *marker);

/* 1 when the enumeration verb (the 是 of 一是) is one every author uses
 * (是, 要): a run of one such item is already plausible. Other verbs
 * (一抓, 一讲) need a second item to be believed. */
int heading_common_verb(long kind);

/* 1 when line[0..length) opens an appendix or glossary: 附件, 附件1, 附件：,
 * 附：, 附录, 附录A, 名词解释 — a short line with no sentence end. */
int heading_appendix_line(const char *line, size_t length);

/* 1 when line[0..length) is a marker and nothing else (二是, 三、): the
 * source wrapped its text onto the next line. */
int heading_marker_alone(const char *line, size_t length);

/* Value of a Chinese numeral (一 … 九十九, with 〇/零/两) at text, storing
 * its length in bytes; 0 when text does not start with one. */
int chinese_numeral_parse(const char *text, size_t length, size_t *numeral_length);

/* Length in bytes of a heading's label: the whole line when it holds one
 * sentence, else up to its first sentence end (。！？ or ：), which is not
 * included. */
size_t heading_label_length(const char *line, size_t length);

#endif
