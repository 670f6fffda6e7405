/* The user's corrections of a speech's structure: set, applied to the
 * model, undo and redo, the parsed model untouched, and corrections
 * following a speech to its new version (or reported when they cannot). */
#include "speech/correct.h"
#include "store/annotation.h"
#include "store/correction.h"
#include "store/history.h"
#include "store/search.h"
#include "store_test.h"

#include <sqlite3.h>

/* Plain enough that any parser takes it the same way: the first line for
 * the title, 一、 and 二、 for headings. */
static const char *const first_text = "会议材料\n"
				      "这是一段开场白，本不该在正文里。\n"
				      "一、回顾过去\n"
				      "去年我们做了很多工作。\n"
				      "关于明年的工作，我讲几点意见。\n"
				      "今年要抓好三件事。\n"
				      "二、安排部署\n"
				      "要抓落实。\n";

static void load(struct store *store, int64_t id, struct speech *speech)
{
	struct error error = {{0}};
	if (store_speech_load(store, id, speech, &error) != 0)
		printf("# load: %s\n", error.message);
}

static size_t outline_count(struct store *store, int64_t id)
{
	struct speech speech;
	load(store, id, &speech);
	size_t count = speech.outline_count;
	speech_free(&speech);
	return count;
}

static void set_and_apply(struct store *store, int64_t id)
{
	struct error error = {{0}};
	struct speech speech;
	load(store, id, &speech);
	is_span(paragraph_text(&speech, 0), speech.paragraphs[0].length, "会议材料",
		"the parsed title");
	is_int(speech.outline_count, 3, "title and two headings parsed");
	speech_free(&speech);

	int changed = -1;
	struct correction heading = {4, CORRECTION_HEADING, 1};
	ok(store_correction_set(store, id, &heading, &changed, &error) == 0 && changed == 1,
	   "¶4 made a heading");
	ok(store_correction_set(store, id, &heading, &changed, &error) == 0 && changed == 0,
	   "again changes nothing");
	struct correction front = {1, CORRECTION_FRONT, 0};
	ok(store_correction_set(store, id, &front, NULL, &error) == 0, "¶1 to the front matter");
	ok(store_title_set(store, id, "在全区工作会议上的讲话", &changed, &error) == 0 &&
	       changed == 1,
	   "title set");
	struct correction bad = {4, CORRECTION_HEADING, 0};
	ok(store_correction_set(store, id, &bad, NULL, &error) == -1, "depth 0 refused");
	struct correction missing = {99, CORRECTION_BODY, 0};
	ok(store_correction_set(store, id, &missing, NULL, &error) == -1, "unknown paragraph");
	struct correction title = {0, CORRECTION_BODY, 0};
	ok(store_correction_set(store, id, &title, NULL, &error) == -1,
	   "the title is not a paragraph to mark");

	load(store, id, &speech);
	is_span(paragraph_text(&speech, 0), speech.paragraphs[0].length, "在全区工作会议上的讲话",
		"the corrected title");
	is_int(speech.paragraph_count, 8, "no paragraph renumbered");
	ok(speech.paragraphs[1].role == PARAGRAPH_FRONT_MATTER, "¶1 hidden as front matter");
	ok(speech.paragraphs[4].role == PARAGRAPH_HEADING && speech.paragraphs[4].depth == 1,
	   "¶4 a heading at depth 1");
	is_int(speech.outline_count, 4, "the outline has the new heading");
	is_int(speech.outline[2].paragraph, 4, "in reading order");
	is_int(speech.paragraphs[5].section, 2, "¶5 is in ¶4's section");
	is_int(speech.outline[1].end_paragraph, 4, "¶2's section ends at ¶4");
	is_int(speech.outline[3].parent, 0, "二、 stays at the top");
	speech_free(&speech);

	struct speech parsed;
	ok(store_speech_load_parsed(store, id, &parsed, &error) == 0 && parsed.outline_count == 3 &&
	       parsed.paragraphs[1].role == PARAGRAPH_BODY,
	   "the parsed model is untouched");
	speech_free(&parsed);

	struct store_document document;
	store_document_get(store, id, &document, &error);
	is_string(document.title, "在全区工作会议上的讲话", "listed under the corrected title");
	store_document_clear(&document);

	struct store_action *actions;
	size_t count;
	store_history(store, id, &actions, &count, &error);
	ok(count == 3, "three actions in the history");
	if (count == 3) {
		is_string(actions[0].description, "mark 1 4 heading 1", "described");
		ok(actions[0].user && *actions[0].user, "attributed to a user");
	}
	store_actions_free(actions, count);
}

