#include <stdlib.h>
#include <string.h>

#include "export/internal.h"

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
	static const char *const names[8] = {"black", "red",	 "green", "yellow",
					     "blue",  "magenta", "cyan",  "white"};
	if (!color || !*color)
		return DEFAULT_GREY;
	if (color[0] == '#' && strlen(color) == 7 &&
	    strspn(color + 1, "0123456789abcdefABCDEF") == 6)
		return (uint32_t)strtoul(color + 1, NULL, 16);
	int is_bright = strncmp(color, "bright-", 7) == 0;
	const char *name = is_bright ? color + 7 : color;
	for (unsigned i = 0; i < 8; i++)
		if (strcmp(name, names[i]) == 0)
			return is_bright ? bright[i] : named[i];
	size_t digits = strspn(color, "0123456789");
	if (digits > 0 && digits <= 3 && color[digits] == '\0' && atoi(color) <= 255)
		return palette((unsigned)atoi(color));
	return DEFAULT_GREY;
}
