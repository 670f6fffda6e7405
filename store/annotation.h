/* annotation.h — tags and notes on paragraphs.
 *
 * A paragraph (numbered from 1; 0 is the title and cannot be annotated)
 * carries any number of themes and at most one note. Each change is
 * recorded in the event log (history.h): inside the open action if there
 * is one, else as an action of its own, committed before returning. An
 * unknown speech, paragraph or theme is an error and changes nothing. */
#ifndef PIZHU_STORE_ANNOTATION_H
#define PIZHU_STORE_ANNOTATION_H

#include <stddef.h>
#include <stdint.h>

#include "store/store.h"

struct store_tag {
	size_t paragraph;
	int64_t theme_id;
	char *theme_name;
};

struct store_note {
	size_t paragraph;
	char *text;
};

struct store_tag_count {
	int64_t document_id;
	int64_t theme_id;
	size_t count;
};

/* An annotation or a correction left on a replaced version (see
 * store_import). */
struct store_orphan {
	int64_t document_id; /* the old version it stays on */
	size_t paragraph;
	char *theme_name;     /* a tag's theme, or NULL for a note */
	char *note;	      /* a note's text, or NULL for a tag */
	char *paragraph_text; /* the text it was made on */
	char *correction; /* a correction (correction.h): "heading 2", "front", …; else NULL */
};

/* The speech's paragraph count (numbered 1 to count); -1 with a message
 * when there is no such speech. */
int store_paragraph_count(struct store *store, int64_t document_id, size_t *count,
			  struct error *error);

/* Checks that the speech exists and has the paragraph; the message says
 * which numbers are valid. */
int store_paragraph_check(struct store *store, int64_t document_id, size_t paragraph,
			  struct error *error);

/* The current version of the speech that document id is a version of
 * (id itself while it is current). */
int store_document_current(struct store *store, int64_t id, int64_t *current, struct error *error);

/* Tags and notes are written only to a speech's current version: on a
 * replaced one they fail with a message naming the current id, and
 * nothing is changed.
 *
 * *changed (may be NULL) is 1 when the tag was added (removed), 0 when it
 * was already there (absent). */
int store_tag_add(struct store *store, int64_t document_id, size_t paragraph, int64_t theme_id,
		  int *changed, struct error *error);
int store_tag_remove(struct store *store, int64_t document_id, size_t paragraph, int64_t theme_id,
		     int *changed, struct error *error);
/* Adds the tag if absent, removes it if present; *present is the result. */
int store_tag_toggle(struct store *store, int64_t document_id, size_t paragraph, int64_t theme_id,
		     int *present, struct error *error);

/* Every tag of a speech by paragraph, themes in key order. */
int store_tags_list(struct store *store, int64_t document_id, struct store_tag **tags,
		    size_t *count, struct error *error);
void store_tags_free(struct store_tag *tags, size_t count);

/* Tag counts per current speech and theme. */
int store_tag_counts(struct store *store, struct store_tag_count **counts, size_t *count,
		     struct error *error);

/* Sets the note (text NULL or "" removes it). */
int store_note_set(struct store *store, int64_t document_id, size_t paragraph, const char *text,
		   int *changed, struct error *error);
/* *text is a new string, or NULL when the paragraph has no note. */
int store_note_get(struct store *store, int64_t document_id, size_t paragraph, char **text,
		   struct error *error);
int store_notes_list(struct store *store, int64_t document_id, struct store_note **notes,
		     size_t *count, struct error *error);
void store_notes_free(struct store_note *notes, size_t count);

int store_orphans_list(struct store *store, struct store_orphan **orphans, size_t *count,
		       struct error *error);
void store_orphans_free(struct store_orphan *orphans, size_t count);

#endif
