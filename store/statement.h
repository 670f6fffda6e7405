/* statement.h — every SQL statement the store runs more than once, by
 * name. Each is prepared on first use and kept for the connection's life;
 * values are always bound (?1, ?2 …), never pasted into the text. */
#ifndef PIZHU_STORE_STATEMENT_H
#define PIZHU_STORE_STATEMENT_H

/* (paragraph_count: the paragraphs shown, less the hidden front and back
 * matter; HIDDEN_COUNT is below.) */
#define DOCUMENT_COLUMNS                                                                           \
	"id, title, encoding, source_path, content_hash, imported_at, previous_id, replaced_by,"   \
	" paragraph_count - " HIDDEN_COUNT("documents.id") ", date, speaker, occasion, source,"    \
	" metadata_set, format"

#define ACTION_COLUMNS "id, kind, target, state, document_id, user, at, description"

#define THEME_COLUMNS                                                                              \
	"h.id, h.name, h.key, h.color, h.keywords,"                                                \
	" (SELECT count(*) FROM tags t WHERE t.theme_id = h.id AND " NOT_REMOVED(                  \
	    "t.document_id") ")"

/* 1 when paragraph NUMBER of speech DOC is hidden as front or back matter:
 * the user's correction says so, else the parser hid it (matter, read
 * from the small partial index paragraphs_hidden). */
#define PARAGRAPH_HIDDEN(DOC, NUMBER)                                                              \
	"coalesce((SELECT k.kind IN ('front', 'back') FROM corrections k"                          \
	" WHERE k.document_id = " DOC " AND k.paragraph = " NUMBER " AND k.kind <> 'title'),"      \
	" EXISTS (SELECT 1 FROM paragraphs h INDEXED BY paragraphs_hidden"                         \
	" WHERE h.document_id = " DOC " AND h.number = " NUMBER " AND h.matter IS NOT NULL))"

/* Search's tiers (search.h) are the parser's roles as the user corrected
 * them: a `heading` correction makes a paragraph a heading, a `body`,
 * `front` or `back` one body text (a hidden line is body text). The
 * paragraphs the corrections make headings, and those they make body
 * text, as lists of paragraph ids: a statement reads each list once (from
 * the corrections, CROSS JOIN keeping the planner from reading every
 * paragraph instead), and a row's test is a look-up in it. */
#define CORRECTED_IDS(WHERE)                                                                       \
	"(SELECT m.id FROM corrections k CROSS JOIN paragraphs m ON m.document_id = k.document_id" \
	" AND m.number = k.paragraph WHERE " WHERE ")"
#define MADE_HEADINGS	CORRECTED_IDS("k.kind = 'heading' AND m.role <> 'heading'")
#define UNMADE_HEADINGS CORRECTED_IDS("k.kind IN ('body', 'front', 'back') AND m.role = 'heading'")
/* 1 when paragraph P (a table alias) is in the heading tier; the heading
 * index, heading_search, holds exactly these (HEADING_FOLLOW keeps it). */
#define HEADING_TIER(P)                                                                            \
	"((" P ".role = 'heading' OR " P ".id IN " MADE_HEADINGS ") AND " P ".id NOT IN "          \
	UNMADE_HEADINGS ")"
/* HEADING_TIER for one paragraph: its correction looked up by key, not
 * the lists (which a statement reads whole). */
#define PARAGRAPH_HEADING(P)                                                                       \
	"coalesce((SELECT k.kind = 'heading' FROM corrections k WHERE k.document_id = " P          \
	".document_id AND k.paragraph = " P ".number"                                              \
	" AND k.kind IN ('heading', 'body', 'front', 'back')), " P ".role = 'heading')"
/* 1 when paragraph P is in the body tier (a title's role is never
 * corrected, only its text). */
#define BODY_TIER(P)                                                                               \
	"((" P ".role = 'body' OR " P ".id IN " UNMADE_HEADINGS ") AND " P ".id NOT IN "           \
	MADE_HEADINGS ")"

/* How many paragraphs of speech DOC are hidden (PARAGRAPH_HIDDEN), from
 * the hidden lines and the corrections alone. */
#define HIDDEN_COUNT(DOC)                                                                          \
	"((SELECT count(*) FROM paragraphs h INDEXED BY paragraphs_hidden"                         \
	" WHERE h.document_id = " DOC " AND h.matter IS NOT NULL AND NOT EXISTS"                   \
	" (SELECT 1 FROM corrections k WHERE k.document_id = " DOC " AND k.paragraph = h.number"   \
	" AND k.kind IN ('heading', 'body'))) + (SELECT count(*) FROM corrections k"               \
	" WHERE k.document_id = " DOC " AND k.kind IN ('front', 'back') AND NOT EXISTS"            \
	" (SELECT 1 FROM paragraphs h INDEXED BY paragraphs_hidden WHERE h.document_id = " DOC     \
	" AND h.number = k.paragraph AND h.matter IS NOT NULL)))"

/* ?2: one speech (any version) or 0 for every current one; ?3: a theme or 0;
 * ?4: 1 to find front and back matter too. */
#define SEARCH_FILTERS                                                                             \
	"(?2 = 0 AND d.replaced_by IS NULL OR p.document_id = ?2) AND d.removed_at IS NULL"        \
	" AND (?3 = 0 OR EXISTS (SELECT 1 FROM tags t WHERE t.document_id = p.document_id"         \
	" AND t.paragraph = p.number AND t.theme_id = ?3))"                                        \
	" AND (?4 OR " PARAGRAPH_HIDDEN("p.document_id", "p.number") " = 0)"

/* A hit in tier ?5 ('title', 'heading' or 'body'; NULL for any): a
 * title by its role alone, the others by their role and a look-up in the
 * lists of corrected paragraphs. */
#define SEARCH_TIER                                                                                \
	"(?5 IS NULL OR CASE ?5 WHEN 'title' THEN p.role = 'title'"                                \
	" WHEN 'heading' THEN " HEADING_TIER("p") " ELSE " BODY_TIER("p") " END)"

