/* document.h — speeches in the library: importing, versions, listing,
 * loading a speech back, and the reader's saved position and folds.
 * Removed speeches (removal.h) are unknown to all of these.
 *
 * A document is one imported version of a speech. Importing a changed file
 * that is already known by its path makes a new version that replaces the
 * old one; the old version and its paragraphs stay, so annotations that
 * could not follow to the new version ("orphans") keep their text. */
#ifndef PIZHU_STORE_DOCUMENT_H
#define PIZHU_STORE_DOCUMENT_H

#include <stddef.h>
#include <stdint.h>

#include "base/sha256.h"
#include "speech/speech.h"
#include "store/store.h"

struct store_document {
	int64_t id;
	char *title;
	char *encoding;
	char *format;	   /* the file's format: "text", "docx", "doc", "html", "pdf", "md" */
	char *source_path; /* absolute path it was imported from; NULL if unknown */
	char *content_hash;
	char *imported_at;	/* ISO 8601 UTC */
	int64_t previous_id;	/* the version it replaced; 0 for a first version */
	int64_t replaced_by;	/* the newer version; 0 while current */
	/* Paragraphs shown: the numbered ones less the hidden front and back
	 * matter (the parser's and the user's); the title is not counted. */
	size_t paragraph_count;
	/* Metadata, NULL while unknown. */
	char *date;
	char *speaker;
	char *occasion;
	char *source;
	unsigned
	    metadata_user_set; /* the fields the user set: STORE_METADATA_* bits (metadata.h) */
};

enum store_import_outcome {
	STORE_IMPORT_NEW,	  /* a speech the library did not have */
	STORE_IMPORT_UNCHANGED,	  /* the same content was already there: nothing done */
	STORE_IMPORT_NEW_VERSION, /* a changed file replacing a known one */
};

struct store_import_result {
	int64_t id; /* the document holding this content */
	enum store_import_outcome outcome;
	int64_t previous_id;	       /* NEW_VERSION: the version replaced */
	size_t reattached;	       /* NEW_VERSION: annotated paragraphs carried over */
	size_t orphaned;	       /* NEW_VERSION: annotated paragraphs left behind */
	size_t corrections_reattached; /* NEW_VERSION: corrections (correction.h) carried over */
	size_t corrections_orphaned;   /* NEW_VERSION: corrections left behind */
};

/* Finds a current version holding exactly these bytes; returns 1 (and
 * *id) or 0. A replaced version with the same bytes is not found: a file
 * restored to an earlier content is imported as a new current version. */
int store_find_content(struct store *store, const unsigned char *bytes, size_t length, int64_t *id,
		       struct error *error);

/* The hash by which the library knows a file's bytes. A caller that looks
 * the bytes up and then imports them computes it once (hashing is a pass
 * over the whole file) and uses store_find_hash and store_import_hashed,
 * which are store_find_content and store_import given the hash. */
void store_content_hash(const unsigned char *bytes, size_t length, char hash[SHA256_HEX_SIZE]);
int store_find_hash(struct store *store, const char *hash, int64_t *id, struct error *error);

/* Imports the parsed speech of the file bytes[0..length) read from
 * source_path (an absolute path, or NULL), in one transaction. The bytes
 * of a current version again are a no-op; new bytes at a known path make a new version
 * and move that speech's tags, notes and history to it: each annotated
 * paragraph goes to a paragraph with the same text (the nearest one when
 * several match), else to the most similar paragraph of the same section;
 * what finds no place stays on the old version. The metadata is what
 * speech/metadata.h guesses from the text, but a new version keeps the
 * fields the user set on the old one (store/metadata.h). */
int store_import(struct store *store, const char *source_path, const unsigned char *bytes,
		 size_t length, const struct speech *speech, struct store_import_result *result,
		 struct error *error);
/* store_import of the bytes whose store_content_hash is hash. */
int store_import_hashed(struct store *store, const char *source_path, const char *hash,
			const struct speech *speech, struct store_import_result *result,
			struct error *error);

/* Fails with "no speech N in the library" for an unknown or removed id. */
int store_document_get(struct store *store, int64_t id, struct store_document *document,
		       struct error *error);

/* The current version imported from path: returns 1 (and *id) or 0. */
int store_document_by_path(struct store *store, const char *path, int64_t *id, struct error *error);

/* Every current version (the newest of each speech), by id; removed
 * speeches left out. */
int store_documents_current(struct store *store, struct store_document **documents, size_t *count,
			    struct error *error);

void store_document_clear(struct store_document *document);
void store_documents_free(struct store_document *documents, size_t count);

/* Rebuilds the speech model of a document from the library, with the
 * user's corrections applied (correction.h). A speech the library holds
 * damaged is refused with a message naming it and pizhu check
 * (validate.h). */
int store_speech_load(struct store *store, int64_t id, struct speech *speech, struct error *error);
/* The model as speech_parse gave it at import (encoding, front and back
 * matter, paragraphs, outline), without the corrections. */
int store_speech_load_parsed(struct store *store, int64_t id, struct speech *speech,
			     struct error *error);

/* The reader's state per document. Not part of the annotation history. */
int store_position_get(struct store *store, int64_t id, size_t *paragraph, struct error *error);
int store_position_set(struct store *store, int64_t id, size_t paragraph, struct error *error);
/* Heading paragraphs whose sections are folded, ascending; *paragraphs is
 * new memory (NULL when there are none). */
int store_folds_get(struct store *store, int64_t id, size_t **paragraphs, size_t *count,
		    struct error *error);
int store_fold_set(struct store *store, int64_t id, size_t paragraph, int folded,
		   struct error *error);

#endif
