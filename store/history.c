#include "store/history.h"

#include <stdlib.h>
#include <string.h>

#include "base/buffer.h"
#include "base/i18n.h"
#include "store/event.h"
#include "store/internal.h"
#include "store/rows.h"

static int insert_action(struct store *store, const char *kind, int64_t target, const char *state,
			 int64_t document_id, const char *description, int64_t *id,
			 struct error *error)
{
	sqlite3_stmt *statement = store_statement(store, STATEMENT_ACTION_INSERT, error);
	if (!statement)
		return -1;
	sqlite3_bind_text(statement, 1, kind, -1, SQLITE_STATIC);
	if (target)
		sqlite3_bind_int64(statement, 2, target);
	if (state)
		sqlite3_bind_text(statement, 3, state, -1, SQLITE_STATIC);
	if (document_id)
		sqlite3_bind_int64(statement, 4, document_id);
	sqlite3_bind_text(statement, 5, store_user(store), -1, SQLITE_STATIC);
	sqlite3_bind_text(statement, 6, description, -1, SQLITE_TRANSIENT);
	if (store_step_done(store, statement, error) != 0)
		return -1;
	if (id)
		*id = sqlite3_last_insert_rowid(store->db);
	return 0;
}

static int bind_id_step(struct store *store, enum statement which, int64_t id, struct error *error)
{
	sqlite3_stmt *statement = store_statement(store, which, error);
	if (!statement)
		return -1;
	sqlite3_bind_int64(statement, 1, id);
	return store_step_done(store, statement, error);
}

int store_action_begin(struct store *store, int64_t document_id, const char *description,
		       struct error *error)
{
	if (store->action)
		return error_set(error, _("an action is already open"));
	if (store_transaction_begin(store, error) != 0)
		return -1;
	if (insert_action(store, "change", 0, "applied", document_id, description, &store->action,
			  error) != 0) {
		store_transaction_rollback(store);
		return -1;
	}
	store->action_document = document_id;
	store->action_events = 0;
	return 0;
}

int store_action_commit(struct store *store, struct error *error)
{
	if (!store->action)
		return error_set(error, _("no action is open"));
	int64_t action = store->action;
	int status = 0;
	if (store->action_events == 0)
		status = bind_id_step(store, STATEMENT_ACTION_DELETE, action, error);
	else
		/* A new change makes the undone steps of its speech unreachable. */
		status = bind_id_step(store, STATEMENT_ACTIONS_DISCARD_UNDONE,
				      store->action_document, error);
	if (status != 0) {
		store_transaction_rollback(store);
		return -1;
	}
	store->action = 0;
	return store_transaction_commit(store, error);
}

void store_action_abort(struct store *store)
{
	store->action = 0;
	store_transaction_rollback(store);
}

int event_action_ensure(struct store *store, int64_t document_id, const char *description,
			int *implicit, struct error *error)
{
	*implicit = store->action == 0;
	return *implicit ? store_action_begin(store, document_id, description, error) : 0;
}

int event_action_end(struct store *store, int implicit, int status, struct error *error)
{
	if (!implicit)
		return status;
	if (status != 0) {
		store_action_abort(store);
		return status;
	}
	return store_action_commit(store, error);
}

static const char *const event_kind_names[] = {
    [EVENT_TAG_ADD] = "tag_add",   [EVENT_TAG_REMOVE] = "tag_remove",
    [EVENT_NOTE_SET] = "note_set", [EVENT_CORRECTION] = "correction",
    [EVENT_TITLE_SET] = "title",
};

