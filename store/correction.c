#include "store/correction.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buffer.h"
#include "base/i18n.h"
#include "store/annotation.h"
#include "store/event.h"
#include "store/internal.h"

/* The stored value of one paragraph's correction: "heading 2", "body", …
 * for paragraphs, the title for paragraph 0; *value NULL when none. */
static int read_value(struct store *store, int64_t document_id, size_t paragraph, char **value,
		      struct error *error)
{
	*value = NULL;
	sqlite3_stmt *statement = store_statement(store, STATEMENT_CORRECTION_GET, error);
	if (!statement)
		return -1;
	sqlite3_bind_int64(statement, 1, document_id);
	sqlite3_bind_int64(statement, 2, (sqlite3_int64)paragraph);
	int status = sqlite3_step(statement);
	if (status == SQLITE_ROW) {
		const char *kind = (const char *)sqlite3_column_text(statement, 0);
		if (paragraph == 0) {
			*value = store_column_text(statement, 2);
		} else {
			struct correction correction = {paragraph, CORRECTION_NONE, 0};
			int parsed = kind ? correction_kind_parse(kind) : -1;
			correction.kind =
			    parsed < 0 ? CORRECTION_NONE : (enum correction_kind)parsed;
			correction.depth = sqlite3_column_int(statement, 1);
			char text[32];
			correction_format(&correction, text, sizeof text);
			*value = xstrdup(text);
		}
	}
	sqlite3_reset(statement);
	if (status != SQLITE_ROW && status != SQLITE_DONE)
		return store_sql_error(store, error);
	return 0;
}

/* Writes a value as read_value reads it (NULL deletes), without recording. */
int correction_write(struct store *store, int64_t document_id, size_t paragraph, const char *value,
		     struct error *error)
{
	struct correction correction = {paragraph, CORRECTION_NONE, 0};
	if (value && paragraph > 0 && correction_parse(value, &correction) != 0)
		return error_set(error, _("not a correction: %s"), value);
	int remove = !value || (paragraph > 0 && correction.kind == CORRECTION_NONE);
	if (paragraph == 0 && correction_title_follow(store, document_id, 0, error) != 0)
		return -1;
	sqlite3_stmt *statement = store_statement(
	    store, remove ? STATEMENT_CORRECTION_DELETE : STATEMENT_CORRECTION_UPSERT, error);
	if (!statement)
		return -1;
	sqlite3_bind_int64(statement, 1, document_id);
	sqlite3_bind_int64(statement, 2, (sqlite3_int64)paragraph);
	if (!remove) {
		sqlite3_bind_text(statement, 3,
				  paragraph == 0 ? "title" : correction_kind_name(correction.kind),
				  -1, SQLITE_STATIC);
		sqlite3_bind_int(statement, 4, correction.depth);
		if (paragraph == 0)
			sqlite3_bind_text(statement, 5, value, -1, SQLITE_STATIC);
		sqlite3_bind_text(statement, 6, store_user(store), -1, SQLITE_STATIC);
	}
	if (store_step_done(store, statement, error) != 0)
		return -1;
	if (paragraph != 0)
		return correction_heading_follow(store, document_id, paragraph, error);
	if (correction_title_follow(store, document_id, 1, error) != 0)
		return -1;
	statement = store_statement(store, STATEMENT_DOCUMENT_TITLE_SET, error);
	if (!statement)
		return -1;
	sqlite3_bind_int64(statement, 1, document_id);
	if (value)
		sqlite3_bind_text(statement, 2, value, -1, SQLITE_STATIC);
	return store_step_done(store, statement, error);
}

int correction_title_follow(struct store *store, int64_t document_id, int in, struct error *error)
{
	sqlite3_stmt *statement = store_statement(
	    store, in ? STATEMENT_TITLE_FOLLOW_IN : STATEMENT_TITLE_FOLLOW_OUT, error);
	if (!statement)
		return -1;
	sqlite3_bind_int64(statement, 1, document_id);
	return store_step_done(store, statement, error);
}

int correction_heading_follow(struct store *store, int64_t document_id, size_t paragraph,
			      struct error *error)
{
	sqlite3_stmt *statement = store_statement(store, STATEMENT_HEADING_FOLLOW, error);
	if (!statement)
		return -1;
	sqlite3_bind_int64(statement, 1, document_id);
	sqlite3_bind_int64(statement, 2, (sqlite3_int64)paragraph);
	return store_step_done(store, statement, error);
}

