#include "store/excerpt.h"

#include <stdlib.h>
#include <string.h>

#include "base/buffer.h"
#include "base/i18n.h"
#include "speech/correct.h"
#include "store/correction.h"
#include "store/document.h"
#include "store/internal.h"
#include "store/section.h"
#include "store/validate.h"

/* A list of ids as the JSON array the statements read with json_each, or
 * NULL for an empty list ("every"). */
static char *json_ids(const int64_t *ids, size_t count)
{
	if (count == 0)
		return NULL;
	struct buffer json = {0};
	buffer_append_byte(&json, '[');
	for (size_t i = 0; i < count; i++)
		buffer_printf(&json, "%s%lld", i ? "," : "", (long long)ids[i]);
	buffer_append_byte(&json, ']');
	return buffer_string(&json);
}

/* Prepares a selection statement and binds ?1 (speeches) and ?2 (themes).
 * The JSON strings must outlive the statement's steps. */
static sqlite3_stmt *selection_statement(struct store *store, enum statement id,
					 const char *speeches, const char *themes,
					 struct error *error)
{
	sqlite3_stmt *statement = store_statement(store, id, error);
	if (!statement)
		return NULL;
	if (speeches)
		sqlite3_bind_text(statement, 1, speeches, -1, SQLITE_STATIC);
	if (themes)
		sqlite3_bind_text(statement, 2, themes, -1, SQLITE_STATIC);
	return statement;
}

/* A read transaction, so that the statements of one query see the same
 * library while another pizhu writes; none when the caller is already in
 * one. */
