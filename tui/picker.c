/* picker.c — the theme picker view. */
#include "tui/picker.h"
#include "base/i18n.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui/colors.h"
#include "tui/draw.h"
#include "tui/prompt.h"

static void draw_picker(const struct paragraph_marks *annotations, const char *title,
			theme_set chosen, size_t selected)
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
		const struct mark_theme *theme = &annotations->themes[t];
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
	const char *hint = _("Space/key: flip  Enter: apply  n: new theme  Esc: cancel");
	draw_fill(stdscr, top + rows - 1, left, width, ' ', colors_attr(ELEMENT_STATUS));
	draw_text(stdscr, top + rows - 1, left + 1, hint, strlen(hint), width - 2,
		  colors_attr(ELEMENT_STATUS));
}

/* The lowest key 1..9 no theme has, or 0. */
static int free_key(const struct paragraph_marks *annotations)
{
	for (int key = 1; key <= 9; key++)
		if (marks_theme_by_key(annotations, key) < 0)
			return key;
	return 0;
}

struct picker {
	struct paragraph_marks *annotations;
	char *title;
	theme_set state;
	size_t selected;
	picker_done *done;
	void *context;
	char *message;
	size_t message_size;
	/* A new theme, asked for one prompt at a time. */
	struct view_driver *driver;
	char *new_name;
	int new_key;
};

struct picker_arguments {
	struct paragraph_marks *annotations;
	const char *title;
	theme_set chosen;
	picker_done *done;
	void *context;
	char *message;
	size_t message_size;
};

static void forget_new_theme(struct picker *picker)
{
	free(picker->new_name);
	picker->new_name = NULL;
}

static void new_theme_color(void *context, char *color)
{
	struct picker *picker = context;
	/* The reload may reorder the themes: the checks follow their ids. */
	int64_t checked[64]; /* a theme_set holds 64 */
	size_t checked_count = 0;
	for (size_t t = 0; t < picker->annotations->theme_count; t++)
		if (picker->state & ((theme_set)1 << t))
			checked[checked_count++] = picker->annotations->themes[t].id;
	struct error error;
	if (marks_add_theme(picker->annotations, picker->new_name, picker->new_key,
			    color ? color : "", &error) != 0)
		snprintf(picker->message, picker->message_size, _("could not add the theme: %s"),
			 error.message);
	else {
		snprintf(picker->message, picker->message_size, _("new theme %s on key %d"),
			 picker->new_name, picker->new_key);
		/* Made here to be used here: it comes checked. */
		picker->state = 0;
		for (size_t t = 0; t < picker->annotations->theme_count; t++) {
			int was_checked = 0;
			for (size_t c = 0; c < checked_count; c++)
				was_checked |= checked[c] == picker->annotations->themes[t].id;
			if (strcmp(picker->annotations->themes[t].name, picker->new_name) == 0) {
				was_checked = 1;
				picker->selected = t;
			}
			if (was_checked)
				picker->state |= (theme_set)1 << t;
		}
	}
	colors_set_themes(picker->annotations->themes, picker->annotations->theme_count);
	free(color);
	forget_new_theme(picker);
}

static void new_theme_key(void *context, char *key_text)
{
	struct picker *picker = context;
	if (!key_text) {
		colors_set_themes(picker->annotations->themes, picker->annotations->theme_count);
		forget_new_theme(picker);
		return;
	}
	if (*key_text) {
		picker->new_key = key_text[0] - '0';
		if (picker->new_key < 1 || picker->new_key > 9 || key_text[1]) {
			snprintf(picker->message, picker->message_size,
				 _("a theme key is a digit from 1 to 9"));
			free(key_text);
			forget_new_theme(picker);
			return;
		}
	}
	free(key_text);
	prompt_open(picker->driver, _("colour (red, green, … #c03030; Enter: none): "), NULL,
		    new_theme_color, picker);
}

static void new_theme_name(void *context, char *name)
{
	struct picker *picker = context;
	if (!name || !*name) {
		free(name);
		return;
	}
	forget_new_theme(picker);
	picker->new_name = name;
	picker->new_key = free_key(picker->annotations);
	char label[64];
	snprintf(label, sizeof label, _("key 1-9 (Enter: %d): "), picker->new_key);
	prompt_open(picker->driver, label, NULL, new_theme_key, picker);
}

static int picker_open_state(struct view *view, const void *arguments, struct error *error)
{
	(void)error;
	const struct picker_arguments *given = arguments;
	struct picker *picker = view->state;
	*picker = (struct picker){
	    .annotations = given->annotations,
	    .title = xstrdup(given->title),
	    .state = given->chosen,
	    .done = given->done,
	    .context = given->context,
	    .message = given->message,
	    .message_size = given->message_size,
	    .driver = view->driver,
	};
	return 0;
}

static void picker_draw(struct view *view)
{
	const struct picker *picker = view->state;
	draw_picker(picker->annotations, picker->title, picker->state, picker->selected);
}

static enum view_result picker_key(struct view *view, const struct view_key *key)
{
	struct picker *picker = view->state;
	struct paragraph_marks *annotations = picker->annotations;
	switch (view_key_request(key, PANE_PICKER)) {
	case REQUEST_PICKER_DOWN:
		if (picker->selected + 1 < annotations->theme_count)
			picker->selected++;
		break;
	case REQUEST_PICKER_UP:
		if (picker->selected > 0)
			picker->selected--;
		break;
	case REQUEST_PICKER_FLIP:
		if (annotations->theme_count)
			picker->state ^= (theme_set)1 << picker->selected;
		break;
	case REQUEST_PICKER_THEME: {
		int theme = marks_theme_by_key(annotations, view_key_code(key) - '0');
		if (theme >= 0) {
			picker->state ^= (theme_set)1 << theme;
			picker->selected = (size_t)theme;
		}
		break;
	}
	case REQUEST_PICKER_APPLY:
		picker->done(picker->context, picker->state);
		return VIEW_CLOSE;
	case REQUEST_PICKER_CANCEL:
		return VIEW_CLOSE;
	case REQUEST_PICKER_NEW:
		prompt_open(view->driver, _("new theme name: "), NULL, new_theme_name, picker);
		break;
	default:
		break;
	}
	return VIEW_HANDLED;
}

static void picker_close(struct view *view)
{
	struct picker *picker = view->state;
	free(picker->title);
	forget_new_theme(picker);
}

static const struct view_ops picker_ops = {
    .name = "picker",
    .state_size = sizeof(struct picker),
    .overlay = 1,
    .open = picker_open_state,
    .draw = picker_draw,
    .key = picker_key,
    .close = picker_close,
};

struct view *picker_open(struct view_driver *driver, struct paragraph_marks *annotations,
			 const char *title, theme_set chosen, picker_done *done, void *context,
			 char *message, size_t message_size)
{
	struct picker_arguments arguments = {annotations, title,   chosen,	done,
					     context,	  message, message_size};
	struct error error;
	return view_open(driver, &picker_ops, &arguments, &error);
}
