/* progress.h — the model of a long job's progress bar: how far along, how
 * fast, how long still, as a line of text of a given width. It draws
 * nothing and reads no clock: the caller passes the time, so that pizhu
 * import (on stderr) and the library view (on its status line) show the
 * same bar, and tests can drive it with made-up times.
 *
 * The bar follows bytes, not files: one large file is as much work as
 * many small ones of the same size. The rate is the average since the
 * start; time left is shown once there is a rate to go on. */
#ifndef PIZHU_BASE_PROGRESS_H
#define PIZHU_BASE_PROGRESS_H

#include <stddef.h>
#include <stdint.h>

struct progress_meter {
	double started;	   /* seconds, on the caller's clock */
	double now;	   /* the latest update */
	double drawn;	   /* when the line was last wanted (progress_meter_due) */
	size_t items_done; /* speeches (files) */
	size_t items_total;
	uint64_t bytes_done;
	uint64_t bytes_total;
};

/* A meter that starts at `now` (seconds). */
void progress_meter_start(struct progress_meter *meter, double now);

void progress_meter_update(struct progress_meter *meter, double now, size_t items_done,
			   size_t items_total, uint64_t bytes_done, uint64_t bytes_total);

/* Whether a bar is worth drawing now: the job has run `after` seconds
 * (a quick one shows none) and the last bar is `every` seconds old. Marks
 * the bar drawn when it says yes. */
int progress_meter_due(struct progress_meter *meter, double after, double every);

/* Bytes per second so far; 0 until there is any. */
double progress_meter_rate(const struct progress_meter *meter);

/* Seconds left at the rate so far; -1 while unknown. */
double progress_meter_left(const struct progress_meter *meter);

/* The bar in at most `columns` terminal columns (the words in the current
 * language, base/i18n.h), e.g.
 *   [#########           ] 45%  812/1952 speeches  41.2/101.4 MB  7.1 MB/s  0:08 left
 * dropping the rate, then the time left, then the bar when it is narrow.
 * Returns text. */
char *progress_meter_format(const struct progress_meter *meter, int columns, char *text,
			    size_t size);

#endif
