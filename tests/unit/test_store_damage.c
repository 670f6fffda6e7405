/* A library another tool has damaged: every kind of damage the hostile
 * trial found (issue 17) is refused when the speech is loaded, with a
 * message naming the speech and pizhu check; store_check names it; the
 * recursive queries (export's section paths, a paragraph's section path)
 * end on a parent cycle; the speech is corrected, and its section path
 * falls back to the parser's outline, so that its removal can still write
 * the recovery file. Each case runs on a fresh copy of one library. */
#include <signal.h>
#include <sqlite3.h>

#include "store/annotation.h"
#include "store/correction.h"
#include "store/excerpt.h"
#include "store/section.h"
#include "store/validate.h"
#include "store_test.h"

static const char speech_text[] = "讲话\n同志们：\n一、民生\n（一）就业\n就业是最大的民生。\n"
				  "（二）教育\n教育和医疗。\n二、项目\n招商引资。\n";

struct damage {
	const char *name;
	const char *sql;
};

/* Each UPDATE of the issue and its neighbours. Paragraph 4 is under
 * （一）, outline entry 2, whose parent is entry 1. */
static const struct damage damages[] = {
    {"a section far past the outline",
     "UPDATE paragraphs SET section = 99999 WHERE document_id = 1 AND number = 4"},
    {"a section just past the last entry",
     "UPDATE paragraphs SET section = (SELECT count(*) FROM outline) WHERE number = 4"},
    {"a section that does not hold the paragraph",
     "UPDATE paragraphs SET section = 4 WHERE document_id = 1 AND number = 4"},
    {"an outline parent cycle", "UPDATE outline SET parent = entry WHERE entry = 2"},
    {"a parent after its child", "UPDATE outline SET parent = 3 WHERE entry = 2"},
    {"a parent past the end", "UPDATE outline SET parent = 999 WHERE entry = 2"},
    {"an entry's paragraph past the end", "UPDATE outline SET paragraph = 999 WHERE entry = 2"},
    {"an entry's end past the speech", "UPDATE outline SET end_paragraph = 999 WHERE entry = 2"},
    {"an entry's end before its start", "UPDATE outline SET end_paragraph = 1 WHERE entry = 2"},
    {"entries out of order", "UPDATE outline SET paragraph = 7 WHERE entry = 2"},
    {"a negative depth", "UPDATE paragraphs SET depth = -300 WHERE number = 3"},
    {"a rank past 5", "UPDATE paragraphs SET rank = 300 WHERE number = 3"},
    {"a label longer than its text", "UPDATE paragraphs SET label_length = 9999 WHERE number = 3"},
    {"a missing paragraph number", "UPDATE paragraphs SET number = 50 WHERE number = 8"},
    {"a wrong paragraph count", "UPDATE documents SET paragraph_count = 3"},
    {"a second title", "UPDATE paragraphs SET role = 'title' WHERE number = 4"},
    {"a line break in a paragraph", "UPDATE paragraphs SET text = 'a' || char(10) || 'b' "
				    "WHERE number = 4"},
    {"text that is not UTF-8", "UPDATE paragraphs SET text = CAST(x'ff41' AS TEXT) "
			       "WHERE number = 4"},
    {"no outline", "DELETE FROM outline"},
    /* NOT NULL dropped through writable_schema, as the trial did. */
    {"a NULL paragraph text",
     "PRAGMA writable_schema = ON;"
     "UPDATE sqlite_master SET sql = replace(sql, 'text TEXT NOT NULL,', 'text TEXT,')"
     " WHERE name = 'paragraphs';"},
};

static void on_alarm(int signal)
{
	(void)signal;
	static const char message[] = "not ok - a query ran for 20 s (a cycle followed)\n";
	if (write(1, message, sizeof message - 1) < 0)
		_exit(2);
	_exit(1);
}

