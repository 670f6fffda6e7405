#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "base/buffer.h"
#include "base/i18n.h"
#include "speech/speech.h"
#include "store/document.h"
#include "store/internal.h"

static const char *const statement_sql[STATEMENT_COUNT] = {
#define STATEMENT_SQL(name, sql) [STATEMENT_##name] = sql,
    STORE_STATEMENTS(STATEMENT_SQL)
#undef STATEMENT_SQL
};

sqlite3_stmt *store_statement(struct store *store, enum statement id, struct error *error)
{
	sqlite3_stmt **slot = &store->statements[id];
	if (!*slot) {
		if (sqlite3_prepare_v3(store->db, statement_sql[id], -1, SQLITE_PREPARE_PERSISTENT,
				       slot, NULL) != SQLITE_OK) {
			store_sql_error(store, error);
			*slot = NULL;
			return NULL;
		}
		return *slot;
	}
	sqlite3_reset(*slot);
	sqlite3_clear_bindings(*slot);
	return *slot;
}

int store_sql_error(struct store *store, struct error *error)
{
	if ((sqlite3_errcode(store->db) & 0xFF) == SQLITE_BUSY)
		return error_set(error,
				 _("database %s is busy: another process has been writing to it "
				   "for %d s; nothing was changed, try again"),
				 store->path, STORE_BUSY_TIMEOUT_MS / 1000);
	/* "disk I/O error" alone does not say that the disk is full or the
	 * file too large: the system's error does. */
	int code = sqlite3_errcode(store->db) & 0xFF, system = sqlite3_system_errno(store->db);
	if ((code == SQLITE_IOERR || code == SQLITE_FULL || code == SQLITE_CANTOPEN) && system)
		return error_set(error, _("database %s: %s (%s)"), store->path,
				 sqlite3_errmsg(store->db), i18n_strerror(system));
	return error_set(error, _("database %s: %s"), store->path, sqlite3_errmsg(store->db));
}

int store_step_done(struct store *store, sqlite3_stmt *statement, struct error *error)
{
	int status = sqlite3_step(statement);
	sqlite3_reset(statement);
	if (status != SQLITE_DONE && status != SQLITE_ROW)
		return store_sql_error(store, error);
	return 0;
}

/* BEGIN and COMMIT prepared once, like every other statement: a tag key
 * is a transaction, and parsing them was a few percent of its time. */
static int step_statement(struct store *store, enum statement which, struct error *error)
{
	sqlite3_stmt *statement = store_statement(store, which, error);
	return statement ? store_step_done(store, statement, error) : -1;
}

int store_transaction_begin(struct store *store, struct error *error)
{
	/* No transaction is open behind the counter's back. */
	assert(store->transaction_depth > 0 || sqlite3_get_autocommit(store->db));
	if (store->transaction_depth == 0 &&
	    step_statement(store, STATEMENT_TRANSACTION_BEGIN, error) != 0)
		return -1;
	store->transaction_depth++;
	return 0;
}

int store_transaction_commit(struct store *store, struct error *error)
{
	if (store->transaction_depth == 0)
		return 0;
	if (--store->transaction_depth > 0)
		return 0;
	if (step_statement(store, STATEMENT_TRANSACTION_COMMIT, error) != 0) {
		store_transaction_rollback(store);
		return -1;
	}
	assert(sqlite3_get_autocommit(store->db));
	return 0;
}

void store_transaction_rollback(struct store *store)
{
	if (store->transaction_depth == 0)
		return;
	store->transaction_depth = 0;
	store->action = 0;
	if (!sqlite3_get_autocommit(store->db))
		sqlite3_exec(store->db, "ROLLBACK", NULL, NULL, NULL);
}

char *store_column_text(sqlite3_stmt *statement, int column)
{
	if (sqlite3_column_type(statement, column) == SQLITE_NULL)
		return NULL;
	const char *text = (const char *)sqlite3_column_text(statement, column);
	return xstrndup(text, (size_t)sqlite3_column_bytes(statement, column));
}