int event_record(struct store *store, const struct event *event, struct error *error)
{
	if (!store->action)
		return error_set(error, _("a change outside an action"));
	sqlite3_stmt *statement = store_statement(store, STATEMENT_EVENT_INSERT, error);
	if (!statement)
		return -1;
	sqlite3_bind_int64(statement, 1, store->action);
	sqlite3_bind_text(statement, 2, event_kind_names[event->kind], -1, SQLITE_STATIC);
	sqlite3_bind_int64(statement, 3, event->document_id);
	sqlite3_bind_int64(statement, 4, (sqlite3_int64)event->paragraph);
	if (event->theme_id)
		sqlite3_bind_int64(statement, 5, event->theme_id);
	if (event->theme_name)
		sqlite3_bind_text(statement, 6, event->theme_name, -1, SQLITE_STATIC);
	if (event->old_text)
		sqlite3_bind_text(statement, 7, event->old_text, -1, SQLITE_STATIC);
	if (event->new_text)
		sqlite3_bind_text(statement, 8, event->new_text, -1, SQLITE_STATIC);
	if (store_step_done(store, statement, error) != 0)
		return -1;
	/* An action over several speeches belongs to none of them alone. */
	if (store->action_document && store->action_document != event->document_id)
		store->action_document = 0;
	store->action_events++;
	return 0;
}

int event_note(struct store *store, const char *description, struct error *error)
{
	return insert_action(store, "theme", 0, NULL, 0, description, NULL, error);
}

int event_discard_theme(struct store *store, int64_t theme_id, struct error *error)
{
	return bind_id_step(store, STATEMENT_ACTIONS_DISCARD_THEME, theme_id, error);
}

static enum store_action_state state_from_name(const char *name)
{
	if (!name)
		return STORE_ACTION_RECORD;
	if (strcmp(name, "applied") == 0)
		return STORE_ACTION_APPLIED;
	if (strcmp(name, "undone") == 0)
		return STORE_ACTION_UNDONE;
	return STORE_ACTION_DISCARDED;
}

/* Reads id, kind, target, state, document_id, user, at, description. */
/* A store_row_type reader, also called for a single row. */
static void read_action(sqlite3_stmt *statement, void *element)
{
	struct store_action *action = element;
	action->id = sqlite3_column_int64(statement, 0);
	action->kind = store_column_text(statement, 1);
	action->target = sqlite3_column_int64(statement, 2);
	action->state = state_from_name((const char *)sqlite3_column_text(statement, 3));
	action->document_id = sqlite3_column_int64(statement, 4);
	action->user = store_column_text(statement, 5);
	action->at = store_column_text(statement, 6);
	action->description = store_column_text(statement, 7);
}

/* Finds the action undo (or redo) would take; returns 1, 0 for none. */
static int find_step(struct store *store, enum statement which, int64_t document_id,
		     struct store_action *action, struct error *error)
{
	sqlite3_stmt *statement = store_statement(store, which, error);
	if (!statement)
		return -1;
	sqlite3_bind_int64(statement, 1, document_id);
	int status = sqlite3_step(statement);
	if (status == SQLITE_ROW)
		read_action(statement, action);
	sqlite3_reset(statement);
	if (status != SQLITE_ROW && status != SQLITE_DONE)
		return store_sql_error(store, error);
	return status == SQLITE_ROW;
}

/* Applies one event forwards (redo) or backwards (undo). */
static int replay(struct store *store, sqlite3_stmt *events, int forwards, struct error *error)
{
	const char *kind = (const char *)sqlite3_column_text(events, 0);
	int64_t document_id = sqlite3_column_int64(events, 1);
	size_t paragraph = (size_t)sqlite3_column_int64(events, 2);
	int64_t theme_id = sqlite3_column_int64(events, 3);
	int changed;
	int note = strcmp(kind, "note_set") == 0;
	if (note || strcmp(kind, "correction") == 0 || strcmp(kind, "title") == 0) {
		char *text = store_column_text(events, forwards ? 5 : 4);
		int status = note
				 ? annotation_note_write(store, document_id, paragraph, text, error)
				 : correction_write(store, document_id, paragraph, text, error);
		free(text);
		return status;
	}
	int adding = strcmp(kind, "tag_add") == 0;
	return annotation_tag_write(store, document_id, paragraph, theme_id, adding == forwards,
				    &changed, error);
}

