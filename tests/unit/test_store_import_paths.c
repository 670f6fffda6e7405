/* Importing many files (store_import_paths): files share a transaction a
 * batch at a time, yet each file is told once, in order, and one that the
 * store refuses fails alone, leaving nothing of itself behind; pizhu
 * import's batches write few search index segments. */
#include <sys/stat.h>

#include "base/buffer.h"
#include "speech/source.h"
#include "store/import_paths.h"
#include "store/internal.h"
#include "store_test.h"

/* What the callbacks were told, one line each: "imported NAME OUTCOME",
 * "failed NAME MESSAGE" or "warning NAME". */
struct told {
	struct buffer lines;
	size_t progress_calls;
};

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? slash + 1 : path;
}

static int on_progress(void *context, size_t done, size_t total, uint64_t bytes_done,
		       uint64_t bytes_total, const char *path)
{
	(void)done, (void)total, (void)bytes_done, (void)bytes_total, (void)path;
	((struct told *)context)->progress_calls++;
	return 0;
}

static void on_imported(void *context, const char *path, const struct store_import_result *result,
			const char *title)
{
	(void)title;
	buffer_printf(&((struct told *)context)->lines, "imported %s %d\n", base_name(path),
		      (int)result->outcome);
}

static void on_failed(void *context, const char *path, const char *message)
{
	buffer_printf(&((struct told *)context)->lines, "failed %s %s\n", base_name(path),
		      strstr(message, "boom") ? "boom" : message);
}

static void on_warning(void *context, const char *path, const char *message)
{
	(void)message;
	buffer_printf(&((struct told *)context)->lines, "warning %s\n", base_name(path));
}

static void on_skipped(void *context, const char *path, const char *message)
{
	buffer_printf(&((struct told *)context)->lines, "skipped %s %s\n", base_name(path),
		      strncmp(message, "skipped: ", 9) == 0 ? "why" : message);
}

static void write_speech(const char *directory, const char *name, const char *title,
			 const char *body, size_t repeat)
{
	struct buffer path = {0}, text = {0};
	buffer_printf(&path, "%s/%s", test_path(directory), name);
	buffer_printf(&text, "%s\n", title);
	for (size_t i = 0; i < repeat; i++)
		buffer_printf(&text, "%s第%zu段。\n", body, i);
	write_file(buffer_string(&path), buffer_string(&text), text.length);
	buffer_free(&path);
	buffer_free(&text);
}

/* The lines told; *progress_calls counts the progress callback's calls. */
static char *import_directory_paced(struct store *store, const char *directory,
				    enum store_import_pace pace, struct store_import_report *report,
				    size_t *progress_calls)
{
	struct told told = {0};
	struct store_import_progress progress = {&told,	     on_progress, on_imported, on_failed,
						 on_warning, on_skipped,  pace};
	struct error error = {{0}};
	char *paths[] = {(char *)test_path(directory)};
	ok(store_import_paths(store, paths, 1, &progress, report, &error) == 0, "%s: imports (%s)",
	   directory, error.message);
	*progress_calls = told.progress_calls;
	return buffer_string(&told.lines);
}

static int count_rows(struct store *store, const char *sql)
{
	sqlite3_stmt *statement;
	int count = -1;
	if (sqlite3_prepare_v2(store->db, sql, -1, &statement, NULL) == SQLITE_OK &&
	    sqlite3_step(statement) == SQLITE_ROW)
		count = sqlite3_column_int(statement, 0);
	sqlite3_finalize(statement);
	return count;
}

static char *import_directory(struct store *store, const char *directory,
			      struct store_import_report *report, size_t *progress_calls)
{
	return import_directory_paced(store, directory, STORE_IMPORT_BULK, report, progress_calls);
}

/* A file the store refuses in the middle of a batch: the batch is rolled
 * back and imported again a file at a time. */
static void refused_file_fails_alone(struct store *store)
{
	mkdir(test_path("small"), 0777);
	write_speech("small", "a.txt", "甲的讲话", "发展经济", 3);
	write_speech("small", "b.txt", "乙的讲话", "坏段落", 3);
	write_speech("small", "c.txt", "丙的讲话", "改善民生", 3);
	write_speech("small", "d.txt", "甲的讲话", "发展经济", 3); /* a.txt's bytes */
	write_file(test_path("small/e.txt"), "\xff\xfe\x00", 3);   /* not text */
	/* A temporary trigger: only this connection sees it. */
	ok(sqlite3_exec(store->db,
			"CREATE TEMP TRIGGER refuse BEFORE INSERT ON paragraphs"
			" WHEN new.text LIKE '%坏段落%' BEGIN SELECT RAISE(ABORT, 'boom'); END",
			NULL, NULL, NULL) == SQLITE_OK,
	   "a trigger that refuses one file");
	struct store_import_report report;
	size_t progress_calls;
	char *lines = import_directory(store, "small", &report, &progress_calls);
	is_string(lines,
		  "imported a.txt 0\n"
		  "failed b.txt boom\n"
		  "imported c.txt 0\n"
		  "imported d.txt 1\n"
		  "failed e.txt not valid UTF-16LE text\n",
		  "each file told once, in order");
	is_int(progress_calls, 2 + 5 + 1,
	       "progress: the batch up to b.txt, then each file again and the end");
	is_int(report.imported, 2, "two new speeches");
	is_int(report.unchanged, 1, "a copy is found in the same batch");
	is_int(report.failed, 2, "two failures");
	is_int(count_rows(store, "SELECT count(*) FROM paragraphs WHERE text LIKE '%坏段落%'"), 0,
	       "nothing of the refused file stays");
	is_int(count_rows(store, "SELECT count(*) FROM documents"), 2, "two documents");
	sqlite3_exec(store->db, "DROP TRIGGER temp.refuse", NULL, NULL, NULL);
	free(lines);
}

