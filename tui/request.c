/* request.c — key lookup through the command table and the user's
 * bindings. */
#include "tui/request.h"

#include <ctype.h>
#include <curses.h>
#include <string.h>

#include "base/i18n.h"
#include "base/utf8.h"

const struct request_info request_table[] = {
#define REQUEST_INFO(id, pane, keys, help) {REQUEST_##id, #id, pane, keys, help},
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
    {"Delete", KEY_DC},
};

static const char *const pane_names[] = {
    "anywhere", "reader", "outline", "library", "pager",
    "picker",	"export", "editor",  "prompt",	"question",
};

/* The user's bind lines, newest last; a later one wins. */
enum { BINDINGS_MAX = 256 };
static struct binding {
	enum request_pane pane;
	int key;
	enum request request;
} bindings[BINDINGS_MAX];
static size_t binding_count;

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
		for (size_t i = binding_count; i-- > 0;)
			if (bindings[i].pane == wanted && bindings[i].key == key)
				return bindings[i].request;
		for (size_t i = 0; i < request_table_count; i++)
			if (request_table[i].pane == wanted &&
			    keys_contain(request_table[i].keys, key))
				return request_table[i].request;
	}
	return REQUEST_NONE;
}

const char *request_pane_name(enum request_pane pane)
{
	return pane_names[pane];
}

const char *request_pane_label(enum request_pane pane)
{
	/* The same words as pane_names, marked: a bind line takes the
	 * English name whatever the language. */
	static const char *const labels[] = {
	    N_("anywhere"), N_("reader"), N_("outline"), N_("library"), N_("pager"),
	    N_("picker"),   N_("export"), N_("editor"),	 N_("prompt"),	N_("question"),
	};
	return _(labels[pane]);
}

/* Whether a request name (heading-next) names the table's ID
 * (HEADING_NEXT). */
static int names_request(const char *name, const char *id)
{
	for (; *name && *id; name++, id++)
		if ((*name == '-' ? '_' : toupper((unsigned char)*name)) != *id)
			return 0;
	return *name == '\0' && *id == '\0';
}

int request_bind(const char *pane_name, const char *key_name, const char *request_name,
		 struct error *error)
{
	/* The words are quoted in the messages below, which go to a
	 * terminal. */
	const char *const words[] = {pane_name, key_name, request_name};
	for (size_t i = 0; i < 3; i++) {
		const char *problem = utf8_text_problem(words[i], strlen(words[i]));
		if (problem)
			return error_set(error, _("a bind line holds %s"), problem);
	}
	size_t pane = 0;
	while (pane < sizeof pane_names / sizeof pane_names[0] &&
	       strcmp(pane_names[pane], pane_name) != 0)
		pane++;
	if (pane == sizeof pane_names / sizeof pane_names[0])
		return error_set(error,
				 _("no view or dialog is named '%s' (reader, outline, library, "
				   "pager, picker, export, editor, prompt, question, anywhere)"),
				 pane_name);
	int key = request_key_code(key_name, strlen(key_name));
	if (key < 0 || strchr(key_name, ' '))
		return error_set(error,
				 _("'%s' is not a key (a character, C-x, or Up Down Left Right "
				   "PgUp PgDn Home End Enter Tab Esc Space Backspace Delete)"),
				 key_name);
	size_t i = 0;
	while (i < request_table_count && !names_request(request_name, request_table[i].id))
		i++;
	if (i == request_table_count)
		return error_set(error, _("no command is named '%s' (pizhu help keys lists them)"),
				 request_name);
	if (request_table[i].pane != (enum request_pane)pane &&
	    request_table[i].pane != PANE_GLOBAL)
		return error_set(error, _("%s is a command of the %s, not the %s"), request_name,
				 pane_names[request_table[i].pane], pane_name);
	if (binding_count == BINDINGS_MAX)
		return error_set(error, _("more than %d bind lines"), BINDINGS_MAX);
	bindings[binding_count++] =
	    (struct binding){(enum request_pane)pane, key, request_table[i].request};
	return 0;
}

void request_print_keys(void (*print_line)(const char *pane, const char *keys, const char *help,
					   void *context),
			void *context)
{
	for (size_t i = 0; i < request_table_count; i++)
		print_line(pane_names[request_table[i].pane], request_table[i].keys,
			   request_table[i].help, context);
}
