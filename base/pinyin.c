#include "base/pinyin.h"

#include <stdint.h>
#include <string.h>
#include <unistr.h>

#include "base/buffer.h"
#include "build/gen/pinyin_order.h"

/* The classes of the order, each above the one before. */
enum {
	CLASS_NUMBER = 1u << 24,
	CLASS_OTHER = 2u << 24,
	CLASS_LATIN = 3u << 24,
	CLASS_HAN = 4u << 24,
	CLASS_LATE = 5u << 24, /* Han without pinyin in the table, then the rest */
};

struct cursor {
	const uint8_t *at, *end;
};

static int is_digit(uint8_t byte)
{
	return byte >= '0' && byte <= '9';
}

/* The weight of the next character (not a digit), and steps past it. */
static uint32_t next_weight(struct cursor *cursor)
{
	ucs4_t c;
	int length = u8_mbtouc(&c, cursor->at, (size_t)(cursor->end - cursor->at));
	cursor->at += length > 0 ? length : 1;
	if (c >= 'A' && c <= 'Z')
		return CLASS_LATIN + (c - 'A' + 'a');
	if (c >= 'a' && c <= 'z')
		return CLASS_LATIN + c;
	if (c >= PINYIN_FIRST && c <= PINYIN_LAST && pinyin_rank[c - PINYIN_FIRST])
		return CLASS_HAN + pinyin_rank[c - PINYIN_FIRST];
	if (c >= 0x2E80 && c < 0x3000)
		return CLASS_OTHER + c; /* radicals */
	if ((c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || c >= 0x20000)
		return CLASS_LATE + c;
	return CLASS_OTHER + c;
}

/* Compares the digit runs at both cursors by value and steps past them. */
static int compare_numbers(struct cursor *a, struct cursor *b)
{
	while (a->at < a->end && *a->at == '0')
		a->at++;
	while (b->at < b->end && *b->at == '0')
		b->at++;
	const uint8_t *a_start = a->at, *b_start = b->at;
	while (a->at < a->end && is_digit(*a->at))
		a->at++;
	while (b->at < b->end && is_digit(*b->at))
		b->at++;
	size_t a_digits = (size_t)(a->at - a_start), b_digits = (size_t)(b->at - b_start);
	if (a_digits != b_digits)
		return a_digits < b_digits ? -1 : 1;
	int order = memcmp(a_start, b_start, a_digits);
	return order < 0 ? -1 : order > 0;
}

int pinyin_compare(const char *a_text, size_t a_length, const char *b_text, size_t b_length)
{
	struct cursor a = {(const uint8_t *)a_text, (const uint8_t *)a_text + a_length};
	struct cursor b = {(const uint8_t *)b_text, (const uint8_t *)b_text + b_length};
	while (a.at < a.end && b.at < b.end) {
		int a_number = is_digit(*a.at), b_number = is_digit(*b.at);
		if (a_number && b_number) {
			int order = compare_numbers(&a, &b);
			if (order)
				return order;
			continue;
		}
		uint32_t a_weight = a_number ? CLASS_NUMBER : next_weight(&a);
		uint32_t b_weight = b_number ? CLASS_NUMBER : next_weight(&b);
		if (a_weight != b_weight)
			return a_weight < b_weight ? -1 : 1;
	}
	if ((a.at < a.end) != (b.at < b.end))
		return a.at < a.end ? 1 : -1;
	size_t common = a_length < b_length ? a_length : b_length;
	int order = memcmp(a_text, b_text, common);
	if (order)
		return order < 0 ? -1 : 1;
	return a_length < b_length ? -1 : a_length > b_length;
}

static void append_u32(struct buffer *key, uint32_t value)
{
	char bytes[4] = {(char)(value >> 24), (char)(value >> 16), (char)(value >> 8), (char)value};
	buffer_append(key, bytes, sizeof bytes);
}

/* Each number and character becomes a run of bytes that starts with its
 * class (1 to 5, never 0) and that no other run begins: a number is its
 * class, its count of digits without leading zeros and those digits; any
 * other character its 4-byte weight. The 0 byte after the runs then sorts
 * a text before every longer one that starts with it, and the text itself
 * after that breaks ties as pinyin_compare does. */
void pinyin_key(const char *text, size_t length, struct buffer *key)
{
	struct cursor cursor = {(const uint8_t *)text, (const uint8_t *)text + length};
	while (cursor.at < cursor.end) {
		if (!is_digit(*cursor.at)) {
			append_u32(key, next_weight(&cursor));
			continue;
		}
		while (cursor.at < cursor.end && *cursor.at == '0')
			cursor.at++;
		const uint8_t *digits = cursor.at;
		while (cursor.at < cursor.end && is_digit(*cursor.at))
			cursor.at++;
		size_t count = (size_t)(cursor.at - digits);
		buffer_append_byte(key, (char)(CLASS_NUMBER >> 24));
		append_u32(key, count > UINT32_MAX ? UINT32_MAX : (uint32_t)count);
		buffer_append(key, digits, count);
	}
	buffer_append_byte(key, 0);
	buffer_append(key, text, length);
}
