/* export_dialog.c — the export dialog view. */
#include "tui/export_dialog.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buffer.h"
#include "base/i18n.h"
#include "base/user_dirs.h"
#include "base/utf8.h"
#include "export/formats.h"
#include "export/run.h"
#include "tui/colors.h"
#include "tui/draw.h"
#include "tui/picker.h"
#include "tui/prompt.h"

enum { NAME_CHARACTERS = 24 };

struct dialog {
	struct paragraph_marks *annotations;
	char *message; /* the opener's status line */
	size_t message_size;
	int *message_is_error;
	theme_set themes; /* 0: every theme */
	int every_speech;
	int format;
	char *folder; /* the documents folder (xdg-user-dirs), else HOME */
	char *path;
	int path_edited; /* the user typed a name: the format no longer renames it */
	int bom;	 /* CSV and matrix: a byte order mark, so that Excel reads UTF-8 */
};

/* <title>-excerpts.<ext> in the documents folder, the title cut short and
 * made safe for a file name. */
static void default_path(struct dialog *dialog)
{
	const struct speech *speech = dialog->annotations->speech;
	struct buffer name = {0};
	buffer_printf(&name, "%s/", dialog->folder);
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

static int takes_bom(const struct dialog *dialog)
{
	enum export_format format = export_formats[dialog->format].format;
	return format == EXPORT_CSV || format == EXPORT_MATRIX;
}

static void draw_dialog(const struct dialog *dialog)
{
	int width = COLS > 76 ? 76 : COLS, rows = 9;
	int top = (LINES - rows) / 2, left = (COLS - width) / 2;
	struct buffer themes = {0};
	if (dialog->themes)
		marks_theme_names(dialog->annotations, dialog->themes, "、", &themes);
	else
		buffer_append_string(&themes, _("every theme"));
	buffer_string(&themes);
	const char *labels[] = {_("Themes  (t)"), _("Speeches (s)"), _("Format  (f)"),
				_("BOM     (b)"), _("File    (e)")};
	const char *bom = !takes_bom(dialog) ? _("— (CSV only)")
			  : dialog->bom	     ? _("yes (Excel reads the Chinese right)")
					     : _("no");
	const char *values[] = {themes.data,
				dialog->every_speech ? _("every speech") : _("this speech"),
				export_formats[dialog->format].name, bom, dialog->path};
	for (int row = 0; row < rows; row++)
		draw_fill(stdscr, top + row, left, width, ' ', colors_attr(ELEMENT_TEXT));
	const char *title = _("Export excerpts");
	draw_fill(stdscr, top, left, width, ' ', colors_attr(ELEMENT_STATUS));
	draw_text(stdscr, top, left + 1, title, strlen(title), width - 2,
		  colors_attr(ELEMENT_STATUS));
	for (int i = 0; i < 5; i++) {
		int column = draw_text(stdscr, top + 2 + i, left + 2, labels[i], strlen(labels[i]),
				       width - 4, colors_attr(ELEMENT_HELP_KEY));
		/* The file's whole path, on a second line when it is long. */
		const char *value = values[i];
		size_t length = strlen(value);
		for (int line = 0; line < (i == 4 ? 2 : 1) && length > 0; line++) {
			size_t fit = draw_fit(value, length, width - 6 - column, NULL);
			if (line == 1)
				fit = length;
			draw_text(stdscr, top + 2 + i + line, left + 4 + column, value, fit,
				  width - 6 - column, colors_attr(ELEMENT_TEXT));
			value += fit;
			length -= fit;
		}
	}
	const char *hint = _("Enter: export   Esc: cancel");
	draw_fill(stdscr, top + rows - 1, left, width, ' ', colors_attr(ELEMENT_STATUS));
	draw_text(stdscr, top + rows - 1, left + 1, hint, strlen(hint), width - 2,
		  colors_attr(ELEMENT_STATUS));
	buffer_free(&themes);
}

static int run_export(struct dialog *dialog, char *message, size_t message_size)
{
	struct paragraph_marks *annotations = dialog->annotations;
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
	    .format = export_formats[dialog->format].format,
	    .grouping = EXPORT_BY_THEME,
	    .path = dialog->path,
	    .bom = takes_bom(dialog) && dialog->bom,
	};
	struct error error;
	int status = export_run(annotations->store, &job, &error);
	/* The whole path, so that the file can be found. */
	struct buffer written = {0};
	char *absolute = status == 0 ? realpath(dialog->path, NULL) : NULL;
	buffer_append_string(&written, absolute ? absolute : dialog->path);
	free(absolute);
	const char *path = buffer_string(&written);
	if (status != 0)
		snprintf(message, message_size, _("not exported: %s"), error.message);
	else if (job.format == EXPORT_MATRIX)
		snprintf(message, message_size, _("exported the matrix to %s"), path);
	else
		snprintf(
		    message, message_size,
		    P_("exported %zu excerpt to %s", "exported %zu excerpts to %s", job.excerpts),
		    job.excerpts, path);
	buffer_free(&written);
	free(themes);
	free(theme_ids);
	return status == 0 ? 1 : -1;
}

