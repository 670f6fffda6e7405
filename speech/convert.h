/* convert.h — text in GB18030, UTF-16 or damaged UTF-8 turned into UTF-8
 * a window of input at a time (decode.h decides which encoding it is).
 *
 * The input is handed to the converter in windows whose ends fall every
 * `chunk` bytes, wherever that is: a sequence a window's end cuts (a
 * GB18030 character of 2 or 4 bytes, a UTF-16 surrogate pair or odd last
 * byte, a UTF-8 sequence, whole or damaged) is held back and converted
 * with the next window, so that the text, the bytes replaced and the
 * refusals are the same whatever the chunk size, one window of the whole
 * input included. Between windows the pages of the input and output
 * mappings behind the pass are given back (base/mapping.h): converting a
 * file of any size into a mapping keeps a few windows of it resident. */
#ifndef PIZHU_SPEECH_CONVERT_H
#define PIZHU_SPEECH_CONVERT_H

#include <stddef.h>

#include "base/buffer.h"
#include "base/mapping.h"

/* GB18030: an invalid or incomplete sequence refuses the whole text.
 * UTF-16, without its BOM: a lone surrogate and an odd last byte become
 * U+FFFD. UTF-8: each byte that is not (part of) a valid sequence becomes
 * U+FFFD. */
enum conversion_source {
	CONVERT_GB18030,
	CONVERT_UTF16LE,
	CONVERT_UTF16BE,
	CONVERT_UTF8_REPAIR,
};

struct conversion {
	enum conversion_source source;
	size_t chunk;		/* input bytes per window, 1 or more */
	struct mapping *input;	/* that holds the bytes, or NULL */
	struct buffer *out;	/* where the UTF-8 goes; NULL: only count (UTF-8) */
	struct mapping *output; /* whose memory `out` is (it cannot grow), or NULL */
	/* Counted by convert_text: characters converted well (for UTF-8 and
	 * GB18030, the multi-byte ones), and input bytes shown as U+FFFD. */
	size_t valid;
	size_t replaced;
};

/* The most UTF-8 bytes `length` bytes of the source can become; for
 * CONVERT_UTF8_REPAIR, that have `invalid` bytes (as a pass that only
 * counted found them: conversion.replaced). */
size_t convert_bound(enum conversion_source source, size_t length, size_t invalid);

/* Appends bytes[0..length), converted, to conversion->out and adds to
 * its counts. -1 when GB18030 text is damaged beyond a byte in ten
 * characters, or an output that cannot grow is too small; out then holds
 * part of the text. */
int convert_text(struct conversion *conversion, const unsigned char *bytes, size_t length);

#endif
