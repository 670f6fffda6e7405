#include <stdlib.h>
#include <string.h>

#include "base/buffer.h"
#include "base/i18n.h"
#include "speech/decode.h"
#include "store/correction.h"
#include "store/document.h"
#include "store/internal.h"
#include "store/rows.h"
#include "store/validate.h"

/* Reads the columns of DOCUMENT_COLUMNS (statement.h). */
/* A store_row_type reader, also called for a single row. */
static void read_document(sqlite3_stmt *statement, void *element)
{
	struct store_document *document = element;
	document->id = sqlite3_column_int64(statement, 0);
	document->title = store_column_text(statement, 1);
	document->encoding = store_column_text(statement, 2);
	document->source_path = store_column_text(statement, 3);
	document->content_hash = store_column_text(statement, 4);
	document->imported_at = store_column_text(statement, 5);
	document->previous_id = sqlite3_column_int64(statement, 6);
	document->replaced_by = sqlite3_column_int64(statement, 7);
	document->paragraph_count = (size_t)sqlite3_column_int64(statement, 8);
	document->date = store_column_text(statement, 9);
	document->speaker = store_column_text(statement, 10);
	document->occasion = store_column_text(statement, 11);
	document->source = store_column_text(statement, 12);
	document->metadata_user_set = (unsigned)sqlite3_column_int(statement, 13);
	document->format = store_column_text(statement, 14);
}

int store_document_get(struct store *store, int64_t id, struct store_document *document,
		       struct error *error)
{
	memset(document, 0, sizeof *document);
	sqlite3_stmt *statement = store_statement(store, STATEMENT_DOCUMENT_GET, error);
	if (!statement)
		return -1;
	sqlite3_bind_int64(statement, 1, id);
	int status = sqlite3_step(statement);
	if (status == SQLITE_ROW)
		read_document(statement, document);
	sqlite3_reset(statement);
	if (status == SQLITE_DONE)
		return error_set(error, _("no speech %lld in the library"), (long long)id);
	if (status != SQLITE_ROW)
		return store_sql_error(store, error);
	return 0;
}

int store_document_by_path(struct store *store, const char *path, int64_t *id, struct error *error)
{
	sqlite3_stmt *statement = store_statement(store, STATEMENT_DOCUMENT_CURRENT_BY_PATH, error);
	if (!statement)
		return -1;
	sqlite3_bind_text(statement, 1, path, -1, SQLITE_STATIC);
	int status = sqlite3_step(statement);
	if (status == SQLITE_ROW)
		*id = sqlite3_column_int64(statement, 0);
	sqlite3_reset(statement);
	if (status != SQLITE_ROW && status != SQLITE_DONE)
		return store_sql_error(store, error);
	return status == SQLITE_ROW;
}

static void clear_document_row(void *element)
{
	store_document_clear(element);
}

static const struct store_row_type document_rows = {sizeof(struct store_document), read_document,
						    clear_document_row};

int store_documents_current(struct store *store, struct store_document **documents, size_t *count,
			    struct error *error)
{
	void *rows;
	int status = store_rows_select(store, STATEMENT_DOCUMENTS_CURRENT, NULL, &document_rows,
				       &rows, count, error);
	*documents = rows;
	return status;
}

void store_document_clear(struct store_document *document)
{
	free(document->title);
	free(document->encoding);
	free(document->format);
	free(document->source_path);
	free(document->content_hash);
	free(document->imported_at);
	free(document->date);
	free(document->speaker);
	free(document->occasion);
	free(document->source);
	memset(document, 0, sizeof *document);
}

void store_documents_free(struct store_document *documents, size_t count)
{
	for (size_t i = 0; i < count; i++)
		store_document_clear(&documents[i]);
	free(documents);
}

/* speech.encoding points at a static string; map the stored name back to
 * the one decode.c uses. */
static const char *static_encoding(const char *name)
{
	static const char *const known[] = {"UTF-8",	"UTF-8 BOM", "UTF-16LE",
					    "UTF-16BE", "GB18030",   DECODE_UTF8_AFTER_UTF16_BOM};
	for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
		if (name && strcmp(name, known[i]) == 0)
			return known[i];
	return "unknown";
}

