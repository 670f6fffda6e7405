#include "tui/export_dialog.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buffer.h"
#include "base/utf8.h"
#include "export/formats.h"
#include "export/run.h"
#include "tui/colors.h"
#include "tui/draw.h"
#include "tui/picker.h"
#include "tui/prompt.h"

enum { NAME_CHARACTERS = 24 };

struct dialog {
	struct annotations *annotations;
	theme_set themes; /* 0: every theme */
	int every_speech;
	int format;
	char *path;
	int path_edited; /* the user typed a name: the format no longer renames it */
};

/* <title>-excerpts.<ext> in the current directory, the title cut short and
 * made safe for a file name. */
static void default_path(struct dialog *dialog)
{
	const struct speech *speech = dialog->annotations->speech;
	struct buffer name = {0};
	const char *title = dialog->every_speech ? "pizhu" : paragraph_text(speech, 0);
	size_t length = dialog->every_speech ? strlen(title) : speech->paragraphs[0].length;
	length = utf8_advance(title, length, NAME_CHARACTERS);
	for (size_t i = 0; i < length; i++) {
		char byte = title[i];
		buffer_append_byte(
		    &name, byte == '/' || byte == ' ' || (unsigned char)byte < 0x20 ? '-' : byte);
	}
	buffer_printf(&name, "-excerpts.%s", export_formats[dialog->format].extension);
	free(dialog->path);
	dialog->path = buffer_string(&name);
}

static void draw_dialog(const struct dialog *dialog)
{
	int width = COLS > 70 ? 70 : COLS, rows = 8;
	int top = (LINES - rows) / 2, left = (COLS - width) / 2;
	struct buffer themes = {0};
	if (dialog->themes)
		annotations_theme_names(dialog->annotations, dialog->themes, "、", &themes);
	else
		buffer_append_string(&themes, "every theme");
	buffer_string(&themes);
	const char *labels[] = {"Themes  (t)", "Speeches (s)", "Format  (f)", "File    (e)"};
	const char *values[] = {themes.data, dialog->every_speech ? "every speech" : "this speech",
				export_formats[dialog->format].name, dialog->path};
	for (int row = 0; row < rows; row++)
		draw_fill(stdscr, top + row, left, width, ' ', colors_attr(ELEMENT_TEXT));
	const char *title = "Export excerpts";
	draw_fill(stdscr, top, left, width, ' ', colors_attr(ELEMENT_STATUS));
	draw_text(stdscr, top, left + 1, title, strlen(title), width - 2,
		  colors_attr(ELEMENT_STATUS));
	for (int i = 0; i < 4; i++) {
		int column = draw_text(stdscr, top + 2 + i, left + 2, labels[i], strlen(labels[i]),
				       width - 4, colors_attr(ELEMENT_HELP_KEY));
		draw_text(stdscr, top + 2 + i, left + 4 + column, values[i], strlen(values[i]),
			  width - 6 - column, colors_attr(ELEMENT_TEXT));
	}
	const char *hint = "Enter: export   Esc: cancel";
	draw_fill(stdscr, top + rows - 1, left, width, ' ', colors_attr(ELEMENT_STATUS));
	draw_text(stdscr, top + rows - 1, left + 1, hint, strlen(hint), width - 2,
		  colors_attr(ELEMENT_STATUS));
	refresh();
	buffer_free(&themes);
}

static int run_export(struct dialog *dialog, char *message, size_t message_size)
{
	struct annotations *annotations = dialog->annotations;
	struct store_excerpt_theme *themes =
	    xcalloc(annotations->theme_count ? annotations->theme_count : 1, sizeof *themes);
	int64_t *theme_ids =
	    xcalloc(annotations->theme_count ? annotations->theme_count : 1, sizeof *theme_ids);
	size_t count = 0;
	for (size_t t = 0; t < annotations->theme_count; t++) {
		if (dialog->themes && !(dialog->themes & ((theme_set)1 << t)))
			continue;
		themes[count] = (struct store_excerpt_theme){annotations->themes[t].id,
							     annotations->themes[t].name,
							     annotations->themes[t].color};
		theme_ids[count++] = annotations->themes[t].id;
	}
	int64_t speech = annotations->document_id;
	struct export_job job = {
	    .selection =
		{
		    .speech_ids = dialog->every_speech ? NULL : &speech,
		    .speech_count = dialog->every_speech ? 0 : 1,
		    .theme_ids = dialog->themes ? theme_ids : NULL,
		    .theme_count = dialog->themes ? count : 0,
		},
	    .themes = themes,
	    .theme_count = count,
	    .every_theme = dialog->themes == 0,
	    .format = (enum export_format)dialog->format,
	    .grouping = EXPORT_BY_THEME,
	    .path = dialog->path,
	};
	struct error error;
	int status = export_run(annotations->store, &job, &error);
	if (status != 0)
		snprintf(message, message_size, "not exported: %s", error.message);
	else if (job.format == EXPORT_MATRIX)
		snprintf(message, message_size, "exported the matrix to %s", dialog->path);
	else
		snprintf(message, message_size, "exported %zu excerpts to %s", job.excerpts,
			 dialog->path);
	free(themes);
	free(theme_ids);
	return status == 0 ? 1 : -1;
}

int export_dialog_run(struct annotations *annotations, theme_set themes, char *message,
		      size_t message_size, volatile const int *stop)
{
	struct dialog dialog = {.annotations = annotations, .themes = themes};
	default_path(&dialog);
	int result = 0;
	for (;;) {
		draw_dialog(&dialog);
		int key = getch();
		if (*stop)
			break;
		int resized;
		if (key == 't') {
			theme_set chosen = dialog.themes;
			if (picker_run(annotations,
				       "Export these themes (none checked: every theme)", &chosen,
				       message, message_size, stop) == PICKER_APPLIED)
				dialog.themes = chosen;
			erase();
		} else if (key == 's') {
			dialog.every_speech = !dialog.every_speech;
			if (!dialog.path_edited)
				default_path(&dialog);
		} else if (key == 'f' || key == KEY_RIGHT || key == KEY_LEFT) {
			int count = (int)export_format_count;
			dialog.format = (dialog.format + (key == KEY_LEFT ? count - 1 : 1)) % count;
			if (!dialog.path_edited)
				default_path(&dialog);
		} else if (key == 'e') {
			char *path =
			    prompt_read(stdscr, LINES - 1, COLS, "export to: ", NULL, &resized);
			if (path && *path) {
				free(dialog.path);
				dialog.path = path;
				dialog.path_edited = 1;
			} else {
				free(path);
			}
			erase();
		} else if (key == '\n' || key == '\r' || key == KEY_ENTER) {
			result = run_export(&dialog, message, message_size);
			break;
		} else if (key == 27 || key == 'q') {
			break;
		}
	}
	free(dialog.path);
	return result;
}
