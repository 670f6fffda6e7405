#include "store/annotation.h"

#include <stdlib.h>
#include <string.h>

#include "base/buffer.h"
#include "base/i18n.h"
#include "store/event.h"
#include "store/internal.h"
#include "store/rows.h"

int store_paragraph_count(struct store *store, int64_t document_id, size_t *count,
			  struct error *error)
{
	sqlite3_stmt *statement = store_statement(store, STATEMENT_PARAGRAPH_COUNT, error);
	if (!statement)
		return -1;
	sqlite3_bind_int64(statement, 1, document_id);
	int status = sqlite3_step(statement);
	*count = status == SQLITE_ROW ? (size_t)sqlite3_column_int64(statement, 0) : 0;
	sqlite3_reset(statement);
	if (status == SQLITE_DONE)
		return error_set(error, _("no speech %lld in the library"), (long long)document_id);
	if (status != SQLITE_ROW)
		return store_sql_error(store, error);
	return 0;
}

int store_paragraph_check(struct store *store, int64_t document_id, size_t paragraph,
			  struct error *error)
{
	size_t count;
	if (store_paragraph_count(store, document_id, &count, error) != 0)
		return -1;
	if (paragraph < 1 || paragraph > count)
		return error_set(error, _("speech %lld has no paragraph %zu (it has 1 to %zu)"),
				 (long long)document_id, paragraph, count);
	return 0;
}

int store_document_current(struct store *store, int64_t id, int64_t *current, struct error *error)
{
	*current = id;
	/* A chain of versions is short; the bound keeps a damaged library's
	 * cycle from turning this into a loop. */
	for (int hops = 0; hops < 100000; hops++) {
		sqlite3_stmt *statement =
		    store_statement(store, STATEMENT_DOCUMENT_REPLACED_BY, error);
		if (!statement)
			return -1;
		sqlite3_bind_int64(statement, 1, *current);
		int status = sqlite3_step(statement);
		int64_t next = status == SQLITE_ROW ? sqlite3_column_int64(statement, 0) : 0;
		sqlite3_reset(statement);
		if (status != SQLITE_ROW && status != SQLITE_DONE)
			return store_sql_error(store, error);
		if (next == 0)
			return 0;
		*current = next;
	}
	return error_set(error, _("speech %lld: its versions form a loop; pizhu check lists it"),
			 (long long)id);
}

/* Annotations are written to the current version only: a tag on a
 * replaced one would land among the orphans while the user is told it is
 * saved. Checked inside the write transaction, so a re-import by another
 * pizhu cannot slip in between. */
static int writable_version(struct store *store, int64_t document_id, struct error *error)
{
	int64_t current;
	if (store_document_current(store, document_id, &current, error) != 0)
		return -1;
	if (current != document_id)
		return error_set(
		    error,
		    _("speech %lld has been replaced by a new version, speech %lld (its "
		      "file was imported again); nothing was changed: use %lld"),
		    (long long)document_id, (long long)current, (long long)current);
	return 0;
}

/* The theme's name, which also proves it exists. */
static int theme_name(struct store *store, int64_t theme_id, char **name, struct error *error)
{
	sqlite3_stmt *statement = store_statement(store, STATEMENT_THEME_NAME, error);
	if (!statement)
		return -1;
	sqlite3_bind_int64(statement, 1, theme_id);
	int status = sqlite3_step(statement);
	*name = status == SQLITE_ROW ? store_column_text(statement, 0) : NULL;
	sqlite3_reset(statement);
	if (status == SQLITE_DONE)
		return error_set(error, _("no theme %lld"), (long long)theme_id);
	return status == SQLITE_ROW ? 0 : store_sql_error(store, error);
}

int annotation_tag_write(struct store *store, int64_t document_id, size_t paragraph,
			 int64_t theme_id, int present, int *changed, struct error *error)
{
	sqlite3_stmt *statement =
	    store_statement(store, present ? STATEMENT_TAG_INSERT : STATEMENT_TAG_DELETE, error);
	if (!statement)
		return -1;
	sqlite3_bind_int64(statement, 1, document_id);
	sqlite3_bind_int64(statement, 2, (sqlite3_int64)paragraph);
	sqlite3_bind_int64(statement, 3, theme_id);
	if (store_step_done(store, statement, error) != 0)
		return -1;
	*changed = sqlite3_changes(store->db) > 0;
	return 0;
}

