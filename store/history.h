/* history.h — the annotation event log: actions, undo, redo, history.
 *
 * Every change to tags and notes is recorded as an event. Events are
 * grouped into actions; an action is what one user command or keystroke
 * did, is one transaction, and is one step of undo. A change made outside
 * an explicit action is an action of its own. Undo and redo work across
 * restarts because the log is in the database; making a new change drops
 * the redo steps of its speech. */
#ifndef PIZHU_STORE_HISTORY_H
#define PIZHU_STORE_HISTORY_H

#include <stddef.h>
#include <stdint.h>

#include "store/store.h"

enum store_action_state {
	STORE_ACTION_RECORD,	/* undo, redo and theme records: not undoable */
	STORE_ACTION_APPLIED,	/* a change in effect */
	STORE_ACTION_UNDONE,	/* a change undone, which redo can bring back */
	STORE_ACTION_DISCARDED, /* undone and then overtaken by a new change */
};

struct store_action {
	int64_t id;
	char *kind;	/* "change", "undo", "redo" or "theme" */
	int64_t target; /* undo and redo: the action they applied to */
	enum store_action_state state;
	int64_t document_id; /* 0 when it concerns no single speech */
	char *user;
	char *at; /* ISO 8601 UTC */
	char *description;
};

/* Starts an action: the tag and note changes until store_action_commit
 * are one transaction and one undo step. document_id (or 0) says which
 * speech it concerns, for per-speech undo. An action that changed nothing
 * leaves no trace. */
int store_action_begin(struct store *store, int64_t document_id, const char *description,
		       struct error *error);
int store_action_commit(struct store *store, struct error *error);
/* Rolls the open action back: none of its changes happened. */
void store_action_abort(struct store *store);

/* Undoes the latest applied action (of document_id, or of any speech when
 * 0) in one transaction. *done is 0 when there was nothing to undo; else
 * *action (if not NULL) describes what was undone. */
int store_undo(struct store *store, int64_t document_id, int *done, struct store_action *action,
	       struct error *error);
/* Redoes the most recently undone action, likewise. */
int store_redo(struct store *store, int64_t document_id, int *done, struct store_action *action,
	       struct error *error);

/* The log, oldest first, of one speech or (0) of all. */
int store_history(struct store *store, int64_t document_id, struct store_action **actions,
		  size_t *count, struct error *error);

void store_action_clear(struct store_action *action);
void store_actions_free(struct store_action *actions, size_t count);

#endif
