/* tokenizer.h — the FTS5 tokenizer "pizhu" behind full-text search.
 *
 * Chinese has no spaces, so the text is indexed by overlapping character
 * n-grams: at each character position a bigram, and a trigram at the same
 * position (FTS5_TOKEN_COLOCATED). A query of two characters (民生) looks
 * up one bigram; a longer query becomes the phrase of its trigrams, which
 * matches exactly where the query occurs. ASCII letters are folded to
 * lower case. Queries of one character cannot use the index (see
 * search.c). */
#ifndef PIZHU_STORE_TOKENIZER_H
#define PIZHU_STORE_TOKENIZER_H

#include <sqlite3.h>

#include "base/error.h"

/* Registers the tokenizer with the connection's FTS5; needed before any
 * statement touches the search table. */
int tokenizer_register(sqlite3 *db, struct error *error);

#endif
