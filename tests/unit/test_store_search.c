/* Full-text search (2-, 3- and 10-character queries, one-character
 * fallback, filters) and theme suggestions. */
#include "store/annotation.h"
#include "store/history.h"
#include "store/search.h"
#include "store/suggest.h"
#include "store/theme.h"
#include "store_test.h"

static size_t search(struct store *store, const char *text, int64_t theme, int64_t speech,
		     struct store_search_hit **hits)
{
	struct store_search_query query = {.text = text, .theme_id = theme, .document_id = speech};
	size_t count = 0;
	struct error error = {{0}};
	if (store_search(store, &query, hits, &count, &error) != 0)
		printf("# search '%s': %s\n", text, error.message);
	return count;
}

static void searches(struct store *store, int64_t a, int64_t b, int64_t minsheng)
{
	struct store_search_hit *hits;
	size_t count = search(store, "民生", 0, 0, &hits);
	is_int(count, 3, "two characters: every paragraph with 民生");
	ok(count == 3 && hits[0].document_id == b && hits[0].paragraph == 1,
	   "most relevant first (民生 twice in a short paragraph)");
	store_search_hits_free(hits, count);

	count = search(store, "老有所", 0, 0, &hits);
	ok(count == 1 && hits[0].document_id == a && hits[0].paragraph == 2, "three characters");
	store_search_hits_free(hits, count);

	count = search(store, "保障和改善民生工作要", 0, 0, &hits);
	ok(count == 1 && hits[0].paragraph == 1, "ten characters");
	store_search_hits_free(hits, count);
	count = search(store, "保障和改善民生工作不", 0, 0, &hits);
	is_int(count, 0, "ten characters, one wrong: nothing");
	store_search_hits_free(hits, count);

	count = search(store, "养", 0, 0, &hits);
	ok(count == 1 && hits[0].paragraph == 2, "one character falls back to a scan");
	store_search_hits_free(hits, count);

	count = search(store, "民生 养老", 0, 0, &hits);
	ok(count == 1 && hits[0].document_id == a && hits[0].paragraph == 2,
	   "two words: paragraphs with both");
	store_search_hits_free(hits, count);
	count = search(store, "民生　养", 0, 0, &hits);
	is_int(count, 1, "a long and a one-character word (ideographic space)");
	store_search_hits_free(hits, count);

	count = search(store, "gdp", 0, 0, &hits);
	ok(count == 1 && hits[0].document_id == b, "ASCII case folded");
	store_search_hits_free(hits, count);
	count = search(store, "d", 0, 0, &hits);
	ok(count == 1 && hits[0].document_id == b, "one ASCII letter: a scan with case folded");
	store_search_hits_free(hits, count);

	count = search(store, "民生", 0, a, &hits);
	is_int(count, 2, "--speech filter");
	store_search_hits_free(hits, count);
	count = search(store, "民生", minsheng, 0, &hits);
	ok(count == 1 && hits[0].document_id == a && hits[0].paragraph == 1, "--theme filter");
	store_search_hits_free(hits, count);

	count = search(store, "\"引号", 0, 0, &hits);
	is_int(count, 1, "a double quote in the query is literal");
	store_search_hits_free(hits, count);

	struct store_search_query empty = {.text = "  "};
	struct error error = {{0}};
	ok(store_search(store, &empty, &hits, &count, &error) == -1, "an empty query fails");

	struct store_search_query limited = {.text = "民生", .limit = 2};
	ok(store_search(store, &limited, &hits, &count, &error) == 0 && count == 2, "limit");
	store_search_hits_free(hits, count);

	char **words;
	size_t word_count = store_search_words(" 民生　养老 ", &words);
	ok(word_count == 2 && strcmp(words[1], "养老") == 0, "words of a query");
	store_search_words_free(words, word_count);
	is_int(store_search_find("GDP增长gdp", strlen("GDP增长gdp"), 1, "gdp"), 9,
	       "find from an offset, folded");
	/* 民 is E6 B0 91: bytes of a damaged query must not match inside it. */
	is_int(store_search_find("人民生活", strlen("人民生活"), 0, "\xb0\x91生"), -1,
	       "find: no match starting inside a character");
	is_int(store_search_find("人民生活", strlen("人民生活"), 0, "\xe6"), -1,
	       "find: no match ending inside a character");
	is_int(store_search_find("人民生活", strlen("人民生活"), 0, "民生"), 3,
	       "find: whole characters match");
}

static void suggests(struct store *store, int64_t a, int64_t minsheng)
{
	struct store_suggestion *suggestions;
	size_t count;
	struct error error = {{0}};
	ok(store_suggestions(store, a, &suggestions, &count, &error) == 0, "suggestions");
	/* ¶1 has 民生 already tagged; ¶2 mentions 民生 and 养老. */
	ok(count == 1 && suggestions[0].paragraph == 2 && suggestions[0].theme_id == minsheng,
	   "only the untagged paragraph is suggested");
	if (count == 1)
		is_string(suggestions[0].keywords, "民生、养老", "with the keywords found");
	store_suggestions_free(suggestions, count);
	size_t applied;
	ok(store_suggestions_apply(store, a, &applied, &error) == 0 && applied == 1,
	   "apply the suggestions");
	ok(store_suggestions(store, a, &suggestions, &count, &error) == 0 && count == 0,
	   "nothing left to suggest");
	store_suggestions_free(suggestions, count);
	int done;
	ok(store_undo(store, a, &done, NULL, &error) == 0 && done, "one undo step");
	ok(store_suggestions(store, a, &suggestions, &count, &error) == 0 && count == 1,
	   "suggested again after undo");
	store_suggestions_free(suggestions, count);
}

int main(void)
{
	struct store *store = test_store_open("search.db");
	struct error error = {{0}};
	test_themes_install(store);
	int64_t minsheng;
	store_theme_find(store, "民生", &minsheng, &error);

	int64_t a = test_import(store, NULL,
				"甲讲话\n"
				"保障和改善民生工作要做实做细，各项任务都要落实到位。\n"
				"民生无小事，老有所养、养老服务是大家关心的问题。\n"
				"这里有一个\"引号。\n",
				NULL);
	int64_t b = test_import(store, NULL, "乙讲话\n民生民生\n全年GDP增长。\n", NULL);
	store_tag_add(store, a, 1, minsheng, NULL, &error);
	searches(store, a, b, minsheng);
	suggests(store, a, minsheng);
	store_close(store);
	return tap_done();
}
