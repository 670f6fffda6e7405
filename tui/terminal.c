/* terminal.c — whether the reader can run on this terminal. Kept apart
 * from the drawing code because <term.h> defines capability names such as
 * `lines` and `columns` as macros. */
#include <langinfo.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <curses.h>
#include <term.h>

#include "tui/tui.h"

int tui_check_terminal(struct error *error)
{
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		return error_set(error, "the reader needs a terminal (standard input and output "
					"are not one); try pizhu cat");
	if (strcmp(nl_langinfo(CODESET), "UTF-8") != 0 && !setlocale(LC_CTYPE, "C.UTF-8"))
		return error_set(error, "the reader needs a UTF-8 locale (set LANG=C.UTF-8)");
	const char *term = getenv("TERM");
	if (!term || !*term)
		return error_set(error, "TERM is not set");
	int status;
	if (setupterm(term, STDOUT_FILENO, &status) != OK)
		return error_set(error, "unknown terminal type '%s'", term);
	char *move_sequence = tigetstr("cup");
	int usable = move_sequence && move_sequence != (char *)-1;
	del_curterm(cur_term);
	if (!usable)
		return error_set(error, "terminal '%s' cannot position the cursor", term);
	return 0;
}
