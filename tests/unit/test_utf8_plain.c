/* utf8_plain_length: the fast scan cli_write_field uses to find what it
 * must replace. It must stop exactly where a loop over utf8_decode would,
 * or hostile text could reach a terminal (or good text be mangled). The
 * same for utf8_valid_length, the check of a library speech's text. */
#include "base/utf8.h"
#include "tap.h"

/* The definition: characters as utf8_decode reads them, stopping at an
 * invalid byte, a C0 control, DEL, a C1 control, a bidirectional
 * control or U+2028/U+2029. */
static size_t reference(const char *text, size_t length)
{
	for (size_t at = 0; at < length;) {
		size_t step;
		long c = utf8_decode((const unsigned char *)text + at, length - at, &step);
		if (c < 0x20 || (c >= 0x7F && c < 0xA0) || utf8_is_bidi_control(c) || c == 0x2028 ||
		    c == 0x2029)
			return at;
		at += step;
	}
	return length;
}

/* Where utf8_valid_length must stop: the first byte utf8_decode refuses. */
static size_t reference_valid(const char *text, size_t length)
{
	for (size_t at = 0; at < length;) {
		size_t step;
		if (utf8_decode((const unsigned char *)text + at, length - at, &step) < 0)
			return at;
		at += step;
	}
	return length;
}

/* Compares both scans with their definitions from every starting byte: after a replacement the
 * caller starts again anywhere, also inside a character. */
static int agrees(const unsigned char *bytes, size_t length)
{
	const char *text = (const char *)bytes;
	for (size_t from = 0; from <= length; from++)
		if (utf8_plain_length(text + from, length - from) !=
			reference(text + from, length - from) ||
		    utf8_valid_length(text + from, length - from) !=
			reference_valid(text + from, length - from))
			return 0;
	return 1;
}

/* Bytes at every boundary of the well-formed ranges, for the positions
 * after the lead byte. */
static const unsigned char edges[] = {
    0x00, 0x09, 0x0A, 0x1B, 0x1F, 0x20, 0x41, 0x7E, 0x7F, 0x80, 0x8F, 0x90, 0x9B, 0x9F, 0xA0, 0xAD,
    0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF,
    /* bidirectional controls: E2 80 8E, E2 80 AE, E2 81 A6, D8 9C */
    0xE2, 0x8E, 0xA8, 0xAE, 0x81, 0xA6, 0xA9, 0xD8, 0x9C};
enum { EDGES = sizeof edges };

static void exhaustive(void)
{
	unsigned differ = 0;
	unsigned char text[6];
	for (unsigned a = 0; a < 256; a++)
		for (unsigned b = 0; b < 256; b++) {
			text[0] = (unsigned char)a;
			text[1] = (unsigned char)b;
			text[2] = 'x';
			differ += !agrees(text, 2) + !agrees(text, 3);
		}
	ok(differ == 0, "every two-byte text, alone and followed by ASCII (%u differ)", differ);

	differ = 0;
	for (unsigned a = 0; a < 256; a++)
		for (unsigned b = 0; b < EDGES; b++)
			for (unsigned c = 0; c < EDGES; c++)
				for (unsigned d = 0; d < EDGES; d++) {
					text[0] = (unsigned char)a;
					text[1] = edges[b];
					text[2] = edges[c];
					text[3] = edges[d];
					text[4] = 0xE4; /* a truncated character after */
					differ += !agrees(text, 4) + !agrees(text, 5);
				}
	ok(differ == 0, "every lead byte with boundary bytes after it (%u differ)", differ);

	/* The same after a character and before two, where the scan takes
	 * six bytes at a time. */
	differ = 0;
	for (unsigned a = 0x80; a < 256; a++)
		for (unsigned b = 0; b < EDGES; b++)
			for (unsigned c = 0; c < EDGES; c++)
				for (unsigned d = 0; d < EDGES; d += 3) {
					unsigned char long_text[16];
					memcpy(long_text, "中", 3);
					long_text[3] = (unsigned char)a;
					long_text[4] = edges[b];
					long_text[5] = edges[c];
					long_text[6] = edges[d];
					memcpy(long_text + 7, "中文", 6);
					differ += !agrees(long_text, 13);
				}
	ok(differ == 0, "between characters, six bytes at a time (%u differ)", differ);
}

/* Random texts of boundary bytes and whole characters. */
static void random_texts(void)
{
	static const char *const pieces[] = {"a",
					     "中",
					     "\xC2\x85",
					     "\xC2\xA0",
					     "\x1B[",
					     "\t",
					     "\xF0\x9F\x98\x80",
					     "\xED\xA0\x80",
					     "\xE0\x80\xAF",
					     "\xC0\xAF",
					     "\x9B",
					     "\xE4\xB8",
					     "\x7F",
					     "\xF4\x90\x80\x80"};
	enum { PIECES = sizeof pieces / sizeof *pieces };
	unsigned state = 12345, differ = 0;
	for (int round = 0; round < 20000; round++) {
		unsigned char text[64];
		size_t length = 0;
		while (length < 40) {
			state = state * 1103515245u + 12345u;
			unsigned pick = (state >> 16) % (PIECES + EDGES);
			if (pick < PIECES) {
				size_t n = strlen(pieces[pick]);
				memcpy(text + length, pieces[pick], n);
				length += n;
			} else {
				text[length++] = edges[pick - PIECES];
			}
		}
		differ += !agrees(text, length);
	}
	ok(differ == 0, "20000 random texts (%u differ)", differ);
}

static void is_plain(const char *text, size_t expected, const char *name)
{
	is_int(utf8_plain_length(text, strlen(text)), expected, "%s", name);
}

int main(void)
{
	exhaustive();
	random_texts();

	is_plain("", 0, "empty text");
	is_plain("plain 中文 text，€ 😀", strlen("plain 中文 text，€ 😀"), "plain text is all plain");
	is_plain("ab\x1B[31m", 2, "stops at ESC");
	is_plain("ab\tc", 2, "stops at a tab");
	is_plain("ab\nc", 2, "stops at a newline");
	is_plain("ab\x7F", 2, "stops at DEL");
	is_plain("中\xC2\x9B"
		 "1m",
		 3, "stops at C1 CSI encoded as C2 9B");
	is_plain("中\xC2\x80", 3, "stops at C1 U+0080");
	is_plain("中\xC2\x9F", 3, "stops at C1 U+009F");
	is_plain("中\xC2\xA0", 5, "U+00A0 is plain");
	is_plain("中\x9B"
		 "1m",
		 3, "stops at a lone byte 9B");
	is_plain("中\x80", 3, "stops at a lone continuation byte");
	is_plain("中\xE4\xB8", 3, "stops at a truncated character");
	is_plain("中\xE4\xB8x", 3, "stops at a character cut short");
	is_plain("\xC0\xAF", 0, "stops at an overlong slash (C0 AF)");
	is_plain("\xE0\x80\xAF", 0, "stops at an overlong three-byte form");
	is_plain("\xF0\x80\x80\xAF", 0, "stops at an overlong four-byte form");
	is_plain("\xED\xA0\x80", 0, "stops at a surrogate");
	is_plain("\xF4\x90\x80\x80", 0, "stops above U+10FFFF");
	is_plain("\xF5\x80\x80\x80", 0, "stops at F5");
	is_plain("\xFF", 0, "stops at FF");
	is_int(utf8_plain_length("ab\0cd", 5), 2, "stops at NUL");
	is_int(utf8_valid_length("ab\0\x1B[\xC2\x9B中\xE4\xB8", 12), 10,
	       "valid: controls, C1 and NUL are valid, a cut character is not");
	return tap_done();
}
