/* Importing speeches: the copy in the library, deduplication, versions,
 * loading a speech back, and the reader's saved state. */
#include "base/buffer.h"
#include "base/file.h"
#include "store/internal.h"
#include "store/search.h"
#include "store_test.h"

static const char *const sample = "在区委全体会议上的讲话\n"
				  "仅供学习 禁止外传\n"
				  "今天召开会议。\n"
				  "一、提高政治站位\n"
				  "（一）牢记嘱托\n"
				  "要坚持学习。\n"
				  "二、坚定信心\n"
				  "保障和改善民生。\n";

/* The model loaded from the library must equal the parsed one. */
static void same_speech(const struct speech *a, const struct speech *b, const char *name)
{
	int same = a->paragraph_count == b->paragraph_count &&
		   a->outline_count == b->outline_count &&
		   a->front_matter_count == b->front_matter_count &&
		   strcmp(a->encoding, b->encoding) == 0 && a->title_found == b->title_found;
	for (size_t i = 0; same && i < a->paragraph_count; i++) {
		const struct paragraph *x = &a->paragraphs[i], *y = &b->paragraphs[i];
		same = x->length == y->length &&
		       memcmp(paragraph_text(a, i), paragraph_text(b, i), x->length) == 0 &&
		       x->role == y->role && x->rank == y->rank && x->depth == y->depth &&
		       x->label_length == y->label_length && x->section == y->section;
	}
	for (size_t i = 0; same && i < a->outline_count; i++) {
		const struct outline_entry *x = &a->outline[i], *y = &b->outline[i];
		same = x->paragraph == y->paragraph && x->depth == y->depth &&
		       x->parent == y->parent && x->end_paragraph == y->end_paragraph;
	}
	for (size_t i = 0; same && i < a->front_matter_count; i++)
		same = a->front_matter[i].length == b->front_matter[i].length &&
		       memcmp(a->text + a->front_matter[i].offset,
			      b->text + b->front_matter[i].offset, a->front_matter[i].length) == 0;
	ok(same, "%s: loaded speech equals the parsed one", name);
}

static void round_trip(struct store *store, const unsigned char *bytes, size_t length,
		       const char *name)
{
	struct speech parsed, loaded;
	struct error error = {{0}};
	if (!ok(speech_parse(bytes, length, "fallback", &parsed, &error) == 0, "%s parses", name))
		return;
	struct store_import_result result;
	ok(store_import(store, NULL, bytes, length, &parsed, &result, &error) == 0,
	   "%s imports (%s)", name, error.message);
	ok(store_speech_load(store, result.id, &loaded, &error) == 0, "%s loads", name);
	same_speech(&parsed, &loaded, name);
	speech_free(&parsed);
	speech_free(&loaded);
}

static void imports(struct store *store)
{
	struct store_import_result result;
	int64_t id = test_import(store, "/speeches/a.txt", sample, &result);
	ok(id > 0, "imported");
	is_int(result.outcome, STORE_IMPORT_NEW, "a new speech");
	struct store_document document;
	struct error error = {{0}};
	ok(store_document_get(store, id, &document, &error) == 0, "document_get");
	is_string(document.title, "在区委全体会议上的讲话", "title");
	is_string(document.encoding, "UTF-8", "encoding");
	is_string(document.source_path, "/speeches/a.txt", "source path");
	is_int(document.paragraph_count, 6, "paragraph count without the title and front matter");
	is_int(strlen(document.content_hash), 64, "content hash is SHA-256 hex");
	is_int(document.previous_id, 0, "first version");
	is_int(document.replaced_by, 0, "current");
	ok(document.date == NULL && document.speaker == NULL, "no metadata yet");
	store_document_clear(&document);

	is_int(test_import(store, "/elsewhere/copy.txt", sample, &result), id,
	       "same content again: same id");
	is_int(result.outcome, STORE_IMPORT_UNCHANGED, "same content: unchanged");
	int64_t found = 0;
	is_int(store_find_content(store, (const unsigned char *)sample, strlen(sample), &found,
				  &error),
	       1, "find_content finds it");
	is_int(found, id, "find_content id");
	is_int(store_find_content(store, (const unsigned char *)"x", 1, &found, &error), 0,
	       "find_content: unknown bytes");
	is_int(store_document_by_path(store, "/speeches/a.txt", &found, &error), 1, "by path");
	is_int(store_document_by_path(store, "/nowhere.txt", &found, &error), 0,
	       "by path: unknown");

	ok(store_document_get(store, 999, &document, &error) == -1, "unknown id fails");
	is_string(error.message, "no speech 999 in the library", "unknown id message");

	struct speech loaded;
	ok(store_speech_load(store, id, &loaded, &error) == 0, "speech_load");
	is_int(loaded.front_matter_count, 1, "front matter kept");
	is_span(loaded.text + loaded.front_matter[0].offset, loaded.front_matter[0].length,
		"仅供学习 禁止外传", "front matter text");
	is_int(loaded.outline_count, 4, "outline entries");
	speech_free(&loaded);
	ok(store_speech_load(store, 999, &loaded, &error) == -1, "speech_load: unknown id");

	struct store_document *documents;
	size_t count;
	ok(store_documents_current(store, &documents, &count, &error) == 0, "documents_current");
	is_int(count, 1, "one speech");
	store_documents_free(documents, count);

	int64_t second =
	    test_import(store, "/speeches/a.txt", "在区委全体会议上的讲话\n新的一段。\n", &result);
	is_int(result.outcome, STORE_IMPORT_NEW_VERSION, "changed file: a new version");
	is_int(result.previous_id, id, "replaces the first");
	ok(store_document_get(store, id, &document, &error) == 0, "old version still there");
	is_int(document.replaced_by, second, "old version knows its successor");
	store_document_clear(&document);
	ok(store_documents_current(store, &documents, &count, &error) == 0 && count == 1 &&
	       documents[0].id == second,
	   "only the new version is current");
	store_documents_free(documents, count);
}

