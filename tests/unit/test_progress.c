/* The progress bar's model (base/progress.h), driven with made-up times:
 * the fraction by bytes, the rate and time left, what a narrow line drops,
 * and how often a bar is due. */
#include <string.h>

#include "base/progress.h"
#include "tap.h"

#define MB (1024ull * 1024ull)

int main(void)
{
	struct progress_meter meter;
	char text[256];
	progress_meter_start(&meter, 100.0);
	progress_meter_update(&meter, 100.0, 0, 1952, 0, 100 * MB);
	is_string(progress_meter_format(&meter, 200, text, sizeof text),
		  "[                              ]   0%  0/1952 speeches  0.0/100.0 MB",
		  "at the start: no rate, no time left");
	ok(progress_meter_left(&meter) < 0, "time left unknown at the start");

	progress_meter_update(&meter, 110.0, 976, 1952, 25 * MB, 100 * MB);
	ok(progress_meter_rate(&meter) == 25.0 * MB / 10, "the rate is the average so far");
	is_int((int)progress_meter_left(&meter), 30, "75 MB left at 2.5 MB/s: 30 s");
	is_string(
	    progress_meter_format(&meter, 200, text, sizeof text),
	    "[#######                       ]  25%  976/1952 speeches  25.0/100.0 MB  2.5 MB/s"
	    "  0:30 left",
	    "a quarter of the bytes is a quarter of the bar, whatever the files");
	is_string(progress_meter_format(&meter, 60, text, sizeof text),
		  " 25%  976/1952 speeches  25.0/100.0 MB  2.5 MB/s  0:30 left",
		  "60 columns: the bar goes first");
	is_string(progress_meter_format(&meter, 50, text, sizeof text),
		  " 25%  976/1952 speeches  25.0/100.0 MB  0:30 left", "then the rate");
	is_string(progress_meter_format(&meter, 40, text, sizeof text),
		  " 25%  976/1952 speeches  25.0/100.0 MB", "then the time left");
	is_int((int)strlen(progress_meter_format(&meter, 20, text, sizeof text)), 20,
	       "and the line is cut to its columns");

	progress_meter_update(&meter, 110.0 + 3 * 3600, 1000, 1952, 26 * MB, 100 * MB);
	/* 74 MB left at 26 MB in 10,810 s: 30,766 s. */
	ok(strstr(progress_meter_format(&meter, 200, text, sizeof text), "  8:32:4") != NULL,
	   "hours when it is that slow: %s", text);

	struct progress_meter small;
	progress_meter_start(&small, 0);
	progress_meter_update(&small, 1.0, 1, 3, 2048, 6144);
	is_string(progress_meter_format(&small, 200, text, sizeof text),
		  "[##########                    ]  33%  1/3 speeches  2.0/6.0 KB  0.0 MB/s"
		  "  0:02 left",
		  "a small job in KB");

	struct progress_meter due;
	progress_meter_start(&due, 0);
	ok(!progress_meter_due(&due, 0.5, 0.1), "not before `after` seconds");
	progress_meter_update(&due, 0.6, 0, 1, 0, 1);
	ok(progress_meter_due(&due, 0.5, 0.1), "then at once");
	progress_meter_update(&due, 0.65, 0, 1, 0, 1);
	ok(!progress_meter_due(&due, 0.5, 0.1), "not again within `every`");
	progress_meter_update(&due, 0.75, 0, 1, 0, 1);
	ok(progress_meter_due(&due, 0.5, 0.1), "but after it");
	return tap_done();
}
