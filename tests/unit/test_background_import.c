/* The background import (cli/background_import.h): a thread parses a
 * file and imports it on a connection of its own while this thread polls,
 * reads the parsed speech and looks at the library, as the reader does.
 * make tsan runs this under ThreadSanitizer. */
#include <time.h>

#include "base/buffer.h"
#include "cli/background_import.h"
#include "store_test.h"

enum { PARAGRAPHS = 400 };

static void pause_briefly(void)
{
	nanosleep(&(struct timespec){0, 2 * 1000 * 1000}, NULL);
}

/* Polls until the import ends (at most about 60 s); its state. */
static int wait_for(struct background_import *import, int64_t *id, struct error *error)
{
	int state = 0;
	for (int i = 0; i < 30000 && (state = background_import_poll(import, id, error)) == 0; i++)
		pause_briefly();
	return state;
}

static size_t speech_count(const char *database)
{
	struct store *store;
	struct error error = {{0}};
	if (store_open(database, STORE_OPEN_CREATE, &store, &error) != 0)
		return (size_t)-1;
	struct store_document *documents;
	size_t count = 0;
	if (store_documents_current(store, &documents, &count, &error) == 0)
		store_documents_free(documents, count);
	store_close(store);
	return count;
}

int main(void)
{
	/* A speech long enough that the thread is still at work while this
	 * one polls. */
	char path[512], database[512];
	snprintf(path, sizeof path, "%s", test_path("big.txt"));
	snprintf(database, sizeof database, "%s", test_path("library.db"));
	struct buffer text = {0};
	buffer_append_string(&text, "在全区工作会议上的讲话\n同志们：\n");
	for (int i = 1; i <= PARAGRAPHS; i++)
		buffer_printf(&text, "第%d段，抓好民生实事，推进项目建设。\n", i);
	write_file(path, text.data, text.length);
	buffer_free(&text);

	struct background_import *import;
	struct error error = {{0}};
	is_int(background_import_start(database, path, path, "fallback", &import, &error), 0,
	       "the import starts");
	/* The reader reads the speech as soon as it is parsed, and only then
	 * opens the library; the import waits for that. */
	const struct speech *speech = NULL;
	for (int i = 0; i < 30000 && !(speech = background_import_speech(import)); i++)
		pause_briefly();
	ok(speech && speech->paragraph_count > PARAGRAPHS, "the whole speech is parsed");
	int64_t id = 0;
	is_int(background_import_poll(import, &id, &error), 0, "and waits for the library");
	background_import_library_opened(import);
	is_int(wait_for(import, &id, &error), 1, "then imports it");
	ok(id > 0, "with an id");
	background_import_finish(import, 0);
	is_int(speech_count(database), 1, "the speech is in the library");

	/* Cancelled before the library is opened: nothing is imported. */
	char other[512];
	snprintf(other, sizeof other, "%s", test_path("other.db"));
	is_int(background_import_start(other, path, path, "fallback", &import, &error), 0,
	       "a second import starts");
	background_import_finish(import, 1);
	is_int(speech_count(other), 0, "cancelled, it leaves the library empty");

	/* Cancelled while it may be writing: either it finished first or
	 * nothing of it is kept. */
	is_int(background_import_start(other, path, path, "fallback", &import, &error), 0,
	       "a third import starts");
	background_import_library_opened(import);
	pause_briefly();
	background_import_finish(import, 1);
	size_t count = speech_count(other);
	ok(count == 0 || count == 1,
	   "cancelled while writing, the library holds %zu speeches whole", count);

	/* A file that cannot be read fails with its name. */
	is_int(background_import_start(database, test_path("missing.txt"), NULL, "fallback",
				       &import, &error),
	       0, "an import of a missing file starts");
	background_import_library_opened(import);
	is_int(wait_for(import, &id, &error), -1, "and fails");
	ok(strstr(error.message, "missing.txt") != NULL, "naming the file: %s", error.message);
	background_import_finish(import, 0);
	return tap_done();
}
