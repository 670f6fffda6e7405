/* density.h — how densely a paragraph holds the words searched for: the
 * FTS5 auxiliary function pizhu_density(TABLE) that ranks the search's
 * hits within a window (search.h).
 *
 * It is bm25 with every word weighted alike: for each word (phrase) of
 * the query, tf·(k1 + 1) / (tf + k1·(1 − b + b·length / average length)),
 * k1 = 1.2 and b = 0.75 as FTS5's bm25, summed and negated (lower is more
 * relevant, as bm25). What it leaves out is bm25's inverse document
 * frequency, the words' rarity: FTS5 learns it by walking every hit of
 * every word before ranking the first, which is the cost a page must not
 * pay. For a query of one word the order is bm25's: its rarity is one
 * factor common to every hit. */
#ifndef PIZHU_STORE_DENSITY_H
#define PIZHU_STORE_DENSITY_H

#include <sqlite3.h>

/* Registers pizhu_density with an FTS5 (the pointer SELECT fts5(?1) gives).
 * Returns an SQLite status. */
int density_register(fts5_api *api);

#endif