int annotation_note_write(struct store *store, int64_t document_id, size_t paragraph,
			  const char *text, struct error *error)
{
	sqlite3_stmt *statement =
	    store_statement(store, text ? STATEMENT_NOTE_UPSERT : STATEMENT_NOTE_DELETE, error);
	if (!statement)
		return -1;
	sqlite3_bind_int64(statement, 1, document_id);
	sqlite3_bind_int64(statement, 2, (sqlite3_int64)paragraph);
	if (text)
		sqlite3_bind_text(statement, 3, text, -1, SQLITE_STATIC);
	return store_step_done(store, statement, error);
}

static int tag_change(struct store *store, int64_t document_id, size_t paragraph, int64_t theme_id,
		      int present, int *changed, struct error *error)
{
	char *name = NULL;
	if (store_paragraph_check(store, document_id, paragraph, error) != 0 ||
	    theme_name(store, theme_id, &name, error) != 0)
		return -1;
	struct buffer description = {0};
	buffer_printf(&description, "%s %lld ¶%zu %s", present ? "tag" : "untag",
		      (long long)document_id, paragraph, name);
	int implicit, done = 0;
	int status =
	    event_action_ensure(store, document_id, buffer_string(&description), &implicit, error);
	if (status == 0) {
		status = writable_version(store, document_id, error);
		if (status == 0)
			status = annotation_tag_write(store, document_id, paragraph, theme_id,
						      present, &done, error);
		struct event event = {present ? EVENT_TAG_ADD : EVENT_TAG_REMOVE,
				      document_id,
				      paragraph,
				      theme_id,
				      name,
				      NULL,
				      NULL};
		if (status == 0 && done)
			status = event_record(store, &event, error);
		status = event_action_end(store, implicit, status, error);
	}
	buffer_free(&description);
	free(name);
	if (status == 0 && changed)
		*changed = done;
	return status;
}

int store_tag_add(struct store *store, int64_t document_id, size_t paragraph, int64_t theme_id,
		  int *changed, struct error *error)
{
	return tag_change(store, document_id, paragraph, theme_id, 1, changed, error);
}

int store_tag_remove(struct store *store, int64_t document_id, size_t paragraph, int64_t theme_id,
		     int *changed, struct error *error)
{
	return tag_change(store, document_id, paragraph, theme_id, 0, changed, error);
}

int store_tag_toggle(struct store *store, int64_t document_id, size_t paragraph, int64_t theme_id,
		     int *present, struct error *error)
{
	sqlite3_stmt *statement = store_statement(store, STATEMENT_TAG_EXISTS, error);
	if (!statement)
		return -1;
	sqlite3_bind_int64(statement, 1, document_id);
	sqlite3_bind_int64(statement, 2, (sqlite3_int64)paragraph);
	sqlite3_bind_int64(statement, 3, theme_id);
	int status = sqlite3_step(statement);
	sqlite3_reset(statement);
	if (status != SQLITE_ROW && status != SQLITE_DONE)
		return store_sql_error(store, error);
	int adding = status == SQLITE_DONE;
	if (tag_change(store, document_id, paragraph, theme_id, adding, NULL, error) != 0)
		return -1;
	if (present)
		*present = adding;
	return 0;
}

static void read_tag(sqlite3_stmt *statement, void *element)
{
	*(struct store_tag *)element =
	    (struct store_tag){(size_t)sqlite3_column_int64(statement, 0),
			       sqlite3_column_int64(statement, 1), store_column_text(statement, 2)};
}

static void clear_tag(void *element)
{
	free(((struct store_tag *)element)->theme_name);
}

static const struct store_row_type tag_rows = {sizeof(struct store_tag), read_tag, clear_tag};

int store_tags_list(struct store *store, int64_t document_id, struct store_tag **tags,
		    size_t *count, struct error *error)
{
	void *rows;
	int status = store_rows_select(store, STATEMENT_TAGS_OF, &document_id, &tag_rows, &rows,
				       count, error);
	*tags = rows;
	return status;
}

void store_tags_free(struct store_tag *tags, size_t count)
{
	for (size_t i = 0; i < count; i++)
		clear_tag(&tags[i]);
	free(tags);
}

static void read_tag_count(sqlite3_stmt *statement, void *element)
{
	*(struct store_tag_count *)element = (struct store_tag_count){
	    sqlite3_column_int64(statement, 0), sqlite3_column_int64(statement, 1),
	    (size_t)sqlite3_column_int64(statement, 2)};
}