static int run_sql(const char *path, const char *sql)
{
	sqlite3 *db;
	int status = sqlite3_open(path, &db) == SQLITE_OK &&
		     sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK;
	if (!status)
		printf("# sql: %s\n", sqlite3_errmsg(db));
	sqlite3_close(db);
	return status;
}

static void damage_case(const char *base, const struct damage *damage, int index)
{
	char name[32];
	snprintf(name, sizeof name, "damaged-%d.db", index);
	char path[512];
	snprintf(path, sizeof path, "%s", test_path(name));
	char command[1200];
	snprintf(command, sizeof command, "cp '%s' '%s'", base, path);
	if (system(command) != 0 || !run_sql(path, damage->sql)) {
		ok(0, "%s: damaged", damage->name);
		return;
	}
	/* A NULL text needs a second connection to see the new schema. */
	if (strstr(damage->sql, "writable_schema"))
		run_sql(path, "UPDATE paragraphs SET text = NULL WHERE number = 4");
	struct store *store = NULL;
	struct error error = {{0}};
	if (store_open(path, STORE_OPEN_EXISTING, &store, &error) != 0) {
		ok(0, "%s: opens (%s)", damage->name, error.message);
		return;
	}
	struct speech speech;
	int loaded = store_speech_load(store, 1, &speech, &error);
	ok(loaded != 0 && strstr(error.message, "speech 1 is damaged") &&
	       strstr(error.message, "pizhu check"),
	   "%s: the speech is refused (%s)", damage->name, loaded ? error.message : "loaded");
	if (loaded == 0)
		speech_free(&speech);

	char *report = NULL;
	ok(store_check(store, &report, &error) == 0 && report && strstr(report, "speech 1: "),
	   "%s: store_check names it", damage->name);
	free(report);

	/* Export and removal's recovery file walk the section paths in SQL;
	 * each must end (the alarm fails the test otherwise), and refuse or
	 * give excerpts. */
	alarm(20);
	struct store_excerpt *excerpts = NULL;
	size_t count = 0;
	struct store_selection all = {0};
	int status = store_excerpts(store, &all, &excerpts, &count, &error);
	store_excerpts_free(excerpts, count);
	char **labels;
	size_t label_count;
	struct error walk_error = {{0}};
	int walked = store_section_path(store, 1, 4, &labels, &label_count, &walk_error);
	if (walked == 0)
		store_section_path_free(labels, label_count);
	alarm(0);
	ok(walked == 0, "%s: the corrected speech's section path is the parser's (%s)",
	   damage->name, walked ? error.message : "read");
	ok(status == 0 || strstr(error.message, "damaged"), "%s: excerpts end (%s)", damage->name,
	   status ? error.message : "read");
	store_close(store);
}

int main(void)
{
	signal(SIGALRM, on_alarm);
	char base[512];
	snprintf(base, sizeof base, "%s", test_path("base.db"));
	struct store *store = test_store_open("base.db");
	test_themes_install(store);
	int64_t id = test_import(store, "/speech.txt", speech_text, NULL);
	int64_t theme = 0;
	struct error error = {{0}};
	store_theme_find(store, "民生", &theme, &error);
	ok(id == 1 && store_tag_add(store, id, 4, theme, NULL, &error) == 0 &&
	       store_tag_add(store, id, 6, theme, NULL, &error) == 0,
	   "a library with tagged paragraphs");
	struct correction heading = {8, CORRECTION_HEADING, 2};
	ok(store_correction_set(store, id, &heading, NULL, &error) == 0, "and a correction");
	struct speech speech;
	ok(store_speech_load(store, id, &speech, &error) == 0, "the sound speech loads");
	if (speech.outline_count > 0)
		speech_free(&speech);
	char *report = NULL;
	store_check(store, &report, &error);
	is_string(report, "ok", "store_check: the sound library is ok");
	free(report);
	store_close(store);

	for (size_t i = 0; i < sizeof damages / sizeof damages[0]; i++)
		damage_case(base, &damages[i], (int)i);
	return tap_done();
}
