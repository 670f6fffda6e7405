#include <stdlib.h>
#include <string.h>

#include "base/buffer.h"
#include "base/i18n.h"
#include "base/sha256.h"
#include "speech/metadata.h"
#include "store/document.h"
#include "store/internal.h"
#include "store/reattach.h"

static const char *role_name(enum paragraph_role role)
{
	switch (role) {
	case PARAGRAPH_TITLE:
		return "title";
	case PARAGRAPH_HEADING:
		return "heading";
	case PARAGRAPH_BODY:
	case PARAGRAPH_FRONT_MATTER: /* body text hidden: paragraphs.matter */
	case PARAGRAPH_BACK_MATTER:
		break;
	}
	return "body";
}

void store_content_hash(const unsigned char *bytes, size_t length, char hash[SHA256_HEX_SIZE])
{
	sha256_hex(bytes, length, hash);
}

int store_find_hash(struct store *store, const char *hash, int64_t *id, struct error *error)
{
	sqlite3_stmt *statement = store_statement(store, STATEMENT_DOCUMENT_BY_HASH, error);
	if (!statement)
		return -1;
	sqlite3_bind_text(statement, 1, hash, -1, SQLITE_STATIC);
	int status = sqlite3_step(statement);
	if (status == SQLITE_ROW)
		*id = sqlite3_column_int64(statement, 0);
	sqlite3_reset(statement);
	if (status != SQLITE_ROW && status != SQLITE_DONE)
		return store_sql_error(store, error);
	return status == SQLITE_ROW;
}

int store_find_content(struct store *store, const unsigned char *bytes, size_t length, int64_t *id,
		       struct error *error)
{
	char hash[SHA256_HEX_SIZE];
	store_content_hash(bytes, length, hash);
	return store_find_hash(store, hash, id, error);
}

/* Front or back matter lines, joined by newlines. */
static char *matter_text(const struct speech *speech, const struct text_span *spans, size_t count)
{
	struct buffer text = {0};
	for (size_t i = 0; i < count; i++) {
		if (i > 0)
			buffer_append_byte(&text, '\n');
		buffer_append(&text, speech->text + spans[i].offset, spans[i].length);
	}
	return buffer_string(&text);
}

static int insert_document(struct store *store, const struct speech *speech, const char *hash,
			   int64_t previous, int64_t *id, struct error *error)
{
	sqlite3_stmt *statement = store_statement(store, STATEMENT_DOCUMENT_INSERT, error);
	if (!statement)
		return -1;
	char *front_matter = matter_text(speech, speech->front_matter, speech->front_matter_count);
	char *back_matter = matter_text(speech, speech->back_matter, speech->back_matter_count);
	sqlite3_bind_text(statement, 1, paragraph_text(speech, 0),
			  (int)speech->paragraphs[0].length, SQLITE_STATIC);
	sqlite3_bind_text(statement, 2, speech->encoding, -1, SQLITE_STATIC);
	sqlite3_bind_text(statement, 3, hash, -1, SQLITE_STATIC);
	sqlite3_bind_text(statement, 4, front_matter, -1, SQLITE_STATIC);
	sqlite3_bind_text(statement, 13, back_matter, -1, SQLITE_STATIC);
	sqlite3_bind_int(statement, 5, speech->title_found);
	sqlite3_bind_int64(statement, 6, (sqlite3_int64)speech->replaced_bytes);
	sqlite3_bind_int64(statement, 7, (sqlite3_int64)speech->paragraph_count - 1);
	sqlite3_bind_text(statement, 14, speech->format ? speech->format : "text", -1,
			  SQLITE_STATIC);
	if (previous)
		sqlite3_bind_int64(statement, 8, previous);
	struct speech_metadata metadata;
	metadata_guess(speech, &metadata);
	const char *fields[] = {metadata.date, metadata.speaker, metadata.occasion,
				metadata.source};
	for (int i = 0; i < 4; i++)
		if (fields[i])
			sqlite3_bind_text(statement, 9 + i, fields[i], -1, SQLITE_STATIC);
	int status = store_step_done(store, statement, error);
	metadata_free(&metadata);
	free(front_matter);
	free(back_matter);
	if (status != 0)
		return -1;
	*id = sqlite3_last_insert_rowid(store->db);
	return 0;
}

