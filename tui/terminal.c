/* terminal.c — whether the full-screen views can run on this terminal,
 * and setting the terminal up for them and back. Kept apart from the
 * drawing code because <term.h> defines capability names such as `lines`
 * and `columns` as macros. */
#include <langinfo.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <curses.h>
#include <signal.h>
#include <termios.h>

#include "base/buffer.h"
#include "base/i18n.h"
#include "tui/colors.h"
#include "tui/draw.h"
#include "tui/screen.h"
#include "tui/tui.h"

/* Last: it defines `lines`, `columns` and the other capability names. */
#include <term.h>

/* Keys are polled this often, so a signal or a background import is seen
 * without a key. */
enum { KEY_POLL_MILLISECONDS = 250 };

volatile sig_atomic_t tui_stop_signal;

static const int stop_signals[] = {SIGINT, SIGTERM, SIGHUP};

static void on_stop_signal(int number)
{
	tui_stop_signal = number;
}

int tui_check_terminal(struct error *error)
{
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		return error_set(error, _("the reader needs a terminal (standard input and output "
					  "are not one); try pizhu cat"));
	if (strcmp(nl_langinfo(CODESET), "UTF-8") != 0 && !setlocale(LC_CTYPE, "C.UTF-8"))
		return error_set(error, _("the reader needs a UTF-8 locale (set LANG=C.UTF-8)"));
	const char *term = getenv("TERM");
	if (!term || !*term)
		return error_set(error, _("TERM is not set"));
	int status;
	if (setupterm(term, STDOUT_FILENO, &status) != OK)
		return error_set(error, _("unknown terminal type '%s'"), term);
	char *move_sequence = tigetstr("cup");
	int usable = move_sequence && move_sequence != (char *)-1;
	del_curterm(cur_term);
	if (!usable)
		return error_set(error, _("terminal '%s' cannot position the cursor"), term);
	return 0;
}

/* Ctrl-S and Ctrl-Q reach the program instead of pausing the output. */
static void disable_flow_control(void)
{
	struct termios modes;
	if (tcgetattr(STDIN_FILENO, &modes) == 0) {
		modes.c_iflag &= ~(tcflag_t)(IXON | IXOFF);
		tcsetattr(STDIN_FILENO, TCSANOW, &modes);
		def_prog_mode();
	}
}

static void restore_terminal(void *ui)
{
	tui_stop(ui);
}

int tui_start(const struct tui_options *options, struct tui **result, struct error *error)
{
	struct tui *ui = calloc(1, sizeof *ui);
	if (!ui)
		return error_set(error, _("out of memory"));
	ui->options = *options;
	tui_stop_signal = 0;
	struct sigaction action;
	memset(&action, 0, sizeof action);
	action.sa_handler = on_stop_signal;
	sigemptyset(&action.sa_mask);
	for (size_t i = 0; i < 3; i++)
		sigaction(stop_signals[i], &action, &ui->saved[i]);
	set_escdelay(25);
	ui->screen = newterm(NULL, stdout, stdin);
	if (!ui->screen) {
		for (size_t i = 0; i < 3; i++)
			sigaction(stop_signals[i], &ui->saved[i], NULL);
		free(ui);
		return error_set(error, _("cannot start the terminal"));
	}
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	curs_set(0);
	disable_flow_control();
	mousemask(BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
	mouseinterval(0);
	timeout(KEY_POLL_MILLISECONDS);
	/* A screen goes out whole, in a write or two: ncurses 6.4 writes out
	 * at every cursor movement until the program has once left curses
	 * mode with endwin, seventy writes a page. Leaving and coming back
	 * now, before anything is drawn, shows nothing. (Its look for keys
	 * typed ahead stays: over a slow link, a held key skips screens
	 * rather than queueing them.) */
	endwin();
	refresh();
	colors_init(options->use_color);
	draw_set_ambiguous_wide(options->ambiguous_wide);
	/* Out of memory while curses owns the terminal: put it back before
	 * pizhu exits (base/buffer.h), so the shell is usable and the message
	 * readable. */
	out_of_memory_hook_set(restore_terminal, ui);
	*result = ui;
	return 0;
}

int tui_stop(struct tui *ui)
{
	if (!ui)
		return 0;
	out_of_memory_hook_set(NULL, NULL);
	endwin();
	delscreen(ui->screen);
	for (size_t i = 0; i < 3; i++)
		sigaction(stop_signals[i], &ui->saved[i], NULL);
	free(ui);
	return tui_stop_signal;
}

int tui_owns_terminal(void)
{
	return stdscr != NULL && !isendwin();
}

int tui_stop_requested(void)
{
	return tui_stop_signal != 0;
}
