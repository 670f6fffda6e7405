#include "store/reattach.h"

#include <stdlib.h>
#include <string.h>

#include "base/buffer.h"
#include "base/sha256.h"
#include "base/utf8.h"
#include "store/document.h"
#include "store/event.h"
#include "store/internal.h"
#include "store/rows.h"

/* The character bigrams of text as sorted 64-bit codes. */
static uint64_t *bigrams(const char *text, size_t length, size_t *count)
{
	size_t characters = utf8_count(text, length);
	uint64_t *codes = xcalloc(characters, sizeof *codes);
	*count = 0;
	long previous = -2;
	for (size_t offset = 0; offset < length;) {
		size_t step;
		long codepoint =
		    utf8_decode((const unsigned char *)text + offset, length - offset, &step);
		if (previous != -2)
			codes[(*count)++] =
			    (uint64_t)(previous + 1) << 32 | (uint64_t)(codepoint + 1);
		previous = codepoint;
		offset += step;
	}
	return codes;
}

static int compare_codes(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return x < y ? -1 : x > y;
}

double text_similarity(const char *a, size_t a_length, const char *b, size_t b_length)
{
	if (a_length == b_length && memcmp(a, b, a_length) == 0)
		return 1.0;
	size_t a_count, b_count;
	uint64_t *a_codes = bigrams(a, a_length, &a_count);
	uint64_t *b_codes = bigrams(b, b_length, &b_count);
	qsort(a_codes, a_count, sizeof *a_codes, compare_codes);
	qsort(b_codes, b_count, sizeof *b_codes, compare_codes);
	size_t shared = 0;
	for (size_t i = 0, j = 0; i < a_count && j < b_count;) {
		if (a_codes[i] == b_codes[j]) {
			shared++;
			i++;
			j++;
		} else if (a_codes[i] < b_codes[j]) {
			i++;
		} else {
			j++;
		}
	}
	free(a_codes);
	free(b_codes);
	if (a_count + b_count == 0)
		return 0.0;
	return 2.0 * (double)shared / (double)(a_count + b_count);
}

struct versions {
	const struct speech *old_speech;
	const struct speech *new_speech;
	const int64_t *new_hashes;
	unsigned char *used; /* new paragraphs already given an annotation */
};

static int same_text(const struct speech *a, size_t i, const struct speech *b, size_t j)
{
	return a->paragraphs[i].length == b->paragraphs[j].length &&
	       memcmp(paragraph_text(a, i), paragraph_text(b, j), a->paragraphs[i].length) == 0;
}

static size_t distance(size_t a, size_t b)
{
	return a > b ? a - b : b - a;
}

/* A new paragraph with the same text, unused ones first, then nearest. */
static size_t exact_match(const struct versions *versions, size_t old)
{
	const struct speech *new_speech = versions->new_speech;
	int64_t hash = sha256_int64(paragraph_text(versions->old_speech, old),
				    versions->old_speech->paragraphs[old].length);
	size_t best = 0;
	int best_used = 1;
	for (size_t i = 1; i < new_speech->paragraph_count; i++) {
		if (versions->new_hashes[i] != hash ||
		    !same_text(versions->old_speech, old, new_speech, i))
			continue;
		int used = versions->used[i];
		if (!best || used < best_used ||
		    (used == best_used && distance(i, old) < distance(best, old))) {
			best = i;
			best_used = used;
		}
	}
	return best;
}

/* The outline entry of the new version whose heading has the text of the
 * old paragraph's section heading; -1 when that heading is gone. */
static long matching_section(const struct versions *versions, size_t old)
{
	const struct speech *old_speech = versions->old_speech;
	size_t heading = old_speech->outline[old_speech->paragraphs[old].section].paragraph;
	const struct speech *new_speech = versions->new_speech;
	for (size_t entry = 0; entry < new_speech->outline_count; entry++)
		if (same_text(old_speech, heading, new_speech,
			      new_speech->outline[entry].paragraph))
			return (long)entry;
	return -1;
}

/* The most similar paragraph of the matching section (of the whole speech
 * when the section's heading is gone), if similar enough. */
