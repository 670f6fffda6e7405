/* clause.h — the decimal clause numbers of standards and rules (5.1,
 * 5.1.1, 1.4.3): a heading whose rank is its number of parts.
 *
 * A clause heading is a paragraph that starts with two to CLAUSE_MAX_PARTS
 * numbers joined by dots, then white space or Chinese text (1.4.1 根据…,
 * 5.1确定…); a number alone on its line (a term's entry, 3.1) heads
 * nothing, and 2.5% or 2.5万 is a quantity. Like a marker's run, a clause
 * counts only in a plausible sequence: one ending in .1 starts one, any
 * other goes on from the clause before it at the same depth. The
 * structure pass (structure.c) decides with clause_continues. */
#ifndef PIZHU_SPEECH_CLAUSE_H
#define PIZHU_SPEECH_CLAUSE_H

#include <stddef.h>

#define CLAUSE_MAX_PARTS 6

struct clause_number {
	int parts; /* 0 (none) or 2..CLAUSE_MAX_PARTS */
	int part[CLAUSE_MAX_PARTS];
};

/* Returns 1 and fills *number when line[0..length) opens with a clause
 * number followed by text, else 0. */
int clause_number_parse(const char *line, size_t length, struct clause_number *number);

/* 1 when `number` plausibly follows the clause headings before
 * it: it starts a sequence (its last part is 1), or it is the next at
 * its depth after the clause before it there, said or implied by a deeper
 * one (5.1.3 after 5.1.2, 5.2 after 5.1.3; one number skipped is
 * forgiven). `seen` holds, per number of parts, the last clause heading
 * of that depth (parts 0 for none); deeper ones are cleared when a
 * shallower one comes. */
int clause_continues(const struct clause_number seen[CLAUSE_MAX_PARTS + 1],
		     const struct clause_number *number);

/* A chapter's number, the clause of one part (GB/T 1.1: 1 范围, 3　术语和
 * 定义): returns the number (1..99) when line[0..length) is that number,
 * white space (an ASCII space, U+3000, a tab) and a short name that is no
 * sentence and does not end with a page number (1 范围……1 is a line of a
 * table of contents), else 0. Whether it heads a chapter is for the structure pass:
 * only a run of them (1, 2, 3…) of which one is followed by its clause
 * N.1 does. */
int clause_chapter_parse(const char *line, size_t length);

/* 1 when line[0..length) is a clause number and nothing else (3.1): a
 * term's entry in a standard, whose term follows on the next line. */
int clause_number_alone(const char *line, size_t length);

#endif