static int replay_action(struct store *store, int64_t id, int forwards, struct error *error)
{
	/* Collected first: replaying uses statements of its own. */
	sqlite3_stmt *events;
	if (sqlite3_prepare_v2(store->db,
			       forwards
				   ? "SELECT kind, document_id, paragraph, theme_id, old_text,"
				     " new_text FROM events WHERE action_id = ?1 ORDER BY id"
				   : "SELECT kind, document_id, paragraph, theme_id, old_text,"
				     " new_text FROM events WHERE action_id = ?1 ORDER BY id DESC",
			       -1, &events, NULL) != SQLITE_OK)
		return store_sql_error(store, error);
	sqlite3_bind_int64(events, 1, id);
	int status, result = 0;
	while (result == 0 && (status = sqlite3_step(events)) == SQLITE_ROW)
		result = replay(store, events, forwards, error);
	if (result == 0 && status != SQLITE_DONE)
		result = store_sql_error(store, error);
	sqlite3_finalize(events);
	return result;
}

static int set_state(struct store *store, int64_t id, const char *state, struct error *error)
{
	sqlite3_stmt *statement = store_statement(store, STATEMENT_ACTION_SET_STATE, error);
	if (!statement)
		return -1;
	sqlite3_bind_int64(statement, 1, id);
	sqlite3_bind_text(statement, 2, state, -1, SQLITE_STATIC);
	return store_step_done(store, statement, error);
}

static int step(struct store *store, int64_t document_id, int forwards, int *done,
		struct store_action *result, struct error *error)
{
	*done = 0;
	if (store->action)
		return error_set(error, _("cannot undo or redo inside an action"));
	if (store_transaction_begin(store, error) != 0)
		return -1;
	struct store_action action = {0};
	int found = find_step(
	    store, forwards ? STATEMENT_ACTION_EARLIEST_UNDONE : STATEMENT_ACTION_LATEST_APPLIED,
	    document_id, &action, error);
	int status = found < 0 ? -1 : 0;
	if (found == 1) {
		struct buffer description = {0};
		buffer_printf(&description, "%s #%lld: %s", forwards ? "redo" : "undo",
			      (long long)action.id, action.description);
		status = replay_action(store, action.id, forwards, error);
		if (status == 0)
			status =
			    set_state(store, action.id, forwards ? "applied" : "undone", error);
		if (status == 0)
			status = insert_action(store, forwards ? "redo" : "undo", action.id, NULL,
					       action.document_id, buffer_string(&description),
					       NULL, error);
		buffer_free(&description);
	}
	if (status != 0) {
		store_transaction_rollback(store);
		store_action_clear(&action);
		return -1;
	}
	if (store_transaction_commit(store, error) != 0) {
		store_action_clear(&action);
		return -1;
	}
	*done = found;
	if (result)
		*result = action;
	else
		store_action_clear(&action);
	return 0;
}

int store_undo(struct store *store, int64_t document_id, int *done, struct store_action *action,
	       struct error *error)
{
	return step(store, document_id, 0, done, action, error);
}

int store_redo(struct store *store, int64_t document_id, int *done, struct store_action *action,
	       struct error *error)
{
	return step(store, document_id, 1, done, action, error);
}

static void clear_action_row(void *element)
{
	store_action_clear(element);
}

static const struct store_row_type action_rows = {sizeof(struct store_action), read_action,
						  clear_action_row};

int store_history(struct store *store, int64_t document_id, struct store_action **actions,
		  size_t *count, struct error *error)
{
	void *rows;
	int status = store_rows_select(store, STATEMENT_HISTORY, &document_id, &action_rows, &rows,
				       count, error);
	*actions = rows;
	return status;
}

void store_action_clear(struct store_action *action)
{
	free(action->kind);
	free(action->user);
	free(action->at);
	free(action->description);
	memset(action, 0, sizeof *action);
}

void store_actions_free(struct store_action *actions, size_t count)
{
	for (size_t i = 0; i < count; i++)
		store_action_clear(&actions[i]);
	free(actions);
}
