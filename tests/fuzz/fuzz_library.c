/* fuzz_library.c — a library another tool has edited or damaged.
 *
 * One in-memory library holds a short speech in two versions (the second
 * replaced the first), with tags, a note and a fold. Each input is a list
 * of cell edits, applied in a transaction that is rolled back afterwards,
 * with foreign keys and CHECK constraints off as another tool may have had
 * them. Then everything that reads a speech runs on it: store_speech_load
 * for each version, and on a speech it accepts the reader's curses-free
 * models (annotations, the visible paragraphs with every fold, the outline
 * pane's every request, the breadcrumb, the layout of each paragraph); the
 * export of every excerpt in every format and the matrix; each paragraph's
 * section path (removal's recovery file); store_check.
 *
 * Promises: nothing crashes or runs away (libFuzzer's -timeout); a speech
 * is refused with a message naming it and pizhu check, or is a model that
 * speech_model_validate accepts; store_check names exactly the speeches
 * store_speech_load refuses.
 *
 * Input: edits of 5 bytes and more — table, row, column, kind, value —
 * where kind says how the value is read: a small change to the cell, a
 * small number, a 32-bit number, NULL, or text of the next byte's length.
 */
#include <string.h>

#include "base/buffer.h"
#include "export/export.h"
#include "speech/speech.h"
#include "store/annotation.h"
#include "store/document.h"
#include "store/excerpt.h"
#include "store/internal.h"
#include "store/section.h"
#include "store/theme.h"
#include "store/validate.h"
#include "tests/fuzz/fuzz.h"
#include "tui/model/layout.h"
#include "tui/model/paragraph_marks.h"
#include "tui/model/visible.h"
#include "tui/outline_pane.h"
#include "tui/status.h"

static const char first_version[] = "在全镇工作会议上的讲话\n"
				    "同志们：\n"
				    "一、认清形势\n"
				    "（一）成绩来之不易\n"
				    "今年就业和民生工作取得成效。\n"
				    "（二）问题不容忽视\n"
				    "1. 项目建设滞后\n"
				    "招商引资要加力。\n"
				    "二、抓好落实\n"
				    "一是加强党的建设。党建引领发展。\n"
				    "谢谢大家。\n";

static const char second_version[] = "在全镇工作会议上的讲话\n"
				     "同志们：\n"
				     "一、认清形势\n"
				     "（一）成绩来之不易\n"
				     "今年就业和民生工作取得成效。\n"
				     "二、抓好落实\n"
				     "一是加强党的建设。党建引领发展。\n"
				     "二是保障民生。\n"
				     "谢谢大家。\n";

struct table {
	const char *name;
	const char *key; /* columns that name a row, for ORDER BY and WHERE */
	int key_count;
	const char *columns[10];
};

static const struct table tables[] = {
    {"paragraphs",
     "id",
     1,
     {"section", "number", "role", "rank", "depth", "label_length", "text", "document_id",
      "matter"}},
    {"outline",
     "document_id, entry",
     2,
     {"parent", "paragraph", "end_paragraph", "entry", "depth", "document_id"}},
    {"documents",
     "id",
     1,
     {"paragraph_count", "replaced_by", "previous_id", "front_matter", "title", "removed_at",
      "encoding", "replaced_bytes", "position", "title_found"}},
    {"tags", "document_id, paragraph, theme_id", 3, {"paragraph", "theme_id", "document_id"}},
    {"notes", "document_id, paragraph", 2, {"paragraph", "text", "document_id"}},
    {"folds", "document_id, paragraph", 2, {"paragraph", "document_id"}},
    {"themes", "id", 1, {"key", "name", "color", "keywords"}},
};
enum { TABLE_COUNT = sizeof tables / sizeof tables[0] };

static struct store *store;
static FILE *sink;

static void must(int status, const char *what, const struct error *error)
{
	if (status != 0) {
		fprintf(stderr, "%s: %s\n", what, error->message);
		abort();
	}
}

