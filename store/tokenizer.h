/* tokenizer.h — the FTS5 tokenizer "pizhu" behind full-text search.
 *
 * Chinese has no spaces, so text is indexed by overlapping character
 * bigrams: one token at every character position. A query is tokenized the
 * same way, and its bigrams at consecutive positions form a phrase that
 * matches exactly where the text contains the query, so two-character
 * queries (民生) work and longer ones need no extra index. (A bigram and
 * trigram index was tried: twice the import time and index size for no
 * gain in correctness.) ASCII letters are folded to lower case. A query
 * of one character has no bigram (see search.c). */
#ifndef PIZHU_STORE_TOKENIZER_H
#define PIZHU_STORE_TOKENIZER_H

#include <sqlite3.h>

#include "base/error.h"

/* Registers the tokenizer with the connection's FTS5; needed before any
 * statement touches the search table. */
int tokenizer_register(sqlite3 *db, struct error *error);

#endif
