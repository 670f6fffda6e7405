/* pinyin.h — the order Chinese readers expect in a list of titles: Han
 * characters by their pinyin (阿 before 白 before 中), numbers by their
 * value (2 before 10), Latin letters in any case.
 *
 * The pinyin of each character (U+3400..U+9FFF) is the order of glibc's
 * zh_CN collation (iso14651_t1_pinyin, Debian's locales package), made
 * into a table at build time: sorting does not depend on a zh_CN locale
 * being generated, which servers seldom have. A character with several
 * readings has the one that table gives (重 as zhòng).
 *
 * Not ICU's zh collator: it gives the same order for titles, but would add
 * libicu (some 30 MB of data and a C++ runtime) to sort one list; the
 * generated table is 55 KB and compares without allocating. */
#ifndef PIZHU_BASE_PINYIN_H
#define PIZHU_BASE_PINYIN_H

#include <stddef.h>

struct buffer;

/* <0, 0 or >0 as a sorts before, with or after b: runs of ASCII digits
 * first, by value; then punctuation and symbols, by code point; then Latin
 * letters ignoring case; then Han characters by pinyin; then others by
 * code point. Texts equal so far are ordered by their bytes, so the order
 * is total. Either text may hold bytes that are not UTF-8. */
int pinyin_compare(const char *a, size_t a_length, const char *b, size_t b_length);

/* Appends to key the sort key of text: bytes whose order by memcmp (shorter
 * first when one is the start of the other, as SQLite orders BLOBs) is
 * pinyin_compare's order of the texts, so that an ordinary index can keep
 * titles in pinyin order (documents.title_key). The key is the weights of
 * the text's characters and numbers, a 0 byte, then the text itself. */
void pinyin_key(const char *text, size_t length, struct buffer *key);

#endif