/* speech.format, likewise: a format name the readers use, else "text". */
static const char *static_format(const char *name)
{
	static const char *const known[] = {"text", "docx", "doc", "html", "pdf", "md"};
	for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
		if (name && strcmp(name, known[i]) == 0)
			return known[i];
	return known[0];
}

static enum paragraph_role role_from_name(const char *name)
{
	if (name && strcmp(name, "title") == 0)
		return PARAGRAPH_TITLE;
	if (name && strcmp(name, "heading") == 0)
		return PARAGRAPH_HEADING;
	return PARAGRAPH_BODY;
}

/* A line the parser hid (paragraphs.matter, schema v10) is front or back
 * matter; others keep their role. */
static enum paragraph_role matter_role(const char *matter, enum paragraph_role role)
{
	if (!matter)
		return role;
	return strcmp(matter, "back") == 0 ? PARAGRAPH_BACK_MATTER : PARAGRAPH_FRONT_MATTER;
}

/* Appends the newline-separated lines of lines[0..length) to text, a
 * span for each. */
static void add_lines(struct buffer *text, const char *lines, size_t length,
		      struct text_span **spans, size_t *count)
{
	size_t capacity = 0;
	for (size_t start = 0; length > 0 && start <= length;) {
		const char *newline = memchr(lines + start, '\n', length - start);
		size_t end = newline ? (size_t)(newline - lines) : length;
		*spans = xgrow(*spans, &capacity, *count + 1, sizeof **spans);
		(*spans)[(*count)++] = (struct text_span){text->length, end - start};
		buffer_append(text, lines + start, end - start);
		buffer_append_byte(text, '\n');
		start = end + 1;
	}
}

/* Front matter lines go first in the text buffer, one per line; the back
 * matter (*back, a new string) goes after the paragraphs. */
static int load_model(struct store *store, int64_t id, struct speech *speech, struct buffer *text,
		      char **back, int64_t *paragraph_count, struct error *error)
{
	sqlite3_stmt *statement = store_statement(store, STATEMENT_DOCUMENT_MODEL, error);
	if (!statement)
		return -1;
	sqlite3_bind_int64(statement, 1, id);
	int status = sqlite3_step(statement);
	if (status != SQLITE_ROW) {
		sqlite3_reset(statement);
		if (status == SQLITE_DONE)
			return error_set(error, _("no speech %lld in the library"), (long long)id);
		return store_sql_error(store, error);
	}
	speech->encoding = static_encoding((const char *)sqlite3_column_text(statement, 0));
	const char *front = (const char *)sqlite3_column_text(statement, 1);
	size_t front_length = (size_t)sqlite3_column_bytes(statement, 1);
	speech->title_found = sqlite3_column_int(statement, 2);
	speech->replaced_bytes = (size_t)sqlite3_column_int64(statement, 3);
	*paragraph_count = sqlite3_column_int64(statement, 6);
	if (!front) /* NULL only in a library another tool has edited */
		front_length = 0;
	add_lines(text, front, front_length, &speech->front_matter, &speech->front_matter_count);
	const char *back_text = (const char *)sqlite3_column_text(statement, 4);
	*back = xstrndup(back_text ? back_text : "",
			 back_text ? (size_t)sqlite3_column_bytes(statement, 4) : 0);
	speech->format = static_format((const char *)sqlite3_column_text(statement, 5));
	sqlite3_reset(statement);
	return 0;
}

/* A stored value that must fit a narrow field of the model. */
static int in_range(sqlite3_int64 value, sqlite3_int64 low, sqlite3_int64 high)
{
	return value >= low && value <= high;
}

/* Rows become the model only after their numbers and sizes are checked:
 * the fields are narrow (speech.h), and a library may have been edited
 * by another tool. The model's shape is checked afterwards, whole. */