/* The text of paragraph P as the reader shows it: a title as the user
 * corrected it (schema v12: the title index holds the same). */
#define SHOWN_TEXT(P)                                                                              \
	"(CASE WHEN " P ".number = 0 AND " P ".role = 'title' THEN coalesce((SELECT k.text"        \
	" FROM corrections k"                                                                      \
	" WHERE k.document_id = " P ".document_id AND k.paragraph = 0 AND k.kind = 'title'), " P   \
	".text) ELSE " P ".text END)"

#define SEARCH_COLUMNS "p.id, d.date, p.document_id, p.number, " SHOWN_TEXT("p") ", d.title"

/* One tier's hits from its index (table), newest paragraph first: their
 * places only, or with their texts. */
#define SEARCH_TIER_PLACES(table, role)                                                            \
	"SELECT pizhu_density(" table "), p.id, d.date, p.document_id, p.number FROM " table " s"  \
	" JOIN paragraphs p INDEXED BY paragraphs_place ON p.id = s.rowid"                         \
	" JOIN documents d ON d.id = p.document_id"                                                \
	" WHERE " table " MATCH ?1" role " AND " SEARCH_FILTERS " ORDER BY s.rowid DESC"
#define SEARCH_TIER_TEXTS(table, role)                                                             \
	"SELECT pizhu_density(" table "), " SEARCH_COLUMNS " FROM " table " s"                     \
	" JOIN paragraphs p ON p.id = s.rowid JOIN documents d ON d.id = p.document_id"            \
	" WHERE " table " MATCH ?1" role " AND " SEARCH_FILTERS " ORDER BY s.rowid DESC"

#define NOW "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"

/* The speeches chosen for export and stats. ?1: a JSON array of speech ids
 * (any version of each; json_each reads it, so the list is one bound
 * value) or NULL for every speech. lineage maps every version to its
 * speech's current version; chosen holds every version of the chosen
 * speeches. */
#define CHOSEN_SPEECHES                                                                            \
	"WITH RECURSIVE lineage(id, speech) AS ("                                                  \
	" SELECT id, id FROM documents WHERE replaced_by IS NULL AND removed_at IS NULL"           \
	" UNION SELECT d.id, l.speech FROM documents d"                                            \
	" JOIN lineage l ON d.replaced_by = l.id),"                                                \
	" chosen(id, speech) AS (SELECT id, speech FROM lineage WHERE ?1 IS NULL OR speech IN"     \
	" (SELECT speech FROM lineage WHERE id IN (SELECT value FROM json_each(?1))))"

/* A tag t of a chosen theme. ?2: a JSON array of theme ids, or NULL for
 * every theme. */
#define CHOSEN_TAG "(?2 IS NULL OR t.theme_id IN (SELECT value FROM json_each(?2)))"

/* The annotated paragraphs of the chosen speeches: with chosen themes,
 * those carrying one; else those with any tag or a note. */
#define EXCERPT_CTE                                                                                \
	CHOSEN_SPEECHES                                                                            \
	", excerpt(speech, document_id, paragraph) AS ("                                           \
	" SELECT c.speech, t.document_id, t.paragraph FROM tags t"                                 \
	" JOIN chosen c ON c.id = t.document_id WHERE " CHOSEN_TAG                                 \
	" UNION SELECT c.speech, n.document_id, n.paragraph FROM notes n"                          \
	" JOIN chosen c ON c.id = n.document_id WHERE ?2 IS NULL"                                  \
	" AND " PARAGRAPH_HIDDEN("n.document_id", "n.paragraph") " = 0)"

/* Excerpt order: speech, current version before old ones, paragraph. */
#define EXCERPT_ORDER	" ORDER BY e.speech, e.document_id <> e.speech, e.document_id, e.paragraph"
#define NOT_REMOVED(id) "(" id " NOT IN (SELECT id FROM documents WHERE removed_at IS NOT NULL))"

/* versions: every version of the speech that document ?1 is a version of. */
#define VERSIONS_OF                                                                                \
	"WITH RECURSIVE later(id) AS (SELECT ?1 UNION SELECT d.replaced_by FROM documents d"       \
	" JOIN later ON d.id = later.id WHERE d.replaced_by IS NOT NULL),"                         \
	" versions(id) AS (SELECT id FROM later UNION SELECT d.previous_id FROM documents d"       \
	" JOIN versions v ON d.id = v.id WHERE d.previous_id IS NOT NULL) "

/* The removed documents of one remover (?1: a process id, or NULL). */
#define REMOVED_BY "(SELECT id FROM documents WHERE removed_at IS NOT NULL AND removed_by IS ?1)"

/* The title corrections of the speeches REMOVED_BY names, with their
 * title paragraphs (alias p). */
#define REMOVED_TITLES                                                                             \
	"FROM corrections k JOIN paragraphs p ON p.document_id = k.document_id AND p.number = 0"   \
	" WHERE k.document_id IN " REMOVED_BY " AND k.paragraph = 0 AND k.kind = 'title'"          \
	" AND p.role = 'title'"

/* The library view: current, not removed speeches; ?1 text that the
 * title, speaker, occasion, date or source contains (ASCII letters in any
 * case), or NULL. It is looked for in documents.library_text (schema v8),
 * those fields joined, which the index documents_library_filter holds. */
#define LIBRARY_WHERE                                                                              \
	" WHERE d.replaced_by IS NULL AND d.removed_at IS NULL"                                    \
	" AND (?1 IS NULL OR pizhu_contains(d.library_text, ?1))"
#define LIBRARY_FROM " FROM documents d" LIBRARY_WHERE

/* The per-theme tallies of a row come from LIBRARY_TALLIES, so that a page
 * costs only its own rows'; sorting by tags reads documents.tag_count,
 * which triggers keep (schema v6), through its index. */
#define LIBRARY_PAGE(order)                                                                        \
	"SELECT d.id, d.title, d.date, d.speaker, d.imported_at, d.paragraph_count, "              \
	"d.position, d.occasion" LIBRARY_FROM " ORDER BY " order " LIMIT ?2 OFFSET ?3"

