/* The library view's queries: count, pages, sorts, the title filter, the
 * per-theme tallies and reading progress; and how long a page takes on a
 * library of many speeches (printed, never asserted). */
#include <time.h>

#include "store/annotation.h"
#include "store/internal.h"
#include "store/library.h"
#include "store/metadata.h"
#include "store/removal.h"
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

static int64_t import(struct store *store, const char *title, const char *byline)
{
	char text[1024], path[300];
	snprintf(text, sizeof text,
		 "%s\n%s同志们：\n一、抓好民生\n就业是最大的民生。\n二、党建\n"
		 "加强党的建设。\n",
		 title, byline);
	snprintf(path, sizeof path, "/library/%s.txt", title);
	return test_import(store, path, text, NULL);
}

/* The ids of a page, as "3 1 2". */
static char *page_ids(struct store *store, struct store_library_query query, size_t offset,
		      size_t limit)
{
	static char ids[1024];
	struct store_library_row *rows;
	size_t count;
	struct error error = {{0}};
	ids[0] = '\0';
	if (store_library_page(store, &query, offset, limit, &rows, &count, &error) != 0) {
		snprintf(ids, sizeof ids, "error: %s", error.message);
		return ids;
	}
	for (size_t i = 0; i < count; i++)
		snprintf(ids + strlen(ids), sizeof ids - strlen(ids), "%s%lld", i ? " " : "",
			 (long long)rows[i].id);
	store_library_rows_free(rows, count);
	return ids;
}

static size_t count_of(struct store *store, const char *filter)
{
	struct store_library_query query = {.filter = filter};
	size_t count = 999;
	struct error error = {{0}};
	store_library_count(store, &query, &count, &error);
	return count;
}

static void small_library(void)
{
	struct store *store = test_store_open("small.db");
	struct error error = {{0}};
	setup_themes(store);
	import(store, "Beta 经济工作会议讲话", "（2026年1月8日）\n");
	int64_t b = import(store, "alpha 民生工作讲话", "（2025年3月1日）\n王小明\n");
	int64_t c = import(store, "文化工作讲话 100%_done", "");
	int64_t d = import(store, "要删除的讲话", "");
	store_tag_add(store, b, 2, minsheng, NULL, &error);
	store_tag_add(store, b, 2, dangjian, NULL, &error);
	store_tag_add(store, b, 4, dangjian, NULL, &error);
	store_tag_add(store, c, 2, minsheng, NULL, &error);
	store_position_set(store, b, 3, &error);
	char *path;
	store_document_remove(store, d, test_path("recovery"), &path, &error);

	is_int(count_of(store, NULL), 3, "count: removed speeches left out");
	is_string(
	    page_ids(store, (struct store_library_query){STORE_LIBRARY_BY_TITLE, 0, NULL}, 0, 10),
	    "2 1 3", "by title: letters in any case, then Han (a < B < 文)");
	is_string(
	    page_ids(store, (struct store_library_query){STORE_LIBRARY_BY_TITLE, 1, NULL}, 0, 10),
	    "3 1 2", "by title reversed");
	is_string(
	    page_ids(store, (struct store_library_query){STORE_LIBRARY_BY_DATE, 0, NULL}, 0, 10),
	    "1 2 3", "by date: newest first, undated last");
	is_string(
	    page_ids(store, (struct store_library_query){STORE_LIBRARY_BY_DATE, 1, NULL}, 0, 10),
	    "2 1 3", "by date reversed: oldest first, undated still last");
	is_string(page_ids(store, (struct store_library_query){STORE_LIBRARY_BY_IMPORTED, 0, NULL},
			   0, 10),
		  "3 2 1", "by import: newest first");
	is_string(
	    page_ids(store, (struct store_library_query){STORE_LIBRARY_BY_TAGS, 0, NULL}, 0, 10),
	    "2 3 1", "by tags: most first");
	is_string(
	    page_ids(store, (struct store_library_query){STORE_LIBRARY_BY_IMPORTED, 0, NULL}, 1, 1),
	    "2", "offset and limit");
	is_string(
	    page_ids(store, (struct store_library_query){STORE_LIBRARY_BY_TITLE, 0, NULL}, 5, 10),
	    "", "past the end: no rows");

	is_string(page_ids(store, (struct store_library_query){STORE_LIBRARY_BY_TITLE, 0, "ALPHA"},
			   0, 10),
		  "2", "filter: ASCII in any case");
	is_int(count_of(store, "ALPHA"), 1, "count with the filter");
	is_int(count_of(store, "民生"), 1, "filter: CJK substring");
	is_int(count_of(store, "讲话"), 3, "filter matching all");
	is_int(count_of(store, "删除"), 0, "filter: removed speech not found");
	is_int(count_of(store, "%"), 1, "filter: %% is a character, not a wildcard");
	is_int(count_of(store, "_d"), 1, "filter: _ is a character, not a wildcard");
	is_int(count_of(store, "x_"), 0, "filter: _ matches only itself");

	struct store_library_query query = {STORE_LIBRARY_BY_TAGS, 0, NULL};
	struct store_library_row *rows;
	size_t count;
	if (ok(store_library_page(store, &query, 0, 1, &rows, &count, &error) == 0 && count == 1,
	       "one row")) {
		struct store_library_row *row = &rows[0];
		is_string(row->title, "alpha 民生工作讲话", "row title");
		is_string(row->date, "2025-03-01", "row date");
		is_string(row->speaker, "王小明", "row speaker");
		is_int(row->paragraph_count, 7, "row paragraphs");
		is_int(row->position, 3, "row reading position");
		is_int(row->tag_count, 3, "row tag count");
		ok(row->imported_at && strlen(row->imported_at) == 20, "row import time");
		ok(row->theme_count == 2 && row->themes[0].theme_id == dangjian &&
		       row->themes[0].count == 2 && row->themes[1].theme_id == minsheng &&
		       row->themes[1].count == 1,
		   "per-theme tallies in key order: 党建 2, 民生 1");
		store_library_rows_free(rows, count);
	}
	store_close(store);
}

