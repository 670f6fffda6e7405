/* The queries export and stats read: excerpts with their section paths,
 * themes, notes and orphans; the paragraph-by-theme matrix; statistics. */
#include <sqlite3.h>

#include "store/annotation.h"
#include "store/correction.h"
#include "store/excerpt.h"
#include "store/theme.h"
#include "store_test.h"

static int64_t dangjian, xiangmu, minsheng;

static const char speech_one[] = "关于工作的讲话\n"
				 "同志们：\n"			  /* 1 */
				 "一、抓项目\n"			  /* 2 */
				 "（一）招商引资\n"		  /* 3 */
				 "要引进好项目，办好民生实事。\n" /* 4 */
				 "二、抓党建\n"			  /* 5 */
				 "各级党组织要担起责任。\n";	  /* 6 */

static const char speech_two_v1[] = "第二篇讲话\n"
				    "第一段讲就业。\n"
				    "这一段将被删掉，内容完全不同。\n"
				    "第三段讲教育。\n";
static const char speech_two_v2[] = "第二篇讲话\n"
				    "第一段讲就业。\n"
				    "第三段讲教育。\n";

static void setup(struct store *store)
{
	test_themes_install(store);
	struct error error = {{0}};
	store_theme_find(store, "党建", &dangjian, &error);
	store_theme_find(store, "项目建设", &xiangmu, &error);
	store_theme_find(store, "民生", &minsheng, &error);
}

static void excerpts_all(struct store *store, int64_t one, int64_t two_old, int64_t two)
{
	struct store_selection every = {0};
	struct store_excerpt *excerpts;
	size_t count;
	struct error error = {{0}};
	ok(store_excerpts(store, &every, &excerpts, &count, &error) == 0, "excerpts (%s)",
	   error.message);
	is_int(count, 4, "every annotated paragraph, orphans included");
	if (count != 4) {
		store_excerpts_free(excerpts, count);
		return;
	}
	struct store_excerpt *e = &excerpts[0];
	ok(e->speech_id == one && e->document_id == one && e->paragraph == 4 && !e->orphan,
	   "first: speech one ¶4");
	is_string(e->title, "关于工作的讲话", "title");
	is_string(e->date, "2026-01-08", "date metadata");
	ok(!e->speaker && !e->occasion && !e->source, "unknown metadata is NULL");
	is_int(e->section_count, 2, "two levels of section path");
	if (e->section_count == 2) {
		is_string(e->section[0], "一、抓项目", "depth 1 label");
		is_string(e->section[1], "（一）招商引资", "depth 2 label");
	}
	is_string(e->text, "要引进好项目，办好民生实事。", "full text");
	is_string(e->note, "重点", "note");
	is_int(e->theme_count, 2, "two themes");
	if (e->theme_count == 2) {
		is_string(e->themes[0].name, "项目建设", "themes in key order");
		is_string(e->themes[1].name, "民生", "second theme");
		is_string(e->themes[1].color, "green", "with its colour");
	}
	e = &excerpts[1];
	ok(e->paragraph == 6 && e->theme_count == 1 && !e->note, "speech one ¶6, tag only");
	is_int(e->section_count, 1, "under 二、");
	e = &excerpts[2];
	ok(e->speech_id == two && e->paragraph == 1 && e->theme_count == 0 && e->note &&
	       e->section_count == 0,
	   "a note without a tag is an excerpt too, before any heading");
	e = &excerpts[3];
	ok(e->speech_id == two && e->document_id == two_old && e->orphan && e->paragraph == 2,
	   "the orphan comes after the current version's excerpts");
	is_string(e->text, "这一段将被删掉，内容完全不同。", "with the text it was made on");
	ok(e->theme_count == 1 && e->themes[0].id == minsheng, "and its tag");
	store_excerpts_free(excerpts, count);
}