/* More than a batch of bytes (a megabyte beside a screen): every file is
 * imported and searchable. */
static void several_batches(struct store *store)
{
	mkdir(test_path("large"), 0777);
	const char *names[] = {"1.txt", "2.txt", "3.txt", "4.txt"};
	for (size_t i = 0; i < 4; i++) {
		char title[64];
		snprintf(title, sizeof title, "第%zu篇讲话", i + 1);
		write_speech("large", names[i], title, "推动高质量发展，扎实推进共同富裕", 8000);
	}
	struct store_import_report report;
	size_t progress_calls;
	char *lines =
	    import_directory_paced(store, "large", STORE_IMPORT_SHARED, &report, &progress_calls);
	is_int(progress_calls, 4 + 1, "progress once per file and at the end");
	ok(report.bytes > 1024 * 1024, "more than a megabyte of files");
	is_string(lines, "imported 1.txt 0\nimported 2.txt 0\nimported 3.txt 0\nimported 4.txt 0\n",
		  "each file told once");
	is_int(count_rows(store, "SELECT count(*) FROM paragraph_search"
				 " WHERE paragraph_search MATCH '\"共同富裕\"'"),
	       4 * 8000, "every paragraph is in the search index");
	free(lines);
}

/* The search indexes' options that an import sets, as FTS5 reads them
 * (its own default where the library has none). */
static char *index_options(struct store *store)
{
	struct buffer text = {0};
	sqlite3_stmt *statement;
	sqlite3_prepare_v2(
	    store->db,
	    "SELECT coalesce((SELECT v FROM paragraph_search_config"
	    " WHERE k = 'hashsize'), 1048576),"
	    " coalesce((SELECT v FROM paragraph_search_config WHERE k = 'automerge'), 4),"
	    " coalesce((SELECT v FROM heading_search_config WHERE k = 'hashsize'), 1048576),"
	    " coalesce((SELECT v FROM heading_search_config WHERE k = 'automerge'), 4)",
	    -1, &statement, NULL);
	if (sqlite3_step(statement) == SQLITE_ROW)
		buffer_printf(
		    &text, "body %lld %lld, headings %lld %lld", sqlite3_column_int64(statement, 0),
		    sqlite3_column_int64(statement, 1), sqlite3_column_int64(statement, 2),
		    sqlite3_column_int64(statement, 3));
	sqlite3_finalize(statement);
	return buffer_string(&text);
}

/* pizhu import's batch writes its search terms out as one segment per
 * index, not one a megabyte or less, and sets the indexes' options back:
 * the library keeps FTS5's own, and the batches beside a screen too. */
static void bulk_batch_segments(void)
{
	struct store *store = test_store_open("bulk.db");
	mkdir(test_path("bulk"), 0777);
	for (size_t i = 0; i < 3; i++) {
		char name[16], title[64];
		snprintf(name, sizeof name, "%zu.txt", i);
		snprintf(title, sizeof title, "第%zu篇讲话", i);
		write_speech("bulk", name, title, "一、推动高质量发展，扎实推进共同富裕", 8000);
	}
	char *before = index_options(store);
	struct store_import_report report;
	size_t progress_calls;
	free(import_directory(store, "bulk", &report, &progress_calls));
	is_int(report.imported, 3, "three speeches, more than a megabyte");
	is_int(count_rows(store, "SELECT count(DISTINCT segid) FROM paragraph_search_idx"), 1,
	       "one body segment for the batch");
	is_int(count_rows(store, "SELECT count(DISTINCT segid) FROM heading_search_idx"), 1,
	       "one heading segment for the batch");
	is_string(before, "body 1048576 4, headings 262144 4", "FTS5's options before");
	char *after = index_options(store);
	is_string(after, before, "the indexes' options are set back");
	is_int(count_rows(store, "SELECT count(*) FROM paragraph_search"
				 " WHERE paragraph_search MATCH '\"共同富裕\"'"),
	       3 * 8000, "every paragraph is in the search index");
	free(after);
	free(before);
	store_close(store);
}