/* Appends each row of a check's single text column; "ok" rows are
 * counted as healthy. */
static int collect_check(struct store *store, const char *sql, struct buffer *report,
			 struct error *error)
{
	sqlite3_stmt *statement;
	if (sqlite3_prepare_v2(store->db, sql, -1, &statement, NULL) != SQLITE_OK)
		return store_sql_error(store, error);
	int status;
	while ((status = sqlite3_step(statement)) == SQLITE_ROW) {
		const char *line = (const char *)sqlite3_column_text(statement, 0);
		if (line && strcmp(line, "ok") != 0)
			buffer_printf(report, "%s\n", line);
	}
	sqlite3_finalize(statement);
	if (status != SQLITE_DONE) {
		buffer_printf(report, "%s\n", sqlite3_errmsg(store->db));
		return 0;
	}
	return 0;
}

/* The event log's shape: only changes have a state and events, and a
 * change that changed nothing leaves no trace. */
static const char history_shape_check[] =
    "SELECT printf('history: action %d (%s) has the state of a change', id, kind)"
    " FROM actions WHERE kind != 'change' AND state IS NOT NULL"
    " UNION ALL SELECT printf('history: change %d has no state', id)"
    " FROM actions WHERE kind = 'change' AND state IS NULL"
    " UNION ALL SELECT printf('history: change %d has no events', a.id) FROM actions a"
    " WHERE a.kind = 'change' AND NOT EXISTS (SELECT 1 FROM events e WHERE e.action_id = a.id)"
    " UNION ALL SELECT printf('history: event %d belongs to no change', e.id) FROM events e"
    " WHERE NOT EXISTS (SELECT 1 FROM actions a WHERE a.id = e.action_id AND a.kind = 'change')";

/* Where the history can be replayed exactly: speeches with one version
 * (re-importing moves annotations and events by similarity), and
 * paragraphs untouched by an action that lost its theme (deleting a
 * theme discards the actions that used it, whose other changes stay). */
#define HISTORY_EXACT(key)                                                                         \
	" " key ".document_id IN (SELECT id FROM documents WHERE previous_id IS NULL"              \
	" AND replaced_by IS NULL) AND NOT EXISTS (SELECT 1 FROM events x WHERE"                   \
	" x.document_id = " key ".document_id AND x.paragraph = " key ".paragraph AND"             \
	" x.action_id IN (SELECT action_id FROM events WHERE theme_id IS NOT NULL AND"             \
	" theme_id NOT IN (SELECT id FROM themes)))"

/* The tags agree with the log: a paragraph has a theme exactly when the
 * latest change in effect (applied) to that tag added it. */
static const char history_tags_check[] =
    "WITH tag_events AS (SELECT e.id, e.kind, e.document_id, e.paragraph, e.theme_id"
    "  FROM events e JOIN actions a ON a.id = e.action_id"
    "  WHERE a.state = 'applied' AND e.kind IN ('tag_add', 'tag_remove')),"
    " keys AS (SELECT document_id, paragraph, theme_id FROM tags"
    "  UNION SELECT document_id, paragraph, theme_id FROM events"
    "  WHERE kind IN ('tag_add', 'tag_remove')),"
    " judged AS (SELECT k.document_id, k.paragraph, k.theme_id,"
    "  EXISTS (SELECT 1 FROM tags t WHERE t.document_id = k.document_id"
    "   AND t.paragraph = k.paragraph AND t.theme_id = k.theme_id) AS present,"
    "  coalesce((SELECT e.kind = 'tag_add' FROM tag_events e WHERE e.document_id = k.document_id"
    "   AND e.paragraph = k.paragraph AND e.theme_id = k.theme_id ORDER BY e.id DESC LIMIT 1),"
    "   0) AS logged"
    "  FROM keys k WHERE" HISTORY_EXACT(
	"k") ")"
	     " SELECT printf('history: speech %d paragraph %d theme %d is %s, but the log says %s',"
	     "  document_id, paragraph, theme_id, iif(present, 'tagged', 'not tagged'),"
	     "  iif(logged, 'tagged', 'not tagged'))"
	     " FROM judged WHERE present != logged";

