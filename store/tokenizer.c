#include "store/tokenizer.h"

#include <string.h>

#include "base/i18n.h"
#include "base/utf8.h"
#include "store/density.h"

enum {
	/* Longest token: two characters of four bytes. */
	TOKEN_MAX_BYTES = 8,
};

/* The tokenizer keeps no state; FTS5 still wants an instance pointer. */
static int tokenizer_instance;

static int tokenizer_create(void *context, const char **arguments, int argument_count,
			    Fts5Tokenizer **tokenizer)
{
	(void)context;
	(void)arguments;
	(void)argument_count;
	*tokenizer = (Fts5Tokenizer *)&tokenizer_instance;
	return SQLITE_OK;
}

static void tokenizer_delete(Fts5Tokenizer *tokenizer)
{
	(void)tokenizer;
}

struct character {
	int start; /* byte offset in the text */
	int length;
};

/* Copies `count` characters from `first` into token, folding ASCII
 * letters, and returns the token's length. */
static int fold(const char *text, const struct character *first, int count, char *token)
{
	int length = 0;
	for (int i = 0; i < count; i++)
		for (int b = 0; b < first[i].length; b++) {
			char byte = text[first[i].start + b];
			token[length++] =
			    byte >= 'A' && byte <= 'Z' ? (char)(byte - 'A' + 'a') : byte;
		}
	return length;
}

typedef int (*token_callback)(void *, int, const char *, int, int, int);

static int emit(void *context, token_callback callback, int flags, const char *text,
		const struct character *first, int count)
{
	char token[TOKEN_MAX_BYTES];
	int length = fold(text, first, count, token);
	int end = first[count - 1].start + first[count - 1].length;
	return callback(context, flags, token, length, first[0].start, end);
}

static int tokenizer_tokenize(Fts5Tokenizer *tokenizer, void *context, int flags, const char *text,
			      int text_length, token_callback callback)
{
	(void)tokenizer;
	(void)flags;
	/* The same bigrams for documents and queries: a query's bigrams, at
	 * consecutive positions, form a phrase that matches exactly where the
	 * text contains the query. */
	struct character pair[2];
	int count = 0, status = SQLITE_OK;
	for (int offset = 0; status == SQLITE_OK && offset < text_length;) {
		size_t length;
		utf8_decode((const unsigned char *)text + offset, (size_t)(text_length - offset),
			    &length);
		if (count == 2) {
			pair[0] = pair[1];
			count = 1;
		}
		pair[count++] = (struct character){offset, (int)length};
		offset += (int)length;
		if (count == 2)
			status = emit(context, callback, 0, text, pair, 2);
	}
	return status;
}

int tokenizer_register(sqlite3 *db, struct error *error)
{
	fts5_api *api = NULL;
	sqlite3_stmt *statement;
	if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &statement, NULL) != SQLITE_OK)
		return error_set(error, _("SQLite has no FTS5: %s"), sqlite3_errmsg(db));
	sqlite3_bind_pointer(statement, 1, (void *)&api, "fts5_api_ptr", NULL);
	sqlite3_step(statement);
	sqlite3_finalize(statement);
	if (!api)
		return error_set(error, _("SQLite has no FTS5"));
	static fts5_tokenizer methods = {tokenizer_create, tokenizer_delete, tokenizer_tokenize};
	if (api->xCreateTokenizer(api, "pizhu", NULL, &methods, NULL) != SQLITE_OK ||
	    density_register(api) != SQLITE_OK)
		return error_set(error, _("registering the search tokenizer: %s"),
				 sqlite3_errmsg(db));
	return 0;
}
