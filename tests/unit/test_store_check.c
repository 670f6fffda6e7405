/* store_check: the event log agrees with the tags and notes after every
 * kind of change, and a disagreement made behind the store's back is
 * reported. */
#include <sqlite3.h>

#include "store/annotation.h"
#include "store/history.h"
#include "store/theme.h"
#include "store_test.h"

static const char speech_text[] = "讲话\n一、民生\n就业是最大的民生。\n党的建设。\n"
				  "二、项目\n招商引资。\n教育和医疗。\n";

static int64_t theme(struct store *store, const char *name)
{
	int64_t id = 0;
	struct error error;
	store_theme_find(store, name, &id, &error);
	return id;
}

/* store_check's report (a new string); NULL when it cannot run. */
static char *check(struct store *store)
{
	char *report = NULL;
	struct error error = {{0}};
	if (store_check(store, &report, &error) != 0)
		printf("# store_check: %s\n", error.message);
	return report;
}

static void is_healthy(struct store *store, const char *name)
{
	char *report = check(store);
	is_string(report, "ok", "%s: the log agrees", name);
	free(report);
}

/* Runs SQL on the file behind the store's back, then reports whether
 * store_check names a history problem. */
static int tampering_found(struct store *store, const char *path, const char *sql)
{
	sqlite3 *db;
	if (sqlite3_open(path, &db) != SQLITE_OK ||
	    sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK) {
		printf("# tamper: %s\n", sqlite3_errmsg(db));
		sqlite3_close(db);
		return 0;
	}
	sqlite3_close(db);
	char *report = check(store);
	int found = report && strstr(report, "history: ") != NULL;
	for (const char *line = report; line && *line;) {
		const char *end = strchr(line, '\n');
		int length = end ? (int)(end - line) : (int)strlen(line);
		printf("#   %.*s\n", length, line);
		line += length + (end != NULL);
	}
	free(report);
	return found;
}

int main(void)
{
	struct store *store = test_store_open("check.db");
	if (!store)
		return 1;
	struct error error = {{0}};
	struct theme_definition *definitions;
	size_t definition_count;
	theme_definitions_load(NULL, &definitions, &definition_count, &error);
	store_themes_sync(store, definitions, definition_count, &error);
	theme_definitions_free(definitions, definition_count);
	int64_t speech = test_import(store, "/check/speech.txt", speech_text, NULL);
	int64_t minsheng = theme(store, "民生"), dangjian = theme(store, "党建");
	is_healthy(store, "a new library");

	store_action_begin(store, speech, "tag 1 1-4 民生 党建", &error);
	for (size_t p = 1; p <= 4; p++) {
		store_tag_add(store, speech, p, minsheng, NULL, &error);
		store_tag_add(store, speech, p, dangjian, NULL, &error);
	}
	store_action_commit(store, &error);
	store_tag_remove(store, speech, 2, minsheng, NULL, &error);
	store_note_set(store, speech, 3, "第一稿", NULL, &error);
	store_note_set(store, speech, 3, "第二稿", NULL, &error);
	is_healthy(store, "tags, a removal and notes");

	int done;
	store_undo(store, 0, &done, NULL, &error);
	store_undo(store, 0, &done, NULL, &error);
	is_healthy(store, "two undos");
	store_redo(store, 0, &done, NULL, &error);
	is_healthy(store, "a redo");
	store_note_set(store, speech, 4, "新的", NULL, &error);
	is_healthy(store, "a change that discards the undone step");
	store_tag_toggle(store, speech, 5, minsheng, NULL, &error);
	store_tag_toggle(store, speech, 5, minsheng, NULL, &error);
	store_note_set(store, speech, 4, NULL, NULL, &error);
	is_healthy(store, "toggles and a cleared note");

	/* Deleting a theme discards the actions that used it. */
	struct theme_definition extra = {.name = "生态", .color = ""};
	int64_t shengtai;
	store_theme_add(store, &extra, &shengtai, &error);
	store_action_begin(store, speech, "tag 1 6 生态 民生", &error);
	store_tag_add(store, speech, 6, shengtai, NULL, &error);
	store_tag_add(store, speech, 6, minsheng, NULL, &error);
	store_action_commit(store, &error);
	size_t removed;
	store_theme_delete(store, shengtai, 1, &removed, &error);
	is_healthy(store, "a deleted theme");

	/* A new version moves the annotations. */
	const char changed[] = "讲话\n一、民生\n就业是最大的民生，要扩大就业。\n党的建设。\n"
			       "二、项目\n招商引资。\n教育和医疗。\n新的一段。\n";
	test_import(store, "/check/speech.txt", changed, NULL);
	is_healthy(store, "a re-imported speech");

	/* Damage made behind the store's back is found. */
	int64_t other =
	    test_import(store, "/check/other.txt", "另一篇\n第一段。\n第二段。\n", NULL);
	store_tag_add(store, other, 1, minsheng, NULL, &error);
	store_note_set(store, other, 2, "笔记", NULL, &error);
	is_healthy(store, "a second speech");
	char statement[256];
	snprintf(statement, sizeof statement,
		 "DELETE FROM tags WHERE document_id = %lld AND paragraph = 1", (long long)other);
	ok(tampering_found(store, test_path("check.db"), statement), "a lost tag is reported");
	snprintf(statement, sizeof statement,
		 "INSERT INTO tags VALUES (%lld, 1, %lld, 0, '2026-01-01T00:00:00Z')",
		 (long long)other, (long long)dangjian);
	ok(tampering_found(store, test_path("check.db"), statement),
	   "a tag the log never made is reported");
	snprintf(statement, sizeof statement, "DELETE FROM tags WHERE document_id = %lld",
		 (long long)other);
	tampering_found(store, test_path("check.db"), statement);
	snprintf(statement, sizeof statement,
		 "UPDATE notes SET text = 'x' WHERE document_id = %lld", (long long)other);
	ok(tampering_found(store, test_path("check.db"), statement), "a changed note is reported");
	ok(tampering_found(store, test_path("check.db"),
			   "INSERT INTO actions (kind, state, user, at, description)"
			   " VALUES ('change', 'applied', 'u', 't', 'empty')"),
	   "a change without events is reported");
	store_close(store);
	return tap_done();
}
