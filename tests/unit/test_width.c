/* Display width: agreement with glibc wcwidth(), ambiguous width, safety. */
#include <locale.h>
#include <wchar.h>

#include "base/width.h"
#include "tap.h"

/* Every code point glibc gives a width must get the same width from us:
 * ncursesw moves the cursor by wcwidth(), so any difference misaligns the
 * screen. Skipped where no UTF-8 locale exists. */
static void agrees_with_wcwidth(void)
{
	if (!setlocale(LC_CTYPE, "C.UTF-8") && !setlocale(LC_CTYPE, "en_US.UTF-8")) {
		tap_skip("no UTF-8 locale for wcwidth");
		return;
	}
	unsigned compared = 0, differ = 0;
	for (unsigned c = 0; c < 0x110000; c++) {
		int expected = wcwidth((wchar_t)c);
		if (expected < 0 || c == 0)
			continue; /* unassigned or a control: ours count 1 */
		compared++;
		int got = codepoint_width(c, 0);
		if (got != expected && differ++ < 10)
			printf("#   U+%04X: width %d, wcwidth %d\n", c, got, expected);
	}
	ok(compared > 100000 && differ == 0, "agrees with wcwidth on %u code points (%u differ)",
	   compared, differ);
	setlocale(LC_CTYPE, "C");
}

int main(void)
{
	agrees_with_wcwidth();

	is_int(codepoint_width('a', 0), 1, "ASCII letter");
	is_int(codepoint_width(0x4E2D, 0), 2, "中");
	is_int(codepoint_width(0xFF0C, 0), 2, "fullwidth comma");
	is_int(codepoint_width(0x3000, 0), 2, "ideographic space");
	is_int(codepoint_width(0x20000, 0), 2, "CJK extension B");
	is_int(codepoint_width(0x1F600, 0), 2, "emoji");
	is_int(codepoint_width(0x0301, 0), 0, "combining acute");
	is_int(codepoint_width(0x200B, 0), 0, "zero-width space");
	is_int(codepoint_width(0xFE0F, 0), 0, "variation selector");
	is_int(codepoint_width(0x4DC0, 0), 2, "hexagram (glibc: wide)");

	/* East Asian Ambiguous: narrow by default, wide on request. */
	static const unsigned ambiguous[] = {0x201C, 0x201D, 0x2018, 0x2019, 0x2026,
					     0x2014, 0x00B7, 0x2460, 0x00D7, 0x2103};
	for (size_t i = 0; i < sizeof ambiguous / sizeof *ambiguous; i++) {
		is_int(codepoint_width(ambiguous[i], 0), 1, "U+%04X narrow", ambiguous[i]);
		is_int(codepoint_width(ambiguous[i], 1), 2, "U+%04X wide", ambiguous[i]);
	}
	/* ambiguous_wide changes nothing else. */
	is_int(codepoint_width('a', 1), 1, "ASCII stays narrow when ambiguous is wide");
	is_int(codepoint_width(0x4E2D, 1), 2, "中 stays 2 when ambiguous is wide");
	is_int(codepoint_width(0x0301, 1), 0, "combining stays 0 when ambiguous is wide");
	is_int(codepoint_width(0xFF61, 1), 1, "halfwidth katakana stop stays narrow");

	/* Controls never reach here, but must not give a negative width. */
	is_int(codepoint_width(0, 0), 1, "NUL counts 1");
	is_int(codepoint_width(0x1B, 0), 1, "ESC counts 1");
	is_int(codepoint_width(0x7F, 0), 1, "DEL counts 1");
	is_int(codepoint_width(0x9B, 1), 1, "C1 counts 1, also when ambiguous is wide");
	is_int(codepoint_width(0x110000, 0), 1, "beyond Unicode counts 1");

	is_int(text_width("", 0, 0), 0, "empty text");
	is_int(text_width("abc", 3, 0), 3, "ASCII text");
	is_int(text_width("中文abc", strlen("中文abc"), 0), 7, "mixed text");
	is_int(text_width("“中”", strlen("“中”"), 0), 4, "quotes narrow");
	is_int(text_width("“中”", strlen("“中”"), 1), 6, "quotes wide");
	is_int(text_width("e\xCC\x81", 3, 0), 1, "e + combining acute is 1 column");
	is_int(text_width("a\xFF\xE4\xB8", 4, 0), 4, "invalid bytes count 1 each");
	is_int(text_width("中文", 3, 0), 2, "length is in bytes");
	return tap_done();
}
