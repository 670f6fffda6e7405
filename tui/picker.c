#include "tui/picker.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui/colors.h"
#include "tui/draw.h"
#include "tui/prompt.h"

static void draw_picker(const struct annotations *annotations, const char *title, theme_set chosen,
			size_t selected)
{
	int rows = (int)annotations->theme_count + 4;
	int width = COLS > 60 ? 60 : COLS;
	if (rows > LINES - 1)
		rows = LINES - 1;
	int top = (LINES - rows) / 2, left = (COLS - width) / 2;
	for (int row = 0; row < rows; row++)
		draw_fill(stdscr, top + row, left, width, ' ', colors_attr(ELEMENT_TEXT));
	draw_fill(stdscr, top, left, width, ' ', colors_attr(ELEMENT_STATUS));
	draw_text(stdscr, top, left + 1, title, strlen(title), width - 2,
		  colors_attr(ELEMENT_STATUS));
	int visible_rows = rows - 3;
	size_t first = selected >= (size_t)visible_rows ? selected - (size_t)visible_rows + 1 : 0;
	for (int row = 0; row < visible_rows && first + (size_t)row < annotations->theme_count;
	     row++) {
		size_t t = first + (size_t)row;
		const struct annotation_theme *theme = &annotations->themes[t];
		char line[64];
		snprintf(line, sizeof line, " [%s] %c ", chosen & ((theme_set)1 << t) ? "x" : " ",
			 theme->key ? '0' + theme->key : ' ');
		attr_t attributes = t == selected ? colors_attr(ELEMENT_OUTLINE_SELECTED)
						  : colors_attr(ELEMENT_TEXT);
		int y = top + 1 + row;
		if (t == selected)
			draw_fill(stdscr, y, left, width, ' ', attributes);
		int column =
		    draw_text(stdscr, y, left + 1, line, strlen(line), width - 2, attributes);
		column += draw_text(stdscr, y, left + 1 + column, "●", strlen("●"), 1,
				    colors_theme_attr(t));
		column += draw_text(stdscr, y, left + 1 + column, " ", 1, 1, attributes);
		draw_text(stdscr, y, left + 1 + column, theme->name, strlen(theme->name),
			  width - 2 - column, attributes);
	}
	const char *hint = "Space/key: flip  Enter: apply  n: new theme  Esc: cancel";
	draw_fill(stdscr, top + rows - 1, left, width, ' ', colors_attr(ELEMENT_STATUS));
	draw_text(stdscr, top + rows - 1, left + 1, hint, strlen(hint), width - 2,
		  colors_attr(ELEMENT_STATUS));
	refresh();
}

/* The lowest key 1..9 no theme has, or 0. */
static int free_key(const struct annotations *annotations)
{
	for (int key = 1; key <= 9; key++)
		if (annotations_theme_by_key(annotations, key) < 0)
			return key;
	return 0;
}

static void new_theme(struct annotations *annotations, char *message, size_t message_size)
{
	int resized;
	char *name = prompt_read(stdscr, LINES - 1, COLS, "new theme name: ", NULL, &resized);
	if (!name || !*name) {
		free(name);
		return;
	}
	char label[64];
	int suggested = free_key(annotations);
	snprintf(label, sizeof label, "key 1-9 (Enter: %d): ", suggested);
	char *key_text = prompt_read(stdscr, LINES - 1, COLS, label, NULL, &resized);
	int key = suggested;
	if (key_text && *key_text) {
		key = key_text[0] - '0';
		if (key < 1 || key > 9 || key_text[1]) {
			snprintf(message, message_size, "a theme key is a digit from 1 to 9");
			free(key_text);
			free(name);
			return;
		}
	}
	char *color =
	    key_text ? prompt_read(stdscr, LINES - 1, COLS,
				   "colour (red, green, … #c03030; Enter: none): ", NULL, &resized)
		     : NULL;
	struct error error;
	if (key_text &&
	    annotations_add_theme(annotations, name, key, color ? color : "", &error) != 0)
		snprintf(message, message_size, "could not add the theme: %s", error.message);
	else if (key_text)
		snprintf(message, message_size, "new theme %s on key %d", name, key);
	colors_set_themes(annotations->themes, annotations->theme_count);
	free(color);
	free(key_text);
	free(name);
}

enum picker_result picker_run(struct annotations *annotations, const char *title, theme_set *chosen,
			      char *message, size_t message_size, volatile const int *stop)
{
	theme_set state = *chosen;
	size_t selected = 0;
	for (;;) {
		draw_picker(annotations, title, state, selected);
		int key = getch();
		if (*stop)
			return PICKER_CANCELLED;
		switch (key) {
		case ERR:
		case KEY_RESIZE:
			erase();
			break;
		case 'j':
		case KEY_DOWN:
			if (selected + 1 < annotations->theme_count)
				selected++;
			break;
		case 'k':
		case KEY_UP:
			if (selected > 0)
				selected--;
			break;
		case ' ':
			if (annotations->theme_count)
				state ^= (theme_set)1 << selected;
			break;
		case '\n':
		case '\r':
		case KEY_ENTER:
			*chosen = state;
			return PICKER_APPLIED;
		case 27:
		case 'q':
			return PICKER_CANCELLED;
		case 'n':
			new_theme(annotations, message, message_size);
			erase();
			break;
		default:
			if (key >= '1' && key <= '9') {
				int theme = annotations_theme_by_key(annotations, key - '0');
				if (theme >= 0) {
					state ^= (theme_set)1 << theme;
					selected = (size_t)theme;
				}
			}
		}
	}
}
