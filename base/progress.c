#include "base/progress.h"

#include <stdio.h>
#include <string.h>
#include <uniwidth.h>

#include "base/i18n.h"
#include "base/utf8.h"

void progress_meter_start(struct progress_meter *meter, double now)
{
	*meter = (struct progress_meter){.started = now, .now = now, .drawn = -1};
}

void progress_meter_update(struct progress_meter *meter, double now, size_t items_done,
			   size_t items_total, uint64_t bytes_done, uint64_t bytes_total)
{
	meter->now = now;
	meter->items_done = items_done;
	meter->items_total = items_total;
	meter->bytes_done = bytes_done;
	meter->bytes_total = bytes_total;
}

int progress_meter_due(struct progress_meter *meter, double after, double every)
{
	if (meter->now - meter->started < after ||
	    (meter->drawn >= 0 && meter->now - meter->drawn < every))
		return 0;
	meter->drawn = meter->now;
	return 1;
}

double progress_meter_rate(const struct progress_meter *meter)
{
	double elapsed = meter->now - meter->started;
	return elapsed > 0 && meter->bytes_done > 0 ? (double)meter->bytes_done / elapsed : 0;
}

double progress_meter_left(const struct progress_meter *meter)
{
	double rate = progress_meter_rate(meter);
	/* A rate from less than half a second is a guess not worth showing. */
	if (rate <= 0 || meter->now - meter->started < 0.5)
		return -1;
	uint64_t rest =
	    meter->bytes_total > meter->bytes_done ? meter->bytes_total - meter->bytes_done : 0;
	return (double)rest / rate;
}

static void format_time(char *text, size_t size, double seconds)
{
	unsigned long whole = (unsigned long)(seconds + 0.5);
	if (whole >= 3600)
		snprintf(text, size, _("  %lu:%02lu:%02lu left"), whole / 3600, whole / 60 % 60,
			 whole % 60);
	else
		snprintf(text, size, _("  %lu:%02lu left"), whole / 60, whole % 60);
}

/* Terminal columns of text: a translation's Chinese takes two each. */
static int columns_of(const char *text)
{
	return u8_strwidth((const uint8_t *)text, "UTF-8");
}

/* Cuts text to at most `columns` columns, between characters. */
static void cut_to(char *text, int columns)
{
	size_t length = strlen(text), end = 0;
	int width = 0;
	while (end < length) {
		size_t step;
		utf8_decode((const unsigned char *)text + end, length - end, &step);
		int character = u8_width((const uint8_t *)text + end, step, "UTF-8");
		if (width + character > columns)
			break;
		width += character;
		end += step;
	}
	text[end] = '\0';
}

static double megabytes(uint64_t bytes)
{
	return (double)bytes / (1024.0 * 1024.0);
}

char *progress_meter_format(const struct progress_meter *meter, int columns, char *text,
			    size_t size)
{
	double fraction =
	    meter->bytes_total	 ? (double)meter->bytes_done / (double)meter->bytes_total
	    : meter->items_total ? (double)meter->items_done / (double)meter->items_total
				 : 0;
	if (fraction > 1)
		fraction = 1;
	char counts[96], rate[32] = "", left[32] = "";
	/* Small jobs in KB, so that they do not read 0.0/0.1 MB. */
	int in_kb = meter->bytes_total < 1024 * 1024;
	double scale = in_kb ? 1024.0 : 1024.0 * 1024.0;
	char items[48];
	snprintf(items, sizeof items,
		 P_("%zu/%zu speech", "%zu/%zu speeches", (unsigned long)meter->items_total),
		 meter->items_done, meter->items_total);
	snprintf(counts, sizeof counts, "%3d%%  %s  %.1f/%.1f %s", (int)(fraction * 100), items,
		 (double)meter->bytes_done / scale, (double)meter->bytes_total / scale,
		 in_kb ? "KB" : "MB");
	if (progress_meter_rate(meter) > 0)
		snprintf(rate, sizeof rate, "  %.1f MB/s",
			 megabytes((uint64_t)progress_meter_rate(meter)));
	double seconds = progress_meter_left(meter);
	if (seconds >= 0)
		format_time(left, sizeof left, seconds);
	int room = columns - columns_of(counts);
	/* What does not fit goes: the rate first, then the time left. */
	if (room < columns_of(rate) + columns_of(left))
		rate[0] = '\0';
	if (room < columns_of(left))
		left[0] = '\0';
	room -= columns_of(rate) + columns_of(left);
	/* A bar of up to 30 cells and its brackets and space, if 10 fit. */
	int cells = room - 3 > 30 ? 30 : room - 3;
	char bar[40] = "";
	if (cells >= 10) {
		int full = (int)(fraction * cells);
		bar[0] = '[';
		memset(bar + 1, '#', (size_t)full);
		memset(bar + 1 + full, ' ', (size_t)(cells - full));
		memcpy(bar + 1 + cells, "] ", 3);
	}
	snprintf(text, size, "%s%s%s%s", bar, counts, rate, left);
	if (columns > 0)
		cut_to(text, columns);
	return text;
}
