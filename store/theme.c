#include "store/theme.h"

#include <stdlib.h>
#include <string.h>

#include "base/buffer.h"
#include "base/i18n.h"
#include "base/utf8.h"
#include "base/sha256.h"
#include "store/event.h"
#include "store/internal.h"
#include "store/rows.h"

/* Reads the columns of THEME_COLUMNS (statement.h). */
/* A store_row_type reader, also called for a single row. */
static void read_theme(sqlite3_stmt *statement, void *element)
{
	struct store_theme *theme = element;
	memset(theme, 0, sizeof *theme);
	theme->id = sqlite3_column_int64(statement, 0);
	theme->definition.name = store_column_text(statement, 1);
	theme->definition.key = sqlite3_column_int(statement, 2);
	theme->definition.color = store_column_text(statement, 3);
	const char *keywords = (const char *)sqlite3_column_text(statement, 4);
	for (const char *start = keywords; start && *start;) {
		const char *end = strchr(start, '\n');
		size_t length = end ? (size_t)(end - start) : strlen(start);
		if (length > 0) {
			theme->definition.keywords =
			    xrealloc(theme->definition.keywords,
				     (theme->definition.keyword_count + 1) * sizeof(char *));
			theme->definition.keywords[theme->definition.keyword_count++] =
			    xstrndup(start, length);
		}
		start = end ? end + 1 : start + length;
	}
	theme->tag_count = (size_t)sqlite3_column_int64(statement, 5);
}

void store_theme_clear(struct store_theme *theme)
{
	theme_definition_clear(&theme->definition);
	memset(theme, 0, sizeof *theme);
}

void store_themes_free(struct store_theme *themes, size_t count)
{
	for (size_t i = 0; i < count; i++)
		store_theme_clear(&themes[i]);
	free(themes);
}

static void clear_theme_row(void *element)
{
	store_theme_clear(element);
}

static const struct store_row_type theme_rows = {sizeof(struct store_theme), read_theme,
						 clear_theme_row};

int store_themes_list(struct store *store, struct store_theme **themes, size_t *count,
		      struct error *error)
{
	void *rows;
	int status =
	    store_rows_select(store, STATEMENT_THEMES_LIST, NULL, &theme_rows, &rows, count, error);
	*themes = rows;
	return status;
}

int store_theme_get(struct store *store, int64_t id, struct store_theme *theme, struct error *error)
{
	memset(theme, 0, sizeof *theme);
	sqlite3_stmt *statement = store_statement(store, STATEMENT_THEME_GET, error);
	if (!statement)
		return -1;
	sqlite3_bind_int64(statement, 1, id);
	int status = sqlite3_step(statement);
	if (status == SQLITE_ROW)
		read_theme(statement, theme);
	sqlite3_reset(statement);
	if (status == SQLITE_DONE)
		return error_set(error, _("no theme %lld"), (long long)id);
	return status == SQLITE_ROW ? 0 : store_sql_error(store, error);
}

/* Looks a theme up by name or key (whichever statement); 1 found, 0 not. */
static int lookup(struct store *store, enum statement which, const char *name, int key, int64_t *id,
		  struct error *error)
{
	sqlite3_stmt *statement = store_statement(store, which, error);
	if (!statement)
		return -1;
	if (name)
		sqlite3_bind_text(statement, 1, name, -1, SQLITE_STATIC);
	else
		sqlite3_bind_int(statement, 1, key);
	int status = sqlite3_step(statement);
	if (status == SQLITE_ROW)
		*id = sqlite3_column_int64(statement, 0);
	sqlite3_reset(statement);
	if (status != SQLITE_ROW && status != SQLITE_DONE)
		return store_sql_error(store, error);
	return status == SQLITE_ROW;
}

int store_theme_find(struct store *store, const char *name, int64_t *id, struct error *error)
{
	int found = lookup(store, STATEMENT_THEME_BY_NAME, name, 0, id, error);
	if (found != 0)
		return found < 0 ? -1 : 0;
	struct store_theme *themes;
	size_t count;
	if (store_themes_list(store, &themes, &count, error) != 0)
		return -1;
	struct buffer known = {0};
	for (size_t i = 0; i < count; i++)
		buffer_printf(&known, "%s%s", i ? _(", ") : "", themes[i].definition.name);
	error_set(error, _("unknown theme '%s' (themes: %s)"), name,
		  count ? known.data : _("none"));
	buffer_free(&known);
	store_themes_free(themes, count);
	return -1;
}

