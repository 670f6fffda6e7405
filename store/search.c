#include "store/search.h"

#include <assert.h>
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
	if (!utf8_has_ascii_letter(word, word_length)) {
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

/* Whether a row the index found must be checked against the words: the
 * index matches words of two characters or more exactly, but not a word
 * of one character, ASCII case, or bytes that are not whole characters. */
static int needs_check(char **words, size_t count)
{
	for (size_t i = 0; i < count; i++) {
		size_t length = strlen(words[i]);
		if (utf8_count(words[i], length) < 2 || utf8_has_ascii_letter(words[i], length) ||
		    utf8_text_problem(words[i], length))
			return 1;
	}
	return 0;
}

/* The tiers of the order, each from an index of its own (search.h). */
enum tier { TIER_TITLE, TIER_HEADING, TIER_BODY, TIER_COUNT };

/* A hit's place in its window's order, and where its text is once
 * fetched. */
struct gathered {
	double rank;  /* bm25: lower is more relevant; 0 for a scan */
	int32_t date; /* YYYYMMDD (0 for parts unknown); -1 undated */
	int64_t document_id;
	int64_t paragraph;
	int64_t row;	     /* the paragraph's rowid, to fetch its text */
	size_t text, length; /* offset in the copies and bytes; SIZE_MAX before */
	size_t title;	     /* offset, or SIZE_MAX for none */
};

/* "2026-03-05", "2026-03" or "2026" as 20260305, 20260300, 20260000, so
 * that a larger number is a later date; -1 for none. */
static int32_t date_key(const char *date)
{
	if (!date)
		return -1;
	int32_t parts[3] = {0, 0, 0};
	for (int part = 0; part < 3 && *date; part++) {
		for (; *date >= '0' && *date <= '9'; date++)
			if (parts[part] < 10000)
				parts[part] = parts[part] * 10 + (*date - '0');
		if (*date == '-')
			date++;
	}
	return parts[0] % 10000 * 10000 + parts[1] % 100 * 100 + parts[2] % 100;
}

/* The order within a window of one tier: bm25 (term density); ties go
 * to the newest speech (by date, then by import), then in reading order.
 * A total order, so no sort need be stable. */
static int by_relevance(const void *a, const void *b)
{
	const struct gathered *x = a, *y = b;
	if (x->rank != y->rank)
		return x->rank < y->rank ? -1 : 1;
	if (x->date != y->date)
		return x->date > y->date ? -1 : 1;
	if (x->document_id != y->document_id)
		return x->document_id > y->document_id ? -1 : 1;
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

/* What one search keeps of the window of hits it is gathering. With a
 * limit, only each hit's place in the order: the page's texts are
 * fetched once it is known, so a page costs its own texts, not every
 * hit's. Without one, every text is copied as it is stepped: fetching
 * each again would read its pages twice. */
struct gathering {
	char **words;
	size_t word_count;
	char *expression; /* for the index; "" when only a scan can find the words */
	int check;	  /* compare each text with the words */
	int copy;	  /* keep every text (no limit) */
	int count_only;	  /* keep nothing but the count */
	struct buffer copies;
	struct gathered *hits;
	size_t count, capacity;
};

/* Steps a search statement (rank, rowid, date, speech, paragraph, text,
 * title), keeping the true hits, until the window holds `window` of them
 * (SQLITE_ROW: the statement may have more) or the statement ends
 * (SQLITE_DONE). */
static int gather(sqlite3_stmt *statement, struct gathering *gathering, size_t window)
{
	int status = SQLITE_ROW;
	while (gathering->count < window && (status = sqlite3_step(statement)) == SQLITE_ROW) {
		const char *text = NULL;
		size_t length = 0;
		if (gathering->check || gathering->copy) {
			text = (const char *)sqlite3_column_text(statement, 5);
			length = (size_t)sqlite3_column_bytes(statement, 5);
			if (gathering->check &&
			    !contains_all(text, length, gathering->words, gathering->word_count))
				continue;
		}
		if (gathering->count_only) {
			gathering->count++;
			continue;
		}
		/* bm25 is always a number; NULL would sort first in SQL. */
		double rank = sqlite3_column_type(statement, 0) == SQLITE_NULL
				  ? -HUGE_VAL
				  : sqlite3_column_double(statement, 0);
		struct gathered hit = {
		    .rank = rank,
		    .row = sqlite3_column_int64(statement, 1),
		    .date = date_key((const char *)sqlite3_column_text(statement, 2)),
		    .document_id = sqlite3_column_int64(statement, 3),
		    .paragraph = sqlite3_column_int64(statement, 4),
		    .text = SIZE_MAX,
		    .title = SIZE_MAX,
		};
		if (gathering->copy) {
			hit.text = keep(&gathering->copies, text, length);
			hit.length = length;
			const char *title = (const char *)sqlite3_column_text(statement, 6);
			if (title)
				hit.title = keep(&gathering->copies, title,
						 (size_t)sqlite3_column_bytes(statement, 6));
		}
		gathering->hits = xgrow(gathering->hits, &gathering->capacity, gathering->count + 1,
					sizeof *gathering->hits);
		gathering->hits[gathering->count++] = hit;
	}
	return status;
}

/* Sifts hits[at] down the max-heap hits[0..size) (the least relevant on
 * top). */
static void sift_down(struct gathered *hits, size_t size, size_t at)
{
	for (size_t child; (child = 2 * at + 1) < size; at = child) {
		if (child + 1 < size && by_relevance(&hits[child + 1], &hits[child]) > 0)
			child++;
		if (by_relevance(&hits[child], &hits[at]) <= 0)
			break;
		struct gathered swap = hits[at];
		hits[at] = hits[child];
		hits[child] = swap;
	}
}

/* Moves the `wanted` most relevant hits to the front of hits[0..count),
 * in order, by a heap of the best seen so far (its worst on top): n log k
 * comparisons and no copy of the rest. */
static void select_best(struct gathered *hits, size_t count, size_t wanted)
{
	if (wanted >= count) {
		qsort(hits, count, sizeof *hits, by_relevance);
		return;
	}
	for (size_t i = wanted; i-- > 0;)
		sift_down(hits, wanted, i);
	for (size_t i = wanted; i < count; i++) {
		if (wanted == 0 || by_relevance(&hits[i], &hits[0]) >= 0)
			continue;
		hits[0] = hits[i];
		sift_down(hits, wanted, 0);
	}
	qsort(hits, wanted, sizeof *hits, by_relevance);
}

/* A page's hit's text and title, fetched by its rowid into the copies. */
static int fetch(struct store *store, struct gathered *hit, struct buffer *copies,
		 struct error *error)
{
	sqlite3_stmt *statement = store_statement(store, STATEMENT_SEARCH_ROW, error);
	if (!statement)
		return -1;
	sqlite3_bind_int64(statement, 1, hit->row);
	int status = sqlite3_step(statement);
	if (status == SQLITE_ROW) {
		hit->length = (size_t)sqlite3_column_bytes(statement, 0);
		hit->text = keep(copies, sqlite3_column_text(statement, 0), hit->length);
		const char *title = (const char *)sqlite3_column_text(statement, 1);
		if (title)
			hit->title =
			    keep(copies, title, (size_t)sqlite3_column_bytes(statement, 1));
	}
	sqlite3_reset(statement);
	if (status == SQLITE_ROW)
		return 0;
	return status == SQLITE_DONE
		   ? error_set(error, _("a paragraph went missing during a search"))
		   : store_sql_error(store, error);
}

/* Splits the query into words and the index's expression, refusing what
 * cannot be searched. */
static int prepare_search(struct store *store, const struct store_search_query *query,
			  struct gathering *gathering, struct error *error)
{
	size_t query_length = strlen(query->text);
	if (query_length > STORE_SEARCH_MAX_BYTES)
		return error_set(error,
				 _("the search is too long (%zu bytes; the most is %d): search for "
				   "fewer words"),
				 query_length, STORE_SEARCH_MAX_BYTES);
	gathering->word_count = store_search_words(query->text, &gathering->words);
	if (gathering->word_count == 0)
		return error_set(error, _("nothing to search for"));
	if (gathering->word_count > STORE_SEARCH_MAX_WORDS)
		return error_set(error, _("the search has %zu words; the most is %d"),
				 gathering->word_count, STORE_SEARCH_MAX_WORDS);
	/* A count in the background may be called off before it starts,
	 * when sqlite3_interrupt would find no statement to stop. */
	if (atomic_load(&store->interrupted))
		return error_set(error, _("interrupted"));
	gathering->expression = match_expression(gathering->words, gathering->word_count);
	gathering->check =
	    !gathering->expression[0] || needs_check(gathering->words, gathering->word_count);
	return 0;
}

/* The statement that finds a tier's hits, bound: its index when a word
 * has two characters or more (with the texts only when something needs
 * them), else a scan for the first word, with lower() only when the word
 * has an ASCII letter. A scan of tier TIER_COUNT takes every role. */
static sqlite3_stmt *tier_statement(struct store *store, const struct store_search_query *query,
				    const struct gathering *gathering, enum tier tier,
				    struct error *error)
{
	static const enum statement places[] = {STATEMENT_SEARCH_TITLE_PLACES,
						STATEMENT_SEARCH_HEADING_PLACES,
						STATEMENT_SEARCH_BODY_PLACES};
	static const enum statement texts[] = {STATEMENT_SEARCH_TITLE_TEXTS,
					       STATEMENT_SEARCH_HEADING_TEXTS,
					       STATEMENT_SEARCH_BODY_TEXTS};
	static const char *const roles[] = {"title", "heading", "body"};
	const char *first_word = gathering->words[0];
	int indexed = gathering->expression[0] != '\0';
	assert(tier < TIER_COUNT || !indexed);
	enum statement which =
	    indexed ? (gathering->check || gathering->copy ? texts[tier] : places[tier])
	    : utf8_has_ascii_letter(first_word, strlen(first_word)) ? STATEMENT_SEARCH_SCAN
								    : STATEMENT_SEARCH_SCAN_EXACT;
	sqlite3_stmt *statement = store_statement(store, which, error);
	if (!statement)
		return NULL;
	sqlite3_bind_text(statement, 1, indexed ? gathering->expression : first_word, -1,
			  SQLITE_STATIC);
	sqlite3_bind_int64(statement, 2, query->document_id);
	sqlite3_bind_int64(statement, 3, query->theme_id);
	sqlite3_bind_int(statement, 4, query->include_hidden);
	if (!indexed && tier < TIER_COUNT)
		sqlite3_bind_text(statement, 5, roles[tier], -1, SQLITE_STATIC);
	return statement;
}

static void gathering_free(struct gathering *gathering)
{
	store_search_words_free(gathering->words, gathering->word_count);
	free(gathering->expression);
	buffer_free(&gathering->copies);
	free(gathering->hits);
}

/* The slice of the order a search shows, and how far it has come. */
struct page {
	size_t offset, end; /* positions in the whole order; end SIZE_MAX for all */
	size_t position;    /* of the window being shown */
	store_search_visit visit;
	void *context;
	int stopped; /* visit asked to stop */
};

/* Ranks the gathered window (positions page->position on) as far as the
 * page needs it and shows its part of the page. */
static int show_window(struct store *store, struct gathering *gathering, struct page *page,
		       struct error *error)
{
	size_t count = gathering->count, from = 0, to = count;
	if (page->offset > page->position)
		from =
		    page->offset - page->position < count ? page->offset - page->position : count;
	if (page->end - page->position < to)
		to = page->end - page->position;
	if (from < to)
		select_best(gathering->hits, count, to);
	for (size_t i = from; i < to && !page->stopped; i++) {
		struct gathered *hit = &gathering->hits[i];
		if (hit->text == SIZE_MAX && fetch(store, hit, &gathering->copies, error) != 0)
			return -1;
		struct store_search_row row = {
		    hit->document_id, (size_t)hit->paragraph, gathering->copies.data + hit->text,
		    hit->length,
		    hit->title == SIZE_MAX ? NULL : gathering->copies.data + hit->title};
		page->stopped = page->visit(page->context, &row) != 0;
	}
	page->position += count;
	return 0;
}

/* Steps one tier's statement window by window, showing each window's
 * part of the page, until the tier ends or the page is full. */
static int search_tier(struct store *store, const struct store_search_query *query,
		       struct gathering *gathering, enum tier tier, struct page *page,
		       struct error *error)
{
	sqlite3_stmt *statement = tier_statement(store, query, gathering, tier, error);
	if (!statement)
		return -1;
	size_t window = query->window ? query->window : STORE_SEARCH_WINDOW;
	int status, shown = 0;
	do {
		gathering->count = 0;
		gathering->copies.length = 0;
		status = gather(statement, gathering, window);
		if (status != SQLITE_ROW && status != SQLITE_DONE)
			break;
		shown = show_window(store, gathering, page, error);
	} while (shown == 0 && status == SQLITE_ROW && !page->stopped &&
		 page->position < page->end);
	int failed = status != SQLITE_ROW && status != SQLITE_DONE;
	if (failed)
		store_sql_error(store, error);
	sqlite3_reset(statement);
	return failed || shown != 0 ? -1 : 0;
}

/* A search's statements (the tiers', then the page's texts) run in one
 * read transaction, on one snapshot of the library: the read lock is taken
 * once, not for each statement, and a hit cannot go missing between its
 * tier and its text. Inside a caller's transaction there is nothing to
 * do. Returns whether it began one, for read_end. */
static int read_begin(struct store *store)
{
	return sqlite3_get_autocommit(store->db) &&
	       sqlite3_exec(store->db, "BEGIN", NULL, NULL, NULL) == SQLITE_OK;
}

static void read_end(struct store *store, int began)
{
	/* Ending a read cannot lose anything; a failure is a rollback. */
	if (began && sqlite3_exec(store->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
		sqlite3_exec(store->db, "ROLLBACK", NULL, NULL, NULL);
}

int store_search_each(struct store *store, const struct store_search_query *query,
		      store_search_visit visit, void *context, struct error *error)
{
	struct gathering gathering = {.copy = query->limit == 0};
	struct page page = {
	    .offset = query->offset,
	    .end = query->limit && query->limit <= SIZE_MAX - query->offset
		       ? query->offset + query->limit
		       : SIZE_MAX,
	    .visit = visit,
	    .context = context,
	};
	int status = prepare_search(store, query, &gathering, error);
	int began = status == 0 && read_begin(store);
	for (enum tier tier = TIER_TITLE;
	     status == 0 && tier < TIER_COUNT && !page.stopped && page.position < page.end; tier++)
		status = search_tier(store, query, &gathering, tier, &page, error);
	read_end(store, began);
	gathering_free(&gathering);
	return status;
}

/* Counts the rows of one statement (a count(*), or true hits stepped). */
static int count_statement(struct store *store, sqlite3_stmt *statement,
			   struct gathering *gathering, int counted_by_sql, struct error *error)
{
	int status;
	if (counted_by_sql) {
		status = sqlite3_step(statement);
		if (status == SQLITE_ROW)
			gathering->count += (size_t)sqlite3_column_int64(statement, 0);
		status = status == SQLITE_ROW ? SQLITE_DONE : status;
	} else {
		status = gather(statement, gathering, SIZE_MAX);
	}
	sqlite3_reset(statement);
	return status == SQLITE_DONE ? 0 : store_sql_error(store, error);
}

int store_search_count(struct store *store, const struct store_search_query *query, size_t *count,
		       struct error *error)
{
	struct gathering gathering = {.count_only = 1};
	int status = prepare_search(store, query, &gathering, error);
	int began = status == 0 && read_begin(store);
	if (status == 0 && gathering.expression[0] && !gathering.check) {
		/* One statement counts the titles in their index and the rest in
		 * the body's (statement.h: SEARCH_INDEX_COUNT). */
		sqlite3_stmt *statement =
		    store_statement(store, STATEMENT_SEARCH_INDEX_COUNT, error);
		status = statement ? 0 : -1;
		if (statement) {
			sqlite3_bind_text(statement, 1, gathering.expression, -1, SQLITE_STATIC);
			sqlite3_bind_int64(statement, 2, query->document_id);
			sqlite3_bind_int64(statement, 3, query->theme_id);
			sqlite3_bind_int(statement, 4, query->include_hidden);
			status = count_statement(store, statement, &gathering, 1, error);
		}
	} else if (status == 0 && gathering.expression[0]) {
		for (enum tier tier = TIER_TITLE; status == 0 && tier < TIER_COUNT; tier++) {
			sqlite3_stmt *statement =
			    tier_statement(store, query, &gathering, tier, error);
			status = statement ? count_statement(store, statement, &gathering, 0, error)
					   : -1;
		}
	} else if (status == 0) {
		/* A scan of every role at once. */
		sqlite3_stmt *statement =
		    tier_statement(store, query, &gathering, TIER_COUNT, error);
		status = statement ? count_statement(store, statement, &gathering, 0, error) : -1;
	}
	read_end(store, began);
	*count = status == 0 ? gathering.count : 0;
	gathering_free(&gathering);
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
