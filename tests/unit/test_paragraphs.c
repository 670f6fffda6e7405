/* The paragraph lists of pizhu tag and note (cli/paragraphs.h): checked
 * before anything is expanded, and never longer than the speech. */
#include <signal.h>
#include <stdint.h>
#include <time.h>
#include <unistd.h>

#include "cli/paragraphs.h"
#include "tap.h"

/* The list expanded against a speech of `paragraphs` paragraphs, as
 * "1 2 3", "outside N" or "malformed". */
static void expands(const char *text, size_t paragraphs, const char *expected)
{
	char got[256] = "";
	struct paragraph_list list;
	if (paragraph_list_parse(text, &list) != 0) {
		snprintf(got, sizeof got, "malformed");
	} else {
		size_t *numbers, count, outside = 0;
		if (paragraph_list_expand(&list, paragraphs, &numbers, &count, &outside) != 0) {
			snprintf(got, sizeof got, "outside %zu", outside);
		} else {
			size_t used = 0;
			for (size_t i = 0; i < count && used < sizeof got; i++)
				used += (size_t)snprintf(got + used, sizeof got - used, "%s%zu",
							 i ? " " : "", numbers[i]);
			free(numbers);
		}
		paragraph_list_free(&list);
	}
	is_string(got, expected, "'%s' in %zu paragraphs", text, paragraphs);
}

/* The guard against the slow ways back: quadratic, or counting to
 * SIZE_MAX, would not end in a minute even on a loaded machine. */
static void on_alarm(int signal)
{
	(void)signal;
	static const char message[] = "not ok - a paragraph list took a minute (quadratic?)\n";
	if (write(1, message, sizeof message - 1) < 0)
		_exit(2);
	_exit(1);
}

static double seconds_since(const struct timespec *start)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - start->tv_sec) + (double)(now.tv_nsec - start->tv_nsec) / 1e9;
}

int main(void)
{
	signal(SIGALRM, on_alarm);
	alarm(60);
	expands("3", 10, "3");
	expands("3-5", 10, "3 4 5");
	expands("3-5,4,1", 10, "1 3 4 5");
	expands("7-9,1-2,8-10", 10, "1 2 7 8 9 10");
	expands("5-5,5", 10, "5");
	expands("1-10,2-3", 10, "1 2 3 4 5 6 7 8 9 10");
	expands("0", 10, "outside 0");
	expands("11", 10, "outside 11");
	expands("9-11", 10, "outside 11");
	expands("2,20,30", 10, "outside 20");
	expands("", 10, "malformed");
	expands("3-", 10, "malformed");
	expands("-3", 10, "malformed");
	expands("5-3", 10, "malformed");
	expands("3,,4", 10, "malformed");
	expands("3,", 10, "malformed");
	expands("3 4", 10, "malformed");
	expands("+3", 10, "malformed");
	expands("3-x", 10, "malformed");

	/* SIZE_MAX fits and is outside any speech: it once made the expansion
	 * count forever, as the loop's counter wrapped round to 0. */
	char number[64];
	snprintf(number, sizeof number, "%zu", (size_t)SIZE_MAX);
	expands(number, 54, "outside 18446744073709551615");
	snprintf(number, sizeof number, "%zu-%zu", (size_t)SIZE_MAX - 1, (size_t)SIZE_MAX);
	expands(number, 54, "outside 18446744073709551614");
	snprintf(number, sizeof number, "1-%zu", (size_t)SIZE_MAX);
	expands(number, 54, "malformed");
	expands("1-1000000", 54, "outside 1000000");
	expands("1-1000001", 54, "malformed");
	/* One more than SIZE_MAX does not fit. */
	expands("18446744073709551616", 54, "malformed");
	expands("99999999999999999999999", 54, "malformed");

	/* Ranges beyond the speech are refused before they are expanded, and
	 * a long list is sorted in O(n log n): both once took seconds (the
	 * alarm set at the start fails a return of that; the time is only
	 * reported, as make check asserts no timing). */
	struct timespec start;
	clock_gettime(CLOCK_MONOTONIC, &start);
	expands("200000-400000,1-200000", 54, "outside 200000");
	struct paragraph_list list;
	size_t *numbers, count, outside;
	ok(paragraph_list_parse("200000-400000,1-200000", &list) == 0 &&
	       paragraph_list_expand(&list, 400000, &numbers, &count, &outside) == 0,
	   "400000 paragraphs given backwards expand");
	int ascending = count == 400000;
	for (size_t i = 0; ascending && i < count; i++)
		ascending = numbers[i] == i + 1;
	ok(ascending, "into 1 to 400000 in order");
	free(numbers);
	paragraph_list_free(&list);
	printf("# in %.3f s\n", seconds_since(&start));
	return tap_done();
}
