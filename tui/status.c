#include "tui/status.h"

#include <stdio.h>
#include <string.h>

#include "base/i18n.h"
#include "tui/colors.h"
#include "tui/draw.h"

static const char separator[] = " › ";

/* The title's share of a full status line: enough to tell the speech. */
enum { TITLE_COLUMNS = 16 };

static void append_cut(struct buffer *out, const char *text, size_t length, int columns)
{
	int used;
	size_t fit = draw_fit(text, length, columns, &used);
	if (fit < length) {
		fit = draw_fit(text, length, columns - 1, &used);
		buffer_append(out, text, fit);
		buffer_append_string(out, "…");
	} else {
		buffer_append(out, text, fit);
	}
}

void status_breadcrumb(const struct speech *speech, size_t paragraph, int label_columns,
		       struct buffer *out)
{
	size_t chain[16];
	size_t depth = 0;
	for (long entry = (long)speech->paragraphs[paragraph].section; entry > 0 && depth < 16;
	     entry = speech->outline[entry].parent)
		chain[depth++] = (size_t)entry;
	while (depth-- > 0) {
		const struct outline_entry *entry = &speech->outline[chain[depth]];
		if (out->length > 0)
			buffer_append_string(out, separator);
		append_cut(out, paragraph_text(speech, entry->paragraph),
			   speech->paragraphs[entry->paragraph].label_length, label_columns);
	}
	buffer_string(out);
}

void status_draw(WINDOW *window, int y, int width, const struct paragraph_marks *annotations,
		 size_t paragraph, const char *message, int message_is_error)
{
	const struct speech *speech = annotations->speech;
	attr_t attributes = colors_attr(ELEMENT_STATUS);
	draw_fill(window, y, 0, width, ' ', attributes);
	size_t last = speech->paragraph_count > 1 ? speech->paragraph_count - 1 : 1;
	/* The paragraph's themes in brackets, then where it is. */
	struct buffer right = {0};
	unsigned more = annotations->more_tags ? annotations->more_tags[paragraph] : 0;
	if (annotations->tags[paragraph] || more) {
		buffer_append_string(&right, " [");
		marks_theme_names(annotations, annotations->tags[paragraph], " ", &right);
		/* Themes past the ones the reader tracks: counted, never hidden
		 * (pizhu tags lists them all). */
		if (more)
			buffer_printf(&right, _("%s+%u more"),
				      annotations->tags[paragraph] ? " " : "", more);
		buffer_append_string(&right, "]");
	}
	buffer_printf(&right, " ¶%zu/%zu %3zu%% ", paragraph, speech->paragraph_count - 1,
		      paragraph * 100 / last);
	int right_width = draw_width(right.data, right.length);
	int left_width = width - right_width - 1;
	if (left_width < 0) {
		draw_text(window, y, 0, right.data, right.length, width, attributes);
		buffer_free(&right);
		return;
	}
	draw_text(window, y, width - right_width, right.data, right.length, right_width,
		  attributes | A_BOLD);
	buffer_free(&right);
	if (message && *message) {
		draw_text(window, y, 1, message, strlen(message), left_width,
			  colors_attr(message_is_error ? ELEMENT_STATUS_MESSAGE : ELEMENT_STATUS));
		return;
	}
	/* Each heading whole while the line has room beside the first
	 * TITLE_COLUMNS of the title, else cut shorter and shorter, down to
	 * 18 columns a heading. */
	struct buffer crumbs = {0};
	int label_columns = left_width, crumbs_width = 0;
	for (;;) {
		crumbs.length = 0;
		status_breadcrumb(speech, paragraph, label_columns, &crumbs);
		crumbs_width = draw_width(crumbs.data, crumbs.length);
		if (crumbs_width + 3 + TITLE_COLUMNS <= left_width - 1 || label_columns <= 18)
			break;
		label_columns = label_columns - 4 > 18 ? label_columns - 4 : 18;
	}
	struct buffer line = {0};
	const struct paragraph *title = &speech->paragraphs[0];
	/* The breadcrumb matters more than the title, which the outline pane
	 * shows anyway: the title gives way first. */
	int title_room = left_width - 1 - crumbs_width - (crumbs.length ? 3 : 0);
	if (title_room >= 8) {
		append_cut(&line, paragraph_text(speech, 0), title->length, title_room);
		if (crumbs.length)
			buffer_append_string(&line, separator);
	}
	buffer_append(&line, crumbs.data, crumbs.length);
	draw_text(window, y, 1, line.data, line.length, left_width - 1, attributes | A_BOLD);
	buffer_free(&line);
	buffer_free(&crumbs);
}
