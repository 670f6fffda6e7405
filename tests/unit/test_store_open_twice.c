/* A second connection opened in the same process (the search view's count,
 * the library view's import, the reader's background import) must not
 * take the first one's locks away. POSIX drops every lock a process holds
 * on a file when it closes any descriptor of that file: a look at the
 * file's first bytes through open() and close() made another pizhu
 * believe it was the library's last user, so it checkpointed and deleted
 * the WAL under the first connection, which went on reading the deleted
 * WAL (stale results) and writing to it (lost changes, a damaged file). */
#include <fcntl.h>
#include <sys/wait.h>

#include "store/internal.h"
#include "store/search.h"
#include "store/search_counter.h"
#include "store_test.h"

static int count_speeches(struct store *store)
{
	sqlite3_stmt *statement;
	int count = -1;
	if (sqlite3_prepare_v2(store->db, "SELECT count(*) FROM documents", -1, &statement, NULL) ==
		SQLITE_OK &&
	    sqlite3_step(statement) == SQLITE_ROW)
		count = sqlite3_column_int(statement, 0);
	sqlite3_finalize(statement);
	return count;
}

/* Another process writes one speech and closes the library. */
static int other_process_imports(const char *text)
{
	fflush(stdout);
	pid_t child = fork();
	if (child == 0) {
		struct store *store = test_store_open("twice.db");
		int64_t id = store ? test_import(store, "/other.txt", text, NULL) : 0;
		store_close(store);
		_exit(id ? 0 : 1);
	}
	int status = 0;
	waitpid(child, &status, 0);
	return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

/* Whether another process finds a lock on the library's SQLite lock bytes
 * (from 1 GiB: the pending byte, the reserved byte, the shared range). */
static int locked_for_others(void)
{
	fflush(stdout);
	pid_t child = fork();
	if (child == 0) {
		int descriptor = open(test_path("twice.db"), O_RDWR);
		struct flock lock = {
		    .l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0x40000000, .l_len = 512};
		int got = descriptor >= 0 && fcntl(descriptor, F_GETLK, &lock) == 0;
		_exit(got && lock.l_type != F_UNLCK ? 0 : 1);
	}
	int status = 0;
	waitpid(child, &status, 0);
	return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

int main(void)
{
	struct store *first = test_store_open("twice.db");
	test_import(first, "/a.txt", "甲的讲话\n同志们：\n第一段。\n", NULL);
	is_int(count_speeches(first), 1, "one speech");

	ok(locked_for_others(), "the first connection holds its lock");
	/* A second connection of this process, opened and closed. */
	struct store *second = test_store_open("twice.db");
	ok(second != NULL, "a second connection opens beside the first");
	is_int(count_speeches(second), 1, "and sees the speech");
	ok(locked_for_others(), "the lock is held with the second connection open");
	store_close(second);
	ok(locked_for_others(), "and after it closed");
	ok(access(test_path("twice.db-wal"), F_OK) == 0, "the WAL is there");
	struct store_search_query query = {.text = "讲话", .limit = 1};
	struct store_search_hit *hits;
	size_t count = 0, total = 0;
	struct error problem = {{0}};
	store_search(first, &query, &hits, &count, &problem);
	store_search_hits_free(hits, count);
	struct store_search_counter *counter = NULL;
	store_search_counter_start(test_path("twice.db"), &query, &counter, &problem);
	ok(store_search_counter_wait(counter, &total, &problem) == 1 && total == 1,
	   "a count in the background");
	store_search_counter_stop(counter);
	ok(other_process_imports("戊的讲话\n同志们：\n第五段。\n"), "another process imports");
	ok(access(test_path("twice.db-wal"), F_OK) == 0, "the WAL is still there");

	ok(other_process_imports("乙的讲话\n同志们：\n第二段。\n"), "another process imports");
	is_int(count_speeches(first), 3, "the first connection sees its speech");
	ok(access(test_path("twice.db-wal"), F_OK) == 0,
	   "the WAL is still there while the first connection is open");

	/* The first connection's own writes still reach the library. */
	test_import(first, "/c.txt", "丙的讲话\n同志们：\n第三段。\n", NULL);
	ok(other_process_imports("丁的讲话\n同志们：\n第四段。\n"),
	   "another process imports again");
	store_close(first);
	struct store *again = test_store_open("twice.db");
	is_int(count_speeches(again), 5, "every speech is in the library afterwards");
	char *report = NULL;
	struct error error = {{0}};
	int status = store_check_quick(again, &report, &error);
	ok(status == 0 && strcmp(report, "ok") == 0, "which checks ok (%s)",
	   status == 0 ? report : error.message);
	free(report);
	store_close(again);
	return tap_done();
}