static int validate(const struct theme_definition *theme, struct error *error)
{
	if (!theme->name || !*theme->name)
		return error_set(error, _("a theme needs a name"));
	if (strpbrk(theme->name, "\t\n\r[]"))
		return error_set(error,
				 _("a theme name cannot hold tabs, line breaks or brackets"));
	/* Names are drawn and printed; they must be text, not escape codes. */
	if (utf8_text_problem(theme->name, strlen(theme->name)))
		return error_set(error,
				 _("a theme name must be UTF-8 text without control characters"));
	for (size_t i = 0; i < theme->keyword_count; i++)
		if (utf8_text_problem(theme->keywords[i], strlen(theme->keywords[i])))
			return error_set(
			    error, _("a keyword must be UTF-8 text without control characters"));
	if (theme->key < 0 || theme->key > THEME_KEY_MAX)
		return error_set(error, _("a key is a digit 1-9, not %d"), theme->key);
	if (theme->color && !theme_color_valid(theme->color))
		return error_set(error,
				 _("unknown colour '%s' (black, red, green, yellow, blue, magenta, "
				   "cyan, white, bright-NAME, 0-255 or #rrggbb)"),
				 theme->color);
	return 0;
}

/* The lowest key no theme has, or 0 when all are taken. */
static int free_key(struct store *store, int *key, struct error *error)
{
	*key = 0;
	for (int candidate = 1; candidate <= THEME_KEY_MAX; candidate++) {
		int64_t id;
		int taken = lookup(store, STATEMENT_THEME_BY_KEY, NULL, candidate, &id, error);
		if (taken < 0)
			return -1;
		if (!taken) {
			*key = candidate;
			return 0;
		}
	}
	return 0;
}

/* Fails when name or key belongs to a theme other than `self`. */
static int check_unique(struct store *store, const struct theme_definition *theme, int64_t self,
			struct error *error)
{
	int64_t other;
	int found = lookup(store, STATEMENT_THEME_BY_NAME, theme->name, 0, &other, error);
	if (found < 0)
		return -1;
	if (found && other != self)
		return error_set(error, _("there is already a theme named '%s'"), theme->name);
	if (theme->key == 0)
		return 0;
	found = lookup(store, STATEMENT_THEME_BY_KEY, NULL, theme->key, &other, error);
	if (found < 0)
		return -1;
	if (found && other != self) {
		struct store_theme holder;
		if (store_theme_get(store, other, &holder, error) != 0)
			return -1;
		error_set(error, _("key %d is taken by theme '%s'"), theme->key,
			  holder.definition.name);
		store_theme_clear(&holder);
		return -1;
	}
	return 0;
}

static int write_theme(struct store *store, enum statement which, int64_t id,
		       const struct theme_definition *theme, struct error *error)
{
	sqlite3_stmt *statement = store_statement(store, which, error);
	if (!statement)
		return -1;
	char *keywords = theme_keywords_join(theme);
	int first = 1;
	if (which == STATEMENT_THEME_UPDATE) {
		sqlite3_bind_int64(statement, 1, id);
		first = 2;
	}
	sqlite3_bind_text(statement, first, theme->name, -1, SQLITE_STATIC);
	if (theme->key)
		sqlite3_bind_int(statement, first + 1, theme->key);
	sqlite3_bind_text(statement, first + 2, theme->color ? theme->color : "", -1,
			  SQLITE_STATIC);
	sqlite3_bind_text(statement, first + 3, keywords, -1, SQLITE_STATIC);
	int status = store_step_done(store, statement, error);
	free(keywords);
	return status;
}

static int same_color(const char *a, const char *b)
{
	struct theme_color x, y;
	if (theme_color_parse(a, &x) != 0 || theme_color_parse(b, &y) != 0 || x.kind != y.kind)
		return 0;
	return x.kind == THEME_COLOR_RGB ? x.rgb == y.rgb : x.index == y.index;
}

/* The first colour of a list that tells apart well on a dark or light
 * terminal that no theme has yet; "" (the terminal's own) when all are
 * taken. A new theme without a colour gets it, so that it is not drawn
 * like another one. */
