#include "export/internal.h"
#include "store/theme_file.h"

enum { DEFAULT_GREY = 0x7f8c8d };

/* The eight colour names, in terminal order, in tones that print and read
 * well on white: the terminal's pure yellow or white would vanish. */
static const uint32_t named[8] = {0x2c3e50, 0xc0392b, 0x27ae60, 0xb7950b,
				  0x2e86c1, 0x8e44ad, 0x138d75, 0x95a5a6};
static const uint32_t bright[8] = {0x566573, 0xe74c3c, 0x2ecc71, 0xd4ac0d,
				   0x5dade2, 0xaf7ac5, 0x1abc9c, 0xbdc3c7};

/* The xterm 256-colour palette past the first 16: a 6×6×6 cube, then 24
 * greys. */
static uint32_t palette(unsigned index)
{
	if (index < 8)
		return named[index];
	if (index < 16)
		return bright[index - 8];
	if (index >= 232) {
		uint32_t grey = 8 + 10 * (index - 232);
		return grey << 16 | grey << 8 | grey;
	}
	static const uint32_t level[6] = {0x00, 0x5f, 0x87, 0xaf, 0xd7, 0xff};
	index -= 16;
	return level[index / 36] << 16 | level[index / 6 % 6] << 8 | level[index % 6];
}

uint32_t export_color_rgb(const char *color)
{
	struct theme_color parsed;
	if (!color || theme_color_parse(color, &parsed) != 0 || parsed.kind == THEME_COLOR_DEFAULT)
		return DEFAULT_GREY;
	return parsed.kind == THEME_COLOR_RGB ? parsed.rgb : palette((unsigned)parsed.index);
}
