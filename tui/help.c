/* help.c — the help screen, made from the command table. */
#include "tui/help.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "base/buffer.h"
#include "tui/pager.h"
#include "tui/request.h"

struct help_lines {
	struct pager_line *lines;
	size_t count, capacity;
	struct buffer text;
	size_t *offsets;
};

/* A command's name as a bind line writes it: heading-next. */
static void append_name(struct buffer *out, const char *id)
{
	for (; *id; id++)
		buffer_append_byte(out, *id == '_' ? '-' : (char)tolower((unsigned char)*id));
}

struct view *help_open(struct view_driver *driver, struct error *error)
{
	struct help_lines help = {0};
	for (size_t i = 0; i < request_table_count; i++) {
		const struct request_info *info = &request_table[i];
		help.offsets = xrealloc(help.offsets, (help.count + 1) * sizeof *help.offsets);
		help.offsets[help.count++] = help.text.length;
		buffer_printf(&help.text, "%-8s  %-16s  %s  [", request_pane_name(info->pane),
			      info->keys, info->help);
		append_name(&help.text, info->id);
		buffer_append_string(&help.text, "]");
		buffer_append_byte(&help.text, '\0');
	}
	struct pager_line *lines = xcalloc(help.count, sizeof *lines);
	for (size_t i = 0; i < help.count; i++) {
		lines[i].text = help.text.data + help.offsets[i];
		lines[i].length = strlen(lines[i].text);
		lines[i].element = ELEMENT_TEXT;
	}
	struct view *view =
	    pager_open(driver, "pizhu — keys ([name] for a bind line in ~/.config/pizhu/config)",
		       lines, help.count, '?', error);
	free(lines);
	free(help.offsets);
	buffer_free(&help.text);
	return view;
}
