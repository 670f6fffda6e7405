/* Search as the library view uses it: pages of hits with titles, section
 * paths and the spans to highlight. */
#include "store/search.h"
#include "store/section.h"
#include "store_test.h"

static const char *const speech = "在全区经济工作会议上的讲话\n"
				  "同志们：\n"
				  "一、抓好民生实事\n"
				  "（一）稳就业\n"
				  "就业是最大的民生，民生无小事。\n"
				  "一是扩大就业。就业优先，保障民生。\n"
				  "二、加强党的建设\n"
				  "党建引领民生。\n";

static void pages(struct store *store)
{
	struct store_search_query all = {.text = "民生"};
	struct store_search_hit *hits, *page;
	size_t count, page_count;
	struct error error = {{0}};
	ok(store_search(store, &all, &hits, &count, &error) == 0 && count == 4, "four hits");
	int same = 1;
	for (size_t offset = 0; offset < count; offset += 2) {
		struct store_search_query query = {.text = "民生", .offset = offset, .limit = 2};
		store_search(store, &query, &page, &page_count, &error);
		for (size_t i = 0; i < page_count; i++)
			same &= page[i].document_id == hits[offset + i].document_id &&
				page[i].paragraph == hits[offset + i].paragraph;
		same &= page_count == (count - offset < 2 ? count - offset : 2);
		store_search_hits_free(page, page_count);
	}
	ok(same, "pages of two are slices of the whole");
	struct store_search_query past = {.text = "民生", .offset = 9};
	ok(store_search(store, &past, &page, &page_count, &error) == 0 && page_count == 0,
	   "an offset past the end: no hits");
	is_string(count ? hits[0].title : NULL, "在全区经济工作会议上的讲话",
		  "a hit has its title");
	store_search_hits_free(hits, count);

	/* One-character words are checked outside the index: the offset
	 * counts only true hits. */
	struct store_search_query scan = {.text = "党", .offset = 1};
	ok(store_search(store, &scan, &page, &page_count, &error) == 0 && page_count == 1 &&
	       page[0].paragraph == 7,
	   "offset with a scanned query");
	store_search_hits_free(page, page_count);
}

/* What store_search_each passed, and when to stop. */
struct visits {
	struct store_search_hit seen[8];
	size_t count, stop_after;
	int text_ends;
};

static int visit(void *context, const struct store_search_row *row)
{
	struct visits *visits = context;
	if (visits->count < 8)
		visits->seen[visits->count] =
		    (struct store_search_hit){row->document_id, row->paragraph, NULL, NULL};
	visits->count++;
	visits->text_ends &= row->text[row->length] == '\0' && strlen(row->text) == row->length &&
			     row->title != NULL;
	return visits->stop_after && visits->count == visits->stop_after;
}

static void each(struct store *store)
{
	struct store_search_query all = {.text = "民生"};
	struct store_search_hit *hits;
	size_t count;
	struct error error = {{0}};
	store_search(store, &all, &hits, &count, &error);
	struct visits visits = {.text_ends = 1};
	ok(store_search_each(store, &all, visit, &visits, &error) == 0 && visits.count == count,
	   "each: every hit");
	int same = 1;
	for (size_t i = 0; i < count && i < 8; i++)
		same &= visits.seen[i].document_id == hits[i].document_id &&
			visits.seen[i].paragraph == hits[i].paragraph;
	ok(same, "each: in store_search's order");
	ok(visits.text_ends, "each: texts are C strings of the given length, with titles");
	store_search_hits_free(hits, count);

	visits = (struct visits){.stop_after = 2, .text_ends = 1};
	ok(store_search_each(store, &all, visit, &visits, &error) == 0 && visits.count == 2,
	   "each: a visit that returns nonzero stops the search");
	visits = (struct visits){.stop_after = 1, .text_ends = 1};
	struct store_search_query scan = {.text = "党"};
	ok(store_search_each(store, &scan, visit, &visits, &error) == 0 && visits.count == 1,
	   "each: and a scan");
	struct store_search_query empty = {.text = " "};
	ok(store_search_each(store, &empty, visit, &visits, &error) == -1 && visits.count == 1,
	   "each: an empty query fails before any visit");
}

/* Equal bm25 scores (the same paragraph in two speeches and twice in
 * one), neither speech dated: the later imported first, then paragraph. */
static void ties(struct store *store, int64_t first, int64_t second)
{
	struct store_search_query query = {.text = "老有所养"};
	struct store_search_hit *hits;
	size_t count;
	struct error error = {{0}};
	ok(store_search(store, &query, &hits, &count, &error) == 0 && count == 4,
	   "ties: four equal hits");
	if (count == 4)
		ok(hits[0].document_id == second && hits[0].paragraph == 1 &&
		       hits[1].document_id == second && hits[1].paragraph == 3 &&
		       hits[2].document_id == first && hits[2].paragraph == 1 &&
		       hits[3].document_id == first && hits[3].paragraph == 3,
		   "ties: the newer speech, then paragraph");
	store_search_hits_free(hits, count);
}

static void sections(struct store *store, int64_t id)
{
	char **labels;
	size_t count;
	struct error error = {{0}};
	ok(store_section_path(store, id, 5, &labels, &count, &error) == 0 && count == 3,
	   "a paragraph three levels down");
	if (count == 3) {
		is_string(labels[0], "一、抓好民生实事", "outermost first");
		is_string(labels[1], "（一）稳就业", "then the section");
		is_string(labels[2], "一是扩大就业", "a heading's own label, its first sentence");
	}
	store_section_path_free(labels, count);
	ok(store_section_path(store, id, 4, &labels, &count, &error) == 0 && count == 2,
	   "a body paragraph under two headings");
	store_section_path_free(labels, count);
	ok(store_section_path(store, id, 1, &labels, &count, &error) == 0 && count == 0 && !labels,
	   "before the first heading: no path");
}

static void highlights(void)
{
	struct store_search_span *spans;
	const char *text = "Minsheng 民生, minsheng民生工程";
	size_t count =
	    store_search_highlights(text, strlen(text), "民生工程 MINSHENG 民生", &spans);
	is_int(count, 4, "four spans");
	if (count == 4) {
		ok(spans[0].offset == 0 && spans[0].length == 8, "ASCII in any case");
		ok(spans[1].offset == 9 && spans[1].length == 6, "a CJK word");
		ok(spans[3].offset == strlen("Minsheng 民生, minsheng") && spans[3].length == 12,
		   "the longer word wins where two start together");
	}
	free(spans);
	is_int(store_search_highlights(text, strlen(text), "党建", &spans), 0, "nothing to mark");
	ok(spans == NULL, "and no memory");
}

int main(void)
{
	struct store *store = test_store_open("search.db");
	if (!ok(store != NULL, "open"))
		return tap_done();
	int64_t id = test_import(store, "/speeches/economy.txt", speech, NULL);
	pages(store);
	each(store);
	sections(store, id);
	const char *twice = "做到老有所养。\n其他工作。\n做到老有所养。\n";
	char text[128];
	snprintf(text, sizeof text, "甲的讲话\n%s", twice);
	int64_t first = test_import(store, "/speeches/a.txt", text, NULL);
	snprintf(text, sizeof text, "乙的讲话\n%s", twice);
	int64_t second = test_import(store, "/speeches/b.txt", text, NULL);
	ties(store, first, second);
	highlights();
	store_close(store);
	return tap_done();
}