static int64_t import(const char *text)
{
	struct speech speech;
	struct error error = {{0}};
	struct store_import_result result;
	must(speech_parse((const unsigned char *)text, strlen(text), "fuzz", &speech, &error),
	     "parse", &error);
	must(store_import(store, "/fuzz/speech.txt", (const unsigned char *)text, strlen(text),
			  &speech, &result, &error),
	     "import", &error);
	speech_free(&speech);
	return result.id;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	struct error error = {{0}};
	must(store_open(":memory:", STORE_OPEN_CREATE, &store, &error), "store_open", &error);
	sink = fopen("/dev/null", "w");
	struct theme_definition *defaults;
	size_t count;
	must(theme_definitions_load(NULL, &defaults, &count, &error), "themes", &error);
	must(store_themes_sync(store, defaults, count, &error), "themes", &error);
	theme_definitions_free(defaults, count);
	int64_t first = import(first_version);
	int64_t theme = 0;
	must(store_theme_find(store, "民生", &theme, &error), "theme", &error);
	/* Tags on paragraphs that follow to the new version and on one that
	 * is left behind (an orphan), a note, a fold. */
	must(store_tag_add(store, first, 4, theme, NULL, &error), "tag", &error);
	must(store_tag_add(store, first, 7, theme, NULL, &error), "tag", &error);
	must(store_tag_add(store, first, 9, theme, NULL, &error), "tag", &error);
	must(store_note_set(store, first, 9, "注：党建", NULL, &error), "note", &error);
	int64_t second = import(second_version);
	must(store_tag_add(store, second, 7, theme, NULL, &error), "tag", &error);
	must(store_fold_set(store, second, 3, 1, &error), "fold", &error);
	sqlite3_exec(store->db, "PRAGMA foreign_keys = OFF; PRAGMA ignore_check_constraints = ON",
		     NULL, NULL, NULL);
	return 0;
}

/* Applies one edit; returns the bytes it used, 0 at the end of the input. */
static size_t apply_edit(const uint8_t *data, size_t size)
{
	if (size < 5)
		return 0;
	const struct table *table = &tables[data[0] % TABLE_COUNT];
	size_t columns = 0;
	while (columns < 10 && table->columns[columns])
		columns++;
	const char *column = table->columns[data[2] % columns];
	int kind = data[3] % 5;
	size_t used = 5;
	char sql[512];
	/* Names come from the tables above, never from the input. */
	char where[160] = "";
	const char *keys[3] = {"document_id", "paragraph", "theme_id"};
	if (table->key_count == 1)
		snprintf(where, sizeof where, "%s = ?2", table->key);
	else if (strcmp(table->name, "outline") == 0)
		snprintf(where, sizeof where, "document_id = ?2 AND entry = ?3");
	else
		for (int k = 0; k < table->key_count; k++)
			snprintf(where + strlen(where), sizeof where - strlen(where), "%s%s = ?%d",
				 k ? " AND " : "", keys[k], k + 2);
	/* kind 0: a small change to what is there */
	snprintf(sql, sizeof sql, "UPDATE %s SET %s = ?1%s%s WHERE %s", table->name, column,
		 kind == 0 ? " + " : "", kind == 0 ? column : "", where);

	char select[256];
	snprintf(select, sizeof select, "SELECT %s FROM %s ORDER BY %s LIMIT 1 OFFSET ?1",
		 table->key, table->name, table->key);
	sqlite3_stmt *row, *update;
	if (sqlite3_prepare_v2(store->db, select, -1, &row, NULL) != SQLITE_OK)
		abort();
	sqlite3_bind_int(row, 1, data[1] % 32);
	if (sqlite3_prepare_v2(store->db, sql, -1, &update, NULL) != SQLITE_OK) {
		fprintf(stderr, "%s: %s\n", sql, sqlite3_errmsg(store->db));
		abort();
	}
	switch (kind) {
	case 0:
	case 1:
		sqlite3_bind_int(update, 1, (signed char)data[4]);
		break;
	case 2:
		if (size >= 8) {
			int32_t value;
			memcpy(&value, data + 4, sizeof value);
			sqlite3_bind_int(update, 1, value);
			used = 8;
		}
		break;
	case 3: {
		size_t length = data[4] < size - 5 ? data[4] : size - 5;
		sqlite3_bind_text(update, 1, (const char *)data + 5, (int)length, SQLITE_TRANSIENT);
		used = 5 + length;
		break;
	}
	default:
		sqlite3_bind_null(update, 1);
	}
	if (sqlite3_step(row) == SQLITE_ROW) {
		for (int k = 0; k < table->key_count; k++)
			sqlite3_bind_value(update, k + 2, sqlite3_column_value(row, k));
		sqlite3_step(update); /* a constraint may refuse it: so be it */
	}
	sqlite3_finalize(update);
	sqlite3_finalize(row);
	return used;
}

