/* help.c — the help screen, made from the command table. */
#include "tui/help.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "base/buffer.h"
#include "base/i18n.h"
#include "base/width.h"
#include "tui/pager.h"
#include "tui/request.h"

/* A command's name as a bind line writes it: heading-next. */
static void append_name(struct buffer *out, const char *id)
{
	for (; *id; id++)
		buffer_append_byte(out, *id == '_' ? '-' : (char)tolower((unsigned char)*id));
}

struct view *help_open(struct view_driver *driver, struct error *error)
{
	/* One line per request; the text first, as the buffer may move. */
	size_t count = request_table_count;
	size_t *offsets = xcalloc(count, sizeof *offsets);
	struct buffer text = {0};
	for (size_t i = 0; i < count; i++) {
		const struct request_info *info = &request_table[i];
		offsets[i] = text.length;
		/* Padded by columns, as a Chinese label is twice as wide. */
		const char *pane = request_pane_label(info->pane);
		int width = text_width(pane, strlen(pane), 0);
		buffer_printf(&text, "%s%*s  %-16s  %s  [", pane, width < 10 ? 10 - width : 0, "",
			      info->keys, _(info->help));
		append_name(&text, info->id);
		buffer_append_string(&text, "]");
	}
	struct pager_line *lines = xcalloc(count, sizeof *lines);
	for (size_t i = 0; i < count; i++)
		lines[i] = (struct pager_line){
		    text.data + offsets[i],
		    (i + 1 < count ? offsets[i + 1] : text.length) - offsets[i], ELEMENT_TEXT};
	struct view *view =
	    pager_open(driver, _("pizhu — keys ([name] for a bind line in ~/.config/pizhu/config)"),
		       lines, count, '?', error);
	free(lines);
	free(offsets);
	buffer_free(&text);
	return view;
}
