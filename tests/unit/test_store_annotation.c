/* Tags, notes, the event log with undo and redo, and annotations
 * following a speech to its new version. */
#include "store/annotation.h"
#include "store/history.h"
#include "store/theme.h"
#include "store_test.h"

static int64_t minsheng, dangjian;

static void setup_themes(struct store *store)
{
	test_themes_install(store);
	struct error error = {{0}};
	store_theme_find(store, "民生", &minsheng, &error);
	store_theme_find(store, "党建", &dangjian, &error);
}

static size_t tag_count(struct store *store, int64_t speech)
{
	struct store_tag *tags;
	size_t count;
	struct error error = {{0}};
	store_tags_list(store, speech, &tags, &count, &error);
	store_tags_free(tags, count);
	return count;
}

static void tags_and_notes(struct store *store, int64_t speech)
{
	struct error error = {{0}};
	int changed = -1;
	ok(store_tag_add(store, speech, 2, minsheng, &changed, &error) == 0 && changed == 1,
	   "tag added");
	ok(store_tag_add(store, speech, 2, minsheng, &changed, &error) == 0 && changed == 0,
	   "tagging again changes nothing");
	ok(store_tag_add(store, speech, 2, dangjian, NULL, &error) == 0, "second theme");
	ok(store_tag_add(store, speech, 1, minsheng, NULL, &error) == 0, "another paragraph");
	struct store_tag *tags;
	size_t count;
	ok(store_tags_list(store, speech, &tags, &count, &error) == 0 && count == 3, "three tags");
	if (count == 3) {
		ok(tags[0].paragraph == 1 && tags[1].paragraph == 2 && tags[2].paragraph == 2,
		   "by paragraph");
		is_string(tags[1].theme_name, "党建", "themes in key order");
	}
	store_tags_free(tags, count);

	ok(store_tag_add(store, speech, 99, minsheng, NULL, &error) == -1, "unknown paragraph");
	is_string(error.message, "speech 1 has no paragraph 99 (it has 1 to 4)", "says the range");
	ok(store_tag_add(store, speech, 0, minsheng, NULL, &error) == -1, "the title is refused");
	ok(store_tag_add(store, 42, 1, minsheng, NULL, &error) == -1, "unknown speech");
	is_string(error.message, "no speech 42 in the library", "says which");
	ok(store_tag_add(store, speech, 1, 4242, NULL, &error) == -1, "unknown theme id");
	is_int(tag_count(store, speech), 3, "failures changed nothing");

	ok(store_tag_remove(store, speech, 1, minsheng, &changed, &error) == 0 && changed == 1,
	   "tag removed");
	ok(store_tag_remove(store, speech, 1, minsheng, &changed, &error) == 0 && changed == 0,
	   "removing again changes nothing");
	int present;
	ok(store_tag_toggle(store, speech, 3, minsheng, &present, &error) == 0 && present == 1,
	   "toggle on");
	ok(store_tag_toggle(store, speech, 3, minsheng, &present, &error) == 0 && present == 0,
	   "toggle off");

	ok(store_note_set(store, speech, 2, "要点：就业\t优先", &changed, &error) == 0 &&
	       changed == 1,
	   "note set");
	char *text;
	ok(store_note_get(store, speech, 2, &text, &error) == 0, "note_get");
	is_string(text, "要点：就业\t优先", "note text kept as written");
	free(text);
	ok(store_note_set(store, speech, 2, "改过的", NULL, &error) == 0, "note replaced");
	ok(store_note_set(store, speech, 4, "第二条", NULL, &error) == 0, "another note");
	struct store_note *notes;
	ok(store_notes_list(store, speech, &notes, &count, &error) == 0 && count == 2 &&
	       notes[0].paragraph == 2 && strcmp(notes[0].text, "改过的") == 0,
	   "notes listed");
	store_notes_free(notes, count);
	ok(store_note_set(store, speech, 4, NULL, &changed, &error) == 0 && changed == 1,
	   "note cleared");
	ok(store_note_get(store, speech, 4, &text, &error) == 0 && text == NULL, "no note");
	ok(store_note_set(store, speech, 9, "x", NULL, &error) == -1, "note: unknown paragraph");

	struct store_tag_count *counts;
	ok(store_tag_counts(store, &counts, &count, &error) == 0 && count == 2, "tag counts");
	free(counts);
}

