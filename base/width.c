#include "base/width.h"

#include <limits.h>
#include <uniwidth.h>

#include "base/utf8.h"

/* Where libunistring 1.0's uc_width() and glibc 2.36's wcwidth() disagree on
 * an assigned code point, glibc wins: ncursesw positions by wcwidth(). */
static const struct {
	unsigned first, last;
	int width;
} glibc_widths[] = {
    {0x0600, 0x0605, 1},   /* Arabic number signs: prepended marks, Cf */
    {0x06DD, 0x06DD, 1},   /* Arabic end of ayah */
    {0x070F, 0x070F, 1},   /* Syriac abbreviation mark */
    {0x0890, 0x0891, 1},   /* Arabic pound and piastre marks */
    {0x08E2, 0x08E2, 1},   /* Arabic disputed end of ayah */
    {0x0CBF, 0x0CBF, 0},   /* Kannada vowel sign I, Mn */
    {0x0CC6, 0x0CC6, 0},   /* Kannada vowel sign E, Mn */
    {0x3248, 0x324F, 2},   /* circled numbers on black squares */
    {0x4DC0, 0x4DFF, 2},   /* Yijing hexagram symbols */
    {0x110BD, 0x110BD, 1}, /* Kaithi number sign */
    {0x110CD, 0x110CD, 1}, /* Kaithi number sign above */
    {0x11A07, 0x11A08, 0}, /* Zanabazar square vowel signs, Mn */
    {0x11C3F, 0x11C3F, 0}, /* Bhaiksuki sign virama, Mn */
};

/* Width as glibc wcwidth() gives it, with 1 where wcwidth() says -1. */
static int narrow_width(unsigned codepoint)
{
	/* Fast paths for the common cases: everything below U+0300 is one
	 * column (U+00AD, zero in libunistring, is one in glibc), and the
	 * unified ideographs are two. */
	if (codepoint < 0x300)
		return 1;
	if (codepoint >= 0x4E00 && codepoint <= 0x9FFF)
		return 2;
	for (size_t i = 0; i < sizeof glibc_widths / sizeof *glibc_widths; i++)
		if (codepoint >= glibc_widths[i].first && codepoint <= glibc_widths[i].last)
			return glibc_widths[i].width;
	int width = uc_width(codepoint, "UTF-8");
	return width < 0 ? 1 : width;
}

int codepoint_width(unsigned codepoint, int ambiguous_wide)
{
	int width = narrow_width(codepoint);
	/* libunistring widens ambiguous characters for a legacy CJK encoding.
	 * "GB18030" is not on its list of such encodings; "GBK" is. */
	if (ambiguous_wide && width == 1 && codepoint >= 0xA1 && uc_width(codepoint, "GBK") == 2)
		return 2;
	return width;
}

int text_width(const char *utf8, size_t length, int ambiguous_wide)
{
	const unsigned char *bytes = (const unsigned char *)utf8;
	int total = 0;
	size_t i = 0;
	while (i < length) {
		size_t step;
		long codepoint = utf8_decode(bytes + i, length - i, &step);
		int width = codepoint_width(codepoint < 0 ? UTF8_REPLACEMENT : (unsigned)codepoint,
					    ambiguous_wide);
		if (total > INT_MAX - width)
			return INT_MAX;
		total += width;
		i += step;
	}
	return total;
}
