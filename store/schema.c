#include "store/schema.h"
#include "base/i18n.h"

#include <stdio.h>

/* Each entry is one migration; see docs/schema.md for what every table
 * and column means. */
static const char *const migrations[] = {
    /* 1: the first schema. */
    "CREATE TABLE documents ("
    "  id INTEGER PRIMARY KEY,"
    "  title TEXT NOT NULL,"
    "  encoding TEXT NOT NULL,"
    "  source_path TEXT,"
    "  content_hash TEXT NOT NULL,"
    "  front_matter TEXT NOT NULL DEFAULT '',"
    "  title_found INTEGER NOT NULL DEFAULT 1,"
    "  replaced_bytes INTEGER NOT NULL DEFAULT 0,"
    "  paragraph_count INTEGER NOT NULL,"
    "  imported_at TEXT NOT NULL,"
    "  previous_id INTEGER REFERENCES documents(id),"
    "  replaced_by INTEGER REFERENCES documents(id),"
    "  date TEXT, speaker TEXT, occasion TEXT, source TEXT,"
    "  position INTEGER NOT NULL DEFAULT 0"
    ");"
    "CREATE INDEX documents_content_hash ON documents(content_hash);"
    "CREATE UNIQUE INDEX documents_current_path ON documents(source_path)"
    "  WHERE replaced_by IS NULL AND source_path IS NOT NULL;"
    "CREATE TABLE paragraphs ("
    "  id INTEGER PRIMARY KEY,"
    "  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
    "  number INTEGER NOT NULL,"
    "  role TEXT NOT NULL CHECK (role IN ('title', 'heading', 'body')),"
    "  rank INTEGER NOT NULL,"
    "  depth INTEGER NOT NULL,"
    "  label_length INTEGER NOT NULL,"
    "  section INTEGER NOT NULL,"
    "  text TEXT NOT NULL,"
    "  text_hash INTEGER NOT NULL,"
    "  UNIQUE (document_id, number)"
    ");"
    "CREATE INDEX paragraphs_text_hash ON paragraphs(document_id, text_hash);"
    "CREATE TABLE outline ("
    "  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
    "  entry INTEGER NOT NULL,"
    "  paragraph INTEGER NOT NULL,"
    "  depth INTEGER NOT NULL,"
    "  parent INTEGER,"
    "  end_paragraph INTEGER NOT NULL,"
    "  PRIMARY KEY (document_id, entry)"
    ") WITHOUT ROWID;"
    "CREATE TABLE folds ("
    "  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
    "  paragraph INTEGER NOT NULL,"
    "  PRIMARY KEY (document_id, paragraph)"
    ") WITHOUT ROWID;"
    "CREATE TABLE themes ("
    "  id INTEGER PRIMARY KEY,"
    "  name TEXT NOT NULL UNIQUE,"
    "  key INTEGER UNIQUE CHECK (key BETWEEN 1 AND 9),"
    "  color TEXT NOT NULL DEFAULT '',"
    "  keywords TEXT NOT NULL DEFAULT ''"
    ");"
    "CREATE TABLE theme_seeds ("
    "  name TEXT PRIMARY KEY,"
    "  theme_id INTEGER REFERENCES themes(id) ON DELETE SET NULL,"
    "  definition_hash INTEGER NOT NULL"
    ");"
    "CREATE TABLE tags ("
    "  document_id INTEGER NOT NULL,"
    "  paragraph INTEGER NOT NULL,"
    "  theme_id INTEGER NOT NULL REFERENCES themes(id),"
    "  text_hash INTEGER NOT NULL,"
    "  created_at TEXT NOT NULL,"
    "  PRIMARY KEY (document_id, paragraph, theme_id),"
    "  FOREIGN KEY (document_id, paragraph) REFERENCES paragraphs(document_id, number)"
    ") WITHOUT ROWID;"
    "CREATE INDEX tags_theme ON tags(theme_id);"
    "CREATE TABLE notes ("
    "  document_id INTEGER NOT NULL,"
    "  paragraph INTEGER NOT NULL,"
    "  text TEXT NOT NULL,"
    "  text_hash INTEGER NOT NULL,"
    "  updated_at TEXT NOT NULL,"
    "  PRIMARY KEY (document_id, paragraph),"
    "  FOREIGN KEY (document_id, paragraph) REFERENCES paragraphs(document_id, number)"
    ") WITHOUT ROWID;"
    "CREATE TABLE actions ("
    "  id INTEGER PRIMARY KEY,"
    "  kind TEXT NOT NULL CHECK (kind IN ('change', 'undo', 'redo', 'theme')),"
    "  target INTEGER REFERENCES actions(id),"
    "  state TEXT CHECK (state IN ('applied', 'undone', 'discarded')),"
    "  document_id INTEGER REFERENCES documents(id),"
    "  user TEXT NOT NULL,"
    "  at TEXT NOT NULL,"
    "  description TEXT NOT NULL"
    ");"
    "CREATE INDEX actions_state ON actions(state, document_id);"
    "CREATE TABLE events ("
    "  id INTEGER PRIMARY KEY,"
    "  action_id INTEGER NOT NULL REFERENCES actions(id),"
    "  kind TEXT NOT NULL CHECK (kind IN ('tag_add', 'tag_remove', 'note_set')),"
    "  document_id INTEGER NOT NULL,"
    "  paragraph INTEGER NOT NULL,"
    "  theme_id INTEGER,"
    "  theme_name TEXT,"
    "  old_text TEXT,"
    "  new_text TEXT"
    ");"
    "CREATE INDEX events_action ON events(action_id);"
    "CREATE INDEX events_paragraph ON events(document_id, paragraph);"
    "CREATE INDEX events_theme ON events(theme_id);"
    "CREATE VIRTUAL TABLE paragraph_search USING fts5("
    "  text, content='paragraphs', content_rowid='id', tokenize='pizhu');"
    "CREATE TRIGGER paragraphs_search_insert AFTER INSERT ON paragraphs BEGIN"
    "  INSERT INTO paragraph_search(rowid, text) VALUES (new.id, new.text);"
    "END;"
    "CREATE TRIGGER paragraphs_search_delete AFTER DELETE ON paragraphs BEGIN"
    "  INSERT INTO paragraph_search(paragraph_search, rowid, text)"
    "  VALUES ('delete', old.id, old.text);"
    "END;",
    /* 2: the library: which metadata the user set, removal that can be
     * undone until pizhu exits, and indexes for the library view. */
    "ALTER TABLE documents ADD COLUMN metadata_set INTEGER NOT NULL DEFAULT 0;"
    "ALTER TABLE documents ADD COLUMN removed_at TEXT;"
    "ALTER TABLE documents ADD COLUMN removed_by INTEGER;"
    "CREATE INDEX documents_removed ON documents(removed_at) WHERE removed_at IS NOT NULL;"
    "CREATE INDEX documents_library_title ON documents(title, id)"
    "  WHERE replaced_by IS NULL AND removed_at IS NULL;"
    "CREATE INDEX documents_library_date ON documents(date, id)"
    "  WHERE replaced_by IS NULL AND removed_at IS NULL;",
    /* 3: import indexes each paragraph itself. The trigger made every
     * paragraph INSERT a statement with a statement journal, and FTS5
     * writes its pending terms out as a new segment at every such
     * savepoint: one segment per paragraph, merged over and over, which
     * was most of an import's time. */
    "DROP TRIGGER paragraphs_search_insert;",
    /* 4: the user's corrections of the structure the parser found, as a
     * layer over it (docs/schema.md), their events in the log, and the
     * back matter the parser hides after a speech. The events table is
     * made again because its CHECK names the event kinds. */
    "CREATE TABLE corrections ("
    "  document_id INTEGER NOT NULL,"
    "  paragraph INTEGER NOT NULL,"
    "  kind TEXT NOT NULL CHECK (kind IN ('title', 'heading', 'body', 'front', 'back')),"
    "  depth INTEGER NOT NULL DEFAULT 0,"
    "  text TEXT,"
    "  text_hash INTEGER NOT NULL,"
    "  user TEXT NOT NULL,"
    "  at TEXT NOT NULL,"
    "  PRIMARY KEY (document_id, paragraph),"
    "  FOREIGN KEY (document_id, paragraph) REFERENCES paragraphs(document_id, number)"
    ") WITHOUT ROWID;"
    "ALTER TABLE documents ADD COLUMN back_matter TEXT NOT NULL DEFAULT '';"
    "CREATE TABLE events_new ("
    "  id INTEGER PRIMARY KEY,"
    "  action_id INTEGER NOT NULL REFERENCES actions(id),"
    "  kind TEXT NOT NULL CHECK (kind IN ('tag_add', 'tag_remove', 'note_set',"
    "    'correction', 'title')),"
    "  document_id INTEGER NOT NULL,"
    "  paragraph INTEGER NOT NULL,"
    "  theme_id INTEGER,"
    "  theme_name TEXT,"
    "  old_text TEXT,"
    "  new_text TEXT"
    ");"
    "INSERT INTO events_new SELECT * FROM events;"
    "DROP TABLE events;"
    "ALTER TABLE events_new RENAME TO events;"
    "CREATE INDEX events_action ON events(action_id);"
    "CREATE INDEX events_paragraph ON events(document_id, paragraph);"
    "CREATE INDEX events_theme ON events(theme_id);",
    /* 5: the format each speech was read from (formats/read.h); the text
     * stored is what its reader extracted. Older speeches were text. */
    "ALTER TABLE documents ADD COLUMN format TEXT NOT NULL DEFAULT 'text';",
    /* 6: each speech's tag count, kept by triggers in the transaction that
     * adds, removes or moves its tags (tagging, undo and redo, removal,
     * re-import), so that sorting the library by tags reads an index
     * instead of counting every speech's tags for each page. */
    "ALTER TABLE documents ADD COLUMN tag_count INTEGER NOT NULL DEFAULT 0;"
    "UPDATE documents SET tag_count ="
    "  (SELECT count(*) FROM tags t WHERE t.document_id = documents.id);"
    "CREATE TRIGGER tags_count_insert AFTER INSERT ON tags BEGIN"
    "  UPDATE documents SET tag_count = tag_count + 1 WHERE id = new.document_id;"
    "END;"
    "CREATE TRIGGER tags_count_delete AFTER DELETE ON tags BEGIN"
    "  UPDATE documents SET tag_count = tag_count - 1 WHERE id = old.document_id;"
    "END;"
    "CREATE TRIGGER tags_count_move AFTER UPDATE OF document_id ON tags"
    "  WHEN old.document_id IS NOT new.document_id BEGIN"
    "  UPDATE documents SET tag_count = tag_count - 1 WHERE id = old.document_id;"
    "  UPDATE documents SET tag_count = tag_count + 1 WHERE id = new.document_id;"
    "END;"
    "CREATE INDEX documents_library_tags ON documents(tag_count, id)"
    "  WHERE replaced_by IS NULL AND removed_at IS NULL;"
    "CREATE INDEX documents_library_date_last ON documents(date IS NULL, date, id)"
    "  WHERE replaced_by IS NULL AND removed_at IS NULL;"
    /* A search places each hit (speech, paragraph, role) from this
     * covering index, dense by id, instead of reading the hit's row: the
     * rows of thousands of hits lie on as many pages of text. */
    "CREATE INDEX paragraphs_place ON paragraphs(id, document_id, number, role);",
    /* 7: each speech's title as a sort key whose byte order is the pinyin
     * order (base/pinyin.h), written with the title by pizhu, so that the
     * library's title sort reads an ordinary index instead of sorting
     * every speech for each page. pinyin_key() is pizhu's (store/open.c):
     * statements call it, the schema never, so the sqlite3 shell can
     * still check and write the file. The index on the title itself no
     * sort reads any more (IF EXISTS: tests that make an old library by
     * taking later migrations' work away need not make it again). */
    "ALTER TABLE documents ADD COLUMN title_key BLOB;"
    "DROP INDEX IF EXISTS documents_library_title;"
    "UPDATE documents SET title_key = pinyin_key(title);"
    "CREATE INDEX documents_library_title_key ON documents(title_key, id)"
    "  WHERE replaced_by IS NULL AND removed_at IS NULL;",
    /* 8: small search indexes of the titles and of the headings alone
     * (search.h: the tiers a page is filled from first), so that a first
     * page of titles or headings never walks the body's hits. Contentless:
     * the text stays in paragraphs only; a row is deleted with the text it
     * was indexed with, which paragraphs never change. Filled here, kept
     * by import (store/import.c) and by these triggers; 256 KiB of pending
     * terms each, as the background import allows the body index. */
    "CREATE VIRTUAL TABLE title_search USING fts5(text, content='', tokenize='pizhu');"
    "CREATE VIRTUAL TABLE heading_search USING fts5(text, content='', tokenize='pizhu');"
    "INSERT INTO title_search(title_search, rank) VALUES ('hashsize', 262144);"
    "INSERT INTO heading_search(heading_search, rank) VALUES ('hashsize', 262144);"
    "INSERT INTO title_search(rowid, text) SELECT id, text FROM paragraphs"
    "  WHERE role = 'title';"
    "INSERT INTO heading_search(rowid, text) SELECT id, text FROM paragraphs"
    "  WHERE role = 'heading';"
    "CREATE TRIGGER paragraphs_title_search_delete AFTER DELETE ON paragraphs"
    "  WHEN old.role = 'title' BEGIN"
    "  INSERT INTO title_search(title_search, rowid, text) VALUES ('delete', old.id, old.text);"
    "END;"
    "CREATE TRIGGER paragraphs_heading_search_delete AFTER DELETE ON paragraphs"
    "  WHEN old.role = 'heading' BEGIN"
    "  INSERT INTO heading_search(heading_search, rowid, text)"
    "  VALUES ('delete', old.id, old.text);"
    "END;",
    /* 9: the library's filter reads a small index instead of every
     * speech's row: the fields it looks in (title, speaker, occasion,
     * date, source) joined by line feeds, as a generated column (SQLite
     * computes it, so no writer can forget it) held in the index of the
     * title order, which replaces the title key's own. A keystroke read
     * 19 MB of rows at 19,000 speeches with five LIKEs each; it now reads
     * about 4 MB of index with one pizhu_contains() (store/open.c), which
     * statements call and the schema never. */
    "ALTER TABLE documents ADD COLUMN library_text TEXT GENERATED ALWAYS AS ("
    "  title || char(10) || coalesce(speaker, '') || char(10) || coalesce(occasion, '')"
    "  || char(10) || coalesce(date, '') || char(10) || coalesce(source, '')) VIRTUAL;"
    "DROP INDEX IF EXISTS documents_library_title_key;"
    "CREATE INDEX documents_library_filter ON documents(title_key, id, library_text)"
    "  WHERE replaced_by IS NULL AND removed_at IS NULL;",
    /* 10: the lines the parser hides (front and back matter) are numbered
     * paragraphs too, so that the user can bring one back without any
     * number moving: paragraphs.matter says which they are (their role
     * is body). Search, the matrix and stats leave them out through the
     * small partial index (a speech has a few such lines). Older speeches
     * keep theirs only in documents.front_matter and back_matter. */
    "ALTER TABLE paragraphs ADD COLUMN matter TEXT CHECK (matter IN ('front', 'back'));"
    "CREATE INDEX paragraphs_hidden ON paragraphs(document_id, number)"
    "  WHERE matter IS NOT NULL;",
    /* 11: search's heading tier follows the user's corrections: a
     * paragraph marked a heading is in heading_search, a heading marked
     * body text (or hidden) is not (statement.h: HEADING_TIER). pizhu
     * keeps it so wherever it writes a correction (correction.c,
     * reattach.c, removal.c); this applies the corrections a library
     * already holds, once. heading_search_docsize has a row for each
     * paragraph the index holds. */
    "INSERT INTO heading_search(heading_search, rowid, text)"
    "  SELECT iif(k.kind = 'heading', NULL, 'delete'), p.id, p.text FROM corrections k"
    "  JOIN paragraphs p ON p.document_id = k.document_id AND p.number = k.paragraph"
    "  WHERE k.kind IN ('heading', 'body', 'front', 'back') AND (k.kind = 'heading')"
    "  <> EXISTS (SELECT 1 FROM heading_search_docsize s WHERE s.id = p.id);",
    /* 12: the title index holds each title as the user corrected it (a
     * correction of paragraph 0, pizhu meta --title), the text the reader
     * shows (statement.h: SHOWN_TEXT), so that search finds a speech
     * by its corrected title, first. pizhu keeps it so wherever it
     * writes, moves or purges a title correction (correction.c,
     * reattach.c, removal.c); this applies those a library already holds,
     * once. A contentless index deletes a row with the very text it was
     * given: here the parsed one. */
    "INSERT INTO title_search(title_search, rowid, text)"
    "  SELECT 'delete', p.id, p.text FROM corrections k JOIN paragraphs p"
    "  ON p.document_id = k.document_id AND p.number = 0"
    "  WHERE k.paragraph = 0 AND k.kind = 'title' AND p.role = 'title';"
    "INSERT INTO title_search(rowid, text)"
    "  SELECT p.id, coalesce(k.text, p.text) FROM corrections k JOIN paragraphs p"
    "  ON p.document_id = k.document_id AND p.number = 0"
    "  WHERE k.paragraph = 0 AND k.kind = 'title' AND p.role = 'title';",
};

int schema_latest_version(void)
{
	return (int)(sizeof migrations / sizeof migrations[0]);
}

int schema_migrate(sqlite3 *db, int from, struct error *error)
{
	for (int version = from; version < schema_latest_version(); version++) {
		if (sqlite3_exec(db, migrations[version], NULL, NULL, NULL) != SQLITE_OK)
			return error_set(error, _("migrating to schema version %d: %s"),
					 version + 1, sqlite3_errmsg(db));
		/* PRAGMA takes no bound parameters; the values are our integers. */
		char pragma[96];
		snprintf(pragma, sizeof pragma,
			 "PRAGMA user_version = %d; PRAGMA application_id = %d", version + 1,
			 STORE_APPLICATION_ID);
		if (sqlite3_exec(db, pragma, NULL, NULL, NULL) != SQLITE_OK)
			return error_set(error, _("setting schema version %d: %s"), version + 1,
					 sqlite3_errmsg(db));
	}
	return 0;
}
