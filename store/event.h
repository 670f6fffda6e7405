/* event.h — recording events into the open action (internal to store/). */
#ifndef PIZHU_STORE_EVENT_H
#define PIZHU_STORE_EVENT_H

#include <stddef.h>
#include <stdint.h>

#include "store/store.h"

enum event_kind {
	EVENT_TAG_ADD,
	EVENT_TAG_REMOVE,
	EVENT_NOTE_SET,
	EVENT_CORRECTION, /* a paragraph's structure; texts as correction_format writes */
	EVENT_TITLE_SET,  /* the title correction; paragraph 0 */
};

struct event {
	enum event_kind kind;
	int64_t document_id;
	size_t paragraph;
	int64_t theme_id;	/* tags */
	const char *theme_name; /* tags: the name when it happened, for history */
	const char *old_text;	/* notes, corrections: NULL for none */
	const char *new_text;
};

/* Opens an action for a change made outside one; *implicit says so, and
 * the caller ends it with event_action_end. */
int event_action_ensure(struct store *store, int64_t document_id, const char *description,
			int *implicit, struct error *error);
/* Commits an implicit action when status is 0, else rolls it back;
 * returns status (or -1 if the commit failed). */
int event_action_end(struct store *store, int implicit, int status, struct error *error);

/* Appends an event to the open action. */
int event_record(struct store *store, const struct event *event, struct error *error);

/* Writes a record that is not undoable (theme changes) to the log, in the
 * caller's transaction. */
int event_note(struct store *store, const char *description, struct error *error);

/* Marks the actions that touched a theme as no longer undoable: they
 * cannot be replayed once the theme is gone. */
int event_discard_theme(struct store *store, int64_t theme_id, struct error *error);

/* The raw changes, without recording: used by tag/note functions after
 * recording, and by undo and redo. *changed says whether a row changed. */
int annotation_tag_write(struct store *store, int64_t document_id, size_t paragraph,
			 int64_t theme_id, int present, int *changed, struct error *error);
int annotation_note_write(struct store *store, int64_t document_id, size_t paragraph,
			  const char *text, struct error *error);

/* Writes a paragraph's correction (correction_format text) or, for
 * paragraph 0, the title correction; NULL removes it. The heading or the
 * title index follows (correction_heading_follow, correction_title_follow). */
int correction_write(struct store *store, int64_t document_id, size_t paragraph, const char *value,
		     struct error *error);

/* Puts the paragraph into search's heading index (heading_search) or
 * takes it out, as its corrected role says (search.h: the tiers), in the
 * caller's transaction: after every change of its correction. */
int correction_heading_follow(struct store *store, int64_t document_id, size_t paragraph,
			      struct error *error);

/* Takes speech document_id's title out of search's title index (out) or
 * puts it back in, with the text in force (its correction, else the
 * parsed title), in the caller's transaction: out before a change of the
 * title's correction, in after, so that the index holds the title the
 * reader shows (schema v12). */
int correction_title_follow(struct store *store, int64_t document_id, int in, struct error *error);

#endif