static const struct store_row_type tag_count_rows = {sizeof(struct store_tag_count), read_tag_count,
						     NULL};

int store_tag_counts(struct store *store, struct store_tag_count **counts, size_t *count,
		     struct error *error)
{
	void *rows;
	int status = store_rows_select(store, STATEMENT_TAG_COUNTS, NULL, &tag_count_rows, &rows,
				       count, error);
	*counts = rows;
	return status;
}

int store_note_get(struct store *store, int64_t document_id, size_t paragraph, char **text,
		   struct error *error)
{
	*text = NULL;
	sqlite3_stmt *statement = store_statement(store, STATEMENT_NOTE_GET, error);
	if (!statement)
		return -1;
	sqlite3_bind_int64(statement, 1, document_id);
	sqlite3_bind_int64(statement, 2, (sqlite3_int64)paragraph);
	int status = sqlite3_step(statement);
	if (status == SQLITE_ROW)
		*text = store_column_text(statement, 0);
	sqlite3_reset(statement);
	return status == SQLITE_ROW || status == SQLITE_DONE ? 0 : store_sql_error(store, error);
}

int store_note_set(struct store *store, int64_t document_id, size_t paragraph, const char *text,
		   int *changed, struct error *error)
{
	if (text && !*text)
		text = NULL;
	char *old = NULL;
	if (store_paragraph_check(store, document_id, paragraph, error) != 0 ||
	    store_note_get(store, document_id, paragraph, &old, error) != 0)
		return -1;
	int same = (!old && !text) || (old && text && strcmp(old, text) == 0);
	struct buffer description = {0};
	buffer_printf(&description, "%s %lld ¶%zu", text ? "note" : "clear note",
		      (long long)document_id, paragraph);
	int implicit;
	int status =
	    event_action_ensure(store, document_id, buffer_string(&description), &implicit, error);
	if (status == 0) {
		status = writable_version(store, document_id, error);
		if (status == 0 && !same)
			status = annotation_note_write(store, document_id, paragraph, text, error);
		struct event event = {EVENT_NOTE_SET, document_id, paragraph, 0, NULL, old, text};
		if (status == 0 && !same)
			status = event_record(store, &event, error);
		status = event_action_end(store, implicit, status, error);
	}
	buffer_free(&description);
	free(old);
	if (status == 0 && changed)
		*changed = !same;
	return status;
}

static void read_note(sqlite3_stmt *statement, void *element)
{
	*(struct store_note *)element = (struct store_note){
	    (size_t)sqlite3_column_int64(statement, 0), store_column_text(statement, 1)};
}

static void clear_note(void *element)
{
	free(((struct store_note *)element)->text);
}

static const struct store_row_type note_rows = {sizeof(struct store_note), read_note, clear_note};

int store_notes_list(struct store *store, int64_t document_id, struct store_note **notes,
		     size_t *count, struct error *error)
{
	void *rows;
	int status = store_rows_select(store, STATEMENT_NOTES_OF, &document_id, &note_rows, &rows,
				       count, error);
	*notes = rows;
	return status;
}

void store_notes_free(struct store_note *notes, size_t count)
{
	for (size_t i = 0; i < count; i++)
		clear_note(&notes[i]);
	free(notes);
}

static void read_orphan(sqlite3_stmt *statement, void *element)
{
	*(struct store_orphan *)element = (struct store_orphan){
	    sqlite3_column_int64(statement, 0), (size_t)sqlite3_column_int64(statement, 1),
	    store_column_text(statement, 2),	store_column_text(statement, 3),
	    store_column_text(statement, 4),	store_column_text(statement, 5)};
}

static void clear_orphan(void *element)
{
	struct store_orphan *orphan = element;
	free(orphan->theme_name);
	free(orphan->correction);
	free(orphan->note);
	free(orphan->paragraph_text);
}

static const struct store_row_type orphan_rows = {sizeof(struct store_orphan), read_orphan,
						  clear_orphan};

int store_orphans_list(struct store *store, struct store_orphan **orphans, size_t *count,
		       struct error *error)
{
	void *rows;
	int status =
	    store_rows_select(store, STATEMENT_ORPHANS, NULL, &orphan_rows, &rows, count, error);
	*orphans = rows;
	return status;
}

void store_orphans_free(struct store_orphan *orphans, size_t count)
{
	for (size_t i = 0; i < count; i++)
		clear_orphan(&orphans[i]);
	free(orphans);
}
