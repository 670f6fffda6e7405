/* The keyword matcher behind theme suggestions. */
#include "speech/keyword.h"
#include "tap.h"

/* The index answers for every list as keyword_any does, on texts made of
 * pieces of the keywords and of other characters, so that keywords occur
 * at the edges, overlap and nearly match. */
static void index_agrees_with_keyword_any(void)
{
	static const char *lists[][4] = {
	    {"民生", "民生实事", "就业", NULL},
	    {"党建", "党的建设", NULL},
	    {"5G", "AI", "a", NULL},
	    {"", "项目", NULL},
	    {"生实", "党", NULL},
	    {"\xE6\xB0\x91", "业", NULL},
	};
	static const char *pieces[] = {"民", "生", "实", "事", "就",   "业",  "党",
				       "建", "的", "设", "项", "目",   "5",   "G",
				       "A",  "I",  "a",	 "，", "\xE6", "\xB0"};
	size_t list_count = sizeof lists / sizeof *lists;
	struct keyword_index *index = keyword_index_new();
	size_t sizes[sizeof lists / sizeof *lists];
	for (size_t l = 0; l < list_count; l++) {
		for (sizes[l] = 0; lists[l][sizes[l]]; sizes[l]++)
			;
		keyword_index_add(index, (unsigned)(l * 12), lists[l], sizes[l]);
	}
	uint64_t every = 0;
	for (size_t l = 0; l < list_count; l++)
		every |= (uint64_t)1 << (l * 12);
	unsigned seed = 12345;
	int disagreements = 0;
	for (int trial = 0; trial < 5000; trial++) {
		char text[128];
		size_t length = 0;
		int parts = trial % 9;
		for (int p = 0; p < parts; p++) {
			seed = seed * 1103515245u + 12345u;
			const char *piece = pieces[(seed >> 16) % (sizeof pieces / sizeof *pieces)];
			memcpy(text + length, piece, strlen(piece));
			length += strlen(piece);
		}
		seed = seed * 1103515245u + 12345u;
		uint64_t wanted = trial % 3 == 0 ? every : every & ((uint64_t)seed << 7);
		uint64_t expected = 0;
		for (size_t l = 0; l < list_count; l++)
			if (keyword_any(text, length, lists[l], sizes[l]))
				expected |= (uint64_t)1 << (l * 12);
		if (keyword_index_lists(index, text, length, wanted) != (expected & wanted))
			disagreements++;
	}
	is_int(disagreements, 0, "keyword index agrees with keyword_any on 5000 texts");
	is_int(keyword_index_lists(index, "", 0, every), 0, "keyword index: empty text");
	keyword_index_free(index);

	struct keyword_index *last = keyword_index_new();
	const char *one[] = {"民生"};
	keyword_index_add(last, 63, one, 1);
	ok(keyword_index_lists(last, "重民生", strlen("重民生"), ~(uint64_t)0) == (uint64_t)1 << 63,
	   "keyword index: list 63 at the end of the text");
	keyword_index_free(last);
}

int main(void)
{
	index_agrees_with_keyword_any();
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

	/* Explaining a suggestion: every keyword found, once, in list order,
	 * the one that is also the theme's name included (it was skipped
	 * when the caller looked for it in the message built so far). */
	const char *minsheng[] = {"民生", "就业", "医疗", "收入"};
	const char *paragraph = "办好民生实事，稳就业、保医疗，稳就业。";
	char *list = keyword_found_list(paragraph, strlen(paragraph), minsheng, 4, 0);
	is_string(list, "民生、就业、医疗", "found keywords, each once, in list order");
	free(list);
	list = keyword_found_list(paragraph, strlen(paragraph), minsheng, 4, 2);
	is_string(list, "民生、就业", "at most the limit");
	free(list);
	list = keyword_found_list("无关", strlen("无关"), minsheng, 4, 0);
	is_string(list, "", "none found: an empty string");
	free(list);

	return tap_done();
}
