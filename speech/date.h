/* date.h — reading a date written in any of the forms speeches use, and
 * writing it as ISO 8601.
 *
 * Arabic, fullwidth and Chinese numerals (2026年1月8日, ２０２６年,
 * 二〇二六年一月二十七日), ISO and dotted forms (2026-01-08, 2026.1.8,
 * 2026/01/08), a month or a year alone (2026-01, 2026年1月, 2026). A date
 * is a real day of a real month, year 1000 to 2999. Pure functions: no
 * files, no SQL. */
#ifndef PIZHU_SPEECH_DATE_H
#define PIZHU_SPEECH_DATE_H

#include <stddef.h>

#include "speech/text_cursor.h"

/* Room for "YYYY-MM-DD" and its NUL. */
enum { DATE_ISO_SIZE = 11 };

struct date {
	int year, month, day; /* month and day 0 when not given */
};

/* Reads a date at the cursor: 1, or 0 with the cursor where it was. A
 * year alone is a date only at the end of the text. */
int date_read(struct text_cursor *cursor, struct date *date);

/* YYYY-MM-DD, YYYY-MM or YYYY. */
void date_format(const struct date *date, char iso[DATE_ISO_SIZE]);

/* Reads text[0..length), surrounding spaces aside, as one date and writes
 * it into iso. Returns 1 for a valid date, else 0. */
int date_normalize(const char *text, size_t length, char iso[DATE_ISO_SIZE]);

/* After a date: a time of day (07:00:44, 07时41分), which marks a
 * timestamp (when a page was published, not when the speech was given).
 * 1 with the cursor at the end of the text, or 0 with it unmoved. */
int date_time_read(struct text_cursor *cursor);

#endif