/* A directory takes the files of every format by their names, decides
 * each one's format by its content, and tells the other names as skipped. */
static void formats_by_name_and_content(struct store *store)
{
	mkdir(test_path("mixed"), 0777);
	write_speech("mixed", "a.TXT", "甲方的讲话", "抓好党建", 2);
	write_speech("mixed", "b.md", "乙方的讲话", "抓好项目", 2);
	write_speech("mixed", "c.docx", "丙方的讲话", "抓好民生", 2); /* text inside */
	write_speech("mixed", "d.jpg", "丁方的讲话", "不是讲话", 2);
	struct store_import_report report;
	size_t progress_calls;
	char *lines = import_directory(store, "mixed", &report, &progress_calls);
	is_string(lines,
		  "skipped d.jpg why\nimported a.TXT 0\nimported b.md 0\nimported c.docx 0\n",
		  "supported names imported, the others skipped and told");
	is_int(report.skipped, 1, "one file skipped");
	is_int(count_rows(store, "SELECT count(*) FROM documents WHERE format = 'md'"), 1,
	       "the .md file is recorded as Markdown");
	is_int(count_rows(store, "SELECT count(*) FROM documents WHERE title = '丙方的讲话'"
				 " AND format = 'text'"),
	       1, "a .docx named file holding text is read as text: by content");
	free(lines);
}

/* What observe_limits saw while a large file was being imported. */
static struct {
	sqlite3_int64 heap_limit, import_cache, other_cache;
	int calls;
} seen;
static sqlite3 *other_connection;

static sqlite3_int64 cache_size_of(sqlite3 *db)
{
	sqlite3_stmt *statement;
	sqlite3_int64 size = 0;
	if (sqlite3_prepare_v2(db, "PRAGMA cache_size", -1, &statement, NULL) == SQLITE_OK &&
	    sqlite3_step(statement) == SQLITE_ROW)
		size = sqlite3_column_int64(statement, 0);
	sqlite3_finalize(statement);
	return size;
}

static void observe_limits(sqlite3_context *context, int argc, sqlite3_value **argv)
{
	(void)argc, (void)argv;
	seen.calls++;
	seen.heap_limit = sqlite3_soft_heap_limit64(-1);
	seen.import_cache = cache_size_of(sqlite3_context_db_handle(context));
	seen.other_cache = cache_size_of(other_connection);
	sqlite3_result_null(context);
}

/* A large file (one kept in a mapping) is imported with a small page
 * cache on the importing connection alone: the process-wide heap limit
 * and another connection (the library view's, when the import runs on a
 * thread) stay as they were, and the cache is given back after. */
static void large_file_bounds_its_connection_only(struct store *store)
{
	struct store *other = test_store_open("paths.db");
	if (!other)
		return;
	other_connection = other->db;
	sqlite3_int64 import_cache = cache_size_of(store->db),
		      other_cache = cache_size_of(other->db);
	ok(sqlite3_create_function(store->db, "observe_limits", 0, SQLITE_UTF8, NULL,
				   observe_limits, NULL, NULL) == SQLITE_OK &&
	       sqlite3_exec(store->db,
			    "CREATE TEMP TRIGGER observe AFTER INSERT ON documents"
			    " BEGIN SELECT observe_limits(); END",
			    NULL, NULL, NULL) == SQLITE_OK,
	   "a trigger that looks at the limits while the import runs");
	mkdir(test_path("huge"), 0777);
	write_speech("huge", "big.txt", "长篇讲话", "推动高质量发展，扎实推进共同富裕", 80000);
	struct store_import_report report;
	size_t progress_calls;
	char *lines = import_directory(store, "huge", &report, &progress_calls);
	ok(report.bytes > SPEECH_FILE_MAPPED_BYTES, "a file large enough to be kept in a mapping");
	is_string(lines, "imported big.txt 0\n", "the large file is imported");
	is_int(seen.calls, 1, "the trigger ran");
	is_int(seen.heap_limit, 0, "no process-wide heap limit while it is imported");
	ok(seen.import_cache < 0 && -seen.import_cache < -import_cache,
	   "the importing connection's cache is smaller meanwhile (%lld KiB, was %lld)",
	   (long long)-seen.import_cache, (long long)-import_cache);
	is_int(seen.other_cache, other_cache, "another connection's cache is untouched");
	is_int(cache_size_of(store->db), import_cache, "the importing connection's cache is back");
	sqlite3_exec(store->db, "DROP TRIGGER temp.observe", NULL, NULL, NULL);
	store_close(other);
	free(lines);
}

int main(void)
{
	struct store *store = test_store_open("paths.db");
	if (!store)
		return 1;
	refused_file_fails_alone(store);
	several_batches(store);
	formats_by_name_and_content(store);
	large_file_bounds_its_connection_only(store);
	store_close(store);
	bulk_batch_segments();
	return tap_done();
}