static void undo_redo(struct store *store, int64_t speech)
{
	struct error error = {{0}};
	int done;
	struct store_action action;
	/* The last change was clearing the note on ¶4. */
	ok(store_undo(store, speech, &done, &action, &error) == 0 && done, "undo");
	is_string(action.description, "clear note 1 ¶4", "undid the latest action");
	store_action_clear(&action);
	char *text;
	store_note_get(store, speech, 4, &text, &error);
	is_string(text, "第二条", "the note is back");
	free(text);
	ok(store_redo(store, speech, &done, NULL, &error) == 0 && done, "redo");
	store_note_get(store, speech, 4, &text, &error);
	ok(text == NULL, "cleared again");
	free(text);
	ok(store_redo(store, speech, &done, NULL, &error) == 0 && !done, "nothing more to redo");

	/* One action holding several changes is one undo step. */
	size_t before = tag_count(store, speech);
	ok(store_action_begin(store, speech, "range", &error) == 0, "begin an action");
	for (size_t p = 1; p <= 4; p++)
		store_tag_add(store, speech, p, dangjian, NULL, &error);
	ok(store_action_commit(store, &error) == 0, "commit it");
	is_int(tag_count(store, speech), before + 3, "three new tags (¶2 had one)");
	ok(store_undo(store, speech, &done, NULL, &error) == 0 && done, "undo the action");
	is_int(tag_count(store, speech), before, "all of it undone");
	ok(store_redo(store, 0, &done, NULL, &error) == 0 && done, "redo it (any speech)");
	is_int(tag_count(store, speech), before + 3, "all of it redone");

	/* An aborted action leaves nothing, not even a history entry. */
	struct store_action *history;
	size_t history_count, after_count;
	store_history(store, speech, &history, &history_count, &error);
	store_actions_free(history, history_count);
	store_action_begin(store, speech, "aborted", &error);
	store_tag_remove(store, speech, 1, dangjian, NULL, &error);
	store_action_abort(store);
	is_int(tag_count(store, speech), before + 3, "abort rolled back");
	/* An action that changes nothing leaves nothing either. */
	store_tag_add(store, speech, 1, dangjian, NULL, &error);
	store_history(store, speech, &history, &after_count, &error);
	is_int(after_count, history_count, "no history for aborted or empty actions");
	int has_undo = 0;
	for (size_t i = 0; i < after_count; i++)
		has_undo |= strcmp(history[i].kind, "undo") == 0;
	ok(has_undo, "undo and redo are in the history");
	ok(after_count > 0 && history[0].user && history[0].at && strlen(history[0].at) == 20,
	   "who and when recorded");
	store_actions_free(history, after_count);

	/* A new change after an undo drops the redo step. */
	store_undo(store, speech, &done, NULL, &error);
	store_tag_add(store, speech, 4, minsheng, NULL, &error);
	ok(store_redo(store, speech, &done, NULL, &error) == 0 && !done,
	   "a new change discards redo");

	/* Undo works across reopening: the log is in the database. */
	store_close(store);
	store = test_store_open("annotation.db");
	ok(store_undo(store, speech, &done, &action, &error) == 0 && done, "undo after reopening");
	is_string(action.description, "tag 1 ¶4 民生", "the latest action still");
	store_action_clear(&action);
	store_close(store);
}

static const char *const version_one = "关于民生的讲话\n"
				       "一、就业\n"
				       "稳就业是头等大事，要千方百计扩大就业。\n"
				       "这一段将被删除，而且完全不会再出现。\n"
				       "二、教育\n"
				       "办好人民满意的教育，推进义务教育均衡发展。\n";
static const char *const version_two = "关于民生的讲话\n"
				       "前言：新增加的一段。\n"
				       "一、就业\n"
				       "稳就业是头等大事，要千方百计扩大就业规模。\n"
				       "二、教育\n"
				       "办好人民满意的教育，推进义务教育均衡发展。\n";

static void reattaches(void)
{
	struct store *store = test_store_open("versions.db");
	setup_themes(store);
	struct error error = {{0}};
	int64_t first = test_import(store, "/s/minsheng.txt", version_one, NULL);
	store_tag_add(store, first, 2, minsheng, NULL, &error); /* edited in version two */
	store_tag_add(store, first, 3, minsheng, NULL, &error); /* deleted */
	store_note_set(store, first, 3, "删掉的段落", NULL, &error);
	store_tag_add(store, first, 5, dangjian, NULL, &error); /* unchanged, moved */
	store_note_set(store, first, 5, "教育", NULL, &error);
	store_position_set(store, first, 5, &error);

	struct store_import_result result;
	int64_t second = test_import(store, "/s/minsheng.txt", version_two, &result);
	is_int(result.outcome, STORE_IMPORT_NEW_VERSION, "a new version");
	is_int(result.reattached, 2, "two annotated paragraphs re-attached");
	is_int(result.orphaned, 1, "one orphaned");

	struct store_tag *tags;
	size_t count;
	store_tags_list(store, second, &tags, &count, &error);
	ok(count == 2 && tags[0].paragraph == 3 && tags[0].theme_id == minsheng,
	   "the edited paragraph kept its tag (most similar in its section)");
	ok(count == 2 && tags[1].paragraph == 5 && tags[1].theme_id == dangjian,
	   "the unchanged paragraph kept its tag at its new number");
	store_tags_free(tags, count);
	char *note;
	store_note_get(store, second, 5, &note, &error);
	is_string(note, "教育", "its note moved too");
	free(note);
	size_t position;
	store_position_get(store, second, &position, &error);
	is_int(position, 5, "reading position carried over");

	struct store_orphan *orphans;
	ok(store_orphans_list(store, &orphans, &count, &error) == 0, "orphans listed");
	is_int(count, 2, "the deleted paragraph's tag and note are orphans");
	if (count == 2) {
		is_int(orphans[0].document_id, first, "kept on the old version");
		is_int(orphans[0].paragraph, 3, "at the old paragraph");
		is_string(orphans[0].paragraph_text, "这一段将被删除，而且完全不会再出现。",
			  "with the original text");
		ok(orphans[0].theme_name && !orphans[0].note, "a tag orphan");
		ok(!orphans[1].theme_name && strcmp(orphans[1].note, "删掉的段落") == 0,
		   "a note orphan");
	}
	store_orphans_free(orphans, count);

	/* Undoing an action made on the old version acts on the new one. */
	int done;
	store_undo(store, second, &done, NULL, &error); /* the position is not an action */
	store_tags_list(store, second, &tags, &count, &error);
	ok(done && count == 2, "the note on ¶5 was undone, tags remain");
	store_tags_free(tags, count);
	store_note_get(store, second, 5, &note, &error);
	ok(note == NULL, "undo followed the note to the new version");
	free(note);
	store_close(store);
}

int main(void)
{
	struct store *store = test_store_open("annotation.db");
	setup_themes(store);
	int64_t speech =
	    test_import(store, NULL, "标题\n第一段。\n第二段。\n第三段。\n第四段。\n", NULL);
	is_int(speech, 1, "speech 1");
	tags_and_notes(store, speech);
	undo_redo(store, speech);
	reattaches();
	return tap_done();
}