/* The notes agree with the log: each is the text the latest change in
 * effect gave it (none when that change cleared it, or there is none). */
static const char history_notes_check[] =
    "WITH keys AS (SELECT document_id, paragraph FROM notes"
    "  UNION SELECT document_id, paragraph FROM events WHERE kind = 'note_set'),"
    " judged AS (SELECT k.document_id, k.paragraph,"
    "  (SELECT n.text FROM notes n WHERE n.document_id = k.document_id"
    "   AND n.paragraph = k.paragraph) AS text,"
    "  (SELECT e.new_text FROM events e JOIN actions a ON a.id = e.action_id"
    "   WHERE a.state = 'applied' AND e.kind = 'note_set' AND e.document_id = k.document_id"
    "   AND e.paragraph = k.paragraph ORDER BY e.id DESC LIMIT 1) AS logged"
    "  FROM keys k WHERE" HISTORY_EXACT(
	"k") ")"
	     " SELECT printf('history: speech %d paragraph %d %s, but the log says %s',"
	     "  document_id, paragraph, iif(text IS NULL, 'has no note', 'has a note'),"
	     "  iif(logged IS NULL, 'none', iif(text IS NULL, 'it has one', 'another text')))"
	     " FROM judged WHERE text IS NOT logged";

/* The corrections (correction.h) are well formed, and each is what the
 * latest change in effect made it (none when there is none). */
static const char corrections_check[] =
    "SELECT printf('corrections: speech %d paragraph %d: %s %d is not a correction',"
    "  document_id, paragraph, kind, depth) FROM corrections"
    " WHERE (paragraph = 0) != (kind = 'title') OR (kind = 'title') != (text IS NOT NULL)"
    " OR iif(kind = 'heading', depth NOT BETWEEN 1 AND 9, depth != 0)"
    " UNION ALL SELECT * FROM (WITH keys AS (SELECT document_id, paragraph FROM corrections"
    "  UNION SELECT document_id, paragraph FROM events WHERE kind IN ('correction', 'title')),"
    " judged AS (SELECT k.document_id, k.paragraph,"
    "  (SELECT iif(c.kind = 'title', c.text, c.kind || iif(c.kind = 'heading', ' ' || c.depth,"
    "   '')) FROM corrections c WHERE c.document_id = k.document_id"
    "   AND c.paragraph = k.paragraph) AS value,"
    "  (SELECT e.new_text FROM events e JOIN actions a ON a.id = e.action_id"
    "   WHERE a.state = 'applied' AND e.kind IN ('correction', 'title')"
    "   AND e.document_id = k.document_id AND e.paragraph = k.paragraph"
    "   ORDER BY e.id DESC LIMIT 1) AS logged"
    "  FROM keys k WHERE" HISTORY_EXACT(
	"k") ")"
	     " SELECT printf('history: speech %d paragraph %d is corrected as %s, but the log says "
	     "%s',"
	     "  document_id, paragraph, coalesce(value, 'parsed'), coalesce(logged, 'parsed'))"
	     " FROM judged WHERE value IS NOT logged)";

/* Each version's kept tag count (schema v6) agrees with its tags. */
static const char tag_count_check[] =
    "SELECT printf('speech %d: tag count %d, but it has %d tags', id, tag_count, actual)"
    " FROM (SELECT d.id, d.tag_count,"
    "  (SELECT count(*) FROM tags t WHERE t.document_id = d.id) AS actual FROM documents d)"
    " WHERE tag_count != actual";

