#include "store/search.h"

#include <stdlib.h>
#include <string.h>

#include "base/buffer.h"
#include "base/utf8.h"
#include "store/internal.h"

static int is_space_at(const char *text, size_t *length)
{
	if (*text == ' ' || *text == '\t' || *text == '\n' || *text == '\r') {
		*length = 1;
		return 1;
	}
	if (strncmp(text, "\u3000", 3) == 0) {
		*length = 3;
		return 1;
	}
	return 0;
}

size_t store_search_words(const char *query, char ***words)
{
	*words = NULL;
	size_t count = 0, capacity = 0, space;
	const char *at = query;
	while (*at) {
		while (*at && is_space_at(at, &space))
			at += space;
		const char *start = at;
		while (*at && !is_space_at(at, &space))
			at++;
		if (at > start) {
			*words = xgrow(*words, &capacity, count + 1, sizeof **words);
			(*words)[count++] = xstrndup(start, (size_t)(at - start));
		}
	}
	return count;
}

void store_search_words_free(char **words, size_t count)
{
	for (size_t i = 0; i < count; i++)
		free(words[i]);
	free(words);
}

static char fold(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* A UTF-8 continuation byte: not the start of a character. */
static int continues(const char *text, size_t length, size_t at)
{
	return at < length && ((unsigned char)text[at] & 0xC0) == 0x80;
}

long store_search_find(const char *text, size_t length, size_t from, const char *word)
{
	size_t word_length = strlen(word);
	if (word_length == 0 || word_length > length)
		return -1;
	for (size_t i = from; i + word_length <= length; i++) {
		/* Whole characters only, as the index sees them: a query that is
		 * not valid UTF-8 must not match the tail of a character. */
		if (continues(text, length, i) || continues(text, length, i + word_length))
			continue;
		size_t j = 0;
		while (j < word_length && fold(text[i + j]) == fold(word[j]))
			j++;
		if (j == word_length)
			return (long)i;
	}
	return -1;
}

/* FTS5 query syntax for "contains every word": each word a quoted phrase. */
static char *match_expression(char **words, size_t count)
{
	struct buffer expression = {0};
	for (size_t i = 0; i < count; i++) {
		if (utf8_count(words[i], strlen(words[i])) < 2)
			continue;
		if (expression.length)
			buffer_append_byte(&expression, ' ');
		buffer_append_byte(&expression, '"');
		for (const char *c = words[i]; *c; c++) {
			if (*c == '"')
				buffer_append_byte(&expression, '"');
			buffer_append_byte(&expression, *c);
		}
		buffer_append_byte(&expression, '"');
	}
	return buffer_string(&expression);
}

static int contains_all(const char *text, size_t length, char **words, size_t count)
{
	for (size_t i = 0; i < count; i++)
		if (store_search_find(text, length, 0, words[i]) < 0)
			return 0;
	return 1;
}

int store_search(struct store *store, const struct store_search_query *query,
		 struct store_search_hit **hits, size_t *count, struct error *error)
{
	*hits = NULL;
	*count = 0;
	char **words;
	size_t word_count = store_search_words(query->text, &words);
	if (word_count == 0)
		return error_set(error, "nothing to search for");
	char *expression = match_expression(words, word_count);
	int indexed = expression[0] != '\0';
	sqlite3_stmt *statement =
	    store_statement(store, indexed ? STATEMENT_SEARCH_INDEX : STATEMENT_SEARCH_SCAN, error);
	if (!statement) {
		free(expression);
		store_search_words_free(words, word_count);
		return -1;
	}
	sqlite3_bind_text(statement, 1, indexed ? expression : words[0], -1, SQLITE_STATIC);
	sqlite3_bind_int64(statement, 2, query->document_id);
	sqlite3_bind_int64(statement, 3, query->theme_id);
	size_t capacity = 0, skipped = 0;
	int status = SQLITE_DONE;
	while ((query->limit == 0 || *count < query->limit) &&
	       (status = sqlite3_step(statement)) == SQLITE_ROW) {
		const char *text = (const char *)sqlite3_column_text(statement, 2);
		size_t length = (size_t)sqlite3_column_bytes(statement, 2);
		/* The index checked the long words; one-character words and ASCII
		 * case are checked here, so the offset counts only true hits. */
		if (!contains_all(text, length, words, word_count) || skipped++ < query->offset)
			continue;
		*hits = xgrow(*hits, &capacity, *count + 1, sizeof **hits);
		(*hits)[(*count)++] = (struct store_search_hit){
		    sqlite3_column_int64(statement, 0), (size_t)sqlite3_column_int64(statement, 1),
		    xstrndup(text, length), store_column_text(statement, 3)};
	}
	if (status == SQLITE_ROW) /* stopped at the limit */
		status = SQLITE_DONE;
	sqlite3_reset(statement);
	free(expression);
	store_search_words_free(words, word_count);
	if (status != SQLITE_DONE) {
		store_search_hits_free(*hits, *count);
		*hits = NULL;
		*count = 0;
		return store_sql_error(store, error);
	}
	return 0;
}

void store_search_hits_free(struct store_search_hit *hits, size_t count)
{
	for (size_t i = 0; i < count; i++) {
		free(hits[i].text);
		free(hits[i].title);
	}
	free(hits);
}

size_t store_search_highlights(const char *text, size_t length, const char *query,
			       struct store_search_span **spans)
{
	*spans = NULL;
	char **words;
	size_t word_count = store_search_words(query, &words);
	size_t count = 0, capacity = 0, at = 0;
	while (at < length) {
		long best = -1;
		size_t best_length = 0;
		for (size_t w = 0; w < word_count; w++) {
			long found = store_search_find(text, length, at, words[w]);
			size_t found_length = strlen(words[w]);
			if (found >= 0 && (best < 0 || found < best ||
					   (found == best && found_length > best_length))) {
				best = found;
				best_length = found_length;
			}
		}
		if (best < 0)
			break;
		*spans = xgrow(*spans, &capacity, count + 1, sizeof **spans);
		(*spans)[count++] = (struct store_search_span){(size_t)best, best_length};
		at = (size_t)best + best_length;
	}
	store_search_words_free(words, word_count);
	return count;
}