static int read_begin(struct store *store, int *began, struct error *error)
{
	*began = sqlite3_get_autocommit(store->db);
	if (*began && sqlite3_exec(store->db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
		return store_sql_error(store, error);
	return 0;
}

static void read_end(struct store *store, int began)
{
	if (began)
		sqlite3_exec(store->db, "COMMIT", NULL, NULL, NULL);
}

/* Rows of EXCERPT_THEMES and EXCERPT_SECTIONS come in the excerpts' order,
 * so each is matched by walking forward from the last match. */
static struct store_excerpt *match(struct store_excerpt *excerpts, size_t count, size_t *at,
				   sqlite3_stmt *statement)
{
	int64_t document = sqlite3_column_int64(statement, 0);
	size_t paragraph = (size_t)sqlite3_column_int64(statement, 1);
	while (*at < count &&
	       (excerpts[*at].document_id != document || excerpts[*at].paragraph != paragraph))
		(*at)++;
	return *at < count ? &excerpts[*at] : NULL;
}

static int read_excerpts(struct store *store, sqlite3_stmt *statement,
			 struct store_excerpt **excerpts, size_t *count, struct error *error)
{
	size_t capacity = 0;
	int status;
	while ((status = sqlite3_step(statement)) == SQLITE_ROW) {
		*excerpts = xgrow(*excerpts, &capacity, *count + 1, sizeof **excerpts);
		struct store_excerpt *excerpt = &(*excerpts)[(*count)++];
		*excerpt = (struct store_excerpt){
		    .speech_id = sqlite3_column_int64(statement, 0),
		    .document_id = sqlite3_column_int64(statement, 1),
		    .paragraph = (size_t)sqlite3_column_int64(statement, 2),
		    .title = store_column_text(statement, 3),
		    .date = store_column_text(statement, 4),
		    .speaker = store_column_text(statement, 5),
		    .occasion = store_column_text(statement, 6),
		    .source = store_column_text(statement, 7),
		    .text = store_column_text(statement, 8),
		    .note = store_column_text(statement, 9),
		};
		excerpt->orphan = excerpt->document_id != excerpt->speech_id;
		/* NOT NULL columns can still be NULL in a library another tool
		 * edited (writable_schema): refused, not handed to the writers. */
		if (!excerpt->text || !excerpt->title) {
			sqlite3_reset(statement);
			error_set(error, _("paragraph %zu has no text"), excerpt->paragraph);
			return store_damaged_speech(excerpt->document_id, error);
		}
	}
	sqlite3_reset(statement);
	return status == SQLITE_DONE ? 0 : store_sql_error(store, error);
}

static int read_themes(struct store *store, sqlite3_stmt *statement, struct store_excerpt *excerpts,
		       size_t count, struct error *error)
{
	size_t at = 0;
	int status;
	while ((status = sqlite3_step(statement)) == SQLITE_ROW) {
		struct store_excerpt *excerpt = match(excerpts, count, &at, statement);
		if (!excerpt)
			break;
		excerpt->themes =
		    xrealloc(excerpt->themes, (excerpt->theme_count + 1) * sizeof *excerpt->themes);
		excerpt->themes[excerpt->theme_count++] = (struct store_excerpt_theme){
		    sqlite3_column_int64(statement, 2), store_column_text(statement, 3),
		    store_column_text(statement, 4)};
	}
	sqlite3_reset(statement);
	return status == SQLITE_DONE || status == SQLITE_ROW ? 0 : store_sql_error(store, error);
}

static int read_sections(struct store *store, sqlite3_stmt *statement,
			 struct store_excerpt *excerpts, size_t count, struct error *error)
{
	size_t at = 0;
	int status;
	while ((status = sqlite3_step(statement)) == SQLITE_ROW) {
		struct store_excerpt *excerpt = match(excerpts, count, &at, statement);
		if (!excerpt)
			break;
		const char *text = (const char *)sqlite3_column_text(statement, 2);
		size_t length = (size_t)sqlite3_column_bytes(statement, 2);
		size_t label = (size_t)sqlite3_column_int64(statement, 3);
		if (label > 0 && label < length)
			length = label;
		excerpt->section = xrealloc(excerpt->section, (excerpt->section_count + 1) *
								  sizeof *excerpt->section);
		excerpt->section[excerpt->section_count++] = xstrndup(text ? text : "", length);
	}
	sqlite3_reset(statement);
	return status == SQLITE_DONE || status == SQLITE_ROW ? 0 : store_sql_error(store, error);
}

static void excerpt_clear(struct store_excerpt *excerpt);

/* 1 when the document has structure corrections, not counting the title. */
/* The user's corrections (correction.h) change the sections excerpts sit
 * in. A paragraph hidden as front or back matter is an excerpt only when
 * tagged (the query leaves out the notes alone on hidden paragraphs). */
static int apply_corrections(struct store *store, struct store_excerpt *excerpts, size_t *count,
			     struct error *error)
{
	size_t kept = 0;
	for (size_t i = 0; i < *count;) {
		int64_t document_id = excerpts[i].document_id;
		size_t end = i;
		while (end < *count && excerpts[end].document_id == document_id)
			end++;
		int corrected = store_structure_corrected(store, document_id, error);
		struct speech speech;
		if (corrected < 0 ||
		    (corrected && store_speech_load(store, document_id, &speech, error) != 0))
			return -1;
		for (; i < end; i++) {
			if (corrected && excerpts[i].paragraph < speech.paragraph_count) {
				if (paragraph_hidden(&speech.paragraphs[excerpts[i].paragraph]) &&
				    excerpts[i].theme_count == 0) {
					excerpt_clear(&excerpts[i]);
					continue;
				}
				store_section_path_free(excerpts[i].section,
							excerpts[i].section_count);
				speech_section_path(&speech, excerpts[i].paragraph,
						    &excerpts[i].section,
						    &excerpts[i].section_count);
			}
			excerpts[kept++] = excerpts[i];
		}
		if (corrected)
			speech_free(&speech);
	}
	*count = kept;
	return 0;
}

int store_excerpts(struct store *store, const struct store_selection *selection,
		   struct store_excerpt **excerpts, size_t *count, struct error *error)
{
	*excerpts = NULL;
	*count = 0;
	char *speeches = json_ids(selection->speech_ids, selection->speech_count);
	char *themes = json_ids(selection->theme_ids, selection->theme_count);
	int began;
	int status = read_begin(store, &began, error);
	sqlite3_stmt *statement;
	if (status == 0) {
		statement = selection_statement(store, STATEMENT_EXCERPTS, speeches, themes, error);
		status = statement ? read_excerpts(store, statement, excerpts, count, error) : -1;
	}
	if (status == 0) {
		statement =
		    selection_statement(store, STATEMENT_EXCERPT_THEMES, speeches, themes, error);
		status = statement ? read_themes(store, statement, *excerpts, *count, error) : -1;
	}
	if (status == 0) {
		statement =
		    selection_statement(store, STATEMENT_EXCERPT_SECTIONS, speeches, themes, error);
		status = statement ? read_sections(store, statement, *excerpts, *count, error) : -1;
	}
	if (status == 0)
		status = apply_corrections(store, *excerpts, count, error);
	read_end(store, began);
	free(speeches);
	free(themes);
	if (status != 0) {
		store_excerpts_free(*excerpts, *count);
		*excerpts = NULL;
		*count = 0;
	}
	return status;
}

static void excerpt_clear(struct store_excerpt *excerpt)
{
	free(excerpt->title);
	free(excerpt->date);
	free(excerpt->speaker);
	free(excerpt->occasion);
	free(excerpt->source);
	for (size_t s = 0; s < excerpt->section_count; s++)
		free(excerpt->section[s]);
	free(excerpt->section);
	free(excerpt->text);
	free(excerpt->note);
	for (size_t t = 0; t < excerpt->theme_count; t++) {
		free(excerpt->themes[t].name);
		free(excerpt->themes[t].color);
	}
	free(excerpt->themes);
}

void store_excerpts_free(struct store_excerpt *excerpts, size_t count)
{
	for (size_t i = 0; i < count; i++)
		excerpt_clear(&excerpts[i]);
	free(excerpts);
}

/* The column of a theme id in the selection, or -1. */
static long theme_column(const struct store_selection *selection, int64_t theme)
{
	for (size_t i = 0; i < selection->theme_count; i++)
		if (selection->theme_ids[i] == theme)
			return (long)i;
	return -1;
}

int store_matrix(struct store *store, const struct store_selection *selection,
		 int (*row)(const struct store_matrix_row *row, void *context, struct error *error),
		 void *context, struct error *error)
{
	char *speeches = json_ids(selection->speech_ids, selection->speech_count);
	char *themes = json_ids(selection->theme_ids, selection->theme_count);
	unsigned char *cells = xcalloc(selection->theme_count + 1, 1);
	sqlite3_stmt *statement =
	    themes ? selection_statement(store, STATEMENT_MATRIX, speeches, themes, error) : NULL;
	int result = statement ? 0 : -1;
	if (!themes)
		error_set(error, _("the matrix needs its themes"));
	/* Rows come one per paragraph and tag, by paragraph: a paragraph's
	 * row is complete when the next paragraph starts. */
	struct store_matrix_row current = {0, 0, cells};
	int status = SQLITE_DONE, pending = 0;
	while (result == 0 && (status = sqlite3_step(statement)) == SQLITE_ROW) {
		int64_t document = sqlite3_column_int64(statement, 0);
		size_t paragraph = (size_t)sqlite3_column_int64(statement, 1);
		if (pending && (document != current.speech_id || paragraph != current.paragraph)) {
			if (row(&current, context, error) != 0)
				result = -1;
			memset(cells, 0, selection->theme_count);
		}
		current.speech_id = document;
		current.paragraph = paragraph;
		pending = 1;
		long column = sqlite3_column_type(statement, 2) == SQLITE_NULL
				  ? -1
				  : theme_column(selection, sqlite3_column_int64(statement, 2));
		if (column >= 0)
			cells[column] = 1;
	}
	if (result == 0 && status != SQLITE_DONE)
		result = store_sql_error(store, error);
	if (result == 0 && pending && row(&current, context, error) != 0)
		result = -1;
	if (statement)
		sqlite3_reset(statement);
	free(cells);
	free(speeches);
	free(themes);
	return result;
}

static int read_totals(struct store *store, sqlite3_stmt *statement, struct store_stats *stats,
		       struct error *error)
{
	int status = sqlite3_step(statement);
	if (status == SQLITE_ROW) {
		stats->speech_count = (size_t)sqlite3_column_int64(statement, 0);
		stats->paragraph_count = (size_t)sqlite3_column_int64(statement, 1);
	}
	sqlite3_reset(statement);
	return status == SQLITE_ROW ? 0 : store_sql_error(store, error);
}

static int read_theme_stats(struct store *store, sqlite3_stmt *statement, struct store_stats *stats,
			    struct error *error)
{
	size_t capacity = 0;
	int status;
	while ((status = sqlite3_step(statement)) == SQLITE_ROW) {
		stats->themes =
		    xgrow(stats->themes, &capacity, stats->theme_count + 1, sizeof *stats->themes);
		stats->themes[stats->theme_count++] = (struct store_theme_stat){
		    .theme_id = sqlite3_column_int64(statement, 0),
		    .name = store_column_text(statement, 1),
		    .color = store_column_text(statement, 2),
		    .paragraphs = (size_t)sqlite3_column_int64(statement, 3),
		    .speeches = (size_t)sqlite3_column_int64(statement, 4),
		};
	}
	sqlite3_reset(statement);
	return status == SQLITE_DONE ? 0 : store_sql_error(store, error);
}

static size_t theme_index(const struct store_stats *stats, int64_t theme)
{
	size_t i = 0;
	while (i < stats->theme_count && stats->themes[i].theme_id != theme)
		i++;
	return i;
}

static int compare_pairs(const void *a, const void *b)
{
	const struct store_pair_stat *x = a, *y = b;
	if (x->first != y->first)
		return x->first < y->first ? -1 : 1;
	return (x->second > y->second) - (x->second < y->second);
}

/* Pairs come by theme id; they are reported in theme (key) order. */
static int read_pairs(struct store *store, sqlite3_stmt *statement, struct store_stats *stats,
		      struct error *error)
{
	size_t capacity = 0;
	int status;
	while ((status = sqlite3_step(statement)) == SQLITE_ROW) {
		size_t a = theme_index(stats, sqlite3_column_int64(statement, 0));
		size_t b = theme_index(stats, sqlite3_column_int64(statement, 1));
		if (a >= stats->theme_count || b >= stats->theme_count)
			continue;
		stats->pairs =
		    xgrow(stats->pairs, &capacity, stats->pair_count + 1, sizeof *stats->pairs);
		stats->pairs[stats->pair_count++] = (struct store_pair_stat){
		    a < b ? a : b, a < b ? b : a, (size_t)sqlite3_column_int64(statement, 2)};
	}
	sqlite3_reset(statement);
	if (status != SQLITE_DONE)
		return store_sql_error(store, error);
	if (stats->pair_count > 1)
		qsort(stats->pairs, stats->pair_count, sizeof *stats->pairs, compare_pairs);
	return 0;
}

/* Rows come a theme at a time, grouped by speech. */
static int read_speech_stats(struct store *store, sqlite3_stmt *statement,
			     struct store_stats *stats, struct error *error)
{
	size_t capacity = 0;
	int status;
	while ((status = sqlite3_step(statement)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(statement, 0);
		struct store_speech_stat *speech =
		    stats->tagged_speech_count ? &stats->speeches[stats->tagged_speech_count - 1]
					       : NULL;
		if (!speech || speech->speech_id != id) {
			stats->speeches =
			    xgrow(stats->speeches, &capacity, stats->tagged_speech_count + 1,
				  sizeof *stats->speeches);
			speech = &stats->speeches[stats->tagged_speech_count++];
			*speech = (struct store_speech_stat){
			    .speech_id = id,
			    .title = store_column_text(statement, 1),
			    .paragraph_count = (size_t)sqlite3_column_int64(statement, 2),
			    .tagged = (size_t)sqlite3_column_int64(statement, 5),
			    .theme_paragraphs =
				xcalloc(stats->theme_count + 1, sizeof *speech->theme_paragraphs),
			};
		}
		size_t theme = theme_index(stats, sqlite3_column_int64(statement, 3));
		if (theme < stats->theme_count)
			speech->theme_paragraphs[theme] =
			    (size_t)sqlite3_column_int64(statement, 4);
	}
	sqlite3_reset(statement);
	return status == SQLITE_DONE ? 0 : store_sql_error(store, error);
}

int store_stats(struct store *store, const struct store_selection *selection,
		struct store_stats *stats, struct error *error)
{
	memset(stats, 0, sizeof *stats);
	char *speeches = json_ids(selection->speech_ids, selection->speech_count);
	int began;
	int status = read_begin(store, &began, error);
	sqlite3_stmt *statement;
	if (status == 0) {
		statement =
		    selection_statement(store, STATEMENT_STATS_TOTALS, speeches, NULL, error);
		status = statement ? read_totals(store, statement, stats, error) : -1;
	}
	if (status == 0) {
		statement =
		    selection_statement(store, STATEMENT_STATS_THEMES, speeches, NULL, error);
		status = statement ? read_theme_stats(store, statement, stats, error) : -1;
	}
	if (status == 0) {
		statement =
		    selection_statement(store, STATEMENT_STATS_PAIRS, speeches, NULL, error);
		status = statement ? read_pairs(store, statement, stats, error) : -1;
	}
	if (status == 0) {
		statement =
		    selection_statement(store, STATEMENT_STATS_SPEECHES, speeches, NULL, error);
		status = statement ? read_speech_stats(store, statement, stats, error) : -1;
	}
	read_end(store, began);
	free(speeches);
	if (status != 0)
		store_stats_clear(stats);
	return status;
}

void store_stats_clear(struct store_stats *stats)
{
	for (size_t i = 0; i < stats->theme_count; i++) {
		free(stats->themes[i].name);
		free(stats->themes[i].color);
	}
	free(stats->themes);
	free(stats->pairs);
	for (size_t i = 0; i < stats->tagged_speech_count; i++) {
		free(stats->speeches[i].title);
		free(stats->speeches[i].theme_paragraphs);
	}
	free(stats->speeches);
	memset(stats, 0, sizeof *stats);
}