/* The small indexes of titles and headings (schema v8, search.h) hold
 * exactly the paragraphs of their tier: the titles, and the headings as
 * corrected (HEADING_TIER; schema v11). A missing row would hide a hit
 * from its tier, an extra one show a paragraph that is not there or rank
 * it above what the reader shows it as. */
#define TIER_INDEX_CHECK(table, role, members)                                                     \
	"SELECT printf('" table ": row %d is not a " role " paragraph', rowid) FROM " table        \
	" WHERE rowid NOT IN (SELECT id FROM " members ")"                                         \
	" UNION ALL SELECT printf('" table ": speech %d paragraph %d is missing', document_id,"    \
	"  number) FROM " members " WHERE id NOT IN (SELECT rowid FROM " table ")"
#define TITLES	 "(SELECT id, document_id, number FROM paragraphs WHERE role = 'title')"
#define HEADINGS "(SELECT id, document_id, number FROM paragraphs p WHERE " HEADING_TIER("p") ")"
static const char tier_indexes_check[] =
    TIER_INDEX_CHECK("title_search", "title",
		     TITLES) " UNION ALL " TIER_INDEX_CHECK("heading_search", "heading", HEADINGS);

/* The title index holds each title with the text the reader shows
 * (schema v12): its terms are compared with those of an index made anew
 * from the titles, one title a row (a few MB of text at 20,000 speeches). A
 * contentless index cannot give its texts back; its terms it can. */
/* clang-format off */
#define TITLES_EXPECTED                                                                            \
	"INSERT INTO temp.title_expected(rowid, text) SELECT p.id, " SHOWN_TEXT("p")               \
	" FROM paragraphs p WHERE p.role = 'title'"
/* clang-format on */
static const char *const title_texts_setup[] = {
    "CREATE VIRTUAL TABLE temp.title_expected USING fts5(text, content='', tokenize='pizhu')",
    TITLES_EXPECTED,
    "CREATE VIRTUAL TABLE temp.title_expected_terms USING fts5vocab(temp, title_expected, "
    "instance)",
    "CREATE VIRTUAL TABLE temp.title_indexed_terms USING fts5vocab(main, title_search, "
    "instance)",
};
static const char title_texts_check[] =
    "SELECT iif(p.id IS NULL, printf('title_search: row %d holds terms of no title', d.doc),"
    " printf('title_search: speech %d''s title is not indexed as the reader shows it',"
    " p.document_id)) FROM (SELECT doc FROM (SELECT term, doc, offset"
    " FROM temp.title_indexed_terms EXCEPT SELECT term, doc, offset"
    " FROM temp.title_expected_terms) UNION SELECT doc FROM (SELECT term, doc, offset"
    " FROM temp.title_expected_terms EXCEPT SELECT term, doc, offset"
    " FROM temp.title_indexed_terms)) d LEFT JOIN paragraphs p ON p.id = d.doc"
    /* a row of another paragraph, or a title missing, the tier check names */
    " WHERE (p.id IS NULL AND d.doc NOT IN (SELECT id FROM title_search_docsize))"
    " OR (p.role = 'title' AND p.id IN (SELECT id FROM title_search_docsize))"
    " ORDER BY d.doc";