static void reading_state(struct store *store)
{
	struct error error = {{0}};
	int64_t id = test_import(store, NULL, "标题\n一、甲\n正文\n二、乙\n正文二\n", NULL);
	size_t position = 99;
	ok(store_position_get(store, id, &position, &error) == 0 && position == 0,
	   "position starts at 0");
	ok(store_position_set(store, id, 3, &error) == 0, "position_set");
	ok(store_position_get(store, id, &position, &error) == 0 && position == 3,
	   "position saved");
	ok(store_position_get(store, 999, &position, &error) == -1, "position: unknown id");
	ok(store_fold_set(store, id, 3, 1, &error) == 0, "fold");
	ok(store_fold_set(store, id, 1, 1, &error) == 0, "fold another");
	ok(store_fold_set(store, id, 1, 1, &error) == 0, "fold twice is fine");
	size_t *folds, count;
	ok(store_folds_get(store, id, &folds, &count, &error) == 0 && count == 2 && folds[0] == 1 &&
	       folds[1] == 3,
	   "folds in order");
	free(folds);
	ok(store_fold_set(store, id, 1, 0, &error) == 0, "unfold");
	ok(store_folds_get(store, id, &folds, &count, &error) == 0 && count == 1 && folds[0] == 3,
	   "unfolded");
	free(folds);
}

static void corpus(struct store *store)
{
	const char *files[] = {"seeds/speech-a.txt", "seeds/speech-b.txt", "seeds/speech-c.txt",
			       "raw/cpc-19th-congress-report-utf8-crlf.txt"};
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
		char path[1024];
		if (!tap_corpus_path(files[i], path, sizeof path)) {
			tap_skip("shared corpus absent");
			continue;
		}
		unsigned char *bytes;
		size_t length;
		struct error error;
		if (file_read(path, &bytes, &length, &error) != 0)
			continue;
		round_trip(store, bytes, length, files[i]);
		free(bytes);
	}
	round_trip(store, (const unsigned char *)sample, strlen(sample), "sample");
	const char gbk[] = "\xd6\xd0\xce\xc4\xb1\xea\xcc\xe2\n\xd5\xfd\xce\xc4\n";
	round_trip(store, (const unsigned char *)gbk, strlen(gbk), "GB18030 text");
}

/* FTS5's 'hashsize' as the index keeps it, -1 when unset. */
static long index_hashsize(struct store *store)
{
	sqlite3_stmt *statement;
	long value = -1;
	if (sqlite3_prepare_v2(store->db,
			       "SELECT v FROM paragraph_search_config WHERE k = 'hashsize'", -1,
			       &statement, NULL) != SQLITE_OK)
		return -2;
	if (sqlite3_step(statement) == SQLITE_ROW)
		value = (long)sqlite3_column_int64(statement, 0);
	sqlite3_finalize(statement);
	return value;
}

/* An import with a small index buffer writes the index out many times in
 * its transaction: everything is found after, and the buffer is FTS5's
 * own again for every other import. */
static void limited_index_memory(struct store *store)
{
	struct buffer text = {0};
	buffer_append_string(&text, "在全市经济工作会议上的讲话\n");
	for (int i = 0; i < 3000; i++)
		buffer_printf(&text, "第%d段：推动高质量发展，保障和改善民生，编号%d。\n", i,
			      i * 7);
	buffer_append_string(&text, "最后一段说到营商环境。\n");
	store_limit_index_memory(store, 4096);
	int64_t id = test_import(store, "/speeches/long.txt", buffer_string(&text), NULL);
	store_limit_index_memory(store, 0);
	buffer_free(&text);
	ok(id > 0, "limited index memory: imported");
	is_int(index_hashsize(store), 1024 * 1024, "limited index memory: FTS5's size after");
	struct store_search_query query = {.text = "营商环境", .document_id = id};
	struct store_search_hit *hits = NULL;
	size_t count = 0;
	struct error error = {{0}};
	ok(store_search(store, &query, &hits, &count, &error) == 0 && count == 1 &&
	       hits[0].paragraph == 3001,
	   "limited index memory: the last paragraph is found");
	store_search_hits_free(hits, count);
	query.text = "民生";
	ok(store_search(store, &query, &hits, &count, &error) == 0 && count == 3000,
	   "limited index memory: every paragraph is found");
	store_search_hits_free(hits, count);

	/* A size the index had set is what it has again after. */
	sqlite3_exec(
	    store->db,
	    "INSERT INTO paragraph_search (paragraph_search, rank) VALUES ('hashsize', 65536)",
	    NULL, NULL, NULL);
	store_limit_index_memory(store, 4096);
	test_import(store, "/speeches/short.txt", "另一篇讲话\n讲营商环境。\n", NULL);
	store_limit_index_memory(store, 0);
	is_int(index_hashsize(store), 65536, "limited index memory: a size set before is kept");
}

int main(void)
{
	struct store *store = test_store_open("import.db");
	if (!store)
		return 1;
	imports(store);
	reading_state(store);
	limited_index_memory(store);
	corpus(store);
	store_close(store);
	return tap_done();
}