static size_t similar_match(const struct versions *versions, size_t old)
{
	const struct speech *old_speech = versions->old_speech;
	const struct speech *new_speech = versions->new_speech;
	long section = matching_section(versions, old);
	size_t best = 0;
	double best_score = REATTACH_MIN_SIMILARITY;
	for (size_t i = 1; i < new_speech->paragraph_count; i++) {
		if (section >= 0 && new_speech->paragraphs[i].section != (size_t)section)
			continue;
		double score = text_similarity(
		    paragraph_text(old_speech, old), old_speech->paragraphs[old].length,
		    paragraph_text(new_speech, i), new_speech->paragraphs[i].length);
		if (versions->used[i])
			score -= 0.01; /* prefer a paragraph not taken yet */
		if (score >= best_score && (!best || score > best_score)) {
			best = i;
			best_score = score;
		}
	}
	return best;
}

/* One kind of record that follows a speech to its new version: the
 * annotations (tags, notes) or the corrections. Both are matched to the
 * new paragraphs the same way (reattach below); only these differ. */
struct kind {
	enum statement held; /* the paragraphs of a version that hold one */
	struct move {
		enum statement statement; /* binds old id, paragraph, new id, paragraph */
		int hashed;		  /* and the new paragraph's text hash */
	} moves[3];
	size_t move_count;
	/* The paragraphs below `first` are not matched by their text: they
	 * follow the speech, moved by follow (the title's correction). */
	size_t first;
	int (*follow)(struct store *store, int64_t old_id, size_t old, int64_t new_id,
		      const int64_t *hashes, struct error *error);
};

/* Moves what paragraph old of old_id holds to paragraph target of new_id. */
static int move_paragraph(struct store *store, const struct kind *kind, int64_t old_id, size_t old,
			  int64_t new_id, size_t target, int64_t hash, struct error *error)
{
	for (size_t m = 0; m < kind->move_count; m++) {
		sqlite3_stmt *statement = store_statement(store, kind->moves[m].statement, error);
		if (!statement)
			return -1;
		sqlite3_bind_int64(statement, 1, old_id);
		sqlite3_bind_int64(statement, 2, (sqlite3_int64)old);
		sqlite3_bind_int64(statement, 3, new_id);
		sqlite3_bind_int64(statement, 4, (sqlite3_int64)target);
		if (kind->moves[m].hashed)
			sqlite3_bind_int64(statement, 5, hash);
		if (store_step_done(store, statement, error) != 0)
			return -1;
	}
	/* A correction moved: both paragraphs' tiers in search may change. */
	if (kind->held == STATEMENT_CORRECTED_PARAGRAPHS && target > 0 &&
	    (correction_heading_follow(store, old_id, old, error) != 0 ||
	     correction_heading_follow(store, new_id, target, error) != 0))
		return -1;
	return 0;
}

/* The paragraphs of a document named by `which`: its annotated ones, or
 * its corrected ones. */
static int paragraphs_of(struct store *store, enum statement which, int64_t id, size_t **paragraphs,
			 size_t *count, struct error *error)
{
	void *rows;
	int status =
	    store_rows_select(store, which, &id, &store_paragraph_number_rows, &rows, count, error);
	*paragraphs = rows;
	return status;
}

/* The new paragraph of each of the count held old ones (0: none) in
 * targets, a new array. Exact matches first, so a similar paragraph cannot
 * take the place of one that kept its text. */
static int match(struct store *store, const struct kind *kind, int64_t old_id,
		 const struct speech *speech, const int64_t *hashes, const size_t *held,
		 size_t count, size_t **targets, struct error *error)
{
	*targets = xcalloc(count ? count : 1, sizeof **targets);
	if (count == 0)
		return 0;
	struct speech old_speech;
	if (store_speech_load_parsed(store, old_id, &old_speech, error) != 0)
		return -1;
	struct versions versions = {&old_speech, speech, hashes,
				    xcalloc(speech->paragraph_count, 1)};
	size_t (*const passes[])(const struct versions *, size_t) = {exact_match, similar_match};
	for (size_t pass = 0; pass < sizeof passes / sizeof passes[0]; pass++)
		for (size_t i = 0; i < count; i++)
			if (!(*targets)[i] && held[i] >= kind->first &&
			    held[i] < old_speech.paragraph_count &&
			    ((*targets)[i] = passes[pass](&versions, held[i])))
				versions.used[(*targets)[i]] = 1;
	free(versions.used);
	speech_free(&old_speech);
	return 0;
}

/* Moves the records of the kind from old_id to new_id and counts the
 * paragraphs moved and those left on old_id. */