#define STORE_STATEMENTS(X)                                                                        \
	/* write transactions (sql.c) */                                                           \
	X(TRANSACTION_BEGIN, "BEGIN IMMEDIATE")                                                    \
	X(TRANSACTION_COMMIT, "COMMIT")                                                            \
	X(DATA_VERSION, "PRAGMA data_version")                                                     \
	/* documents */                                                                            \
	/* Current versions only: bytes an old version held, brought back,                         \
	 * are imported again and become the current version. */                                   \
	X(DOCUMENT_BY_HASH,                                                                        \
	  "SELECT id FROM documents WHERE content_hash = ?1 AND removed_at IS NULL"                \
	  " AND replaced_by IS NULL ORDER BY id LIMIT 1")                                          \
	X(DOCUMENT_CURRENT_BY_PATH,                                                                \
	  "SELECT id FROM documents WHERE source_path = ?1 AND replaced_by IS NULL"                \
	  " AND removed_at IS NULL")                                                               \
	/* A removed speech lets go of its path when the file is imported again. */                \
	X(DOCUMENT_DETACH_REMOVED,                                                                 \
	  "UPDATE documents SET source_path = NULL WHERE source_path = ?1"                         \
	  " AND removed_at IS NOT NULL")                                                           \
	X(DOCUMENT_REMOVED_AT_PATH,                                                                \
	  "SELECT 1 FROM documents WHERE source_path = ?1 AND removed_at IS NOT NULL LIMIT 1")     \
	X(DOCUMENT_INSERT,                                                                         \
	  "INSERT INTO documents (title, encoding, content_hash, front_matter, title_found,"       \
	  " replaced_bytes, paragraph_count, previous_id, date, speaker, occasion, source,"        \
	  " back_matter, imported_at, format, title_key)"                                          \
	  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, " NOW ", ?14,"         \
	  " pinyin_key(?1))")                                                                      \
	X(DOCUMENT_REPLACE, "UPDATE documents SET replaced_by = ?2 WHERE id = ?1")                 \
	X(DOCUMENT_SET_PATH, "UPDATE documents SET source_path = ?2 WHERE id = ?1")                \
	/* The new version ?1 keeps what the user set on the old one ?2; the                       \
	 * other fields stay as guessed from the new text. */                                      \
	X(DOCUMENT_CARRY_OVER,                                                                     \
	  "UPDATE documents SET (date, speaker, occasion, source, metadata_set, position) ="       \
	  " (SELECT iif(o.metadata_set & 1, o.date, documents.date),"                              \
	  "  iif(o.metadata_set & 2, o.speaker, documents.speaker),"                               \
	  "  iif(o.metadata_set & 4, o.occasion, documents.occasion),"                             \
	  "  iif(o.metadata_set & 8, o.source, documents.source),"                                 \
	  "  o.metadata_set, min(o.position, ?3) FROM documents o WHERE o.id = ?2) WHERE id = ?1") \
	X(METADATA_SET, "UPDATE documents SET date = iif(?2, nullif(?3, ''), date),"               \
			" speaker = iif(?4, nullif(?5, ''), speaker),"                             \
			" occasion = iif(?6, nullif(?7, ''), occasion), source = iif(?8, "         \
			"nullif(?9, ''), source),"                                                 \
			" metadata_set = metadata_set | ?10 WHERE id = ?1 AND removed_at IS NULL") \
	X(DOCUMENT_GET,                                                                            \
	  "SELECT " DOCUMENT_COLUMNS " FROM documents WHERE id = ?1 AND removed_at IS NULL")       \
	X(DOCUMENT_MODEL, "SELECT encoding, front_matter, title_found, replaced_bytes,"            \
			  " back_matter, format, paragraph_count FROM "                            \
			  "documents WHERE id = ?1 AND removed_at IS NULL")                        \
	X(DOCUMENTS_CURRENT,                                                                       \
	  "SELECT " DOCUMENT_COLUMNS " FROM documents WHERE replaced_by IS NULL"                   \
	  " AND removed_at IS NULL ORDER BY id")                                                   \
	X(PARAGRAPH_INSERT,                                                                        \
	  "INSERT INTO paragraphs (document_id, number, role, rank, depth, label_length, section," \
	  " text, text_hash, matter) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)")            \
	X(PARAGRAPH_INDEX, "INSERT INTO paragraph_search (rowid, text) VALUES (?1, ?2)")           \
	X(TITLE_INDEX, "INSERT INTO title_search (rowid, text) VALUES (?1, ?2)")                   \
	X(HEADING_INDEX, "INSERT INTO heading_search (rowid, text) VALUES (?1, ?2)")               \
	X(INDEX_OPTION_GET, "SELECT v FROM paragraph_search_config WHERE k = ?1")                  \
	X(INDEX_OPTION_SET, "INSERT INTO paragraph_search (paragraph_search, rank) VALUES (?1, ?2)") \
	X(HEADING_INDEX_OPTION_GET, "SELECT v FROM heading_search_config WHERE k = ?1")            \
	X(HEADING_INDEX_OPTION_SET,                                                                \
	  "INSERT INTO heading_search (heading_search, rank) VALUES (?1, ?2)")                     \
	X(INDEX_WRITE_PENDING, "SAVEPOINT index_write_pending")                                    \
	X(INDEX_WRITE_PENDING_DONE, "RELEASE index_write_pending")                                 \
	X(PARAGRAPHS_OF,                                                                           \
	  "SELECT number, role, rank, depth, label_length, section, text, matter FROM paragraphs"  \
	  " WHERE document_id = ?1 ORDER BY number")                                               \
	X(PARAGRAPH_TEXT,                                                                          \
	  "SELECT text, text_hash FROM paragraphs WHERE document_id = ?1 AND number = ?2")         \
	X(OUTLINE_INSERT,                                                                          \
	  "INSERT INTO outline (document_id, entry, paragraph, depth, parent, end_paragraph)"      \
	  " VALUES (?1, ?2, ?3, ?4, ?5, ?6)")                                                      \
	X(DOCUMENT_REPLACED_BY, "SELECT replaced_by FROM documents WHERE id = ?1")                 \
	X(OUTLINE_OF, "SELECT entry, paragraph, depth, parent, end_paragraph FROM outline"         \
		      " WHERE document_id = ?1 ORDER BY entry")                                    \
	/* moving annotations to a new version */                                                  \
	X(ANNOTATED_PARAGRAPHS,                                                                    \
	  "SELECT paragraph FROM tags WHERE document_id = ?1"                                      \
	  " UNION SELECT paragraph FROM notes WHERE document_id = ?1 ORDER BY 1")                  \
	X(REATTACH_TAGS,                                                                           \
	  "UPDATE OR IGNORE tags SET document_id = ?3, paragraph = ?4, text_hash = ?5"             \
	  " WHERE document_id = ?1 AND paragraph = ?2")                                            \
	X(REATTACH_NOTES,                                                                          \
	  "UPDATE OR IGNORE notes SET document_id = ?3, paragraph = ?4, text_hash = ?5"            \
	  " WHERE document_id = ?1 AND paragraph = ?2")                                            \
	X(REATTACH_EVENTS, "UPDATE events SET document_id = ?3, paragraph = ?4"                    \
			   " WHERE document_id = ?1 AND paragraph = ?2"                            \
			   " AND kind IN ('tag_add', 'tag_remove', 'note_set')")                   \
	X(CORRECTED_PARAGRAPHS,                                                                    \
	  "SELECT paragraph FROM corrections WHERE document_id = ?1 ORDER BY 1")                   \
	X(REATTACH_CORRECTION,                                                                     \
	  "UPDATE OR IGNORE corrections SET document_id = ?3, paragraph = ?4, text_hash = ?5"      \
	  " WHERE document_id = ?1 AND paragraph = ?2")                                            \
	X(REATTACH_CORRECTION_EVENTS,                                                              \
	  "UPDATE events SET document_id = ?3, paragraph = ?4"                                     \
	  " WHERE document_id = ?1 AND paragraph = ?2 AND kind IN ('correction', 'title')")        \
	/* the user's corrections (correction.h) */                                                \
	X(CORRECTION_UPSERT,                                                                       \
	  "INSERT INTO corrections (document_id, paragraph, kind, depth, text, text_hash, user,"   \
	  " at) SELECT ?1, ?2, ?3, ?4, ?5, text_hash, ?6, " NOW " FROM paragraphs"                 \
	  " WHERE document_id = ?1 AND number = ?2"                                                \
	  " ON CONFLICT (document_id, paragraph) DO UPDATE SET kind = excluded.kind,"              \
	  " depth = excluded.depth, text = excluded.text, user = excluded.user, at = excluded.at") \
	X(CORRECTION_DELETE, "DELETE FROM corrections WHERE document_id = ?1 AND paragraph = ?2")  \
	/* Puts paragraph ?2 of speech ?1 into the heading index, or takes it                      \
	 * out, as its tier says (PARAGRAPH_HEADING); the index's docsize table                    \
	 * has a row for each paragraph it holds. */                                               \
	X(HEADING_FOLLOW,                                                                          \
	  "INSERT INTO heading_search (heading_search, rowid, text)"                               \
	  " SELECT iif(indexed, 'delete', NULL), id, text FROM (SELECT p.id, p.text,"              \
	  " p.id IN (SELECT id FROM heading_search_docsize) AS indexed,"                           \
	  " " PARAGRAPH_HEADING("p") " AS heading FROM paragraphs p"                               \
	  " WHERE p.document_id = ?1 AND p.number = ?2) WHERE indexed <> heading")                 \
	/* Takes speech ?1's title out of the title index, or puts it in, with                     \
	 * the text in force (SHOWN_TEXT): around each change of its                               \
	 * correction (schema v12). */                                                             \
	X(TITLE_FOLLOW_OUT, "INSERT INTO title_search (title_search, rowid, text)"                 \
			    " SELECT 'delete', p.id, " SHOWN_TEXT("p") " FROM paragraphs p"        \
			    " WHERE p.document_id = ?1 AND p.number = 0 AND p.role = 'title'")     \
	X(TITLE_FOLLOW_IN, "INSERT INTO title_search (rowid, text)"                                \
			   " SELECT p.id, " SHOWN_TEXT("p") " FROM paragraphs p"                   \
			   " WHERE p.document_id = ?1 AND p.number = 0 AND p.role = 'title'")      \
	X(CORRECTION_GET, "SELECT kind, depth, text FROM corrections"                              \
			  " WHERE document_id = ?1 AND paragraph = ?2")                            \
	X(ACTION_CORRECTS, "SELECT 1 FROM events WHERE action_id = ?1"                             \
			   " AND kind IN ('correction', 'title') LIMIT 1")                         \
	X(CORRECTIONS_OF, "SELECT paragraph, kind, depth, text FROM corrections"                   \
			  " WHERE document_id = ?1 ORDER BY paragraph")                            \
	/* documents.title follows the title correction, else paragraph 0, and                     \
	 * its sort key follows the title (schema v7) */                                           \
	X(DOCUMENT_TITLE_SET,                                                                      \
	  "UPDATE documents SET (title, title_key) = (SELECT t, pinyin_key(t) FROM"                \
	  " (SELECT coalesce(?2, (SELECT text FROM paragraphs"                                     \
	  " WHERE document_id = ?1 AND number = 0)) AS t)) WHERE id = ?1")                         \
	X(REATTACH_ACTIONS, "UPDATE actions SET document_id = ?2 WHERE document_id = ?1")          \
	/* reading state */                                                                        \
	X(POSITION_GET, "SELECT position FROM documents WHERE id = ?1")                            \
	X(POSITION_SET, "UPDATE documents SET position = ?2 WHERE id = ?1")                        \
	X(FOLDS_GET, "SELECT paragraph FROM folds WHERE document_id = ?1 ORDER BY paragraph")      \
	X(FOLD_ADD, "INSERT OR IGNORE INTO folds (document_id, paragraph) VALUES (?1, ?2)")        \
	X(FOLD_REMOVE, "DELETE FROM folds WHERE document_id = ?1 AND paragraph = ?2")              \
	/* the event log */                                                                        \
	X(ACTION_INSERT,                                                                           \
	  "INSERT INTO actions (kind, target, state, document_id, user, at, description)"          \
	  " VALUES (?1, ?2, ?3, ?4, ?5, " NOW ", ?6)")                                             \
	X(ACTION_DELETE, "DELETE FROM actions WHERE id = ?1")                                      \
	X(ACTION_SET_STATE, "UPDATE actions SET state = ?2 WHERE id = ?1")                         \
	X(ACTIONS_DISCARD_UNDONE, "UPDATE actions SET state = 'discarded' WHERE state = 'undone'"  \
				  " AND (?1 = 0 OR document_id = ?1 OR document_id IS NULL)")      \
	X(ACTIONS_DISCARD_THEME,                                                                   \
	  "UPDATE actions SET state = 'discarded' WHERE state IN ('applied', 'undone')"            \
	  " AND id IN (SELECT action_id FROM events WHERE theme_id = ?1)")                         \
	X(ACTION_LATEST_APPLIED,                                                                   \
	  "SELECT " ACTION_COLUMNS " FROM actions WHERE state = 'applied'"                         \
	  " AND (?1 = 0 OR document_id = ?1) AND (document_id IS NULL OR " NOT_REMOVED(            \
	      "document_id") ") ORDER BY id DESC LIMIT 1")                                         \
	X(ACTION_EARLIEST_UNDONE,                                                                  \
	  "SELECT " ACTION_COLUMNS " FROM actions WHERE state = 'undone'"                          \
	  " AND (?1 = 0 OR document_id = ?1) AND (document_id IS NULL OR " NOT_REMOVED(            \
	      "document_id") ") ORDER BY id LIMIT 1")                                              \
	X(HISTORY,                                                                                 \
	  "SELECT " ACTION_COLUMNS " FROM actions WHERE ?1 = 0 OR document_id = ?1 ORDER BY id")   \
	X(EVENT_INSERT,                                                                            \
	  "INSERT INTO events (action_id, kind, document_id, paragraph, theme_id, theme_name,"     \
	  " old_text, new_text) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")                          \
	/* tags and notes */                                                                       \
	X(TAG_INSERT,                                                                              \
	  "INSERT OR IGNORE INTO tags (document_id, paragraph, theme_id, text_hash, created_at)"   \
	  " SELECT ?1, ?2, ?3, text_hash, " NOW " FROM paragraphs"                                 \
	  " WHERE document_id = ?1 AND number = ?2")                                               \
	X(TAG_DELETE,                                                                              \
	  "DELETE FROM tags WHERE document_id = ?1 AND paragraph = ?2 AND theme_id = ?3")          \
	X(TAG_EXISTS,                                                                              \
	  "SELECT 1 FROM tags WHERE document_id = ?1 AND paragraph = ?2 AND theme_id = ?3")        \
	X(TAGS_OF,                                                                                 \
	  "SELECT t.paragraph, t.theme_id, h.name FROM tags t JOIN themes h ON h.id = t.theme_id"  \
	  " WHERE t.document_id = ?1 ORDER BY t.paragraph, h.key IS NULL, h.key, h.name")          \
	X(TAG_COUNTS, "SELECT t.document_id, t.theme_id, count(*) FROM tags t"                     \
		      " JOIN documents d ON d.id = t.document_id WHERE d.replaced_by IS NULL"      \
		      " AND d.removed_at IS NULL"                                                  \
		      " GROUP BY t.document_id, t.theme_id ORDER BY 1, 2")                         \
	X(NOTE_UPSERT, "INSERT INTO notes (document_id, paragraph, text, text_hash, updated_at)"   \
		       " SELECT ?1, ?2, ?3, text_hash, " NOW " FROM paragraphs"                    \
		       " WHERE document_id = ?1 AND number = ?2"                                   \
		       " ON CONFLICT (document_id, paragraph) DO UPDATE SET text = excluded.text," \
		       " updated_at = excluded.updated_at")                                        \
	X(NOTE_DELETE, "DELETE FROM notes WHERE document_id = ?1 AND paragraph = ?2")              \
	X(NOTE_GET, "SELECT text FROM notes WHERE document_id = ?1 AND paragraph = ?2")            \
	X(NOTES_OF, "SELECT paragraph, text FROM notes WHERE document_id = ?1 ORDER BY paragraph") \
	X(PARAGRAPH_COUNT,                                                                         \
	  "SELECT paragraph_count FROM documents WHERE id = ?1 AND removed_at IS NULL")            \
	X(ORPHANS,                                                                                 \
	  "SELECT * FROM (SELECT t.document_id AS document_id, t.paragraph AS paragraph,"          \
	  " h.name AS theme, NULL, p.text, NULL FROM tags t"                                       \
	  " JOIN documents d ON d.id = t.document_id JOIN themes h ON h.id = t.theme_id"           \
	  " JOIN paragraphs p ON p.document_id = t.document_id AND p.number = t.paragraph"         \
	  " WHERE d.replaced_by IS NOT NULL AND d.removed_at IS NULL"                              \
	  " UNION ALL SELECT n.document_id, n.paragraph, NULL, n.text, p.text, NULL FROM notes n"  \
	  " JOIN documents d ON d.id = n.document_id"                                              \
	  " JOIN paragraphs p ON p.document_id = n.document_id AND p.number = n.paragraph"         \
	  " WHERE d.replaced_by IS NOT NULL AND d.removed_at IS NULL"                              \
	  " UNION ALL SELECT c.document_id, c.paragraph, NULL, NULL, p.text,"                      \
	  " c.kind || iif(c.kind = 'heading', ' ' || c.depth, '') FROM corrections c"              \
	  " JOIN documents d ON d.id = c.document_id"                                              \
	  " JOIN paragraphs p ON p.document_id = c.document_id AND p.number = c.paragraph"         \
	  " WHERE d.replaced_by IS NOT NULL AND d.removed_at IS NULL)"                             \
	  " ORDER BY document_id, paragraph, theme IS NULL, theme")                                \
	/* themes */                                                                               \
	X(THEMES_LIST,                                                                             \
	  "SELECT " THEME_COLUMNS " FROM themes h ORDER BY h.key IS NULL, h.key, h.name")          \
	X(THEME_GET, "SELECT " THEME_COLUMNS " FROM themes h WHERE h.id = ?1")                     \
	X(THEME_NAME, "SELECT name FROM themes WHERE id = ?1")                                     \
	X(THEME_BY_NAME, "SELECT id FROM themes WHERE name = ?1")                                  \
	X(THEME_BY_KEY, "SELECT id FROM themes WHERE key = ?1")                                    \
	X(THEME_INSERT, "INSERT INTO themes (name, key, color, keywords) VALUES (?1, ?2, ?3, ?4)") \
	X(THEME_UPDATE,                                                                            \
	  "UPDATE themes SET name = ?2, key = ?3, color = ?4, keywords = ?5 WHERE id = ?1")        \
	X(THEME_DELETE, "DELETE FROM themes WHERE id = ?1")                                        \
	X(THEME_TAGS_DELETE, "DELETE FROM tags WHERE theme_id = ?1")                               \
	X(SEED_GET, "SELECT theme_id, definition_hash FROM theme_seeds WHERE name = ?1")           \
	/* search */                                                                               \
	/* Each tier (search.h) in the order of its index's rowids, the                            \
	 * paragraphs' ids, newest first: FTS5 yields them in that order, so                       \
	 * a page stops stepping once it is full instead of ranking every                          \
	 * hit, and search.c ranks each window of hits itself. The columns:                        \
	 * rank, rowid, date, speech, paragraph, then text and title. The                          \
	 * places alone are read from the covering index paragraphs_place; the                     \
	 * texts only when the words must be checked against them or every                         \
	 * hit is printed. */                                                                      \
	X(SEARCH_TITLE_PLACES, SEARCH_TIER_PLACES("title_search", ""))                             \
	X(SEARCH_TITLE_TEXTS, SEARCH_TIER_TEXTS("title_search", ""))                               \
	X(SEARCH_HEADING_PLACES, SEARCH_TIER_PLACES("heading_search", ""))                         \
	X(SEARCH_HEADING_TEXTS, SEARCH_TIER_TEXTS("heading_search", ""))                           \
	X(SEARCH_BODY_PLACES, SEARCH_TIER_PLACES("paragraph_search", " AND " BODY_TIER("p")))      \
	X(SEARCH_BODY_TEXTS, SEARCH_TIER_TEXTS("paragraph_search", " AND " BODY_TIER("p")))        \
	/* The body index holds every paragraph as parsed; the titles are                          \
	 * counted from their own index, which holds them as corrected. */                         \
	X(SEARCH_INDEX_COUNT,                                                                      \
	  "SELECT (SELECT count(*) FROM paragraph_search s"                                        \
	  " JOIN paragraphs p INDEXED BY paragraphs_place ON p.id = s.rowid"                       \
	  " JOIN documents d ON d.id = p.document_id"                                              \
	  " WHERE paragraph_search MATCH ?1 AND p.role <> 'title' AND " SEARCH_FILTERS ")"         \
	  " + (SELECT count(*) FROM title_search s"                                                \
	  " JOIN paragraphs p INDEXED BY paragraphs_place ON p.id = s.rowid"                       \
	  " JOIN documents d ON d.id = p.document_id"                                              \
	  " WHERE title_search MATCH ?1 AND " SEARCH_FILTERS ")")                                  \
	/* A scan, one tier (?5: SEARCH_TIER; NULL for all) at a time,                             \
	 * newest first; the tier is told first, so a tier reads no other                          \
	 * text. */                                                                                \
	X(SEARCH_SCAN,                                                                             \
	  "SELECT 0, " SEARCH_COLUMNS " FROM paragraphs p"                                         \
	  " JOIN documents d ON d.id = p.document_id"                                              \
	  " WHERE " SEARCH_TIER " AND instr(lower(" SHOWN_TEXT("p") "), lower(?1)) > 0"            \
	  " AND " SEARCH_FILTERS " ORDER BY p.id DESC")                                            \
	/* The same for a word without ASCII letters, which lower() cannot                         \
	 * change: no lowered copy of every paragraph. */                                          \
	X(SEARCH_SCAN_EXACT, "SELECT 0, " SEARCH_COLUMNS " FROM paragraphs p"                      \
			     " JOIN documents d ON d.id = p.document_id"                           \
			     " WHERE " SEARCH_TIER " AND instr(" SHOWN_TEXT("p") ", ?1) > 0"       \
			     " AND " SEARCH_FILTERS " ORDER BY p.id DESC")                         \
	/* A hit of a page, once the page is known. */                                             \
	X(SEARCH_ROW, "SELECT " SHOWN_TEXT("p") ", d.title FROM paragraphs p"                      \
		      " JOIN documents d ON d.id = p.document_id WHERE p.id = ?1")                 \
	/* export and stats (excerpt.h) */                                                         \
	X(EXCERPTS, EXCERPT_CTE                                                                    \
	  " SELECT e.speech, e.document_id, e.paragraph, d.title, d.date, d.speaker,"              \
	  " d.occasion, d.source, p.text, n.text FROM excerpt e"                                   \
	  " JOIN documents d ON d.id = e.document_id"                                              \
	  " JOIN paragraphs p ON p.document_id = e.document_id AND p.number = e.paragraph"         \
	  " LEFT JOIN notes n ON n.document_id = e.document_id"                                    \
	  " AND n.paragraph = e.paragraph" EXCERPT_ORDER)                                          \
	X(EXCERPT_THEMES, EXCERPT_CTE                                                              \
	  " SELECT e.document_id, e.paragraph, h.id, h.name, h.color FROM excerpt e"               \
	  " JOIN tags t ON t.document_id = e.document_id AND t.paragraph = e.paragraph"            \
	  " JOIN themes h ON h.id = t.theme_id WHERE " CHOSEN_TAG EXCERPT_ORDER                    \
	  ", h.key IS NULL, h.key, h.name")                                                        \
	/* Each excerpt's section path: from the section it is in, up the parent                   \
	 * links to depth 1; only to a parent before its child, so a parent                        \
	 * cycle in a damaged library ends the walk. A heading's label is the                      \
	 * first label_length bytes of its text. */                                                \
	X(EXCERPT_SECTIONS, EXCERPT_CTE                                                            \
	  ", path(speech, document_id, paragraph, entry) AS ("                                     \
	  " SELECT e.speech, e.document_id, e.paragraph, p.section FROM excerpt e"                 \
	  " JOIN paragraphs p ON p.document_id = e.document_id AND p.number = e.paragraph"         \
	  " UNION ALL SELECT path.speech, path.document_id, path.paragraph, o.parent"              \
	  " FROM path JOIN outline o ON o.document_id = path.document_id"                          \
	  " AND o.entry = path.entry WHERE o.parent < o.entry)"                                    \
	  " SELECT e.document_id, e.paragraph, h.text, h.label_length FROM path e"                 \
	  " JOIN outline o ON o.document_id = e.document_id AND o.entry = e.entry"                 \
	  " JOIN paragraphs h ON h.document_id = o.document_id AND h.number = o.paragraph"         \
	  " WHERE o.depth > 0" EXCERPT_ORDER ", o.depth")                                          \
	X(MATRIX, CHOSEN_SPEECHES                                                                  \
	  " SELECT p.document_id, p.number, t.theme_id FROM chosen c"                              \
	  " JOIN paragraphs p ON p.document_id = c.id"                                             \
	  " LEFT JOIN tags t ON t.document_id = p.document_id"                                     \
	  " AND t.paragraph = p.number AND " CHOSEN_TAG " WHERE c.id = c.speech AND p.number > 0"  \
	  " AND (" PARAGRAPH_HIDDEN("p.document_id", "p.number") " = 0 OR t.theme_id IS NOT NULL)" \
	  " ORDER BY p.document_id, p.number")                                                     \
	X(STATS_TOTALS, CHOSEN_SPEECHES " SELECT count(*), coalesce(sum(d.paragraph_count - "      \
					HIDDEN_COUNT("d.id") "), 0)"                               \
					" FROM chosen c JOIN documents d ON d.id = c.id"           \
					" WHERE c.id = c.speech")                                  \
	X(STATS_THEMES, CHOSEN_SPEECHES                                                            \
	  " SELECT h.id, h.name, h.color, count(s.document_id),"                                   \
	  " count(DISTINCT s.document_id) FROM themes h LEFT JOIN"                                 \
	  " (SELECT t.theme_id, t.document_id FROM tags t"                                         \
	  "  JOIN chosen c ON c.id = t.document_id AND c.id = c.speech) s"                         \
	  " ON s.theme_id = h.id GROUP BY h.id ORDER BY h.key IS NULL, h.key, h.name")             \
	X(STATS_SPEECHES,                                                                          \
	  CHOSEN_SPEECHES " SELECT d.id, d.title, d.paragraph_count - " HIDDEN_COUNT("d.id") ","   \
			  " t.theme_id, count(*),"                                                 \
			  " (SELECT count(DISTINCT u.paragraph) FROM tags u"                       \
			  "  WHERE u.document_id = d.id AND u.paragraph > 0)"                      \
			  " FROM chosen c JOIN documents d ON d.id = c.id AND c.id = c.speech"     \
			  " JOIN tags t ON t.document_id = d.id AND t.paragraph > 0"               \
			  " GROUP BY d.id, t.theme_id ORDER BY d.id")                              \
	X(STATS_PAIRS,                                                                             \
	  CHOSEN_SPEECHES " SELECT a.theme_id, b.theme_id, count(*) FROM tags a"                   \
			  " JOIN chosen c ON c.id = a.document_id AND c.id = c.speech"             \
			  " JOIN tags b ON b.document_id = a.document_id"                          \
			  " AND b.paragraph = a.paragraph AND b.theme_id > a.theme_id"             \
			  " GROUP BY a.theme_id, b.theme_id")                                      \
	/* where a paragraph is: its section's headings, outermost first (up                       \
	 * parents before their children only: a damaged cycle ends) */                            \
	X(SECTION_PATH,                                                                            \
	  "WITH RECURSIVE chain(entry, step) AS ("                                                 \
	  " SELECT section, 0 FROM paragraphs WHERE document_id = ?1 AND number = ?2"              \
	  " UNION ALL SELECT o.parent, c.step + 1 FROM chain c JOIN outline o"                     \
	  " ON o.document_id = ?1 AND o.entry = c.entry WHERE o.parent < o.entry)"                 \
	  " SELECT CAST(substr(CAST(p.text AS BLOB), 1, p.label_length) AS TEXT) FROM chain c"     \
	  " JOIN outline o ON o.document_id = ?1 AND o.entry = c.entry"                            \
	  " JOIN paragraphs p ON p.document_id = ?1 AND p.number = o.paragraph"                    \
	  " WHERE o.depth > 0 ORDER BY c.step DESC")                                               \
	/* removal */                                                                              \
	X(ANNOTATION_COUNTS,                                                                       \
	  VERSIONS_OF "SELECT (SELECT count(*) FROM tags WHERE document_id IN versions),"          \
		      " (SELECT count(*) FROM notes WHERE document_id IN versions),"               \
		      " (SELECT count(*) FROM corrections WHERE document_id IN versions)")         \
	X(DOCUMENT_REMOVE, VERSIONS_OF "UPDATE documents SET removed_at = " NOW ","                \
				       " removed_by = ?2 WHERE id IN versions"                     \
				       " AND removed_at IS NULL")                                  \
	X(DOCUMENT_RESTORE, VERSIONS_OF "UPDATE documents SET removed_at = NULL,"                  \
					" removed_by = NULL WHERE id IN versions"                  \
					" AND removed_at IS NOT NULL")                             \
	X(RECOVERY_PARAGRAPHS,                                                                     \
	  VERSIONS_OF "SELECT a.document_id, a.paragraph, p.text, n.text,"                         \
		      " c.kind || iif(c.kind = 'heading', ' ' || c.depth, ''), c.text FROM"        \
		      " (SELECT document_id, paragraph FROM tags WHERE document_id IN versions"    \
		      "  UNION SELECT document_id, paragraph FROM notes"                           \
		      "  WHERE document_id IN versions"                                            \
		      "  UNION SELECT document_id, paragraph FROM corrections"                     \
		      "  WHERE document_id IN versions) a"                                         \
		      " JOIN paragraphs p ON p.document_id = a.document_id"                        \
		      " AND p.number = a.paragraph LEFT JOIN notes n"                              \
		      " ON n.document_id = a.document_id AND n.paragraph = a.paragraph"            \
		      " LEFT JOIN corrections c"                                                   \
		      " ON c.document_id = a.document_id AND c.paragraph = a.paragraph"            \
		      " ORDER BY a.document_id DESC, a.paragraph")                                 \
	X(PARAGRAPH_THEMES,                                                                        \
	  "SELECT h.name FROM tags t JOIN themes h ON h.id = t.theme_id"                           \
	  " WHERE t.document_id = ?1 AND t.paragraph = ?2 ORDER BY h.key IS NULL, h.key, h.name")  \
	X(REMOVERS, "SELECT DISTINCT removed_by FROM documents WHERE removed_at IS NOT NULL")      \
	X(PURGE_TAGS, "DELETE FROM tags WHERE document_id IN " REMOVED_BY)                         \
	X(PURGE_NOTES, "DELETE FROM notes WHERE document_id IN " REMOVED_BY)                       \
	/* The corrected paragraphs back in the heading index as parsed                            \
	 * before their corrections go: the paragraphs' delete trigger takes                       \
	 * out the parsed headings (schema v8). */                                                 \
	X(PURGE_HEADINGS,                                                                          \
	  "INSERT INTO heading_search (heading_search, rowid, text)"                               \
	  " SELECT iif(p.role = 'heading', NULL, 'delete'), p.id, p.text FROM corrections k"       \
	  " JOIN paragraphs p ON p.document_id = k.document_id AND p.number = k.paragraph"         \
	  " WHERE k.document_id IN " REMOVED_BY " AND (p.role = 'heading')"                        \
	  " <> (p.id IN (SELECT id FROM heading_search_docsize))")                                 \
	/* The corrected titles back in the title index as parsed, for the                         \
	 * same trigger (schema v12). */                                                           \
	X(PURGE_TITLES,                                                                            \
	  "INSERT INTO title_search (title_search, rowid, text)"                                   \
	  " SELECT 'delete', p.id, coalesce(k.text, p.text) " REMOVED_TITLES                       \
	  " UNION ALL SELECT NULL, p.id, p.text " REMOVED_TITLES)                                  \
	X(PURGE_CORRECTIONS, "DELETE FROM corrections WHERE document_id IN " REMOVED_BY)           \
	X(PURGE_EVENTS, "DELETE FROM events WHERE document_id IN " REMOVED_BY)                     \
	/* Undo and redo records carry their change's document. */                                 \
	X(PURGE_ACTIONS, "DELETE FROM actions WHERE document_id IN " REMOVED_BY)                   \
	/* All versions in one statement: they refer to each other. Paragraphs,                    \
	 * the outline and folds follow by ON DELETE CASCADE. */                                   \
	X(PURGE_DOCUMENTS,                                                                         \
	  "DELETE FROM documents WHERE removed_at IS NOT NULL AND removed_by IS ?1")               \
	/* the library view; ids grow with each import, so they give import order */               \
	/* Without a filter the smallest index counts; with one, the index  \
	 * that holds the fields (the planner would pick the smallest and   \
	 * read every row). */                                               \
	X(LIBRARY_COUNT, "SELECT count(*)" LIBRARY_FROM)                                           \
	X(LIBRARY_COUNT_FILTERED,                                                                  \
	  "SELECT count(*) FROM documents d INDEXED BY documents_library_filter" LIBRARY_WHERE)    \
	X(LIBRARY_BY_TITLE, LIBRARY_PAGE("d.title_key, d.id"))                                     \
	X(LIBRARY_BY_TITLE_REVERSE, LIBRARY_PAGE("d.title_key DESC, d.id DESC"))                   \
	X(LIBRARY_BY_DATE, LIBRARY_PAGE("d.date DESC, d.id DESC")) /* NULL sorts last */           \
	X(LIBRARY_BY_DATE_REVERSE, LIBRARY_PAGE("d.date IS NULL, d.date, d.id"))                   \
	X(LIBRARY_BY_IMPORTED, LIBRARY_PAGE("d.id DESC"))                                          \
	X(LIBRARY_BY_IMPORTED_REVERSE, LIBRARY_PAGE("d.id"))                                       \
	X(LIBRARY_BY_TAGS, LIBRARY_PAGE("d.tag_count DESC, d.id DESC"))                            \
	X(LIBRARY_BY_TAGS_REVERSE, LIBRARY_PAGE("d.tag_count, d.id"))                              \
	X(LIBRARY_TALLIES,                                                                         \
	  "SELECT t.theme_id, count(*) FROM tags t JOIN themes h ON h.id = t.theme_id"             \
	  " WHERE t.document_id = ?1 GROUP BY t.theme_id ORDER BY h.key IS NULL, h.key, h.name")   \
	X(SEED_PUT, "INSERT OR REPLACE INTO theme_seeds (name, theme_id, definition_hash)"         \
		    " VALUES (?1, ?2, ?3)")

enum statement {
#define STATEMENT_ENUM(name, sql) STATEMENT_##name,
	STORE_STATEMENTS(STATEMENT_ENUM)
#undef STATEMENT_ENUM
	    STATEMENT_COUNT
};

#endif
