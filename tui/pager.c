#include "tui/pager.h"

#include <curses.h>
#include <string.h>

#include "tui/draw.h"

void pager_show(const char *title, const struct pager_line *lines, size_t count, int close_key,
		volatile const int *stop)
{
	size_t top = 0;
	for (;;) {
		int rows = LINES, columns = COLS;
		int body = rows > 2 ? rows - 2 : 1;
		erase();
		draw_fill(stdscr, 0, 0, columns, ' ', colors_attr(ELEMENT_STATUS));
		draw_text(stdscr, 0, 1, title, strlen(title), columns - 2,
			  colors_attr(ELEMENT_STATUS));
		for (int row = 0; row < body && top + (size_t)row < count; row++) {
			const struct pager_line *line = &lines[top + (size_t)row];
			draw_text(stdscr, row + 1, 1, line->text, line->length, columns - 2,
				  colors_attr(line->element));
		}
		if (rows > 2) {
			const char *hint = "q: close   j/k, Space/b: scroll";
			draw_fill(stdscr, rows - 1, 0, columns, ' ', colors_attr(ELEMENT_STATUS));
			draw_text(stdscr, rows - 1, 1, hint, strlen(hint), columns - 2,
				  colors_attr(ELEMENT_STATUS));
		}
		refresh();
		int key = getch();
		if (*stop)
			return;
		size_t last_top = count > (size_t)body ? count - (size_t)body : 0;
		switch (key) {
		case ERR:
		case KEY_RESIZE:
			break;
		case 'j':
		case KEY_DOWN:
			if (top < last_top)
				top++;
			break;
		case 'k':
		case KEY_UP:
			if (top > 0)
				top--;
			break;
		case ' ':
		case KEY_NPAGE:
		case 6:
			top = top + (size_t)body < last_top ? top + (size_t)body : last_top;
			break;
		case 'b':
		case KEY_PPAGE:
		case 2:
			top = top > (size_t)body ? top - (size_t)body : 0;
			break;
		case 'g':
		case KEY_HOME:
			top = 0;
			break;
		case 'G':
		case KEY_END:
			top = last_top;
			break;
		case 'q':
		case 27:
			return;
		default:
			if (key == close_key)
				return;
		}
	}
}