static double seconds_since(const struct timespec *start)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - start->tv_sec) + (double)(now.tv_nsec - start->tv_nsec) / 1e9;
}

/* A library of many small speeches (PIZHU_LIBRARY_SPEECHES, default
 * 2,000 to keep make check quick; the report's figures use 10,000). */
static void large_library(void)
{
	const char *size = getenv("PIZHU_LIBRARY_SPEECHES");
	size_t speeches = size && atol(size) > 0 ? (size_t)atol(size) : 2000;
	struct store *store = test_store_open("large.db");
	struct error error = {{0}};
	setup_themes(store);
	struct timespec start;
	clock_gettime(CLOCK_MONOTONIC, &start);
	/* One transaction: the build is setup, not what is measured. */
	store_transaction_begin(store, &error);
	for (size_t i = 0; i < speeches; i++) {
		char title[128], byline[128];
		snprintf(title, sizeof title, "第%zu次全区经济工作会议讲话 Report %zu", i,
			 (i * 7919) % speeches);
		snprintf(byline, sizeof byline, "（%zu年%zu月%zu日）\n", 1990 + i % 37, 1 + i % 12,
			 1 + i % 28);
		int64_t id = import(store, title, byline);
		if (i % 3 == 0)
			store_tag_add(store, id, 2, minsheng, NULL, &error);
	}
	store_transaction_commit(store, &error);
	printf("# built a library of %zu speeches in %.1f s\n", speeches, seconds_since(&start));
	struct {
		const char *name;
		struct store_library_query query;
	} cases[] = {
	    {"by title", {STORE_LIBRARY_BY_TITLE, 0, NULL}},
	    {"by date", {STORE_LIBRARY_BY_DATE, 0, NULL}},
	    {"by import", {STORE_LIBRARY_BY_IMPORTED, 0, NULL}},
	    {"by tags", {STORE_LIBRARY_BY_TAGS, 0, NULL}},
	    {"by title, filter 'report 12'", {STORE_LIBRARY_BY_TITLE, 0, "report 12"}},
	    {"by date, filter '经济'", {STORE_LIBRARY_BY_DATE, 0, "经济"}},
	};
	for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
		size_t total = 0, rows_count = 0;
		struct store_library_row *rows;
		clock_gettime(CLOCK_MONOTONIC, &start);
		int status = store_library_count(store, &cases[c].query, &total, &error);
		double counted = seconds_since(&start);
		clock_gettime(CLOCK_MONOTONIC, &start);
		size_t middle = total / 2;
		status |= store_library_page(store, &cases[c].query, middle, 50, &rows, &rows_count,
					     &error);
		double paged = seconds_since(&start);
		ok(status == 0 && rows_count == (total - middle < 50 ? total - middle : 50),
		   "%s: a page from the middle", cases[c].name);
		printf("# %s: count %zu in %.2f ms, 50 rows at offset %zu in %.2f ms\n",
		       cases[c].name, total, counted * 1e3, middle, paged * 1e3);
		store_library_rows_free(rows, rows_count);
	}
	store_close(store);
}