static void undo_redo(struct store *store, int64_t id)
{
	struct error error = {{0}};
	int done;
	ok(store_undo(store, id, &done, NULL, &error) == 0 && done, "undo the title");
	struct store_document document;
	store_document_get(store, id, &document, &error);
	is_string(document.title, "会议材料", "the parsed title is back");
	store_document_clear(&document);
	ok(store_undo(store, id, &done, NULL, &error) == 0 && done, "undo the front matter");
	ok(store_undo(store, id, &done, NULL, &error) == 0 && done, "undo the heading");
	is_int(outline_count(store, id), 3, "the outline as parsed");
	ok(store_redo(store, id, &done, NULL, &error) == 0 && done, "redo the heading");
	ok(store_redo(store, id, &done, NULL, &error) == 0 && done, "redo the front matter");
	ok(store_redo(store, id, &done, NULL, &error) == 0 && done, "redo the title");
	is_int(outline_count(store, id), 4, "the heading is back");

	/* Across a restart: close and open again, undo still works. */
	store_close(store);
	store = test_store_open("correction.db");
	ok(store_undo(store, id, &done, NULL, &error) == 0 && done, "undo after reopening");
	store_document_get(store, id, &document, &error);
	is_string(document.title, "会议材料", "the title undone after reopening");
	store_document_clear(&document);
	ok(store_redo(store, id, &done, NULL, &error) == 0 && done, "and redo");
	char *report;
	ok(store_check(store, &report, &error) == 0, "check runs");
	is_string(report, "ok", "the library checks out");
	free(report);
	store_close(store);
}

static void reimport(void)
{
	struct store *store = test_store_open("correction.db");
	struct error error = {{0}};
	struct store_import_result result;
	/* The new version drops 今年要抓好三件事 and adds a paragraph before
	 * the others, so the corrected ones move down. */
	const char *second_text = "会议材料\n"
				  "这是一段开场白，本不该在正文里。\n"
				  "新加的一段。\n"
				  "一、回顾过去\n"
				  "去年我们做了很多工作。\n"
				  "关于明年的工作，我讲几点意见。\n"
				  "二、安排部署\n"
				  "要抓落实。\n";
	struct correction back = {5, CORRECTION_BACK, 0};
	ok(store_correction_set(store, 1, &back, NULL, &error) == 0, "¶5 to the back matter");
	int64_t second = test_import(store, "/speeches/a.txt", second_text, &result);
	ok(second == 2 && result.outcome == STORE_IMPORT_NEW_VERSION, "a new version");
	is_int(result.corrections_reattached, 3, "title, front matter and heading re-attached");
	is_int(result.corrections_orphaned, 1, "the correction of the dropped paragraph reported");

	struct speech speech;
	load(store, second, &speech);
	is_span(paragraph_text(&speech, 0), speech.paragraphs[0].length, "在全区工作会议上的讲话",
		"the title kept");
	ok(speech.paragraphs[1].role == PARAGRAPH_FRONT_MATTER, "¶1 still front matter");
	ok(speech.paragraphs[5].role == PARAGRAPH_HEADING, "the heading (now ¶5) kept");
	ok(speech.paragraphs[4].role == PARAGRAPH_BODY, "its old number is body text");
	speech_free(&speech);

	struct store_orphan *orphans;
	size_t count;
	ok(store_orphans_list(store, &orphans, &count, &error) == 0 && count == 1, "one orphan");
	if (count == 1) {
		is_string(orphans[0].correction, "back", "a correction orphan");
		is_string(orphans[0].paragraph_text, "今年要抓好三件事。", "with its text");
	}
	store_orphans_free(orphans, count);

	int done;
	ok(store_undo(store, second, &done, NULL, &error) == 0 && done, "undo on the new version");
	ok(store_undo(store, second, &done, NULL, &error) == 0 && done, "undo again");
	struct store_document document;
	store_document_get(store, second, &document, &error);
	is_string(document.title, "会议材料", "the moved title correction undone");
	store_document_clear(&document);
	store_close(store);
}

/* A correction another tool damaged is ignored when applied, and pizhu
 * check names it. */
static void damaged(void)
{
	sqlite3 *db;
	int opened = sqlite3_open(test_path("correction.db"), &db) == SQLITE_OK &&
		     sqlite3_exec(db,
				  "UPDATE corrections SET depth = 42 WHERE kind = 'heading'"
				  " AND document_id = 2",
				  NULL, NULL, NULL) == SQLITE_OK;
	sqlite3_close(db);
	ok(opened, "a heading's depth damaged");
	struct store *store = test_store_open("correction.db");
	struct error error = {{0}};
	struct speech speech;
	load(store, 2, &speech);
	ok(speech.paragraphs[5].role == PARAGRAPH_BODY, "the damaged correction is not applied");
	speech_free(&speech);
	char *report = NULL;
	ok(store_check(store, &report, &error) == 0 && report &&
	       strstr(report, "corrections: speech 2 paragraph 5: heading 42 is not a correction"),
	   "check names it");
	free(report);
	store_close(store);
}