static int free_color(struct store *store, const char **color, struct error *error)
{
	static const char *const candidates[] = {
	    "red",	   "blue",	    "green",	   "magenta",	   "cyan",
	    "yellow",	   "bright-red",    "bright-blue", "bright-green", "bright-magenta",
	    "bright-cyan", "bright-yellow", "208",	   "99",	   "37",
	    "130",	   "162",	    "64"};
	struct store_theme *themes;
	size_t count;
	if (store_themes_list(store, &themes, &count, error) != 0)
		return -1;
	*color = "";
	for (size_t c = 0; c < sizeof candidates / sizeof candidates[0] && !**color; c++) {
		size_t t = 0;
		while (t < count && !same_color(themes[t].definition.color, candidates[c]))
			t++;
		if (t == count)
			*color = candidates[c];
	}
	store_themes_free(themes, count);
	return 0;
}

static int insert_theme(struct store *store, const struct theme_definition *theme, int64_t *id,
			struct error *error)
{
	struct theme_definition copy = *theme;
	if (copy.key == 0 && free_key(store, &copy.key, error) != 0)
		return -1;
	const char *color;
	if (!copy.color || !*copy.color) {
		if (free_color(store, &color, error) != 0)
			return -1;
		copy.color = (char *)color;
	}
	if (check_unique(store, &copy, 0, error) != 0 ||
	    write_theme(store, STATEMENT_THEME_INSERT, 0, &copy, error) != 0)
		return -1;
	*id = sqlite3_last_insert_rowid(store->db);
	return 0;
}

/* Ends a theme change's transaction: with its history record when status
 * is 0, else rolled back. */
static int finish_transaction(struct store *store, int status, const char *record,
			      struct error *error)
{
	if (status == 0 && record)
		status = event_note(store, record, error);
	if (status != 0) {
		store_transaction_rollback(store);
		return -1;
	}
	return store_transaction_commit(store, error);
}

int store_theme_add(struct store *store, const struct theme_definition *theme, int64_t *id,
		    struct error *error)
{
	if (validate(theme, error) != 0 || store_transaction_begin(store, error) != 0)
		return -1;
	struct buffer record = {0};
	buffer_printf(&record, "add theme %s", theme->name);
	int status = insert_theme(store, theme, id, error);
	status = finish_transaction(store, status, buffer_string(&record), error);
	buffer_free(&record);
	return status;
}

int store_theme_update(struct store *store, int64_t id, const struct theme_definition *theme,
		       struct error *error)
{
	if (validate(theme, error) != 0 || store_transaction_begin(store, error) != 0)
		return -1;
	struct store_theme old;
	struct buffer record = {0};
	int status = store_theme_get(store, id, &old, error);
	if (status == 0) {
		buffer_printf(&record, "change theme %s", old.definition.name);
		if (strcmp(old.definition.name, theme->name) != 0)
			buffer_printf(&record, " (now %s)", theme->name);
		status = check_unique(store, theme, id, error);
		store_theme_clear(&old);
	}
	if (status == 0)
		status = write_theme(store, STATEMENT_THEME_UPDATE, id, theme, error);
	status = finish_transaction(store, status, buffer_string(&record), error);
	buffer_free(&record);
	return status;
}

static int bind_id_step(struct store *store, enum statement which, int64_t id, struct error *error)
{
	sqlite3_stmt *statement = store_statement(store, which, error);
	if (!statement)
		return -1;
	sqlite3_bind_int64(statement, 1, id);
	return store_step_done(store, statement, error);
}

int store_theme_delete(struct store *store, int64_t id, int force, size_t *removed_tags,
		       struct error *error)
{
	if (store_transaction_begin(store, error) != 0)
		return -1;
	struct store_theme old;
	struct buffer record = {0};
	int status = store_theme_get(store, id, &old, error);
	if (status == 0 && old.tag_count > 0 && !force)
		status = error_set(error,
				   P_("theme '%s' has %zu tag; --force deletes it and its tags",
				      "theme '%s' has %zu tags; --force deletes it and its tags",
				      old.tag_count),
				   old.definition.name, old.tag_count);
	if (status == 0) {
		buffer_printf(&record, "delete theme %s (%zu tag%s)", old.definition.name,
			      old.tag_count, old.tag_count == 1 ? "" : "s");
		if (removed_tags)
			*removed_tags = old.tag_count;
		status = bind_id_step(store, STATEMENT_THEME_TAGS_DELETE, id, error);
	}
	if (status == 0)
		status = event_discard_theme(store, id, error);
	if (status == 0)
		status = bind_id_step(store, STATEMENT_THEME_DELETE, id, error);
	if (old.definition.name)
		store_theme_clear(&old);
	status = finish_transaction(store, status, buffer_string(&record), error);
	buffer_free(&record);
	return status;
}

