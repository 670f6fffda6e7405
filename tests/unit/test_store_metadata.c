/* A speech's metadata in the library: guessed at import, set and cleared
 * by the user, kept across versions only where the user set it. */
#include "store/metadata.h"
#include "store_test.h"

static const char *const first = "在全市经济工作会议上的讲话\n"
				 "（2026年1月8日）\n"
				 "王小明\n"
				 "同志们：\n"
				 "今天召开会议。\n";

/* The same speech, given another day by another speaker. */
static const char *const second = "在全市经济工作会议上的讲话\n"
				  "（2026年1月9日）\n"
				  "李大明\n"
				  "同志们：\n"
				  "今天召开会议，部署工作。\n";

static void expect(struct store *store, int64_t id, const char *date, const char *speaker,
		   const char *occasion, const char *source, const char *name)
{
	struct store_document document;
	struct error error = {{0}};
	if (!ok(store_document_get(store, id, &document, &error) == 0, "%s: get", name))
		return;
	is_string(document.date, date, "%s: date", name);
	is_string(document.speaker, speaker, "%s: speaker", name);
	is_string(document.occasion, occasion, "%s: occasion", name);
	is_string(document.source, source, "%s: source", name);
	store_document_clear(&document);
}

static void set(struct store *store, int64_t id, struct store_metadata_change change,
		const char *name)
{
	struct error error = {{0}};
	ok(store_metadata_set(store, id, &change, &error) == 0, "%s (%s)", name, error.message);
}

static void refused(struct store *store, int64_t id, struct store_metadata_change change,
		    const char *message, const char *name)
{
	struct error error = {{0}};
	ok(store_metadata_set(store, id, &change, &error) != 0, "%s is refused", name);
	is_string(error.message, message, "%s: message", name);
}

int main(void)
{
	struct store *store = test_store_open("metadata.db");
	if (!ok(store != NULL, "open"))
		return tap_done();
	int64_t id = test_import(store, "/speeches/economy.txt", first, NULL);
	expect(store, id, "2026-01-08", "王小明", "全市经济工作会议", NULL, "guessed at import");

	set(store, id,
	    (struct store_metadata_change){.speaker = "　市长 王小明 ", .source = "市报"},
	    "set speaker and source");
	expect(store, id, "2026-01-08", "市长 王小明", "全市经济工作会议", "市报",
	       "set fields trimmed, others untouched");
	set(store, id, (struct store_metadata_change){.date = "2026年1月10日"},
	    "set a Chinese date");
	expect(store, id, "2026-01-10", "市长 王小明", "全市经济工作会议", "市报",
	       "the date stored as ISO");
	set(store, id, (struct store_metadata_change){.occasion = ""}, "clear the occasion");
	expect(store, id, "2026-01-10", "市长 王小明", NULL, "市报", "occasion cleared");

	refused(store, id, (struct store_metadata_change){.date = "2026-02-30", .speaker = "某"},
		"date: '2026-02-30' is not a date (write YYYY-MM-DD, YYYY-MM or YYYY)",
		"a day February lacks");
	refused(store, id, (struct store_metadata_change){.speaker = "王\n李"},
		"speaker: must be one line without control characters", "a line break");
	expect(store, id, "2026-01-10", "市长 王小明", NULL, "市报",
	       "a refused change changes nothing");
	refused(store, 99, (struct store_metadata_change){.speaker = "某"},
		"no speech 99 in the library", "an unknown speech");

	/* A new version: speaker, date, occasion (cleared) and source were set
	 * by the user and stay; nothing is left to guess. */
	struct store_import_result result;
	int64_t newer = test_import(store, "/speeches/economy.txt", second, &result);
	is_int(result.outcome, STORE_IMPORT_NEW_VERSION, "a new version");
	expect(store, newer, "2026-01-10", "市长 王小明", NULL, "市报",
	       "the new version keeps what the user set");

	/* Only the fields the user set are kept; the rest are guessed anew. */
	int64_t other = test_import(store, "/speeches/other2.txt",
				    "在全区大会上的讲话\n（2025年5月1日）\n"
				    "张三丰\n同志们：\n开会。\n",
				    NULL);
	set(store, other, (struct store_metadata_change){.speaker = "区长 张三丰"},
	    "set only the speaker");
	int64_t other_newer =
	    test_import(store, "/speeches/other2.txt",
			"在全区总结大会上的讲话\n（2025年6月2日）\n张三丰\n同志们："
			"\n开会总结。\n",
			NULL);
	expect(store, other_newer, "2025-06-02", "区长 张三丰", "全区总结大会", NULL,
	       "guessed fields follow the new text, the set one stays");
	struct store_document document;
	struct error error;
	if (store_document_get(store, other_newer, &document, &error) == 0) {
		is_int(document.metadata_user_set, STORE_METADATA_SPEAKER, "user-set bits carried");
		store_document_clear(&document);
	}
	store_close(store);
	return tap_done();
}