static int same_value(const char *a, const char *b)
{
	return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

/* Records and writes one change in an action of its own or the open one. */
static int change(struct store *store, int64_t document_id, size_t paragraph, const char *value,
		  const char *description, int *changed, struct error *error)
{
	int implicit;
	if (event_action_ensure(store, document_id, description, &implicit, error) != 0)
		return -1;
	char *old = NULL;
	int status = read_value(store, document_id, paragraph, &old, error);
	int differs = status == 0 && !same_value(old, value);
	if (differs) {
		struct event event = {.kind = paragraph == 0 ? EVENT_TITLE_SET : EVENT_CORRECTION,
				      .document_id = document_id,
				      .paragraph = paragraph,
				      .old_text = old,
				      .new_text = value};
		status = event_record(store, &event, error);
		if (status == 0)
			status = correction_write(store, document_id, paragraph, value, error);
	}
	free(old);
	if (changed)
		*changed = differs;
	return event_action_end(store, implicit, status, error);
}

int store_correction_set(struct store *store, int64_t document_id,
			 const struct correction *correction, int *changed, struct error *error)
{
	if (store_paragraph_check(store, document_id, correction->paragraph, error) != 0)
		return -1;
	if (correction->kind == CORRECTION_HEADING &&
	    (correction->depth < 1 || correction->depth > CORRECTION_MAX_DEPTH))
		return error_set(error, _("a heading's depth is 1 to %d, not %d"),
				 CORRECTION_MAX_DEPTH, correction->depth);
	char value[32], description[64];
	correction_format(correction, value, sizeof value);
	snprintf(description, sizeof description, "mark %lld %zu %s", (long long)document_id,
		 correction->paragraph, value);
	return change(store, document_id, correction->paragraph,
		      correction->kind == CORRECTION_NONE ? NULL : value, description, changed,
		      error);
}

int store_title_set(struct store *store, int64_t document_id, const char *title, int *changed,
		    struct error *error)
{
	size_t paragraph_count; /* only to say whether the speech is there */
	if (store_paragraph_count(store, document_id, &paragraph_count, error) != 0)
		return -1;
	if (title && (strchr(title, '\n') || strchr(title, '\r')))
		return error_set(error, _("a title is one line"));
	struct buffer description = {0};
	buffer_printf(&description, "title %lld %s", (long long)document_id,
		      title && *title ? title : "(parsed)");
	int result = change(store, document_id, 0, title && *title ? title : NULL,
			    buffer_string(&description), changed, error);
	buffer_free(&description);
	return result;
}

int store_corrections_get(struct store *store, int64_t document_id, struct correction **corrections,
			  size_t *count, char **title, struct error *error)
{
	*corrections = NULL;
	*count = 0;
	*title = NULL;
	sqlite3_stmt *statement = store_statement(store, STATEMENT_CORRECTIONS_OF, error);
	if (!statement)
		return -1;
	sqlite3_bind_int64(statement, 1, document_id);
	size_t capacity = 0;
	int status;
	while ((status = sqlite3_step(statement)) == SQLITE_ROW) {
		sqlite3_int64 paragraph = sqlite3_column_int64(statement, 0);
		const char *kind = (const char *)sqlite3_column_text(statement, 1);
		if (paragraph == 0) {
			free(*title);
			*title = store_column_text(statement, 3);
			continue;
		}
		int parsed = kind ? correction_kind_parse(kind) : -1;
		if (paragraph < 0 || parsed <= CORRECTION_NONE)
			continue; /* nothing this pizhu knows how to apply */
		*corrections = xgrow(*corrections, &capacity, *count + 1, sizeof **corrections);
		(*corrections)[(*count)++] =
		    (struct correction){(size_t)paragraph, (enum correction_kind)parsed,
					sqlite3_column_int(statement, 2)};
	}
	sqlite3_reset(statement);
	if (status != SQLITE_DONE) {
		free(*corrections);
		free(*title);
		*corrections = NULL;
		*title = NULL;
		*count = 0;
		return store_sql_error(store, error);
	}
	return 0;
}

int store_corrections_apply(struct store *store, int64_t document_id, struct speech *speech,
			    struct error *error)
{
	struct correction *corrections;
	size_t count;
	char *title;
	if (store_corrections_get(store, document_id, &corrections, &count, &title, error) != 0)
		return -1;
	speech_correct(speech, corrections, count, title);
	free(corrections);
	free(title);
	return 0;
}

int store_structure_corrected(struct store *store, int64_t document_id, struct error *error)
{
	sqlite3_stmt *statement = store_statement(store, STATEMENT_CORRECTED_PARAGRAPHS, error);
	if (!statement)
		return -1;
	sqlite3_bind_int64(statement, 1, document_id);
	int status, found = 0;
	while (!found && (status = sqlite3_step(statement)) == SQLITE_ROW)
		found = sqlite3_column_int64(statement, 0) > 0;
	sqlite3_reset(statement);
	return found || status == SQLITE_DONE ? found : store_sql_error(store, error);
}

int store_action_corrects(struct store *store, int64_t action_id, int *corrects,
			  struct error *error)
{
	sqlite3_stmt *statement = store_statement(store, STATEMENT_ACTION_CORRECTS, error);
	if (!statement)
		return -1;
	sqlite3_bind_int64(statement, 1, action_id);
	int status = sqlite3_step(statement);
	*corrects = status == SQLITE_ROW;
	sqlite3_reset(statement);
	return status == SQLITE_ROW || status == SQLITE_DONE ? 0 : store_sql_error(store, error);
}