static int64_t definition_hash(const struct theme_definition *theme)
{
	struct buffer text = {0};
	char *keywords = theme_keywords_join(theme);
	buffer_printf(&text, "%s\n%d\n%s\n%s", theme->name, theme->key,
		      theme->color ? theme->color : "", keywords);
	int64_t hash = sha256_int64(text.data, text.length);
	free(keywords);
	buffer_free(&text);
	return hash;
}

/* A file definition changed: its theme (under whatever name it has now)
 * takes the new keywords and colour, and the key when it is free. */
static int follow_file(struct store *store, int64_t id, const struct theme_definition *theme,
		       struct error *error)
{
	struct store_theme current;
	if (store_theme_get(store, id, &current, error) != 0)
		return -1;
	struct theme_definition updated = *theme;
	updated.name = current.definition.name;
	int64_t holder;
	int taken = updated.key
			? lookup(store, STATEMENT_THEME_BY_KEY, NULL, updated.key, &holder, error)
			: 0;
	if (taken > 0 && holder != id)
		updated.key = current.definition.key;
	int status =
	    taken < 0 ? -1 : write_theme(store, STATEMENT_THEME_UPDATE, id, &updated, error);
	store_theme_clear(&current);
	return status;
}

/* Brings one file definition in. With write 0 it only says, in *needed,
 * whether anything would change. */
static int sync_one(struct store *store, const struct theme_definition *theme, int write,
		    int *needed, struct error *error)
{
	sqlite3_stmt *statement = store_statement(store, STATEMENT_SEED_GET, error);
	if (!statement)
		return -1;
	sqlite3_bind_text(statement, 1, theme->name, -1, SQLITE_STATIC);
	int status = sqlite3_step(statement);
	int seeded = status == SQLITE_ROW;
	int64_t theme_id = seeded ? sqlite3_column_int64(statement, 0) : 0;
	int64_t old_hash = seeded ? sqlite3_column_int64(statement, 1) : 0;
	sqlite3_reset(statement);
	if (status != SQLITE_ROW && status != SQLITE_DONE)
		return store_sql_error(store, error);
	int64_t hash = definition_hash(theme);
	if (seeded && old_hash == hash)
		return 0;
	*needed = 1;
	if (!write)
		return 0;
	if (!seeded) {
		/* A theme the user already made under this name is adopted as it is. */
		int found =
		    lookup(store, STATEMENT_THEME_BY_NAME, theme->name, 0, &theme_id, error);
		if (found < 0)
			return -1;
		if (!found) {
			struct theme_definition copy = *theme;
			int64_t holder;
			int taken = copy.key ? lookup(store, STATEMENT_THEME_BY_KEY, NULL, copy.key,
						      &holder, error)
					     : 0;
			if (taken < 0)
				return -1;
			if (taken)
				copy.key = 0;
			if (write_theme(store, STATEMENT_THEME_INSERT, 0, &copy, error) != 0)
				return -1;
			theme_id = sqlite3_last_insert_rowid(store->db);
		}
	} else if (theme_id && follow_file(store, theme_id, theme, error) != 0) {
		return -1;
	}
	statement = store_statement(store, STATEMENT_SEED_PUT, error);
	if (!statement)
		return -1;
	sqlite3_bind_text(statement, 1, theme->name, -1, SQLITE_STATIC);
	if (theme_id)
		sqlite3_bind_int64(statement, 2, theme_id);
	sqlite3_bind_int64(statement, 3, hash);
	return store_step_done(store, statement, error);
}

int store_themes_sync(struct store *store, const struct theme_definition *themes, size_t count,
		      struct error *error)
{
	int needed = 0;
	for (size_t i = 0; i < count; i++)
		if (validate(&themes[i], error) != 0 ||
		    sync_one(store, &themes[i], 0, &needed, error) != 0)
			return -1;
	if (!needed)
		return 0;
	if (store_transaction_begin(store, error) != 0)
		return -1;
	for (size_t i = 0; i < count; i++)
		if (sync_one(store, &themes[i], 1, &needed, error) != 0) {
			store_transaction_rollback(store);
			return -1;
		}
	return store_transaction_commit(store, error);
}
