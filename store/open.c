#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/i18n.h"
#include "base/pinyin.h"
#include "base/utf8.h"
#include "base/buffer.h"
#include "store/internal.h"
#include "store/removal.h"
#include "store/schema.h"
#include "store/search.h"
#include "store/tokenizer.h"

enum {
	SQLITE_HEADER_SIZE = 16,
};

char *store_default_path(struct error *error)
{
	const char *override = getenv("PIZHU_DB");
	if (override && *override)
		return xstrdup(override);
	struct buffer path = {0};
	const char *data_home = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");
	/* The XDG spec says a relative XDG_DATA_HOME is invalid and ignored. */
	if (data_home && data_home[0] == '/')
		buffer_printf(&path, "%s/pizhu/pizhu.db", data_home);
	else if (home && *home)
		buffer_printf(&path, "%s/.local/share/pizhu/pizhu.db", home);
	else {
		error_set(error, _("cannot find the library: set HOME, XDG_DATA_HOME or PIZHU_DB"));
		return NULL;
	}
	return buffer_string(&path);
}

int store_make_parent_directories(const char *path, struct error *error)
{
	char *copy = xstrdup(path);
	for (char *slash = strchr(copy + 1, '/'); slash; slash = strchr(slash + 1, '/')) {
		*slash = '\0';
		if (mkdir(copy, 0777) != 0 && errno != EEXIST) {
			error_set(error, _("cannot create %s: %s"), copy, i18n_strerror(errno));
			free(copy);
			return -1;
		}
		*slash = '/';
	}
	free(copy);
	return 0;
}

/* Refuses a file that exists, is not empty and does not start with
 * SQLite's magic string, without opening it for writing. Sets *exists.
 *
 * The first bytes are read through SQLite's own file layer, never with
 * open() and close(): this process may have the library open already (a
 * second connection, for a count or an import in the background), and
 * closing any descriptor of a file drops every POSIX lock the process
 * holds on it, the first connection's too. Another pizhu would then take
 * itself for the library's last user and delete the WAL under it: stale
 * reads, lost writes, a damaged file. SQLite's layer keeps a descriptor
 * open until the locks on the file are gone. */
static int check_file_kind(const char *path, int *exists, struct error *error)
{
	struct stat status;
	if (stat(path, &status) != 0) {
		if (errno == ENOENT) {
			*exists = 0;
			return 0;
		}
		return error_set(error, "%s: %s", path, i18n_strerror(errno));
	}
	*exists = 1;
	if (!S_ISREG(status.st_mode))
		return error_set(error, _("%s: not a regular file"), path);
	if (access(path, R_OK) != 0)
		return error_set(error, "%s: %s", path, i18n_strerror(errno));
	if (status.st_size == 0)
		return 0;
	sqlite3_vfs *vfs = sqlite3_vfs_find(NULL);
	sqlite3_filename name = sqlite3_create_filename(path, "", "", 0, NULL);
	sqlite3_file *file = xcalloc(1, (size_t)vfs->szOsFile);
	char header[SQLITE_HEADER_SIZE];
	int flags = 0, status_code = SQLITE_NOMEM;
	if (name)
		status_code =
		    vfs->xOpen(vfs, name, file, SQLITE_OPEN_READONLY | SQLITE_OPEN_MAIN_DB, &flags);
	if (status_code == SQLITE_OK) {
		status_code = file->pMethods->xRead(file, header, sizeof header, 0);
		file->pMethods->xClose(file);
	}
	free(file);
	sqlite3_free_filename(name);
	if (status_code != SQLITE_OK && status_code != SQLITE_IOERR_SHORT_READ)
		return error_set(error, "%s: %s", path, sqlite3_errstr(status_code));
	if (status_code != SQLITE_OK || memcmp(header, "SQLite format 3", 16) != 0)
		return error_set(error,
				 _("%s: not a pizhu database (not an SQLite file); left untouched"),
				 path);
	return 0;
}

static int query_int(sqlite3 *db, const char *sql, int *value)
{
	sqlite3_stmt *statement;
	if (sqlite3_prepare_v2(db, sql, -1, &statement, NULL) != SQLITE_OK)
		return -1;
	int status = sqlite3_step(statement);
	if (status == SQLITE_ROW)
		*value = sqlite3_column_int(statement, 0);
	sqlite3_finalize(statement);
	return status == SQLITE_ROW ? 0 : -1;
}

