/* width.h — how many terminal columns text takes. The one answer to that
 * question: layout, drawing and prompts all measure with these functions.
 *
 * Widths agree with glibc wcwidth() in a UTF-8 locale, because ncursesw
 * moves its cursor by wcwidth(): CJK ideographs and fullwidth forms take 2
 * columns; East Asian Ambiguous characters (“ ” ‘ ’ … — · ①) take 1;
 * combining marks and zero-width characters take 0. With `ambiguous_wide`
 * (for terminals set to draw “ ” … — wide) every character from U+00A1 to
 * U+FF60 that would take 1 column takes 2: libunistring's rule for legacy
 * CJK encodings. That covers the East Asian Ambiguous set, and also widens
 * a few characters that are not in it (Cyrillic, some accented Latin).
 *
 * No width is ever negative: a control character (cleaned text has none)
 * or an invalid byte counts 1 column. */
#ifndef PIZHU_BASE_WIDTH_H
#define PIZHU_BASE_WIDTH_H

#include <stddef.h>

/* Columns one code point takes: 0, 1 or 2. */
int codepoint_width(unsigned codepoint, int ambiguous_wide);

/* Columns utf8[0..length) takes (length in bytes), summed over its code
 * points; an invalid byte counts as U+FFFD. Saturates at INT_MAX. */
int text_width(const char *utf8, size_t length, int ambiguous_wide);

#endif
