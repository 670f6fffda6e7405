/* ocr.c — --ocr and --no-ocr (and `ocr = yes` in the settings file): the
 * PDF reader's OCR of scanned pages (formats/pdf_ocr.h), and its progress
 * on standard error while a long scan is read.
 *
 * The progress line shows after a second (a short scan shows none), ten
 * times a second at most, and is wiped when the reading ends; it is not
 * drawn while the full-screen reader owns the terminal. Ctrl-C stops the
 * reading as it stops pizhu: an import is one transaction, so nothing of
 * the file is kept; in the reader's library, it stops the import. */
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#include "base/i18n.h"
#include "base/progress.h"
#include "cli/cli.h"
#include "cli/global_option.h"
#include "formats/pdf_ocr.h"
#include "tui/tui.h"

struct ocr_output {
	pthread_t owner; /* the thread that may draw: the one that chose */
	int terminal;	 /* stderr is a terminal */
	int drawn;	 /* a progress line is on it */
	int page;	 /* the page the meter started at, -1 before the first */
	struct progress_meter meter;
};

static struct ocr_output output = {.page = -1};

static double seconds_now(void)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)now.tv_sec + (double)now.tv_nsec / 1e9;
}

static int terminal_columns(void)
{
	struct winsize size;
	if (ioctl(STDERR_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 20)
		return size.ws_col;
	return 80;
}

static void wipe(void)
{
	if (output.drawn)
		fputs("\r\033[K", stderr);
	output.drawn = 0;
}

/* The meter counts pages in hundredths, so that the time left follows the
 * page being read too. */
static int show_progress(void *context, int page, int pages, int percent)
{
	(void)context;
	/* An import on a thread of its own (the library's, the reader's)
	 * draws nothing: the screen and this line belong to the main thread,
	 * and such an import is stopped through pdf_ocr_thread_stop. */
	if (!pthread_equal(pthread_self(), output.owner))
		return tui_stop_requested();
	if (pages == 0) { /* the end */
		wipe();
		output.page = -1;
		return 0;
	}
	if (output.page < 0) {
		progress_meter_start(&output.meter, seconds_now());
		output.page = page;
	}
	uint64_t done = (uint64_t)(page - output.page) * 100 + (uint64_t)percent;
	uint64_t total = (uint64_t)(pages - output.page) * 100;
	progress_meter_update(&output.meter, seconds_now(), (size_t)page, (size_t)pages, done,
			      total);
	if (!output.terminal || tui_owns_terminal() || !progress_meter_due(&output.meter, 1, 0.1))
		return tui_stop_requested();
	int columns = terminal_columns() - 1;
	char line[256], left[64] = "";
	double seconds = progress_meter_left(&output.meter);
	if (seconds >= 0)
		snprintf(left, sizeof left, _("  %d:%02d left"), (int)seconds / 60,
			 (int)seconds % 60);
	int cells = columns > 60 ? 30 : columns > 40 ? 10 : 0;
	char bar[40] = "";
	if (cells) {
		int full = (int)((double)done / (double)(total ? total : 1) * cells);
		bar[0] = '[';
		memset(bar + 1, '#', (size_t)full);
		memset(bar + 1 + full, ' ', (size_t)(cells - full));
		memcpy(bar + 1 + cells, "] ", 3);
	}
	snprintf(line, sizeof line, _("%sOCR: page %d of %d, %d%%%s"), bar, page + 1, pages,
		 percent, left);
	fprintf(stderr, "\r\033[K%s", line);
	fflush(stderr);
	output.drawn = 1;
	return tui_stop_requested();
}

int cli_ocr_choose(int *argc, char **argv)
{
	/* Anywhere before a "--"; the last one given wins. */
	static const char *const names[] = {"--no-ocr", "--ocr", NULL};
	int chosen = cli_take_option(argc, argv, names, 0, NULL); /* 1: --ocr, 0: --no-ocr */
	int enabled = 0;
	if (chosen < 0 && cli_config_ocr(&enabled) != 0)
		return EXIT_ERROR;
	if (chosen >= 0)
		enabled = chosen;
	if (chosen == 1 && !pdf_ocr_built())
		return cli_fail(_("--ocr: %s"), pdf_ocr_missing());
	output.terminal = isatty(STDERR_FILENO);
	output.owner = pthread_self();
	struct pdf_ocr_options options = {enabled, show_progress, NULL};
	pdf_ocr_configure(&options);
	return 0;
}