static int load_paragraphs(struct store *store, int64_t id, struct speech *speech,
			   struct buffer *text, struct error *error)
{
	sqlite3_stmt *statement = store_statement(store, STATEMENT_PARAGRAPHS_OF, error);
	if (!statement)
		return -1;
	sqlite3_bind_int64(statement, 1, id);
	size_t capacity = 0;
	int status, damaged = 0;
	while ((status = sqlite3_step(statement)) == SQLITE_ROW) {
		size_t index = speech->paragraph_count;
		size_t length = (size_t)sqlite3_column_bytes(statement, 6);
		sqlite3_int64 rank = sqlite3_column_int64(statement, 2),
			      depth = sqlite3_column_int64(statement, 3),
			      label = sqlite3_column_int64(statement, 4),
			      section = sqlite3_column_int64(statement, 5);
		if (sqlite3_column_int64(statement, 0) != (sqlite3_int64)index)
			damaged = error_set(error, _("paragraph %zu is missing"), index);
		else if (sqlite3_column_type(statement, 6) != SQLITE_TEXT)
			damaged = error_set(error, _("paragraph %zu has no text"), index);
		else if (length >= SPEECH_MAX_BYTES - text->length)
			damaged =
			    error_set(error, _("its text is over %zu bytes"), SPEECH_MAX_BYTES);
		else if (!in_range(rank, 0, PARAGRAPH_RANK_MAX) || !in_range(depth, 0, 127) ||
			 !in_range(label, 0, (sqlite3_int64)length) ||
			 !in_range(section, 0, UINT32_MAX))
			damaged =
			    error_set(error, _("paragraph %zu: a number out of range"), index);
		if (damaged)
			break;
		speech->paragraphs = xgrow(speech->paragraphs, &capacity,
					   speech->paragraph_count + 1, sizeof *speech->paragraphs);
		speech->paragraphs[speech->paragraph_count++] = (struct paragraph){
		    .offset = (uint32_t)text->length,
		    .length = (uint32_t)length,
		    .role = matter_role(
			(const char *)sqlite3_column_text(statement, 7),
			role_from_name((const char *)sqlite3_column_text(statement, 1))),
		    .hidden_by_parser = sqlite3_column_type(statement, 7) != SQLITE_NULL,
		    .rank = (signed char)rank,
		    .depth = (signed char)depth,
		    .label_length = (uint32_t)label,
		    .section = (uint32_t)section,
		};
		buffer_append(text, sqlite3_column_text(statement, 6), length);
		buffer_append_byte(text, '\n');
	}
	sqlite3_reset(statement);
	if (damaged)
		return 1;
	if (status != SQLITE_DONE)
		return store_sql_error(store, error);
	return 0;
}

static int load_outline(struct store *store, int64_t id, struct speech *speech, struct error *error)
{
	sqlite3_stmt *statement = store_statement(store, STATEMENT_OUTLINE_OF, error);
	if (!statement)
		return -1;
	sqlite3_bind_int64(statement, 1, id);
	size_t capacity = 0;
	int status, damaged = 0;
	while ((status = sqlite3_step(statement)) == SQLITE_ROW) {
		size_t index = speech->outline_count;
		sqlite3_int64 paragraph = sqlite3_column_int64(statement, 1),
			      depth = sqlite3_column_int64(statement, 2),
			      parent = sqlite3_column_int64(statement, 3),
			      end = sqlite3_column_int64(statement, 4);
		int root = sqlite3_column_type(statement, 3) == SQLITE_NULL;
		if (sqlite3_column_int64(statement, 0) != (sqlite3_int64)index ||
		    !in_range(paragraph, 0, UINT32_MAX) || !in_range(end, 0, UINT32_MAX) ||
		    !in_range(depth, 0, 127) || (!root && !in_range(parent, 0, UINT32_MAX))) {
			damaged =
			    error_set(error, _("outline entry %zu: a number out of range"), index);
			break;
		}
		speech->outline = xgrow(speech->outline, &capacity, speech->outline_count + 1,
					sizeof *speech->outline);
		speech->outline[speech->outline_count++] = (struct outline_entry){
		    .paragraph = (size_t)paragraph,
		    .depth = (int)depth,
		    .parent = root ? -1 : (long)parent,
		    .end_paragraph = (size_t)end,
		};
	}
	sqlite3_reset(statement);
	if (damaged)
		return 1;
	if (status != SQLITE_DONE)
		return store_sql_error(store, error);
	return 0;
}