struct export_arguments {
	struct paragraph_marks *annotations;
	theme_set themes;
	char *message;
	size_t message_size;
	int *message_is_error;
};

static int dialog_open(struct view *view, const void *arguments, struct error *error)
{
	(void)error;
	const struct export_arguments *given = arguments;
	struct dialog *dialog = view->state;
	*dialog = (struct dialog){.annotations = given->annotations,
				  .message = given->message,
				  .message_size = given->message_size,
				  .message_is_error = given->message_is_error,
				  .themes = given->themes,
				  .bom = 1};
	struct buffer folder = {0};
	user_dirs_documents_folder(&folder);
	dialog->folder = buffer_string(&folder);
	default_path(dialog);
	return 0;
}

static void dialog_draw(struct view *view)
{
	draw_dialog(view->state);
}

static void themes_chosen(void *context, theme_set chosen)
{
	struct dialog *dialog = context;
	dialog->themes = chosen;
}

static void path_given(void *context, char *path)
{
	struct dialog *dialog = context;
	if (path && *path) {
		free(dialog->path);
		dialog->path = path;
		dialog->path_edited = 1;
	} else {
		free(path);
	}
}

static enum view_result dialog_key(struct view *view, const struct view_key *key)
{
	struct dialog *dialog = view->state;
	switch (view_key_request(key, PANE_EXPORT)) {
	case REQUEST_EXPORT_THEMES:
		picker_open(view->driver, dialog->annotations,
			    _("Export these themes (none checked: every theme)"), dialog->themes,
			    themes_chosen, dialog, dialog->message, dialog->message_size);
		break;
	case REQUEST_EXPORT_SPEECHES:
		dialog->every_speech = !dialog->every_speech;
		if (!dialog->path_edited)
			default_path(dialog);
		break;
	case REQUEST_EXPORT_FORMAT:
	case REQUEST_EXPORT_FORMAT_BACK: {
		int count = (int)export_format_count;
		int back = view_key_request(key, PANE_EXPORT) == REQUEST_EXPORT_FORMAT_BACK;
		dialog->format = (dialog->format + (back ? count - 1 : 1)) % count;
		if (!dialog->path_edited)
			default_path(dialog);
		break;
	}
	case REQUEST_EXPORT_BOM:
		dialog->bom = !dialog->bom;
		break;
	case REQUEST_EXPORT_FILE:
		prompt_open(view->driver, _("export to: "), NULL, path_given, dialog);
		break;
	case REQUEST_EXPORT_RUN:
		*dialog->message_is_error =
		    run_export(dialog, dialog->message, dialog->message_size) < 0;
		return VIEW_CLOSE;
	case REQUEST_EXPORT_CANCEL:
		return VIEW_CLOSE;
	default:
		break;
	}
	return VIEW_HANDLED;
}

static void dialog_close(struct view *view)
{
	struct dialog *dialog = view->state;
	free(dialog->path);
	free(dialog->folder);
}

static const struct view_ops export_dialog_ops = {
    .name = "export",
    .state_size = sizeof(struct dialog),
    .overlay = 1,
    .open = dialog_open,
    .draw = dialog_draw,
    .key = dialog_key,
    .close = dialog_close,
};

struct view *export_dialog_open(struct view_driver *driver, struct paragraph_marks *annotations,
				theme_set themes, char *message, size_t message_size,
				int *message_is_error)
{
	struct export_arguments arguments = {annotations, themes, message, message_size,
					     message_is_error};
	struct error error;
	return view_open(driver, &export_dialog_ops, &arguments, &error);
}
