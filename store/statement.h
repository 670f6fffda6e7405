/* statement.h — every SQL statement the store runs more than once, by
 * name. Each is prepared on first use and kept for the connection's life;
 * values are always bound (?1, ?2 …), never pasted into the text. */
#ifndef PIZHU_STORE_STATEMENT_H
#define PIZHU_STORE_STATEMENT_H

#define DOCUMENT_COLUMNS                                                                           \
	"id, title, encoding, source_path, content_hash, imported_at, previous_id, replaced_by,"   \
	" paragraph_count, date, speaker, occasion, source"

#define NOW "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"

#define STORE_STATEMENTS(X)                                                                        \
	/* documents */                                                                            \
	X(DOCUMENT_BY_HASH,                                                                        \
	  "SELECT id FROM documents WHERE content_hash = ?1 ORDER BY id LIMIT 1")                  \
	X(DOCUMENT_CURRENT_BY_PATH,                                                                \
	  "SELECT id FROM documents WHERE source_path = ?1 AND replaced_by IS NULL")               \
	X(DOCUMENT_INSERT,                                                                         \
	  "INSERT INTO documents (title, encoding, content_hash, front_matter, title_found,"       \
	  " replaced_bytes, paragraph_count, previous_id, imported_at)"                            \
	  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, " NOW ")")                                     \
	X(DOCUMENT_REPLACE, "UPDATE documents SET replaced_by = ?2 WHERE id = ?1")                 \
	X(DOCUMENT_SET_PATH, "UPDATE documents SET source_path = ?2 WHERE id = ?1")                \
	X(DOCUMENT_CARRY_OVER,                                                                     \
	  "UPDATE documents SET (date, speaker, occasion, source, position) ="                     \
	  " (SELECT date, speaker, occasion, source, min(position, ?3) FROM documents"             \
	  "  WHERE id = ?2) WHERE id = ?1")                                                        \
	X(DOCUMENT_GET, "SELECT " DOCUMENT_COLUMNS " FROM documents WHERE id = ?1")                \
	X(DOCUMENT_MODEL, "SELECT encoding, front_matter, title_found, replaced_bytes FROM "       \
			  "documents WHERE id = ?1")                                               \
	X(DOCUMENTS_CURRENT,                                                                       \
	  "SELECT " DOCUMENT_COLUMNS " FROM documents WHERE replaced_by IS NULL ORDER BY id")      \
	X(PARAGRAPH_INSERT,                                                                        \
	  "INSERT INTO paragraphs (document_id, number, role, rank, depth, label_length, section," \
	  " text, text_hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")                         \
	X(PARAGRAPHS_OF,                                                                           \
	  "SELECT number, role, rank, depth, label_length, section, text FROM paragraphs"          \
	  " WHERE document_id = ?1 ORDER BY number")                                               \
	X(PARAGRAPH_TEXT,                                                                          \
	  "SELECT text, text_hash FROM paragraphs WHERE document_id = ?1 AND number = ?2")         \
	X(OUTLINE_INSERT,                                                                          \
	  "INSERT INTO outline (document_id, entry, paragraph, depth, parent, end_paragraph)"      \
	  " VALUES (?1, ?2, ?3, ?4, ?5, ?6)")                                                      \
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
			   " WHERE document_id = ?1 AND paragraph = ?2")                           \
	X(REATTACH_ACTIONS, "UPDATE actions SET document_id = ?2 WHERE document_id = ?1")          \
	/* reading state */                                                                        \
	X(POSITION_GET, "SELECT position FROM documents WHERE id = ?1")                            \
	X(POSITION_SET, "UPDATE documents SET position = ?2 WHERE id = ?1")                        \
	X(FOLDS_GET, "SELECT paragraph FROM folds WHERE document_id = ?1 ORDER BY paragraph")      \
	X(FOLD_ADD, "INSERT OR IGNORE INTO folds (document_id, paragraph) VALUES (?1, ?2)")        \
	X(FOLD_REMOVE, "DELETE FROM folds WHERE document_id = ?1 AND paragraph = ?2")

enum statement {
#define STATEMENT_ENUM(name, sql) STATEMENT_##name,
	STORE_STATEMENTS(STATEMENT_ENUM)
#undef STATEMENT_ENUM
	    STATEMENT_COUNT
};

#endif