/* The stored (parsed) model of a speech, checked: 0, -1 for an SQL
 * error, or 1 for damage with only the problem in *error. */
static int load_stored(struct store *store, int64_t id, struct speech *speech, struct error *error)
{
	memset(speech, 0, sizeof *speech);
	struct buffer text = {0};
	char *back = NULL;
	int64_t paragraph_count = 0;
	/* Each loader returns -1 for an SQL error, 1 for damage. */
	int status = load_model(store, id, speech, &text, &back, &paragraph_count, error);
	if (status == 0)
		status = load_paragraphs(store, id, speech, &text, error);
	if (status == 0)
		status = load_outline(store, id, speech, error);
	if (status == 0)
		add_lines(&text, back, strlen(back), &speech->back_matter,
			  &speech->back_matter_count);
	free(back);
	speech->text = buffer_string(&text);
	speech->text_length = text.length;
	if (status == 0 && (int64_t)speech->paragraph_count != paragraph_count + 1) {
		error_set(error, _("it holds %zu paragraphs under its title, not %lld"),
			  speech->paragraph_count ? speech->paragraph_count - 1 : 0,
			  (long long)paragraph_count);
		status = 1;
	}
	if (status == 0 && speech_model_validate(speech, error) != 0)
		status = 1;
	if (status != 0)
		speech_free(speech);
	return status;
}

int store_speech_load_checked(struct store *store, int64_t id, struct speech *speech,
			      struct error *error)
{
	int status = load_stored(store, id, speech, error);
	if (status != 0)
		return status;
	if (store_corrections_apply(store, id, speech, error) != 0) {
		speech_free(speech);
		return -1;
	}
	return 0;
}

int store_speech_load(struct store *store, int64_t id, struct speech *speech, struct error *error)
{
	int status = store_speech_load_checked(store, id, speech, error);
	return status > 0 ? store_damaged_speech(id, error) : status;
}

int store_speech_load_parsed(struct store *store, int64_t id, struct speech *speech,
			     struct error *error)
{
	int status = load_stored(store, id, speech, error);
	return status > 0 ? store_damaged_speech(id, error) : status;
}

int store_position_get(struct store *store, int64_t id, size_t *paragraph, struct error *error)
{
	sqlite3_stmt *statement = store_statement(store, STATEMENT_POSITION_GET, error);
	if (!statement)
		return -1;
	sqlite3_bind_int64(statement, 1, id);
	int status = sqlite3_step(statement);
	if (status == SQLITE_ROW)
		*paragraph = (size_t)sqlite3_column_int64(statement, 0);
	sqlite3_reset(statement);
	if (status == SQLITE_DONE)
		return error_set(error, _("no speech %lld in the library"), (long long)id);
	return status == SQLITE_ROW ? 0 : store_sql_error(store, error);
}

int store_position_set(struct store *store, int64_t id, size_t paragraph, struct error *error)
{
	sqlite3_stmt *statement = store_statement(store, STATEMENT_POSITION_SET, error);
	if (!statement)
		return -1;
	sqlite3_bind_int64(statement, 1, id);
	sqlite3_bind_int64(statement, 2, (sqlite3_int64)paragraph);
	return store_step_done(store, statement, error);
}

int store_folds_get(struct store *store, int64_t id, size_t **paragraphs, size_t *count,
		    struct error *error)
{
	void *rows;
	int status = store_rows_select(store, STATEMENT_FOLDS_GET, &id,
				       &store_paragraph_number_rows, &rows, count, error);
	*paragraphs = rows;
	return status;
}

int store_fold_set(struct store *store, int64_t id, size_t paragraph, int folded,
		   struct error *error)
{
	sqlite3_stmt *statement =
	    store_statement(store, folded ? STATEMENT_FOLD_ADD : STATEMENT_FOLD_REMOVE, error);
	if (!statement)
		return -1;
	sqlite3_bind_int64(statement, 1, id);
	sqlite3_bind_int64(statement, 2, (sqlite3_int64)paragraph);
	return store_step_done(store, statement, error);
}
