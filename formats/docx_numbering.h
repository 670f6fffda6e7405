/* docx_numbering.h — Word's automatic numbering (word/numbering.xml),
 * rendered as Word displays it, so that a heading numbered by Word reads
 * "一、…" or "（一）…" as if the number were typed.
 *
 * numbering.xml defines abstract lists (abstractNum: per level a start
 * value, a number format, a level text such as "%1、" or "%1.%2", a
 * suffix) and list instances (num) that use one, possibly overriding a
 * level's start (lvlOverride/startOverride) or its whole definition.
 * Counters belong to an instance and advance in document order: a level
 * counts on from its last value, deeper levels restart when a shallower
 * one is used (or as lvlRestart says). */
#ifndef PIZHU_FORMATS_DOCX_NUMBERING_H
#define PIZHU_FORMATS_DOCX_NUMBERING_H

#include <stddef.h>

#include "base/buffer.h"
#include "base/error.h"

enum { DOCX_LEVELS = 9 };

struct docx_numbering;

/* Parses numbering.xml (data may be NULL: a package without numbering).
 * Fails on XML that is not well-formed. */
int docx_numbering_load(const char *data, size_t size, struct docx_numbering **numbering,
			struct error *error);

/* The level of list instance num_id whose definition names paragraph
 * style style_id (w:pStyle in a w:lvl), or -1. */
int docx_numbering_style_level(const struct docx_numbering *numbering, long num_id,
			       const char *style_id);

/* Numbers one more paragraph of list num_id at level (0..8): advances the
 * counters and appends the marker as Word shows it (its level text, then
 * the suffix: a space, nothing, or for a tab nothing after punctuation
 * and a space after a digit or letter). Appends nothing for an unknown
 * list or level, num_id 0 (numbering switched off) or a level without
 * text. Returns the bytes appended. */
size_t docx_numbering_next(struct docx_numbering *numbering, long num_id, int level,
			   struct buffer *out);

void docx_numbering_free(struct docx_numbering *numbering);

/* Appends value in Word's number format `format` (decimal, lowerLetter,
 * upperRoman, chineseCounting, chineseCountingThousand,
 * ideographTraditional, decimalEnclosedParen, …); unknown formats are
 * decimal, "none" is nothing. */
void docx_format_number(const char *format, long value, struct buffer *out);

#endif
