/* fuzz_search.c — the search path: query words, the FTS5 query built from
 * them, the bigram tokenizer on both sides, and the scan fallback.
 *
 * Input: one byte of options (bits 0-1 the speech filter, bits 2-4 a
 * limit, bit 5 front and back matter too), then the query up to the first newline, then optionally
 * the text of a second speech. One in-memory library holds a built-in speech; the second speech,
 * when it parses, is imported inside a transaction that is rolled back after the search, so every
 * input sees the same library (store/internal.h's transaction helpers). The hits must be exactly
 * the paragraphs (shown ones, or all with bit 5) that hold every word of the query, found by brute
 * force over the speech models: the index may not lose a match nor invent one. */
#include <string.h>

#include "base/buffer.h"
#include "speech/speech.h"
#include "store/document.h"
#include "store/internal.h"
#include "store/search.h"
#include "tests/fuzz/fuzz.h"

static const char base_text[] =
    "关于民生工作的讲话\n"
    "同志们：\n"
    "今年要抓好民生实事，保障和改善民生。GDP增长3.9%，Ab cD ef。\n"
    "一、稳就业\n"
    "就业是最大的民生，要扩大就业“稳岗”《规划》（试行）。\n"
    "这一段讲党的建设和党组织、党员队伍 ABC abc \"quoted\" 😀 é e\xcc\x81.\n"
    "二、办教育\n"
    "办好人民满意的教育；民民生生，生民。\n";

struct loaded {
	int64_t id;
	struct speech speech;
};

static int import(struct store *store, const char *path, const unsigned char *bytes, size_t length,
		  struct loaded *loaded)
{
	struct error error;
	struct store_import_result result;
	if (speech_parse(bytes, length, "fuzz", &loaded->speech, &error) != 0)
		return -1;
	if (store_import(store, path, bytes, length, &loaded->speech, &result, &error) != 0) {
		fprintf(stderr, "import: %s\n", error.message);
		abort();
	}
	loaded->id = result.id;
	return 0;
}

static int holds_all(const char *text, size_t length, char **words, size_t count)
{
	for (size_t i = 0; i < count; i++)
		if (store_search_find(text, length, 0, words[i]) < 0)
			return 0;
	return 1;
}

/* Whether a hit for (id, paragraph) is among the hits. */
static int among(const struct store_search_hit *hits, size_t count, int64_t id, size_t paragraph)
{
	for (size_t i = 0; i < count; i++)
		if (hits[i].document_id == id && hits[i].paragraph == paragraph)
			return 1;
	return 0;
}

static struct store *store;
static struct loaded base;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	struct error error;
	if (store_open(":memory:", STORE_OPEN_CREATE, &store, &error) != 0) {
		fprintf(stderr, "store_open: %s\n", error.message);
		abort();
	}
	if (import(store, "/fuzz/base.txt", (const unsigned char *)base_text, sizeof base_text - 1,
		   &base) != 0)
		abort();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	unsigned options = data[0];
	const uint8_t *query_start = data + 1, *end = data + size;
	const uint8_t *newline = memchr(query_start, '\n', (size_t)(end - query_start));
	const uint8_t *query_end = newline ? newline : end;
	char *query = xstrndup((const char *)query_start, (size_t)(query_end - query_start));

	struct error error;
	if (store_transaction_begin(store, &error) != 0) {
		fprintf(stderr, "begin: %s\n", error.message);
		abort();
	}
	struct loaded speeches[2] = {base, {0}};
	size_t speech_count = 1;
	if (newline && newline + 1 < end &&
	    import(store, "/fuzz/input.txt", newline + 1, (size_t)(end - newline - 1),
		   &speeches[1]) == 0)
		speech_count = 2;

	int64_t filters[] = {0, speeches[0].id, speech_count > 1 ? speeches[1].id : 0, 999};
	struct store_search_query search = {
	    .text = query,
	    .document_id = filters[options & 3],
	    .limit = (options >> 2) & 7,
	    .include_hidden = (options >> 5) & 1,
	};
	struct store_search_hit *hits;
	size_t count;
	char **words;
	size_t word_count = store_search_words(query, &words);
	int status = store_search(store, &search, &hits, &count, &error);
	if (word_count == 0) {
		fuzz_assert(status != 0);
	} else {
		if (status != 0) {
			fprintf(stderr, "store_search: %s\n", error.message);
			abort();
		}
		size_t expected = 0;
		for (size_t s = 0; s < speech_count; s++) {
			if (search.document_id && search.document_id != speeches[s].id)
				continue;
			/* Importing the same bytes twice keeps one speech. */
			if (s == 1 && speeches[1].id == speeches[0].id)
				continue;
			const struct speech *speech = &speeches[s].speech;
			for (size_t p = 0; p < speech->paragraph_count; p++) {
				/* Front and back matter only when asked for. */
				int hidden = speech->paragraphs[p].role == PARAGRAPH_FRONT_MATTER ||
					     speech->paragraphs[p].role == PARAGRAPH_BACK_MATTER;
				int match =
				    (!hidden || search.include_hidden) &&
				    holds_all(paragraph_text(speech, p),
					      speech->paragraphs[p].length, words, word_count);
				expected += match;
				if (search.limit == 0)
					fuzz_assert(match == among(hits, count, speeches[s].id, p));
				else if (!match)
					fuzz_assert(!among(hits, count, speeches[s].id, p));
			}
		}
		fuzz_assert(count ==
			    (search.limit && search.limit < expected ? search.limit : expected));
		for (size_t i = 0; i < count; i++)
			fuzz_assert(
			    holds_all(hits[i].text, strlen(hits[i].text), words, word_count));
		store_search_hits_free(hits, count);
	}
	store_search_words_free(words, word_count);
	store_transaction_rollback(store);
	if (speech_count > 1)
		speech_free(&speeches[1].speech);
	free(query);
	return 0;
}