static void excerpts_chosen(struct store *store, int64_t one, int64_t two_old, int64_t two)
{
	struct error error = {{0}};
	struct store_excerpt *excerpts;
	size_t count;
	int64_t themes[] = {minsheng};
	struct store_selection by_theme = {NULL, 0, themes, 1};
	ok(store_excerpts(store, &by_theme, &excerpts, &count, &error) == 0, "by theme");
	is_int(count, 2, "only paragraphs with the theme, not notes alone");
	if (count == 2) {
		ok(excerpts[0].paragraph == 4 && excerpts[0].theme_count == 1 &&
		       excerpts[0].themes[0].id == minsheng && excerpts[0].note,
		   "only the chosen theme, and the note");
		ok(excerpts[1].orphan, "the orphan of that theme");
	}
	store_excerpts_free(excerpts, count);

	int64_t old_id[] = {two_old};
	struct store_selection by_old = {old_id, 1, NULL, 0};
	ok(store_excerpts(store, &by_old, &excerpts, &count, &error) == 0, "by an old version");
	ok(count == 2 && excerpts[0].speech_id == two, "an old id stands for the whole speech");
	store_excerpts_free(excerpts, count);

	int64_t both[] = {one, two};
	int64_t none_tagged[] = {dangjian};
	struct store_selection nothing = {both + 1, 1, none_tagged, 1};
	ok(store_excerpts(store, &nothing, &excerpts, &count, &error) == 0 && count == 0,
	   "an empty selection is no excerpts, not an error");
	store_excerpts_free(excerpts, count);
}

struct matrix_rows {
	char text[512];
	size_t length;
	int stop_after;
};

static int collect(const struct store_matrix_row *row, void *context, struct error *error)
{
	struct matrix_rows *rows = context;
	rows->length += (size_t)snprintf(
	    rows->text + rows->length, sizeof rows->text - rows->length, "%lld:%zu=%d%d ",
	    (long long)row->speech_id, row->paragraph, row->cells[0], row->cells[1]);
	if (rows->stop_after && --rows->stop_after == 0)
		return error_set(error, "stopped");
	return 0;
}

static void matrix(struct store *store, int64_t one, int64_t two)
{
	struct error error = {{0}};
	int64_t themes[] = {minsheng, xiangmu};
	int64_t speeches[] = {one};
	struct store_selection selection = {speeches, 1, themes, 2};
	struct matrix_rows rows = {{0}, 0, 0};
	ok(store_matrix(store, &selection, collect, &rows, &error) == 0, "matrix (%s)",
	   error.message);
	is_string(rows.text, "1:1=00 1:2=00 1:3=00 1:4=11 1:5=00 1:6=00 ",
		  "a row per paragraph, columns in the order given");
	struct store_selection all = {NULL, 0, themes, 2};
	rows = (struct matrix_rows){{0}, 0, 0};
	store_matrix(store, &all, collect, &rows, &error);
	ok(strstr(rows.text, "1:6=00 3:1=00 3:2=00 ") != NULL && strstr(rows.text, "2:") == NULL,
	   "every speech's current version, no old one (%s)", rows.text);
	(void)two;
	rows = (struct matrix_rows){{0}, 0, 2};
	ok(store_matrix(store, &selection, collect, &rows, &error) == -1, "a row can stop it");
	is_string(error.message, "stopped", "with its error");
}

static void stats(struct store *store, int64_t one)
{
	struct error error = {{0}};
	struct store_stats stats;
	struct store_selection every = {0};
	ok(store_stats(store, &every, &stats, &error) == 0, "stats (%s)", error.message);
	is_int(stats.speech_count, 2, "two speeches (current versions)");
	is_int(stats.paragraph_count, 8, "6 + 2 paragraphs");
	is_int(stats.theme_count, 3, "every theme");
	if (stats.theme_count == 3) {
		is_string(stats.themes[0].name, "党建", "key order");
		is_int(stats.themes[0].paragraphs, 1, "党建: one paragraph");
		is_int(stats.themes[2].paragraphs, 1, "民生: the orphan does not count");
		is_int(stats.themes[2].speeches, 1, "one speech");
	}
	is_int(stats.pair_count, 1, "one pair shares a paragraph");
	if (stats.pair_count == 1)
		ok(stats.pairs[0].first == 1 && stats.pairs[0].second == 2 &&
		       stats.pairs[0].paragraphs == 1,
		   "项目建设 and 民生 on one paragraph");
	store_stats_clear(&stats);

	store_tag_add(store, one, 6, minsheng, NULL, &error);
	int64_t speeches[] = {one};
	struct store_selection chosen = {speeches, 1, NULL, 0};
	ok(store_stats(store, &chosen, &stats, &error) == 0, "stats of one speech");
	ok(stats.speech_count == 1 && stats.paragraph_count == 6, "its paragraphs");
	ok(stats.theme_count == 3 && stats.themes[2].paragraphs == 2, "民生 twice now");
	ok(stats.pair_count == 2 && stats.pairs[0].first == 0 && stats.pairs[0].second == 2,
	   "pairs in theme order: 党建+民生 first");
	store_stats_clear(&stats);
}