/* Reads the file's identity: application_id, user_version and how many
 * schema objects it has. Anything unreadable is corruption. */
static int identify(struct store *store, int *application, int *version, int *objects,
		    struct error *error)
{
	if (query_int(store->db, "PRAGMA application_id", application) == 0 &&
	    query_int(store->db, "PRAGMA user_version", version) == 0 &&
	    query_int(store->db, "SELECT count(*) FROM sqlite_schema", objects) == 0)
		return 0;
	switch (sqlite3_errcode(store->db) & 0xFF) {
	case SQLITE_NOTADB:
	case SQLITE_CORRUPT:
		return error_set(error,
				 _("%s: not a pizhu database or corrupt (%s); left untouched"),
				 store->path, sqlite3_errmsg(store->db));
	case SQLITE_READONLY:
	case SQLITE_CANTOPEN:
	case SQLITE_PERM:
		/* A library in WAL mode is read through files beside it. */
		return error_set(error,
				 _("%s: cannot open the library (%s; can its directory be "
				   "written?); left untouched"),
				 store->path, sqlite3_errmsg(store->db));
	default: {
		/* Busy, disk full, an I/O error: the store's own wording. */
		struct error reason;
		store_sql_error(store, &reason);
		return error_set(error, _("%s; left untouched"), reason.message);
	}
	}
}

static int check_identity(struct store *store, struct error *error)
{
	int application, version, objects;
	if (identify(store, &application, &version, &objects, error) != 0)
		return -1;
	int fresh = application == 0 && version == 0 && objects == 0;
	if (!fresh && application != STORE_APPLICATION_ID)
		return error_set(error,
				 _("%s: not a pizhu database (another program's SQLite file); "
				   "left untouched"),
				 store->path);
	if (version > schema_latest_version())
		return error_set(
		    error,
		    _("%s: made by a newer pizhu (schema version %d; this pizhu knows up "
		      "to %d); left untouched"),
		    store->path, version, schema_latest_version());
	return 0;
}