/* Titles in the order a Chinese reader expects: by pinyin, numbers by
 * value; the filter finds a speech by its speaker, occasion, date and
 * source as well as its title. */
static void chinese_library(void)
{
	struct store *store = test_store_open("chinese.db");
	struct error error = {{0}};
	int64_t zheng = import(store, "政府工作报告", "");
	int64_t tenth = import(store, "在全市第10次党代会上的讲话", "");
	int64_t ninth = import(store, "在全市第9次党代会上的讲话", "");
	int64_t a = import(store, "阿坝州调研时的讲话", "");
	int64_t bei = import(store, "北京市工作会议讲话", "");
	int64_t chong = import(store, "春节团拜会讲话", "");
	char expected[128];
	snprintf(expected, sizeof expected, "%lld %lld %lld %lld %lld %lld", (long long)a,
		 (long long)bei, (long long)chong, (long long)ninth, (long long)tenth,
		 (long long)zheng);
	is_string(
	    page_ids(store, (struct store_library_query){STORE_LIBRARY_BY_TITLE, 0, NULL}, 0, 10),
	    expected, "by title: pinyin order (阿 北 春 在 政), 第9次 before 第10次");
	is_string(
	    page_ids(store, (struct store_library_query){STORE_LIBRARY_BY_TITLE, 0, NULL}, 3, 1),
	    (snprintf(expected, sizeof expected, "%lld", (long long)ninth), expected),
	    "by title: a page in the middle of the pinyin order");

	struct store_metadata_change guizhou = {"2025-03-05", "李强", "贵州省人民代表大会",
						"贵州日报"};
	store_metadata_set(store, zheng, &guizhou, &error);
	is_int(count_of(store, "贵州"), 1, "filter: the occasion (贵州 finds Guizhou's report)");
	is_int(count_of(store, "李强"), 1, "filter: the speaker");
	is_int(count_of(store, "2025-03"), 1, "filter: the date");
	is_int(count_of(store, "日报"), 1, "filter: the source");
	is_int(count_of(store, "党代会"), 2, "filter: the title still");
	/* The fields are one text in the index (schema v9), apart. */
	is_int(count_of(store, "报告李强"), 0, "filter: not across the title and the speaker");
	is_int(count_of(store, "报告\n李强"), 0, "filter: not the line feed between them");
	struct store_metadata_change edited = {NULL, "王芳", NULL, NULL};
	store_metadata_set(store, zheng, &edited, &error);
	is_int(count_of(store, "李强"), 0, "filter: an edited speaker is no longer found");
	is_int(count_of(store, "王芳"), 1, "filter: the new one is");
	store_close(store);
}

int main(void)
{
	small_library();
	chinese_library();
	large_library();
	return tap_done();
}