/* Front and back matter (the parser's ad line ¶1, a paragraph the user
 * hid) is exported only when tagged: a note alone on it is no excerpt, and
 * the matrix has no row for it unless it is tagged. */
static void hidden_matter(void)
{
	struct store *store = test_store_open("hidden-excerpt.db");
	setup(store);
	struct error error = {{0}};
	const char *text = "本站会员专享 扫码订阅\n\n\n关于春耕的讲话\n同志们：\n"
			   "春耕不等人。\n抓好农资供应。\n";
	int64_t id = test_import(store, "/s/spring.txt", text, NULL);
	struct correction front = {4, CORRECTION_FRONT, 0};
	store_correction_set(store, id, &front, NULL, &error);
	store_note_set(store, id, 1, "广告", NULL, &error);
	store_tag_add(store, id, 4, minsheng, NULL, &error);
	store_note_set(store, id, 4, "已隐藏但有标注", NULL, &error);
	store_note_set(store, id, 3, "正文的批注", NULL, &error);
	struct store_selection every = {0};
	struct store_excerpt *excerpts;
	size_t count = 0;
	ok(store_excerpts(store, &every, &excerpts, &count, &error) == 0, "excerpts (%s)",
	   error.message);
	ok(count == 2 && excerpts[0].paragraph == 3 && excerpts[1].paragraph == 4,
	   "the note on the hidden ad line is no excerpt; the tagged hidden paragraph is");
	store_excerpts_free(excerpts, count);
	int64_t themes[] = {minsheng, xiangmu};
	struct store_selection selection = {NULL, 0, themes, 2};
	struct matrix_rows rows = {{0}, 0, 0};
	ok(store_matrix(store, &selection, collect, &rows, &error) == 0, "matrix (%s)",
	   error.message);
	is_string(rows.text, "1:2=00 1:3=00 1:4=10 ",
		  "no row for the hidden ad line, one for the tagged hidden paragraph");
	store_close(store);
}

int main(void)
{
	struct store *store = test_store_open("excerpt.db");
	setup(store);
	struct error error = {{0}};
	int64_t one = test_import(store, "/s/one.txt", speech_one, NULL);
	int64_t two_old = test_import(store, "/s/two.txt", speech_two_v1, NULL);
	store_tag_add(store, one, 4, minsheng, NULL, &error);
	store_tag_add(store, one, 4, xiangmu, NULL, &error);
	store_note_set(store, one, 4, "重点", NULL, &error);
	store_tag_add(store, one, 6, dangjian, NULL, &error);
	store_tag_add(store, two_old, 2, minsheng, NULL, &error);
	store_note_set(store, two_old, 1, "只有批注", NULL, &error);
	int64_t two = test_import(store, "/s/two.txt", speech_two_v2, NULL);
	ok(two > two_old, "a new version of speech two");
	sqlite3 *db;
	if (sqlite3_open(test_path("excerpt.db"), &db) == SQLITE_OK) {
		sqlite3_exec(db, "UPDATE documents SET date = '2026-01-08' WHERE id = 1", NULL,
			     NULL, NULL);
		sqlite3_close(db);
	}
	excerpts_all(store, one, two_old, two);
	excerpts_chosen(store, one, two_old, two);
	matrix(store, one, two);
	stats(store, one);
	store_close(store);
	hidden_matter();
	return tap_done();
}