/* Adds a paragraph to a search index. A single-row INSERT on its own,
 * not a trigger, so that SQLite opens no statement savepoint (which would
 * make FTS5 write a segment per paragraph; schema.c, migration 3). */
static int index_paragraph(struct store *store, enum statement index, int64_t row, const char *text,
			   size_t length, struct error *error)
{
	sqlite3_stmt *statement = store_statement(store, index, error);
	if (!statement)
		return -1;
	sqlite3_bind_int64(statement, 1, row);
	sqlite3_bind_text(statement, 2, text, (int)length, SQLITE_STATIC);
	return store_step_done(store, statement, error);
}

/* Every paragraph goes to the search index; a title or a heading also to
 * its tier's small index (search.h, schema.c migration 8). */
static int index_paragraph_tiers(struct store *store, enum paragraph_role role, int64_t row,
				 const char *text, size_t length, struct error *error)
{
	if (index_paragraph(store, STATEMENT_PARAGRAPH_INDEX, row, text, length, error) != 0)
		return -1;
	if (role == PARAGRAPH_TITLE)
		return index_paragraph(store, STATEMENT_TITLE_INDEX, row, text, length, error);
	if (role == PARAGRAPH_HEADING)
		return index_paragraph(store, STATEMENT_HEADING_INDEX, row, text, length, error);
	return 0;
}

/* Inserts the paragraphs and indexes them; each one's text hash also
 * goes to hashes[i] unless hashes is NULL. */
static int insert_paragraphs(struct store *store, int64_t id, const struct speech *speech,
			     int64_t *hashes, struct error *error)
{
	for (size_t i = 0; i < speech->paragraph_count; i++) {
		if (atomic_load(&store->interrupted))
			return error_set(error, _("interrupted"));
		sqlite3_stmt *statement = store_statement(store, STATEMENT_PARAGRAPH_INSERT, error);
		if (!statement)
			return -1;
		const struct paragraph *paragraph = &speech->paragraphs[i];
		const char *text = paragraph_text(speech, i);
		int64_t hash = sha256_int64(text, paragraph->length);
		if (hashes)
			hashes[i] = hash;
		sqlite3_bind_int64(statement, 1, id);
		sqlite3_bind_int64(statement, 2, (sqlite3_int64)i);
		sqlite3_bind_text(statement, 3, role_name(paragraph->role), -1, SQLITE_STATIC);
		sqlite3_bind_int(statement, 4, paragraph->rank);
		sqlite3_bind_int(statement, 5, paragraph->depth);
		sqlite3_bind_int64(statement, 6, (sqlite3_int64)paragraph->label_length);
		sqlite3_bind_int64(statement, 7, (sqlite3_int64)paragraph->section);
		sqlite3_bind_text(statement, 8, text, (int)paragraph->length, SQLITE_STATIC);
		sqlite3_bind_int64(statement, 9, hash);
		if (paragraph->role == PARAGRAPH_FRONT_MATTER ||
		    paragraph->role == PARAGRAPH_BACK_MATTER)
			sqlite3_bind_text(statement, 10,
					  paragraph->role == PARAGRAPH_FRONT_MATTER ? "front"
										    : "back",
					  -1, SQLITE_STATIC);
		else
			sqlite3_bind_null(statement, 10);
		if (store_step_done(store, statement, error) != 0 ||
		    index_paragraph_tiers(store, paragraph->role,
					  sqlite3_last_insert_rowid(store->db), text,
					  paragraph->length, error) != 0)
			return -1;
	}
	return 0;
}

static int insert_outline(struct store *store, int64_t id, const struct speech *speech,
			  struct error *error)
{
	for (size_t i = 0; i < speech->outline_count; i++) {
		sqlite3_stmt *statement = store_statement(store, STATEMENT_OUTLINE_INSERT, error);
		if (!statement)
			return -1;
		const struct outline_entry *entry = &speech->outline[i];
		sqlite3_bind_int64(statement, 1, id);
		sqlite3_bind_int64(statement, 2, (sqlite3_int64)i);
		sqlite3_bind_int64(statement, 3, (sqlite3_int64)entry->paragraph);
		sqlite3_bind_int(statement, 4, entry->depth);
		if (entry->parent >= 0)
			sqlite3_bind_int64(statement, 5, entry->parent);
		sqlite3_bind_int64(statement, 6, (sqlite3_int64)entry->end_paragraph);
		if (store_step_done(store, statement, error) != 0)
			return -1;
	}
	return 0;
}

