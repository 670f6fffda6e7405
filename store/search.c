#include "store/search.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/buffer.h"
#include "base/i18n.h"
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

/* Whether folding can matter: the word has an ASCII letter. */
static int has_letter(const char *word, size_t length)
{
	for (size_t i = 0; i < length; i++)
		if ((word[i] >= 'A' && word[i] <= 'Z') || (word[i] >= 'a' && word[i] <= 'z'))
			return 1;
	return 0;
}

/* Matches start and end on character boundaries. */
static int whole_characters(const char *text, size_t length, size_t at, size_t word_length)
{
	return !continues(text, length, at) && !continues(text, length, at + word_length);
}

long store_search_find(const char *text, size_t length, size_t from, const char *word)
{
	size_t word_length = strlen(word);
	if (word_length == 0 || word_length > length)
		return -1;
	if (!has_letter(word, word_length)) {
		/* A byte that is not a letter folds to itself and only a letter
		 * folds to a letter, so the match is exact: memmem finds the
		 * candidates many times faster than comparing at every byte. */
		for (size_t i = from; i + word_length <= length; i++) {
			const char *found = memmem(text + i, length - i, word, word_length);
			if (!found)
				return -1;
			i = (size_t)(found - text);
			if (whole_characters(text, length, i, word_length))
				return (long)i;
		}
		return -1;
	}
	for (size_t i = from; i + word_length <= length; i++) {
		/* Whole characters only, as the index sees them: a query that is
		 * not valid UTF-8 must not match the tail of a character. */
		if (!whole_characters(text, length, i, word_length))
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

/* Offset and limit over the true hits, and the caller's visit. */
struct pager {
	const struct store_search_query *query;
	store_search_visit visit;
	void *context;
	size_t skipped, visited;
};

/* Passes a true hit on unless the offset skips it; nonzero to stop. */
static int page(struct pager *pager, const struct store_search_row *row)
{
	if (pager->skipped < pager->query->offset) {
		pager->skipped++;
		return 0;
	}
	pager->visited++;
	return pager->visit(pager->context, row) != 0 ||
	       (pager->query->limit && pager->visited >= pager->query->limit);
}

/* A hit from the index, its text and title copied into one buffer. */
struct gathered {
	double rank;
	int64_t document_id;
	int64_t paragraph;
	size_t text, length; /* offset in the buffer, bytes */
	size_t title;	     /* offset, or SIZE_MAX for NULL */
};

/* bm25's order (lower is more relevant), then speech and paragraph, as
 * the ORDER BY this replaces: a total order, so the sort need not be
 * stable. */
static int by_rank(const void *a, const void *b)
{
	const struct gathered *x = a, *y = b;
	if (x->rank != y->rank)
		return x->rank < y->rank ? -1 : 1;
	if (x->document_id != y->document_id)
		return x->document_id < y->document_id ? -1 : 1;
	return (x->paragraph > y->paragraph) - (x->paragraph < y->paragraph);
}

/* Appends bytes and a NUL, so that copies are C strings like SQLite's. */
static size_t keep(struct buffer *buffer, const void *bytes, size_t length)
{
	size_t offset = buffer->length;
	buffer_append(buffer, bytes, length);
	buffer_append_byte(buffer, '\0');
	return offset;
}

/* Steps the index statement to the end, keeping the true hits. Copying
 * is cheap next to what it replaces: SQLite's sorter writing the texts
 * out and reading them back, or a second look-up per hit. */
static int gather(sqlite3_stmt *statement, char **words, size_t word_count, struct buffer *copies,
		  struct gathered **hits, size_t *count)
{
	size_t capacity = 0;
	int status;
	while ((status = sqlite3_step(statement)) == SQLITE_ROW) {
		const char *text = (const char *)sqlite3_column_text(statement, 3);
		size_t length = (size_t)sqlite3_column_bytes(statement, 3);
		/* The index checked the long words; one-character words and
		 * ASCII case are checked here. */
		if (!contains_all(text, length, words, word_count))
			continue;
		/* bm25 is always a number; NULL would sort first in SQL. */
		double rank = sqlite3_column_type(statement, 0) == SQLITE_NULL
				  ? -HUGE_VAL
				  : sqlite3_column_double(statement, 0);
		const char *title = (const char *)sqlite3_column_text(statement, 4);
		size_t title_offset =
		    title ? keep(copies, title, (size_t)sqlite3_column_bytes(statement, 4))
			  : SIZE_MAX;
		*hits = xgrow(*hits, &capacity, *count + 1, sizeof **hits);
		(*hits)[(*count)++] = (struct gathered){rank,
							sqlite3_column_int64(statement, 1),
							sqlite3_column_int64(statement, 2),
							keep(copies, text, length),
							length,
							title_offset};
	}
	return status;
}

/* A search through the index: every hit gathered, sorted, then paged. */
static int search_index(sqlite3_stmt *statement, char **words, size_t word_count,
			struct pager *pager)
{
	struct buffer copies = {0};
	struct gathered *hits = NULL;
	size_t count = 0;
	int status = gather(statement, words, word_count, &copies, &hits, &count);
	sqlite3_reset(statement);
	if (status == SQLITE_DONE && count > 0) {
		qsort(hits, count, sizeof *hits, by_rank);
		for (size_t i = 0; i < count; i++) {
			const struct gathered *hit = &hits[i];
			struct store_search_row row = {
			    hit->document_id, (size_t)hit->paragraph, copies.data + hit->text,
			    hit->length, hit->title == SIZE_MAX ? NULL : copies.data + hit->title};
			if (page(pager, &row))
				break;
		}
	}
	free(hits);
	buffer_free(&copies);
	return status;
}

/* A scan for one-character words: its rows come in reading order, so
 * each goes out as it is stepped. */
static int search_scan(sqlite3_stmt *statement, char **words, size_t word_count,
		       struct pager *pager)
{
	int status;
	while ((status = sqlite3_step(statement)) == SQLITE_ROW) {
		struct store_search_row row = {.document_id = sqlite3_column_int64(statement, 0),
					       .paragraph =
						   (size_t)sqlite3_column_int64(statement, 1)};
		/* The text before its length, as SQLite asks: the initializers
		 * of one list have no order. */
		row.text = (const char *)sqlite3_column_text(statement, 2);
		row.length = (size_t)sqlite3_column_bytes(statement, 2);
		row.title = (const char *)sqlite3_column_text(statement, 3);
		if (contains_all(row.text, row.length, words, word_count) && page(pager, &row)) {
			status = SQLITE_DONE;
			break;
		}
	}
	sqlite3_reset(statement);
	return status;
}

/* The index when a word has two characters or more; else a scan for the
 * first word, with lower() only when the word has an ASCII letter. */
static enum statement search_statement(int indexed, const char *first_word)
{
	if (indexed)
		return STATEMENT_SEARCH_INDEX;
	return has_letter(first_word, strlen(first_word)) ? STATEMENT_SEARCH_SCAN
							  : STATEMENT_SEARCH_SCAN_EXACT;
}

int store_search_each(struct store *store, const struct store_search_query *query,
		      store_search_visit visit, void *context, struct error *error)
{
	size_t query_length = strlen(query->text);
	if (query_length > STORE_SEARCH_MAX_BYTES)
		return error_set(error,
				 _("the search is too long (%zu bytes; the most is %d): search for "
				   "fewer words"),
				 query_length, STORE_SEARCH_MAX_BYTES);
	char **words;
	size_t word_count = store_search_words(query->text, &words);
	if (word_count == 0)
		return error_set(error, _("nothing to search for"));
	if (word_count > STORE_SEARCH_MAX_WORDS) {
		store_search_words_free(words, word_count);
		return error_set(error, _("the search has %zu words; the most is %d"), word_count,
				 STORE_SEARCH_MAX_WORDS);
	}
	char *expression = match_expression(words, word_count);
	int indexed = expression[0] != '\0';
	sqlite3_stmt *statement =
	    store_statement(store, search_statement(indexed, words[0]), error);
	int status = -1;
	if (statement) {
		sqlite3_bind_text(statement, 1, indexed ? expression : words[0], -1, SQLITE_STATIC);
		sqlite3_bind_int64(statement, 2, query->document_id);
		sqlite3_bind_int64(statement, 3, query->theme_id);
		struct pager pager = {query, visit, context, 0, 0};
		status = indexed ? search_index(statement, words, word_count, &pager)
				 : search_scan(statement, words, word_count, &pager);
		status = status == SQLITE_DONE ? 0 : store_sql_error(store, error);
	}
	free(expression);
	store_search_words_free(words, word_count);
	return status;
}

struct collected {
	struct store_search_hit *hits;
	size_t count, capacity;
};

static int collect(void *context, const struct store_search_row *row)
{
	struct collected *collected = context;
	collected->hits = xgrow(collected->hits, &collected->capacity, collected->count + 1,
				sizeof *collected->hits);
	collected->hits[collected->count++] = (struct store_search_hit){
	    row->document_id, row->paragraph, xstrndup(row->text, row->length),
	    row->title ? xstrdup(row->title) : NULL};
	return 0;
}

int store_search(struct store *store, const struct store_search_query *query,
		 struct store_search_hit **hits, size_t *count, struct error *error)
{
	struct collected collected = {0};
	int status = store_search_each(store, query, collect, &collected, error);
	if (status != 0) {
		store_search_hits_free(collected.hits, collected.count);
		collected = (struct collected){0};
	}
	*hits = collected.hits;
	*count = collected.count;
	return status;
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