static size_t hits(struct store *store, const char *text, int include_hidden)
{
	struct store_search_query query = {.text = text, .include_hidden = include_hidden};
	size_t count = 0;
	struct error error = {{0}};
	if (store_search_count(store, &query, &count, &error) != 0)
		printf("# search: %s\n", error.message);
	return count;
}

/* The lines the parser hides are numbered: the user brings one back (a
 * real first paragraph taken for an advertisement) and hides one it
 * missed; search leaves hidden ones out unless asked; a new version keeps
 * both corrections. */
static void parser_hidden_lines(void)
{
	struct store *store = test_store_open("hidden.db");
	struct error error = {{0}};
	struct store_import_result result;
	const char *text = "本站会员专享 扫码订阅\n"
			   "欢迎转发分享 支持原创\n"
			   "\n\n"
			   "在全县春耕生产动员会上的讲话\n"
			   "同志们：\n"
			   "春耕不等人，抓早抓实。\n"
			   "一、认清形势\n"
			   "粮食安全是头等大事。\n"
			   "责任编辑：王五\n";
	int64_t id = test_import(store, "/speeches/spring.txt", text, &result);
	struct speech speech;
	load(store, id, &speech);
	ok(speech.paragraph_count == 8 && speech.paragraphs[1].role == PARAGRAPH_FRONT_MATTER &&
	       speech.paragraphs[2].hidden_by_parser &&
	       speech.paragraphs[7].role == PARAGRAPH_BACK_MATTER,
	   "the hidden lines are ¶1, ¶2 and ¶7, as the library loads them");
	speech_free(&speech);
	is_int(hits(store, "订阅", 0), 0, "search leaves the parser's front matter out");
	is_int(hits(store, "订阅", 1), 1, "and finds it when asked");
	is_int(hits(store, "王五", 0), 0, "the back matter too");

	struct correction body = {1, CORRECTION_BODY, 0};
	struct correction front = {4, CORRECTION_FRONT, 0};
	ok(store_correction_set(store, id, &body, NULL, &error) == 0 &&
	       store_correction_set(store, id, &front, NULL, &error) == 0,
	   "¶1 brought back, ¶4 hidden (%s)", error.message);
	load(store, id, &speech);
	ok(speech.paragraphs[1].role == PARAGRAPH_BODY && speech.paragraphs[1].hidden_by_parser,
	   "¶1 is text now, keeping its number");
	ok(speech.paragraphs[4].role == PARAGRAPH_FRONT_MATTER, "¶4 is hidden");
	is_span(paragraph_text(&speech, 5), speech.paragraphs[5].length, "一、认清形势",
		"no number moved");
	speech_free(&speech);
	is_int(hits(store, "订阅", 0), 1, "search finds the line brought back");
	is_int(hits(store, "春耕不等人", 0), 0, "and leaves out the one the user hid");
	is_int(hits(store, "春耕不等人", 1), 1, "unless asked");

	const char *changed = "本站会员专享 扫码订阅\n"
			      "欢迎转发分享 支持原创\n"
			      "\n\n"
			      "在全县春耕生产动员会上的讲话\n"
			      "同志们：\n"
			      "春耕不等人，抓早抓实。\n"
			      "一、认清形势\n"
			      "粮食安全是头等大事，耕地是命根子。\n"
			      "责任编辑：王五\n";
	int64_t second = test_import(store, "/speeches/spring.txt", changed, &result);
	is_int(result.corrections_reattached, 2, "both corrections follow the new version");
	load(store, second, &speech);
	ok(speech.paragraphs[1].role == PARAGRAPH_BODY &&
	       speech.paragraphs[4].role == PARAGRAPH_FRONT_MATTER,
	   "¶1 still shown, ¶4 still hidden");
	speech_free(&speech);
	struct correction parsed = {1, CORRECTION_NONE, 0};
	ok(store_correction_set(store, second, &parsed, NULL, &error) == 0,
	   "back to what the parser found");
	load(store, second, &speech);
	ok(speech.paragraphs[1].role == PARAGRAPH_FRONT_MATTER, "¶1 hidden again");
	speech_free(&speech);
	store_close(store);
}

int main(void)
{
	struct store *store = test_store_open("correction.db");
	struct store_import_result result;
	int64_t id = test_import(store, "/speeches/a.txt", first_text, &result);
	is_int(id, 1, "speech 1");
	set_and_apply(store, id);
	undo_redo(store, id);
	reimport();
	damaged();
	parser_hidden_lines();
	return tap_done();
}
