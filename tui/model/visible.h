/* visible.h — which paragraphs the reading pane shows.
 *
 * The view model between the speech and the reading pane (ncdu's dirlist):
 * the pane asks for the next or previous visible paragraph and never looks
 * at folds or filters itself. A folded section shows its heading only. A
 * theme filter shows the paragraphs that carry one of its themes, with the
 * headings of the sections they are in, and the title. Steps skip whole
 * sections that hold nothing to show, so a step costs at most the outline
 * depth with folds, and the paragraphs passed over within one section with
 * a filter. Paragraphs the user moved to the front or back matter never
 * show. */
#ifndef PIZHU_TUI_MODEL_VISIBLE_H
#define PIZHU_TUI_MODEL_VISIBLE_H

#include <stddef.h>

#include "speech/speech.h"
#include "tui/model/paragraph_marks.h"

struct visible {
	const struct speech *speech;
	const struct paragraph_marks *annotations;
	unsigned char *folded; /* per outline entry */
	theme_set filter;      /* 0: no filter */
};

void visible_init(struct visible *visible, const struct speech *speech,
		  const struct paragraph_marks *annotations);
void visible_free(struct visible *visible);

/* The outline entry a heading or title paragraph opens, or -1. */
long visible_entry_of(const struct visible *visible, size_t paragraph);

/* 1 when the paragraph is a heading whose section is folded. */
int visible_is_folded(const struct visible *visible, size_t paragraph);

/* Paragraphs hidden under a folded heading. */
size_t visible_folded_count(const struct visible *visible, size_t paragraph);

/* Folds or unfolds the section an outline entry opens. */
void visible_toggle_fold(struct visible *visible, size_t entry);

/* The paragraph itself unless the user hid it (moved it to the front or
 * back matter), else the next one shown, else the previous. */
size_t visible_shown(const struct visible *visible, size_t paragraph);

/* 1 when the filter lets the paragraph through (always without one); 0
 * for a hidden paragraph. */
int visible_passes_filter(const struct visible *visible, size_t paragraph);

/* The next visible paragraph after `paragraph`, or paragraph_count. */
size_t visible_next(const struct visible *visible, size_t paragraph);

/* The previous visible paragraph, or (size_t)-1 before the first. */
size_t visible_previous(const struct visible *visible, size_t paragraph);

/* The paragraph itself when no fold hides it, else the folded heading
 * hiding it. */
size_t visible_owner(const struct visible *visible, size_t paragraph);

#endif
