#include "speech/date.h"

#include <stdio.h>

enum {
	YEAR_MIN = 1000,
	YEAR_MAX = 2999,
};

static int arabic_digit(long codepoint)
{
	if (codepoint >= '0' && codepoint <= '9')
		return (int)(codepoint - '0');
	if (codepoint >= 0xFF10 && codepoint <= 0xFF19) /* fullwidth ０-９ */
		return (int)(codepoint - 0xFF10);
	return -1;
}

static int chinese_digit(long codepoint)
{
	static const long digits[] = {0x3007, 0x4E00, 0x4E8C, 0x4E09, 0x56DB,
				      0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D}; /* 〇一二…九 */
	if (codepoint == 0x25CB || codepoint == 0x96F6)			       /* ○ 零 */
		return 0;
	for (int i = 0; i < 10; i++)
		if (digits[i] == codepoint)
			return i;
	return -1;
}

enum { CHINESE_TEN = 0x5341 }; /* 十 */

/* Up to max_digits Arabic digits; returns how many were read. */
static int read_arabic(struct text_cursor *cursor, int max_digits, int *value)
{
	int digits = 0;
	*value = 0;
	int digit;
	while (digits < max_digits && (digit = arabic_digit(cursor_peek(cursor))) >= 0) {
		*value = *value * 10 + digit;
		cursor_advance(cursor);
		digits++;
	}
	/* A longer run of digits is some other number. */
	if (arabic_digit(cursor_peek(cursor)) >= 0)
		return 0;
	return digits;
}

/* A year of four digits, Arabic or Chinese (二〇二六). */
static int read_year(struct text_cursor *cursor, int *year)
{
	size_t start = cursor->at;
	if (read_arabic(cursor, 4, year) == 4)
		return 1;
	cursor->at = start;
	*year = 0;
	for (int i = 0; i < 4; i++) {
		int digit = chinese_digit(cursor_peek(cursor));
		if (digit < 0) {
			cursor->at = start;
			return 0;
		}
		*year = *year * 10 + digit;
		cursor_advance(cursor);
	}
	return 1;
}

/* A month or day: 1 or 2 Arabic digits, or 一 … 九, 十, 十一, 二十, 二十七. */
static int read_small_number(struct text_cursor *cursor, int *value)
{
	size_t start = cursor->at;
	if (read_arabic(cursor, 2, value) > 0)
		return 1;
	cursor->at = start;
	int tens = 0, units = 0;
	int digit = chinese_digit(cursor_peek(cursor));
	if (digit > 0) {
		cursor_advance(cursor);
		units = digit;
	}
	if (cursor_peek(cursor) == CHINESE_TEN) {
		cursor_advance(cursor);
		tens = units ? units : 1;
		units = 0;
		digit = chinese_digit(cursor_peek(cursor));
		if (digit > 0) {
			cursor_advance(cursor);
			units = digit;
		}
	}
	*value = tens * 10 + units;
	if (*value == 0) {
		cursor->at = start;
		return 0;
	}
	return 1;
}

static int days_in_month(int year, int month)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
	return month == 2 && leap ? 29 : days[month - 1];
}

static int date_valid(const struct date *date)
{
	if (date->year < YEAR_MIN || date->year > YEAR_MAX)
		return 0;
	if (date->month == 0)
		return date->day == 0;
	if (date->month > 12)
		return 0;
	return date->day == 0 || date->day <= days_in_month(date->year, date->month);
}

/* 2026年1月8日 (or 号), 2026年1月, 2026年, and the same in Chinese
 * numerals, after the year has been read. */
static void read_chinese_style(struct text_cursor *cursor, struct date *date)
{
	size_t after_year = cursor->at;
	if (!read_small_number(cursor, &date->month) || !cursor_accept(cursor, "月")) {
		cursor->at = after_year;
		date->month = 0;
		return;
	}
	size_t after_month = cursor->at;
	if (!read_small_number(cursor, &date->day) ||
	    !(cursor_accept(cursor, "日") || cursor_accept(cursor, "号"))) {
		cursor->at = after_month;
		date->day = 0;
	}
}

/* 2026-01-08, 2026.1.8, 2026/01/08 and 2026-01, after the year. */
static int read_iso_style(struct text_cursor *cursor, struct date *date)
{
	long separator = cursor_peek(cursor);
	if (separator != '-' && separator != '.' && separator != '/')
		return 0;
	cursor_advance(cursor);
	if (read_arabic(cursor, 2, &date->month) == 0)
		return 0;
	size_t after_month = cursor->at;
	if (cursor_peek(cursor) == separator) {
		cursor_advance(cursor);
		if (read_arabic(cursor, 2, &date->day) > 0)
			return 1;
	}
	cursor->at = after_month;
	date->day = 0;
	return 1;
}

/* Reads a date at the cursor; on failure the cursor does not move. */
int date_read(struct text_cursor *cursor, struct date *date)
{
	size_t start = cursor->at;
	*date = (struct date){0, 0, 0};
	if (!read_year(cursor, &date->year)) {
		cursor->at = start;
		return 0;
	}
	/* A year alone counts only as the whole text (2026), not before more
	 * digits or words. */
	if (cursor_accept(cursor, "年"))
		read_chinese_style(cursor, date);
	else if (!cursor_at_end(cursor) && !read_iso_style(cursor, date)) {
		cursor->at = start;
		return 0;
	}
	if (!date_valid(date)) {
		cursor->at = start;
		return 0;
	}
	return 1;
}

void date_format(const struct date *date, char iso[DATE_ISO_SIZE])
{
	if (date->day)
		snprintf(iso, DATE_ISO_SIZE, "%04d-%02d-%02d", date->year, date->month, date->day);
	else if (date->month)
		snprintf(iso, DATE_ISO_SIZE, "%04d-%02d", date->year, date->month);
	else
		snprintf(iso, DATE_ISO_SIZE, "%04d", date->year);
}

int date_normalize(const char *text, size_t length, char iso[DATE_ISO_SIZE])
{
	text_trim(&text, &length);
	struct text_cursor cursor = {text, length, 0};
	struct date date;
	if (!date_read(&cursor, &date) || !cursor_at_end(&cursor))
		return 0;
	date_format(&date, iso);
	return 1;
}

/* A time of day after a date (07:00:44, 07时41分) marks a timestamp: when
 * the page was published, not when the speech was given. */
int date_time_read(struct text_cursor *cursor)
{
	size_t start = cursor->at;
	cursor_skip_spaces(cursor);
	int hour;
	if (read_arabic(cursor, 2, &hour) > 0 &&
	    (cursor_accept(cursor, ":") || cursor_accept(cursor, "：") ||
	     cursor_accept(cursor, "时"))) {
		cursor->at = cursor->length;
		return 1;
	}
	cursor->at = start;
	return 0;
}