static int bind_and_step(struct store *store, enum statement id, int64_t first, int64_t second,
			 const char *text, struct error *error)
{
	sqlite3_stmt *statement = store_statement(store, id, error);
	if (!statement)
		return -1;
	sqlite3_bind_int64(statement, 1, first);
	if (text)
		sqlite3_bind_text(statement, 2, text, -1, SQLITE_STATIC);
	else
		sqlite3_bind_int64(statement, 2, second);
	return store_step_done(store, statement, error);
}

/* The new version takes over the old one's path (a path has one current
 * version, so the old one is marked replaced first), the metadata the user
 * set and the reading position, then its annotations. */
static int replace_version(struct store *store, int64_t old_id, int64_t id, const char *source_path,
			   const struct speech *speech, const int64_t *hashes,
			   struct store_import_result *result, struct error *error)
{
	if (bind_and_step(store, STATEMENT_DOCUMENT_REPLACE, old_id, id, NULL, error) != 0 ||
	    bind_and_step(store, STATEMENT_DOCUMENT_SET_PATH, id, 0, source_path, error) != 0)
		return -1;
	sqlite3_stmt *statement = store_statement(store, STATEMENT_DOCUMENT_CARRY_OVER, error);
	if (!statement)
		return -1;
	sqlite3_bind_int64(statement, 1, id);
	sqlite3_bind_int64(statement, 2, old_id);
	sqlite3_bind_int64(statement, 3, (sqlite3_int64)speech->paragraph_count - 1);
	if (store_step_done(store, statement, error) != 0)
		return -1;
	if (reattach_annotations(store, old_id, id, speech, hashes, &result->reattached,
				 &result->orphaned, error) != 0)
		return -1;
	return reattach_corrections(store, old_id, id, speech, hashes,
				    &result->corrections_reattached, &result->corrections_orphaned,
				    error);
}

/* 1 when a removed speech was imported from this path, else 0. */
static int removed_at_path(struct store *store, const char *source_path, struct error *error)
{
	sqlite3_stmt *statement = store_statement(store, STATEMENT_DOCUMENT_REMOVED_AT_PATH, error);
	if (!statement)
		return -1;
	sqlite3_bind_text(statement, 1, source_path, -1, SQLITE_STATIC);
	int status = sqlite3_step(statement);
	sqlite3_reset(statement);
	if (status != SQLITE_ROW && status != SQLITE_DONE)
		return store_sql_error(store, error);
	return status == SQLITE_ROW;
}

/* A removed speech imported from this path lets go of it, so that the
 * file comes back as a new speech (removal.h). The UPDATE runs only when
 * there is such a speech: it may change several rows, so SQLite opens a
 * statement savepoint for it, and FTS5 writes its pending terms out as a
 * segment at every savepoint, which would cost a segment per file when
 * import_paths.c puts many files in one transaction. */
static int detach_removed(struct store *store, const char *source_path, struct error *error)
{
	int found = removed_at_path(store, source_path, error);
	if (found <= 0)
		return found;
	sqlite3_stmt *statement = store_statement(store, STATEMENT_DOCUMENT_DETACH_REMOVED, error);
	if (!statement)
		return -1;
	sqlite3_bind_text(statement, 1, source_path, -1, SQLITE_STATIC);
	return store_step_done(store, statement, error);
}

