/* The command table: key lookup per pane, the fallback to global keys, the
 * user's bindings and what a bind line may not say. */
#include <curses.h>
#include <string.h>

#include "tui/request.h"
#include "tap.h"

/* Whether every pane's keys are unique within it: one key, one request. */
static int keys_unique(void)
{
	for (size_t i = 0; i < request_table_count; i++)
		for (size_t j = i + 1; j < request_table_count; j++) {
			if (request_table[i].pane != request_table[j].pane)
				continue;
			char a[64], b[64];
			snprintf(a, sizeof a, " %s ", request_table[i].keys);
			snprintf(b, sizeof b, "%s", request_table[j].keys);
			for (char *key = strtok(b, " "); key; key = strtok(NULL, " ")) {
				char word[32];
				snprintf(word, sizeof word, " %s ", key);
				if (strstr(a, word)) {
					printf("# %s and %s share %s\n", request_table[i].id,
					       request_table[j].id, key);
					return 0;
				}
			}
		}
	return 1;
}

int main(void)
{
	ok(request_table_count > 60, "the table lists every view's keys");
	ok(keys_unique(), "no key means two things in one pane");
	is_int(request_for_key(PANE_READER, 'j'), REQUEST_PARAGRAPH_NEXT, "j in the reader");
	is_int(request_for_key(PANE_OUTLINE, 'j'), REQUEST_OUTLINE_DOWN, "j in the outline");
	is_int(request_for_key(PANE_READER, KEY_NPAGE), REQUEST_PAGE_DOWN, "PgDn");
	is_int(request_for_key(PANE_READER, 'd' & 0x1F), REQUEST_HALF_PAGE_DOWN, "C-d");
	is_int(request_for_key(PANE_READER, '?'), REQUEST_HELP, "global keys work in a pane");
	is_int(request_for_key(PANE_PROMPT, '\r'), REQUEST_PROMPT_ACCEPT, "Enter as CR");
	is_int(request_for_key(PANE_PROMPT, KEY_ENTER), REQUEST_PROMPT_ACCEPT, "keypad Enter");
	is_int(request_for_key(PANE_PROMPT, 127), REQUEST_PROMPT_ERASE, "DEL is Backspace");
	is_int(request_for_key(PANE_EDITOR, KEY_DC), REQUEST_EDITOR_DELETE, "Delete");
	is_int(request_for_key(PANE_READER, 'x'), REQUEST_NONE, "x means nothing");
	is_int(request_for_key(PANE_READER, '5'), REQUEST_TAG, "digits are theme keys");

	struct error error = {{0}};
	ok(request_bind("reader", "x", "heading-next", &error) == 0, "bind reader x heading-next");
	is_int(request_for_key(PANE_READER, 'x'), REQUEST_HEADING_NEXT,
	       "x goes to the next heading");
	is_int(request_for_key(PANE_OUTLINE, 'x'), REQUEST_NONE, "in the reader only");
	ok(request_bind("reader", "j", "page-down", &error) == 0, "a default key rebound");
	is_int(request_for_key(PANE_READER, 'j'), REQUEST_PAGE_DOWN, "j pages down now");
	ok(request_bind("reader", "C-x", "quit", &error) == 0, "a global command in a pane");
	is_int(request_for_key(PANE_READER, 'x' & 0x1F), REQUEST_QUIT, "C-x quits");
	ok(request_bind("anywhere", "Q", "quit", &error) == 0, "a global binding");
	is_int(request_for_key(PANE_LIBRARY, 'Q'), REQUEST_QUIT, "works in every view");
	ok(request_bind("anywhere", "j", "quit", &error) == 0, "a global binding of a pane's key");
	is_int(request_for_key(PANE_READER, 'j'), REQUEST_PAGE_DOWN,
	       "yields to the pane's own keys");

	ok(request_bind("reading", "x", "heading-next", &error) != 0, "an unknown view");
	ok(strstr(error.message, "'reading'") != NULL, "is named: %s", error.message);
	ok(request_bind("reader", "xy", "heading-next", &error) != 0, "two characters");
	ok(strstr(error.message, "not a key") != NULL, "are not a key: %s", error.message);
	ok(request_bind("reader", "x", "heading_nxt", &error) != 0, "an unknown command");
	ok(request_bind("library", "x", "heading-next", &error) != 0,
	   "a reader command in the library");
	ok(strstr(error.message, "command of the reader") != NULL, "says whose: %s", error.message);
	ok(request_bind("reader", "\x1b[2J", "quit", &error) != 0, "an escape sequence");
	ok(!strchr(error.message, '\x1b'), "is not quoted: %s", error.message);
	return tap_done();
}