static int check_title_texts(struct store *store, struct buffer *report, struct error *error)
{
	/* One snapshot for the titles and the index: another pizhu may
	 * correct or import meanwhile. Temporary tables take no lock on the
	 * library. */
	int began = sqlite3_get_autocommit(store->db) &&
		    sqlite3_exec(store->db, "BEGIN", NULL, NULL, NULL) == SQLITE_OK;
	/* A damaged index is a problem to report, not a failure of the check. */
	int ready = 1, status = 0;
	for (size_t i = 0; i < sizeof title_texts_setup / sizeof *title_texts_setup && ready; i++)
		if (sqlite3_exec(store->db, title_texts_setup[i], NULL, NULL, NULL) != SQLITE_OK) {
			buffer_printf(report, "title_search: %s\n", sqlite3_errmsg(store->db));
			ready = 0;
		}
	if (ready)
		status = collect_check(store, title_texts_check, report, error);
	sqlite3_exec(store->db,
		     "DROP TABLE IF EXISTS temp.title_indexed_terms;"
		     "DROP TABLE IF EXISTS temp.title_expected_terms;"
		     "DROP TABLE IF EXISTS temp.title_expected",
		     NULL, NULL, NULL);
	if (began && sqlite3_exec(store->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
		sqlite3_exec(store->db, "ROLLBACK", NULL, NULL, NULL);
	return status;
}

/* Every speech the library holds (each version) loads as a sound model
 * (validate.h); a damaged one is named with its first problem. Also the
 * version links, which the lineage queries follow. */
static int check_speeches(struct store *store, struct buffer *report, struct error *error)
{
	sqlite3_stmt *statement;
	if (sqlite3_prepare_v2(store->db,
			       "SELECT id FROM documents WHERE removed_at IS NULL ORDER BY id", -1,
			       &statement, NULL) != SQLITE_OK)
		return store_sql_error(store, error);
	int status;
	while ((status = sqlite3_step(statement)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(statement, 0);
		struct speech speech;
		struct error problem;
		int loaded = store_speech_load_checked(store, id, &speech, &problem);
		if (loaded == 0)
			speech_free(&speech);
		else
			buffer_printf(report, "speech %lld: %s\n", (long long)id, problem.message);
	}
	sqlite3_finalize(statement);
	if (status != SQLITE_DONE)
		return store_sql_error(store, error);
	return collect_check(
	    store,
	    "SELECT printf('versions: speech %d is replaced by %d, which does not name it as "
	    "its previous version', d.id, d.replaced_by) FROM documents d WHERE d.replaced_by IS "
	    "NOT NULL"
	    " AND NOT EXISTS (SELECT 1 FROM documents n WHERE n.id = d.replaced_by"
	    " AND n.previous_id = d.id AND n.id > d.id)",
	    report, error);
}

static int run_checks(struct store *store, int full, char **report, struct error *error)
{
	struct buffer text = {0};
	if (collect_check(store, "PRAGMA integrity_check", &text, error) != 0 ||
	    collect_check(store, "PRAGMA foreign_key_check", &text, error) != 0 ||
	    collect_check(store, history_shape_check, &text, error) != 0 ||
	    collect_check(store, history_tags_check, &text, error) != 0 ||
	    collect_check(store, history_notes_check, &text, error) != 0 ||
	    collect_check(store, corrections_check, &text, error) != 0 ||
	    collect_check(store, tag_count_check, &text, error) != 0 ||
	    collect_check(store, tier_indexes_check, &text, error) != 0 ||
	    (full && check_speeches(store, &text, error) != 0) ||
	    (full && check_title_texts(store, &text, error) != 0)) {
		buffer_free(&text);
		return -1;
	}
	static const char *const indexes[][2] = {
	    {"search index", "INSERT INTO paragraph_search(paragraph_search) VALUES "
			     "('integrity-check')"},
	    {"title_search", "INSERT INTO title_search(title_search) VALUES ('integrity-check')"},
	    {"heading_search",
	     "INSERT INTO heading_search(heading_search) VALUES ('integrity-check')"},
	};
	for (size_t i = 0; i < sizeof indexes / sizeof indexes[0]; i++)
		if (sqlite3_exec(store->db, indexes[i][1], NULL, NULL, NULL) != SQLITE_OK)
			buffer_printf(&text, "%s: %s\n", indexes[i][0], sqlite3_errmsg(store->db));
	if (text.length == 0)
		buffer_append_string(&text, "ok");
	*report = buffer_string(&text);
	return 0;
}

int store_check(struct store *store, char **report, struct error *error)
{
	return run_checks(store, 1, report, error);
}

int store_check_quick(struct store *store, char **report, struct error *error)
{
	return run_checks(store, 0, report, error);
}
