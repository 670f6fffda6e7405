/* The keyword matcher behind theme suggestions. */
#include "speech/keyword.h"
#include "tap.h"

int main(void)
{
	const char *keywords[] = {"民生", "民生实事", "就业", ""};
	struct keyword_match *matches;
	const char *text = "办好民生实事，稳就业";
	size_t count = keyword_find(text, strlen(text), keywords, 4, &matches);
	is_int(count, 3, "overlapping keywords all reported");
	if (count == 3) {
		is_int(matches[0].offset, 6, "first at 民生");
		is_int(matches[0].keyword, 1, "longest first at one offset");
		is_int(matches[1].keyword, 0, "then the shorter one");
		is_span(text + matches[2].offset, matches[2].length, "就业", "then 就业");
	}
	free(matches);

	text = "民生为本，重在就业";
	count = keyword_find(text, strlen(text), keywords, 3, &matches);
	is_int(count, 2, "keywords at both edges");
	if (count == 2) {
		is_int(matches[0].offset, 0, "at the start");
		is_int(matches[1].offset + matches[1].length, strlen(text), "at the end");
	}
	free(matches);

	text = "加强党的建设";
	count = keyword_find(text, strlen(text), keywords, 3, &matches);
	is_int(count, 0, "no keyword");
	ok(matches == NULL, "no memory when nothing matches");
	ok(!keyword_any(text, strlen(text), keywords, 3), "keyword_any: none");
	ok(keyword_any("稳就业", strlen("稳就业"), keywords, 3), "keyword_any: one");
	ok(!keyword_any("", 0, keywords, 4), "empty text");
	ok(!keyword_any("abc", 3, keywords + 3, 1), "an empty keyword never matches");

	const char *repeated[] = {"党党"};
	count = keyword_find("党党党", strlen("党党党"), repeated, 1, &matches);
	is_int(count, 2, "a keyword overlapping itself");
	free(matches);

	return tap_done();
}
