/* utf8.h — decoding one UTF-8 sequence at a time. */
#ifndef PIZHU_BASE_UTF8_H
#define PIZHU_BASE_UTF8_H

#include <stddef.h>

#define UTF8_REPLACEMENT 0xFFFDu

/* Decodes the sequence at text[0..available). Returns its code point and
 * stores its length in bytes in *length. An invalid or truncated sequence
 * (overlong forms, surrogates, values above U+10FFFF) returns -1 and a
 * length of 1, so a caller can replace the bad byte and go on. */
long utf8_decode(const unsigned char *text, size_t available, size_t *length);

/* Number of code points in text[0..length) (invalid bytes count one each). */
size_t utf8_count(const char *text, size_t length);

/* Why text[0..length) is not plain text, or NULL when it is: "not UTF-8
 * text" for an invalid sequence, "a control character" for C0 (but tab),
 * DEL or C1. For text that is kept (a theme's name) rather than shown
 * cleaned: a NUL would cut it short, an ESC could reach a terminal. */
const char *utf8_text_problem(const char *text, size_t length);

/* Whether text holds an ASCII letter (what case folding can change). */
int utf8_has_ascii_letter(const char *text, size_t length);

/* 1 for the bidirectional controls that can reorder what a terminal
 * shows: U+061C, U+200E, U+200F, U+202A..U+202E, U+2066..U+2069. */
int utf8_is_bidi_control(long codepoint);

/* Length of the longest prefix of text[0..length) that can go to a
 * terminal as it is: valid UTF-8 with no C0 control (tab and newline
 * included), DEL, C1, bidirectional control, or U+2028/U+2029 (which
 * break a line as a newline does). It reads a character at a time as utf8_decode does
 * (the well-formed sequences of Unicode's table 3-7), so a caller that
 * replaces the character it stops at and calls again sees the same
 * characters as a loop over utf8_decode, at a fraction of the cost. */
size_t utf8_plain_length(const char *text, size_t length);

/* Length of the longest prefix of text[0..length) that is valid UTF-8:
 * where a loop over utf8_decode would first return -1, or length. A
 * check of a whole text at a fraction of that loop's cost. */
size_t utf8_valid_length(const char *text, size_t length);

/* Byte offset just after the first `characters` code points of text. */
size_t utf8_advance(const char *text, size_t length, size_t characters);

#endif
