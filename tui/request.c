#include "tui/request.h"

#include <curses.h>
#include <string.h>

const struct request_info request_table[] = {
#define REQUEST_INFO(id, pane, keys, help) {REQUEST_##id, pane, keys, help},
    TUI_REQUESTS(REQUEST_INFO)
#undef REQUEST_INFO
};
const size_t request_table_count = sizeof request_table / sizeof request_table[0];

static const struct {
	const char *name;
	int code;
} named_keys[] = {
    {"Up", KEY_UP},
    {"Down", KEY_DOWN},
    {"Left", KEY_LEFT},
    {"Right", KEY_RIGHT},
    {"PgUp", KEY_PPAGE},
    {"PgDn", KEY_NPAGE},
    {"Home", KEY_HOME},
    {"End", KEY_END},
    {"Enter", '\n'},
    {"Tab", '\t'},
    {"Esc", 27},
    {"Space", ' '},
    {"Backspace", KEY_BACKSPACE},
};

/* Parses one key name ("j", "C-f", "PgDn"); -1 when unknown. */
static int request_key_code(const char *name, size_t length)
{
	if (length == 1)
		return (unsigned char)name[0];
	if (length == 3 && name[0] == 'C' && name[1] == '-')
		return name[2] & 0x1F;
	for (size_t i = 0; i < sizeof named_keys / sizeof named_keys[0]; i++)
		if (strlen(named_keys[i].name) == length &&
		    memcmp(named_keys[i].name, name, length) == 0)
			return named_keys[i].code;
	return -1;
}

static int keys_contain(const char *keys, int key)
{
	const char *cursor = keys;
	while (*cursor) {
		size_t length = strcspn(cursor, " ");
		if (length > 0 && request_key_code(cursor, length) == key)
			return 1;
		cursor += length;
		cursor += strspn(cursor, " ");
	}
	return 0;
}

static int is_enter(int key)
{
	return key == '\r' || key == KEY_ENTER;
}

enum request request_for_key(enum request_pane pane, int key)
{
	if (is_enter(key))
		key = '\n';
	if (key == 127 || key == 8)
		key = KEY_BACKSPACE;
	for (int pass = 0; pass < 2; pass++) {
		enum request_pane wanted = pass == 0 ? pane : PANE_GLOBAL;
		for (size_t i = 0; i < request_table_count; i++)
			if (request_table[i].pane == wanted &&
			    keys_contain(request_table[i].keys, key))
				return request_table[i].request;
	}
	return REQUEST_NONE;
}

void request_print_keys(void (*print_line)(const char *pane, const char *keys, const char *help,
					   void *context),
			void *context)
{
	static const char *const pane_names[] = {"anywhere", "reader", "outline", "library"};
	for (size_t i = 0; i < request_table_count; i++)
		print_line(pane_names[request_table[i].pane], request_table[i].keys,
			   request_table[i].help, context);
}
