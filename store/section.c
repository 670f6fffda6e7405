#include "store/section.h"

#include <stdlib.h>

#include "base/buffer.h"
#include "store/correction.h"
#include "store/internal.h"
#include "store/rows.h"

static void read_label(sqlite3_stmt *statement, void *element)
{
	*(char **)element = store_column_text(statement, 0);
}

static void clear_label(void *element)
{
	free(*(char **)element);
}

static const struct store_row_type label_rows = {sizeof(char *), read_label, clear_label};

void speech_section_path(const struct speech *speech, size_t paragraph, char ***labels,
			 size_t *count)
{
	*labels = NULL;
	*count = 0;
	if (paragraph >= speech->paragraph_count)
		return;
	size_t depth = 0;
	for (long e = speech->paragraphs[paragraph].section; e > 0; e = speech->outline[e].parent)
		depth++;
	if (depth == 0)
		return;
	*labels = xcalloc(depth, sizeof **labels);
	*count = depth;
	for (long e = speech->paragraphs[paragraph].section; e > 0; e = speech->outline[e].parent) {
		size_t heading = speech->outline[e].paragraph;
		(*labels)[--depth] = xstrndup(paragraph_text(speech, heading),
					      speech->paragraphs[heading].label_length);
	}
}

/* The path in the corrected model: the parser's outline in the library
 * does not know the user's headings. 1 for a damaged speech, which has
 * no model: its caller falls back to the parser's outline, so that a
 * removal's recovery file (recovery.h) can still be written. */
static int corrected_path(struct store *store, int64_t document_id, size_t paragraph,
			  char ***labels, size_t *count, struct error *error)
{
	struct speech speech;
	int status = store_speech_load_checked(store, document_id, &speech, error);
	if (status != 0)
		return status;
	speech_section_path(&speech, paragraph, labels, count);
	speech_free(&speech);
	return 0;
}

int store_section_path(struct store *store, int64_t document_id, size_t paragraph, char ***labels,
		       size_t *count, struct error *error)
{
	*labels = NULL;
	*count = 0;
	int corrected = store_structure_corrected(store, document_id, error);
	if (corrected < 0)
		return -1;
	if (corrected) {
		int status = corrected_path(store, document_id, paragraph, labels, count, error);
		if (status <= 0)
			return status; /* else damaged: the parser's outline */
	}
	sqlite3_stmt *statement = store_statement(store, STATEMENT_SECTION_PATH, error);
	if (!statement)
		return -1;
	sqlite3_bind_int64(statement, 1, document_id);
	sqlite3_bind_int64(statement, 2, (sqlite3_int64)paragraph);
	void *rows;
	int status = store_rows_collect(store, statement, &label_rows, &rows, count, error);
	*labels = rows;
	return status;
}

void store_section_path_free(char **labels, size_t count)
{
	for (size_t i = 0; i < count; i++)
		free(labels[i]);
	free(labels);
}
