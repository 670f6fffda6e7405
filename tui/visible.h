/* visible.h — which paragraphs the reading pane shows.
 *
 * The view model between the speech and the reading pane (ncdu's dirlist):
 * the pane asks for the next or previous visible paragraph and never looks
 * at folds itself. A folded section shows its heading only. Each step costs
 * at most the outline depth, never the length of the speech. */
#ifndef PIZHU_TUI_VISIBLE_H
#define PIZHU_TUI_VISIBLE_H

#include <stddef.h>

#include "speech/speech.h"

struct visible {
	const struct speech *speech;
	unsigned char *folded; /* per outline entry */
};

void visible_init(struct visible *visible, const struct speech *speech);
void visible_free(struct visible *visible);

/* The outline entry a heading or title paragraph opens, or -1. */
long visible_entry_of(const struct visible *visible, size_t paragraph);

/* 1 when the paragraph is a heading whose section is folded. */
int visible_is_folded(const struct visible *visible, size_t paragraph);

/* Paragraphs hidden under a folded heading. */
size_t visible_folded_count(const struct visible *visible, size_t paragraph);

/* Folds or unfolds the section an outline entry opens. */
void visible_toggle_fold(struct visible *visible, size_t entry);

/* The next visible paragraph after `paragraph`, or paragraph_count. */
size_t visible_next(const struct visible *visible, size_t paragraph);

/* The previous visible paragraph, or (size_t)-1 before the title. */
size_t visible_previous(const struct visible *visible, size_t paragraph);

/* The paragraph itself when visible, else the folded heading hiding it. */
size_t visible_owner(const struct visible *visible, size_t paragraph);

#endif
