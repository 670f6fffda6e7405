#include "tui/prompt.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "base/buffer.h"
#include "tui/colors.h"
#include "tui/draw.h"

enum { PROMPT_MAX_CHARACTERS = 512 };

static void draw_prompt(WINDOW *window, int y, int width, const char *label, const wchar_t *input,
			size_t length)
{
	struct buffer text = {0};
	buffer_append_string(&text, label);
	char bytes[MB_LEN_MAX];
	mbstate_t state;
	memset(&state, 0, sizeof state);
	for (size_t i = 0; i < length; i++) {
		size_t count = wcrtomb(bytes, input[i], &state);
		if (count != (size_t)-1)
			buffer_append(&text, bytes, count);
	}
	draw_fill(window, y, 0, width, ' ', colors_attr(ELEMENT_TEXT));
	/* Show the end of a long input. */
	size_t start = 0;
	int total = draw_width(text.data, text.length);
	while (total > width - 1 && start < text.length) {
		size_t step = 1;
		while (start + step < text.length &&
		       ((unsigned char)text.data[start + step] & 0xC0) == 0x80)
			step++;
		total -= draw_width(text.data + start, step);
		start += step;
	}
	int column = draw_text(window, y, 0, text.data + start, text.length - start, width - 1,
			       colors_attr(ELEMENT_TEXT));
	wmove(window, y, column);
	buffer_free(&text);
}

char *prompt_read(WINDOW *window, int y, int width, const char *label, const char *initial,
		  int *resized)
{
	wchar_t input[PROMPT_MAX_CHARACTERS];
	size_t length = 0;
	if (initial) {
		mbstate_t state;
		memset(&state, 0, sizeof state);
		const char *cursor = initial;
		size_t left = strlen(initial);
		while (left > 0 && length + 1 < PROMPT_MAX_CHARACTERS) {
			wchar_t character;
			size_t used = mbrtowc(&character, cursor, left, &state);
			if (used == 0 || used > left)
				break;
			input[length++] = character;
			cursor += used;
			left -= used;
		}
	}
	*resized = 0;
	curs_set(1);
	for (;;) {
		draw_prompt(window, y, width, label, input, length);
		wrefresh(window);
		wint_t key;
		int kind = wget_wch(window, &key);
		if (kind == ERR)
			continue;
		if (kind == KEY_CODE_YES) {
			if (key == KEY_RESIZE) {
				*resized = 1;
				getmaxyx(window, y, width);
				y--;
			} else if (key == KEY_BACKSPACE && length > 0) {
				length--;
			} else if (key == KEY_ENTER) {
				break;
			}
			continue;
		}
		if (key == 27 || key == 3 || key == 7) {
			curs_set(0);
			return NULL;
		}
		if (key == '\n' || key == '\r')
			break;
		if (key == 127 || key == 8) {
			if (length > 0)
				length--;
			else {
				curs_set(0);
				return NULL;
			}
			continue;
		}
		if (key == 21) {
			length = 0;
			continue;
		}
		if (key < 0x20 || length + 1 >= PROMPT_MAX_CHARACTERS)
			continue;
		input[length++] = (wchar_t)key;
	}
	curs_set(0);
	struct buffer result = {0};
	char bytes[MB_LEN_MAX];
	mbstate_t state;
	memset(&state, 0, sizeof state);
	for (size_t i = 0; i < length; i++) {
		size_t count = wcrtomb(bytes, input[i], &state);
		if (count != (size_t)-1)
			buffer_append(&result, bytes, count);
	}
	return buffer_string(&result);
}
