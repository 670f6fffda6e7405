/* help.c — the help screen, made from the command table. */
#include "tui/help.h"

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

static void add_help_line(const char *pane, const char *keys, const char *help, void *context)
{
	struct help_lines *help_lines = context;
	help_lines->offsets =
	    xrealloc(help_lines->offsets, (help_lines->count + 1) * sizeof *help_lines->offsets);
	help_lines->offsets[help_lines->count++] = help_lines->text.length;
	buffer_printf(&help_lines->text, "%-8s  %-16s  %s", pane, keys, help);
	buffer_append_byte(&help_lines->text, '\0');
}

void help_show(volatile const int *stop)
{
	struct help_lines help = {0};
	request_print_keys(add_help_line, &help);
	struct pager_line *lines = xcalloc(help.count, sizeof *lines);
	for (size_t i = 0; i < help.count; i++) {
		lines[i].text = help.text.data + help.offsets[i];
		lines[i].length = strlen(lines[i].text);
		lines[i].element = ELEMENT_TEXT;
	}
	pager_show("pizhu — keys (outline: keys when the outline pane has focus)", lines,
		   help.count, '?', stop);
	free(lines);
	free(help.offsets);
	buffer_free(&help.text);
}
