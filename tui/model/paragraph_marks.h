/* paragraph_marks.h — the reader's view of a speech's themes, tags, notes and
 * suggestions, kept in memory and changed only through the store.
 *
 * Every change is saved (one transaction, one undoable action) before the
 * model changes, so the screen never shows what is not stored. Per
 * paragraph the model keeps a set of themes as bits (at most
 * MARK_THEME_MAX themes; how many more it carries is counted), its note, and lazily the themes its
 * text suggests; per outline entry it keeps how many paragraphs of the section carry each theme,
 * updated as tags change. */
#ifndef PIZHU_TUI_MODEL_PARAGRAPH_MARKS_H
#define PIZHU_TUI_MODEL_PARAGRAPH_MARKS_H

#include <stddef.h>
#include <stdint.h>

#include "base/buffer.h"
#include "base/error.h"
#include "speech/keyword.h"
#include "speech/speech.h"
#include "store/store.h"

#define MARK_THEME_MAX 64

typedef uint64_t theme_set;

struct mark_theme {
	int64_t id;
	char *name;
	int key; /* 1..9, 0 for none */
	char *color;
	char **keywords;
	size_t keyword_count;
};

struct paragraph_marks {
	struct store *store;
	int64_t document_id;
	const struct speech *speech;
	struct mark_theme *themes; /* in key order, as the store lists them */
	size_t theme_count;
	theme_set *tags; /* per paragraph */
	/* Per paragraph: its tags of themes past the first
	 * MARK_THEME_MAX, which the bits cannot hold; shown as a count
	 * ("+N more") so no theme is left out silently. */
	unsigned *more_tags;
	char **notes;	      /* per paragraph, NULL for none */
	theme_set *suggested; /* per paragraph, valid where suggested_known */
	unsigned char *suggested_known;
	unsigned *section_counts;	/* [entry * theme_count + theme] */
	struct keyword_index *keywords; /* every theme's, list n for theme n */
	int64_t data_version;
};

int marks_load(struct paragraph_marks *annotations, struct store *store, int64_t document_id,
	       const struct speech *speech, struct error *error);
void marks_free(struct paragraph_marks *annotations);

/* Loads themes, tags and notes again (after an undo, or another pizhu's
 * change). */
int marks_reload(struct paragraph_marks *annotations, struct error *error);

/* Reloads when another connection has committed since the last load; sets
 * *changed. Cheap enough to call on every key. */
int marks_refresh(struct paragraph_marks *annotations, int *changed, struct error *error);

/* The theme with key 1..9, or -1. */
int marks_theme_by_key(const struct paragraph_marks *annotations, int key);

/* One change of themes over paragraphs first..last (inclusive): themes in
 * `add` are added, those in `remove` removed. */
struct mark_change {
	size_t first, last;
	theme_set add, remove;
};

/* Applies changes as one undoable action named `description`; *changed
 * counts the tags that changed. All or nothing. */
int marks_change(struct paragraph_marks *annotations, const struct mark_change *changes,
		 size_t count, const char *description, size_t *changed, struct error *error);

/* 1 when every paragraph of first..last carries the theme. */
int marks_range_has(const struct paragraph_marks *annotations, size_t first, size_t last,
		    int theme);

/* Sets (or with NULL or "" clears) a paragraph's note, one undoable
 * action. */
int marks_set_note(struct paragraph_marks *annotations, size_t paragraph, const char *text,
		   struct error *error);

/* The themes whose keywords the paragraph mentions and that it lacks. */
theme_set marks_suggested(struct paragraph_marks *annotations, size_t paragraph);

/* Paragraphs in the section of an outline entry that carry the theme. */
unsigned marks_section_count(const struct paragraph_marks *annotations, size_t entry, int theme);

/* 1 when some paragraph in the entry's section carries a theme of `themes`. */
int marks_section_has(const struct paragraph_marks *annotations, size_t entry, theme_set themes);

/* Appends the names of a set of themes, in key order, separated by
 * `separator`. */
void marks_theme_names(const struct paragraph_marks *annotations, theme_set themes,
		       const char *separator, struct buffer *out);

/* Adds a theme to the library (and to the model). */
int marks_add_theme(struct paragraph_marks *annotations, const char *name, int key,
		    const char *color, struct error *error);

#endif