/* The reader's models over an accepted speech. */
static void run_models(int64_t id, const struct speech *speech)
{
	struct paragraph_marks annotations;
	struct error error = {{0}};
	if (marks_load(&annotations, store, id, speech, &error) != 0)
		return;
	struct visible visible;
	visible_init(&visible, speech, &annotations);
	for (int pass = 0; pass < 2; pass++) {
		size_t steps = 0;
		for (size_t p = 0; p < speech->paragraph_count; p = visible_next(&visible, p)) {
			fuzz_assert(steps++ <= speech->paragraph_count);
			visible_owner(&visible, p);
			visible_folded_count(&visible, p);
		}
		steps = 0;
		for (size_t p = visible_previous(&visible, speech->paragraph_count);
		     p != (size_t)-1; p = visible_previous(&visible, p))
			fuzz_assert(steps++ <= speech->paragraph_count);
		for (size_t e = 0; e < speech->outline_count; e++)
			visible_toggle_fold(&visible, e);
		visible.filter = annotations.theme_count ? 1 : 0;
	}
	struct outline_pane pane;
	outline_pane_init(&pane, speech, &annotations);
	pane.height = 5;
	for (size_t p = 0; p < speech->paragraph_count; p++)
		outline_pane_follow(&pane, speech->paragraphs[p].section, (int)(p & 1));
	for (int request = REQUEST_NONE + 1; request < REQUEST_COUNT; request++) {
		size_t jump = 0;
		outline_pane_request(&pane, (enum request)request, &jump);
		fuzz_assert(jump < speech->paragraph_count || jump == 0);
	}
	outline_pane_scroll(&pane, 3);
	outline_pane_select_row(&pane, 2);
	for (size_t e = 0; e < speech->outline_count; e++)
		marks_section_has(&annotations, e, ~(theme_set)0);
	struct layout_options options = {.width = 20, .first_indent = 2};
	for (size_t p = 0; p < speech->paragraph_count; p++) {
		struct buffer crumbs = {0};
		status_breadcrumb(speech, p, 8, &crumbs);
		buffer_free(&crumbs);
		size_t count;
		free(layout_wrap(paragraph_text(speech, p), speech->paragraphs[p].length, &options,
				 &count));
	}
	outline_pane_free(&pane);
	visible_free(&visible);
	marks_free(&annotations);
}

static void run_export(void)
{
	struct store_excerpt *excerpts;
	size_t count;
	struct store_selection all = {0};
	struct error error = {{0}};
	if (store_excerpts(store, &all, &excerpts, &count, &error) != 0) {
		fuzz_assert(error.message[0] != '\0');
		return;
	}
	struct store_theme *themes;
	size_t theme_count;
	if (store_themes_list(store, &themes, &theme_count, &error) == 0) {
		struct store_excerpt_theme *chosen = calloc(theme_count + 1, sizeof *chosen);
		for (size_t i = 0; i < theme_count; i++)
			chosen[i] = (struct store_excerpt_theme){
			    themes[i].id, themes[i].definition.name, themes[i].definition.color};
		struct export_request request = {.excerpts = excerpts,
						 .excerpt_count = count,
						 .themes = chosen,
						 .theme_count = theme_count,
						 .every_theme = 1,
						 .grouping = EXPORT_BY_THEME,
						 .bom = 1};
		export_markdown(sink, &request, &error);
		export_csv(sink, &request, &error);
		export_jsonl(sink, &request, &error);
		request.grouping = EXPORT_BY_SPEECH;
		export_html(sink, &request, &error);
		export_markdown(sink, &request, &error);
		free(chosen);
		store_themes_free(themes, theme_count);
	}
	store_excerpts_free(excerpts, count);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct error error = {{0}};
	must(store_transaction_begin(store, &error), "begin", &error);
	for (size_t used, edits = 0; edits < 24 && (used = apply_edit(data, size)) > 0; edits++) {
		data += used;
		size -= used;
	}
	int refused[3] = {0};
	for (int64_t id = 1; id <= 2; id++) {
		struct speech speech;
		if (store_speech_load(store, id, &speech, &error) != 0) {
			fuzz_assert(strstr(error.message, "no speech") ||
				    (strstr(error.message, "is damaged") &&
				     strstr(error.message, "pizhu check")));
			refused[id] = strstr(error.message, "is damaged") != NULL;
		} else {
			fuzz_assert(speech_model_validate(&speech, &error) == 0);
			run_models(id, &speech);
			speech_free(&speech);
		}
		for (size_t p = 0; p < 16; p++) {
			char **labels;
			size_t count;
			if (store_section_path(store, id, p, &labels, &count, &error) == 0)
				store_section_path_free(labels, count);
		}
	}
	run_export();
	char *report = NULL;
	if (store_check(store, &report, &error) == 0) {
		for (int id = 1; id <= 2; id++) {
			char line[32];
			snprintf(line, sizeof line, "speech %d: ", id);
			fuzz_assert((strstr(report, line) != NULL) == refused[id]);
		}
		free(report);
	}
	store_transaction_rollback(store);
	return 0;
}