static int import_in_transaction(struct store *store, const char *source_path, const char *hash,
				 const struct speech *speech, struct store_import_result *result,
				 struct error *error)
{
	int found = store_find_hash(store, hash, &result->id, error);
	if (found != 0) {
		result->outcome = STORE_IMPORT_UNCHANGED;
		return found < 0 ? -1 : 0;
	}
	int64_t previous = 0;
	if (source_path && (detach_removed(store, source_path, error) != 0 ||
			    store_document_by_path(store, source_path, &previous, error) < 0))
		return -1;
	int64_t id;
	if (insert_document(store, speech, hash, previous, &id, error) != 0)
		return -1;
	result->id = id;
	/* The paragraphs' hashes are kept only to re-attach an old version's
	 * annotations. */
	int64_t *hashes = previous ? xcalloc(speech->paragraph_count, sizeof *hashes) : NULL;
	int status = insert_paragraphs(store, id, speech, hashes, error);
	if (status == 0)
		status = insert_outline(store, id, speech, error);
	if (status == 0 && previous) {
		result->outcome = STORE_IMPORT_NEW_VERSION;
		result->previous_id = previous;
		status = replace_version(store, previous, id, source_path, speech, hashes, result,
					 error);
	} else if (status == 0 && source_path) {
		result->outcome = STORE_IMPORT_NEW;
		status =
		    bind_and_step(store, STATEMENT_DOCUMENT_SET_PATH, id, 0, source_path, error);
	}
	free(hashes);
	return status;
}

int store_import(struct store *store, const char *source_path, const unsigned char *bytes,
		 size_t length, const struct speech *speech, struct store_import_result *result,
		 struct error *error)
{
	char hash[SHA256_HEX_SIZE];
	store_content_hash(bytes, length, hash);
	return store_import_hashed(store, source_path, hash, speech, result, error);
}

/* Each option's name in FTS5, and its value when the index has none
 * set: FTS5's own. */
static const struct {
	const char *name;
	int64_t fts5_default;
} index_options[] = {
    [STORE_INDEX_MEMORY] = {"hashsize", 1024 * 1024},
    [STORE_INDEX_AUTOMERGE] = {"automerge", 4},
};

static const enum statement option_get[] = {
    [STORE_INDEX_BODY] = STATEMENT_INDEX_OPTION_GET,
    [STORE_INDEX_HEADINGS] = STATEMENT_HEADING_INDEX_OPTION_GET,
};
static const enum statement option_set[] = {
    [STORE_INDEX_BODY] = STATEMENT_INDEX_OPTION_SET,
    [STORE_INDEX_HEADINGS] = STATEMENT_HEADING_INDEX_OPTION_SET,
};

int store_index_option_get(struct store *store, enum store_search_index index,
			   enum store_index_option option, int64_t *value, struct error *error)
{
	sqlite3_stmt *statement = store_statement(store, option_get[index], error);
	if (!statement)
		return -1;
	sqlite3_bind_text(statement, 1, index_options[option].name, -1, SQLITE_STATIC);
	int status = sqlite3_step(statement);
	*value = status == SQLITE_ROW ? sqlite3_column_int64(statement, 0)
				      : index_options[option].fts5_default;
	sqlite3_reset(statement);
	return status == SQLITE_ROW || status == SQLITE_DONE ? 0 : store_sql_error(store, error);
}

int store_index_option_set(struct store *store, enum store_search_index index,
			   enum store_index_option option, int64_t value, struct error *error)
{
	sqlite3_stmt *statement = store_statement(store, option_set[index], error);
	if (!statement)
		return -1;
	sqlite3_bind_text(statement, 1, index_options[option].name, -1, SQLITE_STATIC);
	sqlite3_bind_int64(statement, 2, value);
	return store_step_done(store, statement, error);
}

int store_import_hashed(struct store *store, const char *source_path, const char *hash,
			const struct speech *speech, struct store_import_result *result,
			struct error *error)
{
	memset(result, 0, sizeof *result);
	if (store_transaction_begin(store, error) != 0)
		return -1;
	int64_t limit = (int64_t)store->index_memory, before = 0;
	if ((limit && (store_index_option_get(store, STORE_INDEX_BODY, STORE_INDEX_MEMORY, &before,
					      error) != 0 ||
		       store_index_option_set(store, STORE_INDEX_BODY, STORE_INDEX_MEMORY, limit,
					      error) != 0)) ||
	    import_in_transaction(store, source_path, hash, speech, result, error) != 0 ||
	    (limit && store_index_option_set(store, STORE_INDEX_BODY, STORE_INDEX_MEMORY, before,
					     error) != 0)) {
		store_transaction_rollback(store);
		return -1;
	}
	return store_transaction_commit(store, error);
}