static int execute(struct store *store, const char *sql, struct error *error)
{
	if (sqlite3_exec(store->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return error_set(error, "%s: %s", store->path, sqlite3_errmsg(store->db));
	return 0;
}

/* Migrates under the write lock, re-reading the version there: another
 * pizhu may have migrated since we looked. */
static int migrate(struct store *store, struct error *error)
{
	int version;
	if (query_int(store->db, "PRAGMA user_version", &version) != 0)
		return store_sql_error(store, error);
	if (version == schema_latest_version())
		return 0;
	if (store_transaction_begin(store, error) != 0)
		return -1;
	if (check_identity(store, error) != 0 ||
	    query_int(store->db, "PRAGMA user_version", &version) != 0 ||
	    schema_migrate(store->db, version, error) != 0) {
		store_transaction_rollback(store);
		return -1;
	}
	return store_transaction_commit(store, error);
}

static char *user_name(void)
{
	const char *name = getenv("USER");
	if (name && *name)
		return xstrdup(name);
	struct passwd *entry = getpwuid(getuid());
	return xstrdup(entry && entry->pw_name ? entry->pw_name : "unknown");
}

const char *store_user(struct store *store)
{
	/* Asked for only when a change is recorded: finding the user without
	 * $USER reads the password database, which a reader that only reads
	 * need not wait for. */
	if (!store->user)
		store->user = user_name();
	return store->user;
}

static int pinyin_collation(void *context, int a_length, const void *a, int b_length, const void *b)
{
	(void)context;
	return pinyin_compare(a, (size_t)a_length, b, (size_t)b_length);
}

/* pinyin_key(text): the BLOB whose byte order is the pinyin order of the
 * texts (base/pinyin.h); NULL for NULL. */
static void pinyin_key_function(sqlite3_context *context, int count, sqlite3_value **values)
{
	(void)count;
	if (sqlite3_value_type(values[0]) == SQLITE_NULL) {
		sqlite3_result_null(context);
		return;
	}
	const char *text = (const char *)sqlite3_value_text(values[0]);
	if (!text) {
		sqlite3_result_error_nomem(context);
		return;
	}
	struct buffer key = {0};
	pinyin_key(text, (size_t)sqlite3_value_bytes(values[0]), &key);
	sqlite3_result_blob64(context, key.data, key.length, free);
}

/* Whether a word needs store_search_find: it has an ASCII letter (to fold)
 * or bytes that are not whole characters. Any other word's bytes match
 * only on whole characters, and exactly. */
static int needs_folding(const char *word, size_t length)
{
	return utf8_has_ascii_letter(word, length) || utf8_text_problem(word, length) != NULL;
}

/* pizhu_contains(TEXT, WORD): whether text holds word, ASCII letters in
 * any case, on whole characters (as store_search_find): the library view's
 * filter, one call per speech where five LIKEs were. A word without
 * letters is looked for with memchr and memcmp: memmem's set-up cost more
 * than the search in texts of a hundred bytes. */
static void contains_function(sqlite3_context *context, int count, sqlite3_value **values)
{
	(void)count;
	const char *text = (const char *)sqlite3_value_text(values[0]);
	const char *word = (const char *)sqlite3_value_text(values[1]);
	if (!text || !word) {
		sqlite3_result_null(context);
		return;
	}
	size_t length = (size_t)sqlite3_value_bytes(values[0]);
	size_t word_length = (size_t)sqlite3_value_bytes(values[1]);
	if (word_length == 0) {
		sqlite3_result_int(context, 1);
		return;
	}
	/* A line feed joins the fields (schema v9): no match across it. */
	if (memchr(word, '\n', word_length)) {
		sqlite3_result_int(context, 0);
		return;
	}
	if (needs_folding(word, word_length)) {
		sqlite3_result_int(context, store_search_find(text, length, 0, word) >= 0);
		return;
	}
	int found = 0;
	for (const char *at = text, *end = text + length;
	     !found && (size_t)(end - at) >= word_length &&
	     (at = memchr(at, word[0], (size_t)(end - at) - word_length + 1)) != NULL;
	     at++)
		found = memcmp(at, word, word_length) == 0;
	sqlite3_result_int(context, found);
}

/* COLLATE pinyin and pinyin_key(), for the library's titles. Only queries,
 * the statements that write documents.title_key and the migration that
 * filled it use them, never the schema, so other tools can still open and
 * write the file (the sqlite3 shell's integrity_check). */
static int collation_register(struct store *store, struct error *error)
{
	if (sqlite3_create_collation_v2(store->db, "pinyin", SQLITE_UTF8, NULL, pinyin_collation,
					NULL) != SQLITE_OK ||
	    sqlite3_create_function_v2(store->db, "pinyin_key", 1,
				       SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
				       pinyin_key_function, NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_create_function_v2(store->db, "pizhu_contains", 2,
				       SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
				       contains_function, NULL, NULL, NULL) != SQLITE_OK)
		return error_set(error, "%s: %s", store->path, sqlite3_errmsg(store->db));
	return 0;
}

/* SQLite's memory statistics take a global mutex at every allocation,
 * ≈9% of a one-shot search's instructions; pizhu reads none of them (a
 * connection's cache is bounded by its cache_size, not a heap limit). */
static void configure_sqlite(void)
{
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

int store_open(const char *path, enum store_open_mode mode, struct store **result,
	       struct error *error)
{
	static pthread_once_t configured = PTHREAD_ONCE_INIT;
	pthread_once(&configured, configure_sqlite);
	*result = NULL;
	int exists = 0;
	if (check_file_kind(path, &exists, error) != 0)
		return -1;
	if (!exists && mode == STORE_OPEN_EXISTING)
		return error_set(error, _("%s: no library yet (pizhu import FILE creates it)"),
				 path);
	if (!exists && store_make_parent_directories(path, error) != 0)
		return -1;

	struct store *store = xcalloc(1, sizeof *store);
	store->path = xstrdup(path);
	/* No mutex of its own: each thread of pizhu opens a connection of its
	 * own (the background count and imports included) and none is shared,
	 * so SQLite's locking of every call on the connection was pure cost
	 * (sqlite3_interrupt, the one call from another thread, needs none). */
	int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
	if (sqlite3_open_v2(path, &store->db, flags, NULL) != SQLITE_OK) {
		error_set(error, "%s: %s", path,
			  store->db ? sqlite3_errmsg(store->db) : "cannot open");
		store_close(store);
		return -1;
	}
	sqlite3_extended_result_codes(store->db, 1);
	/* SQLite opens a file it may not write read-only, without a word;
	 * every pizhu command may write (themes, history), so say so now. */
	if (sqlite3_db_readonly(store->db, "main") == 1) {
		error_set(error, _("%s: read-only (no permission to write it); left untouched"),
			  path);
		store_close(store);
		return -1;
	}
	sqlite3_busy_timeout(store->db, STORE_BUSY_TIMEOUT_MS);
	if (check_identity(store, error) != 0 || tokenizer_register(store->db, error) != 0 ||
	    collation_register(store, error) != 0 ||
	    execute(store, "PRAGMA journal_mode = WAL", error) != 0 ||
	    execute(store, "PRAGMA foreign_keys = ON", error) != 0 || migrate(store, error) != 0) {
		store_close(store);
		return -1;
	}
	/* Best effort: a busy or read-only library is still opened, and the
	 * next pizhu tries again. */
	struct error ignored;
	store_purge_abandoned(store, &ignored);
	*result = store;
	return 0;
}

void store_close(struct store *store)
{
	if (!store)
		return;
	struct error ignored;
	store_purge_removed(store, NULL, &ignored);
	for (int i = 0; i < STATEMENT_COUNT; i++)
		sqlite3_finalize(store->statements[i]);
	sqlite3_close(store->db);
	free(store->path);
	free(store->user);
	free(store);
}

const char *store_path(const struct store *store)
{
	return store->path;
}

int store_data_version(struct store *store, int64_t *version, struct error *error)
{
	sqlite3_stmt *statement = store_statement(store, STATEMENT_DATA_VERSION, error);
	if (!statement)
		return -1;
	if (sqlite3_step(statement) != SQLITE_ROW)
		return store_sql_error(store, error);
	*version = sqlite3_column_int64(statement, 0);
	sqlite3_reset(statement);
	return 0;
}

int store_cache_get(struct store *store, sqlite3_int64 *size, struct error *error)
{
	sqlite3_stmt *statement;
	if (sqlite3_prepare_v2(store->db, "PRAGMA cache_size", -1, &statement, NULL) != SQLITE_OK)
		return store_sql_error(store, error);
	int status = sqlite3_step(statement);
	if (status == SQLITE_ROW)
		*size = sqlite3_column_int64(statement, 0);
	sqlite3_finalize(statement);
	return status == SQLITE_ROW ? 0 : store_sql_error(store, error);
}

int store_cache_set(struct store *store, sqlite3_int64 size, struct error *error)
{
	/* PRAGMA takes no bound parameters; the value is our integer. */
	char pragma[64];
	snprintf(pragma, sizeof pragma, "PRAGMA cache_size = %lld", (long long)size);
	if (sqlite3_exec(store->db, pragma, NULL, NULL, NULL) != SQLITE_OK)
		return error ? store_sql_error(store, error) : -1;
	return 0;
}

void store_limit_cache(struct store *store, size_t bytes)
{
	/* KiB when negative; best effort, as the cache's size changes no
	 * result. */
	store_cache_set(store, -(sqlite3_int64)(bytes / 1024 ? bytes / 1024 : 1), NULL);
}

void store_cache_small(struct store *store)
{
	/* Enough for the interior pages a search steps through again and
	 * again (a 64-page cache read 5% more pages than SQLite's 2 MB, 30
	 * pages 11% more); best effort, as the cache's size changes no result. */
	store_cache_set(store, 64, NULL);
}

void store_limit_index_memory(struct store *store, size_t bytes)
{
	store->index_memory = bytes;
}

void store_interrupt(struct store *store)
{
	/* sqlite3_interrupt alone is lost between statements; long loops
	 * check the flag too. */
	atomic_store(&store->interrupted, 1);
	sqlite3_interrupt(store->db);
}
