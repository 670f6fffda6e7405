/* Which paragraphs the reading pane shows: folds, the theme filter, and
 * steps that skip what they hide. */
#include "store_test.h"
#include "tui/model/paragraph_marks.h"
#include "tui/model/visible.h"

/* (No body line begins 第一部分, which the parser takes for a part
 * heading.) ¶0 title, ¶1 salutation, ¶2 一、 (entry 1) ¶3, ¶4 （一） (entry 2) ¶5,
 * ¶6 （二） (entry 3) ¶7, ¶8 二、 (entry 4) ¶9. */
static const char text[] = "标题\n"
			   "同志们：\n"
			   "一、第一部分\n"
			   "这是第一部分的话。\n"
			   "（一）第一小节\n"
			   "这是第一小节的话。\n"
			   "（二）第二小节\n"
			   "这是第二小节的话。\n"
			   "二、第二部分\n"
			   "这是第二部分的话。\n";

/* Every paragraph visible_next visits from the title, as "0 1 2 …". */
static void walk(const struct visible *visible, char *out, size_t size)
{
	size_t used = (size_t)snprintf(out, size, "0");
	for (size_t p = visible_next(visible, 0); p < visible->speech->paragraph_count;
	     p = visible_next(visible, p))
		used += (size_t)snprintf(out + used, size - used, " %zu", p);
}

/* The same walk backwards from the end, listed in reading order. */
static void walk_back(const struct visible *visible, char *out, size_t size)
{
	size_t found[64], count = 0;
	for (size_t p = visible_previous(visible, visible->speech->paragraph_count);
	     p != (size_t)-1 && count < 64; p = visible_previous(visible, p))
		found[count++] = p;
	size_t used = 0;
	out[0] = '\0';
	while (count-- > 0)
		used +=
		    (size_t)snprintf(out + used, size - used, used ? " %zu" : "%zu", found[count]);
}

int main(void)
{
	struct store *store = test_store_open("visible.db");
	test_themes_install(store);
	int64_t id = test_import(store, "/speech.txt", text, NULL);
	struct speech speech;
	struct error error = {{0}};
	ok(store_speech_load(store, id, &speech, &error) == 0, "the speech loads");
	is_int((long)speech.paragraph_count, 10, "ten paragraphs");
	is_int((long)speech.outline_count, 5, "the title and four headings");
	struct paragraph_marks marks;
	ok(marks_load(&marks, store, id, &speech, &error) == 0, "its marks load");
	struct visible visible;
	visible_init(&visible, &speech, &marks);
	char got[256];

	walk(&visible, got, sizeof got);
	is_string(got, "0 1 2 3 4 5 6 7 8 9", "unfolded and unfiltered, every paragraph shows");
	walk_back(&visible, got, sizeof got);
	is_string(got, "0 1 2 3 4 5 6 7 8 9", "and backwards too");
	is_int(visible_entry_of(&visible, 4), 2, "¶4 opens outline entry 2");
	is_int(visible_entry_of(&visible, 5), -1, "¶5 opens none");

	visible_toggle_fold(&visible, 0);
	ok(!visible.folded[0], "the title's section never folds");
	visible_toggle_fold(&visible, 2);
	ok(visible_is_folded(&visible, 4), "（一） folds");
	is_int((long)visible_folded_count(&visible, 4), 1, "hiding one paragraph");
	walk(&visible, got, sizeof got);
	is_string(got, "0 1 2 3 4 6 7 8 9", "a folded section shows its heading only");
	walk_back(&visible, got, sizeof got);
	is_string(got, "0 1 2 3 4 6 7 8 9", "backwards as well");
	is_int((long)visible_owner(&visible, 5), 4, "its heading stands for a hidden paragraph");
	is_int((long)visible_owner(&visible, 4), 4, "a folded heading stands for itself");

	visible_toggle_fold(&visible, 1);
	walk(&visible, got, sizeof got);
	is_string(got, "0 1 2 8 9", "folding 一、 hides its subsections too");
	is_int((long)visible_owner(&visible, 5), 2, "the outermost fold owns a paragraph");
	is_int((long)visible_previous(&visible, 8), 2, "a step back lands on the folded heading");
	visible_toggle_fold(&visible, 1);
	visible_toggle_fold(&visible, 2);
	walk(&visible, got, sizeof got);
	is_string(got, "0 1 2 3 4 5 6 7 8 9", "unfolding shows everything again");

	/* A filter on 民生 (key 3) with ¶7 tagged: the title, the headings
	 * of the sections that hold it, and ¶7. */
	int theme = marks_theme_by_key(&marks, 3);
	struct mark_change change = {7, 7, (theme_set)1 << theme, 0};
	size_t changed;
	ok(marks_change(&marks, &change, 1, "tag", &changed, &error) == 0 && changed == 1,
	   "¶7 tagged 民生");
	visible.filter = (theme_set)1 << theme;
	ok(visible_passes_filter(&visible, 0), "the title always passes");
	ok(!visible_passes_filter(&visible, 5), "an untagged paragraph does not");
	ok(visible_passes_filter(&visible, 2), "a heading whose section holds a tag does");
	walk(&visible, got, sizeof got);
	is_string(got, "0 2 6 7", "a filter skips sections without the theme");
	walk_back(&visible, got, sizeof got);
	is_string(got, "0 2 6 7", "backwards as well");
	int other = marks_theme_by_key(&marks, 1);
	visible.filter = (theme_set)1 << other;
	walk(&visible, got, sizeof got);
	is_string(got, "0", "a filter no paragraph passes leaves the title");

	visible_free(&visible);
	marks_free(&marks);
	speech_free(&speech);
	store_close(store);
	return tap_done();
}
