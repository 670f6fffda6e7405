/* The reader's marks of a speech (themes, tags, notes, suggestions, the
 * per-section counts): saved before they change, and seen again after
 * another connection's change. */
#include "store/annotation.h"
#include "store_test.h"
#include "tui/model/paragraph_marks.h"

/* ¶0 title, ¶1 salutation, ¶2 一、 (entry 1), ¶3, ¶4 （一） (entry 2), ¶5,
 * ¶6 二、 (entry 3), ¶7. */
static const char text[] = "标题\n"
			   "同志们：\n"
			   "一、第一部分\n"
			   "要加强党的建设。\n"
			   "（一）第一小节\n"
			   "抓好就业和教育。\n"
			   "二、第二部分\n"
			   "第二部分的话。\n";

static size_t stored_tags(struct store *store, int64_t id)
{
	struct store_tag *tags;
	size_t count = 0;
	struct error error;
	if (store_tags_list(store, id, &tags, &count, &error) == 0)
		store_tags_free(tags, count);
	return count;
}

int main(void)
{
	struct store *store = test_store_open("marks.db");
	test_themes_install(store);
	int64_t id = test_import(store, "/speech.txt", text, NULL);
	struct speech speech;
	struct error error = {{0}};
	ok(store_speech_load(store, id, &speech, &error) == 0, "the speech loads");
	struct paragraph_marks marks;
	ok(marks_load(&marks, store, id, &speech, &error) == 0, "its marks load");
	is_int((long)marks.theme_count, 3, "the three built-in themes");
	int party = marks_theme_by_key(&marks, 1), people = marks_theme_by_key(&marks, 3);
	ok(party >= 0 && people >= 0, "themes by key");
	is_int(marks_theme_by_key(&marks, 9), -1, "no theme on key 9");

	/* Suggestions come from the keywords, less the themes a paragraph has. */
	ok(marks_suggested(&marks, 3) & ((theme_set)1 << party), "¶3 suggests 党建");
	ok(marks_suggested(&marks, 5) & ((theme_set)1 << people), "¶5 suggests 民生");
	is_int((long)marks_suggested(&marks, 7), 0, "¶7 suggests nothing");

	/* A change is stored, then shown, with the section counts. */
	struct mark_change change = {3, 5, (theme_set)1 << party, 0};
	size_t changed;
	ok(marks_change(&marks, &change, 1, "tag 党建 ¶3–¶5", &changed, &error) == 0,
	   "tagging ¶3–¶5 is saved");
	is_int((long)changed, 3, "three tags");
	is_int((long)stored_tags(store, id), 3, "the library holds them");
	ok(marks_range_has(&marks, 3, 5, party), "the model shows them");
	ok(!marks_range_has(&marks, 2, 5, party), "but not on ¶2");
	is_int((long)marks_section_count(&marks, 1, party), 3, "一、 counts three");
	is_int((long)marks_section_count(&marks, 2, party), 2, "（一） counts two");
	is_int((long)marks_section_count(&marks, 0, party), 3, "the title's counts all");
	ok(marks_section_has(&marks, 1, (theme_set)1 << party), "一、 has 党建");
	ok(!marks_section_has(&marks, 3, (theme_set)1 << party), "二、 has not");
	ok(!(marks_suggested(&marks, 3) & ((theme_set)1 << party)),
	   "a tagged paragraph no longer suggests its theme");

	struct buffer names = {0};
	marks_theme_names(&marks, ((theme_set)1 << party) | ((theme_set)1 << people), "、", &names);
	is_string(names.data, "党建、民生", "theme names in key order");
	buffer_free(&names);

	change = (struct mark_change){4, 5, 0, (theme_set)1 << party};
	ok(marks_change(&marks, &change, 1, "untag", &changed, &error) == 0 && changed == 2,
	   "untagging ¶4–¶5");
	is_int((long)marks_section_count(&marks, 2, party), 0, "（一） counts none");
	is_int((long)marks_section_count(&marks, 1, party), 1, "一、 counts one");

	ok(marks_set_note(&marks, 5, "一条笔记", &error) == 0, "a note is saved");
	is_string(marks.notes[5], "一条笔记", "and shown");
	ok(marks_reload(&marks, &error) == 0, "reloading");
	is_string(marks.notes[5], "一条笔记", "the note comes back from the library");
	ok(marks_set_note(&marks, 5, "", &error) == 0 && !marks.notes[5],
	   "an empty note clears it");

	/* Another connection's change is seen at the next refresh. */
	int refreshed = 1;
	ok(marks_refresh(&marks, &refreshed, &error) == 0 && !refreshed,
	   "nothing changed elsewhere: no reload");
	struct store *other;
	ok(store_open(test_path("marks.db"), STORE_OPEN_EXISTING, &other, &error) == 0,
	   "a second connection");
	int done;
	store_tag_add(other, id, 7, marks.themes[people].id, &done, &error);
	ok(marks_refresh(&marks, &refreshed, &error) == 0 && refreshed,
	   "a tag made elsewhere is noticed");
	ok(marks_range_has(&marks, 7, 7, people), "and shown");
	is_int((long)marks_section_count(&marks, 3, people), 1, "and counted");
	store_close(other);

	ok(marks_add_theme(&marks, "测试", 4, "", &error) == 0, "a new theme");
	is_int((long)marks.theme_count, 4, "joins the model");
	is_int(marks_theme_by_key(&marks, 4), 3, "on its key");

	marks_free(&marks);
	speech_free(&speech);
	store_close(store);
	return tap_done();
}