static int reattach(struct store *store, const struct kind *kind, int64_t old_id, int64_t new_id,
		    const struct speech *speech, const int64_t *hashes, size_t *reattached,
		    size_t *orphaned, struct error *error)
{
	*reattached = *orphaned = 0;
	size_t *held, count;
	if (paragraphs_of(store, kind->held, old_id, &held, &count, error) != 0)
		return -1;
	size_t *targets;
	int status = match(store, kind, old_id, speech, hashes, held, count, &targets, error);
	for (size_t i = 0; i < count && status == 0; i++)
		if (held[i] < kind->first)
			status = kind->follow(store, old_id, held[i], new_id, hashes, error);
		else if (targets[i])
			status = move_paragraph(store, kind, old_id, held[i], new_id, targets[i],
						hashes[targets[i]], error);
	/* What is still on the old version (a duplicate that the new place
	 * already had included) is orphaned. */
	size_t *left = NULL, left_count = 0;
	if (status == 0)
		status = paragraphs_of(store, kind->held, old_id, &left, &left_count, error);
	if (status == 0) {
		*orphaned = left_count;
		*reattached = count - left_count;
	}
	free(left);
	free(targets);
	free(held);
	return status;
}

static const struct kind annotations = {
    STATEMENT_ANNOTATED_PARAGRAPHS,
    {{STATEMENT_REATTACH_TAGS, 1}, {STATEMENT_REATTACH_NOTES, 1}, {STATEMENT_REATTACH_EVENTS, 0}},
    3,
    0,
    NULL,
};

int reattach_annotations(struct store *store, int64_t old_id, int64_t new_id,
			 const struct speech *speech, const int64_t *hashes, size_t *reattached,
			 size_t *orphaned, struct error *error)
{
	if (reattach(store, &annotations, old_id, new_id, speech, hashes, reattached, orphaned,
		     error) != 0)
		return -1;
	/* The actions (undo's units) of the old version follow it whole. */
	sqlite3_stmt *statement = store_statement(store, STATEMENT_REATTACH_ACTIONS, error);
	if (!statement)
		return -1;
	sqlite3_bind_int64(statement, 1, old_id);
	sqlite3_bind_int64(statement, 2, new_id);
	return store_step_done(store, statement, error);
}

static int move_title(struct store *store, int64_t old_id, size_t old, int64_t new_id,
		      const int64_t *hashes, struct error *error);

static const struct kind corrections = {
    STATEMENT_CORRECTED_PARAGRAPHS,
    {{STATEMENT_REATTACH_CORRECTION, 1}, {STATEMENT_REATTACH_CORRECTION_EVENTS, 0}},
    2,
    1,
    move_title,
};

/* The title correction (paragraph 0's) belongs to the speech, not to a
 * paragraph: it always follows, and the new version is listed under it. */
static int move_title(struct store *store, int64_t old_id, size_t old, int64_t new_id,
		      const int64_t *hashes, struct error *error)
{
	/* Both titles in the title index change text (event.h). */
	if (correction_title_follow(store, old_id, 0, error) != 0 ||
	    correction_title_follow(store, new_id, 0, error) != 0 ||
	    move_paragraph(store, &corrections, old_id, old, new_id, 0, hashes[0], error) != 0 ||
	    correction_title_follow(store, old_id, 1, error) != 0 ||
	    correction_title_follow(store, new_id, 1, error) != 0)
		return -1;
	sqlite3_stmt *statement = store_statement(store, STATEMENT_CORRECTIONS_OF, error);
	if (!statement)
		return -1;
	sqlite3_bind_int64(statement, 1, new_id);
	char *title = NULL;
	int status;
	while ((status = sqlite3_step(statement)) == SQLITE_ROW)
		if (sqlite3_column_int64(statement, 0) == 0) {
			free(title);
			title = store_column_text(statement, 3);
		}
	sqlite3_reset(statement);
	if (status != SQLITE_DONE) {
		free(title);
		return store_sql_error(store, error);
	}
	status = title ? correction_write(store, new_id, 0, title, error) : 0;
	free(title);
	return status;
}

int reattach_corrections(struct store *store, int64_t old_id, int64_t new_id,
			 const struct speech *speech, const int64_t *hashes, size_t *reattached,
			 size_t *orphaned, struct error *error)
{
	return reattach(store, &corrections, old_id, new_id, speech, hashes, reattached, orphaned,
			error);
}
