#include "tui/model/visible.h"

#include <stdlib.h>

#include "base/buffer.h"
#include "speech/correct.h"

void visible_init(struct visible *visible, const struct speech *speech,
		  const struct paragraph_marks *annotations)
{
	visible->speech = speech;
	visible->annotations = annotations;
	visible->folded = xcalloc(speech->outline_count, 1);
	visible->filter = 0;
}

void visible_free(struct visible *visible)
{
	free(visible->folded);
	visible->folded = NULL;
}

long visible_entry_of(const struct visible *visible, size_t paragraph)
{
	const struct speech *speech = visible->speech;
	size_t section = speech->paragraphs[paragraph].section;
	return speech->outline[section].paragraph == paragraph ? (long)section : -1;
}

int visible_is_folded(const struct visible *visible, size_t paragraph)
{
	long entry = visible_entry_of(visible, paragraph);
	return entry > 0 && visible->folded[entry];
}

size_t visible_folded_count(const struct visible *visible, size_t paragraph)
{
	long entry = visible_entry_of(visible, paragraph);
	if (entry <= 0)
		return 0;
	return visible->speech->outline[entry].end_paragraph - paragraph - 1;
}

void visible_toggle_fold(struct visible *visible, size_t entry)
{
	/* The title's section is the whole speech: folding it hides nothing
	 * useful, so it never folds. */
	if (entry > 0 && entry < visible->speech->outline_count)
		visible->folded[entry] = !visible->folded[entry];
}

size_t visible_shown(const struct visible *visible, size_t paragraph)
{
	const struct speech *speech = visible->speech;
	size_t shown = paragraph;
	while (shown < speech->paragraph_count && paragraph_hidden(&speech->paragraphs[shown]))
		shown++;
	if (shown < speech->paragraph_count)
		return shown;
	/* The title is never hidden. */
	while (paragraph > 0 && paragraph_hidden(&speech->paragraphs[paragraph]))
		paragraph--;
	return paragraph;
}

int visible_passes_filter(const struct visible *visible, size_t paragraph)
{
	/* Moved to the front or back matter by the user (speech/correct.h). */
	if (paragraph_hidden(&visible->speech->paragraphs[paragraph]))
		return 0;
	if (!visible->filter || paragraph == 0)
		return 1;
	long entry = visible_entry_of(visible, paragraph);
	if (entry > 0)
		return marks_section_has(visible->annotations, (size_t)entry, visible->filter);
	return (visible->annotations->tags[paragraph] & visible->filter) != 0;
}

size_t visible_next(const struct visible *visible, size_t paragraph)
{
	const struct speech *speech = visible->speech;
	size_t next = paragraph + 1;
	if (visible_is_folded(visible, paragraph))
		next = speech->outline[visible_entry_of(visible, paragraph)].end_paragraph;
	while (next < speech->paragraph_count && !visible_passes_filter(visible, next)) {
		long entry = visible_entry_of(visible, next);
		/* A heading the filter hides has nothing to show in its section. */
		next = entry > 0 ? speech->outline[entry].end_paragraph : next + 1;
	}
	return next;
}

size_t visible_owner(const struct visible *visible, size_t paragraph)
{
	const struct speech *speech = visible->speech;
	size_t owner = paragraph;
	size_t entry = speech->paragraphs[paragraph].section;
	/* The outermost folded section that contains the paragraph, other
	 * than one the paragraph itself opens, hides it. */
	for (long e = (long)entry; e > 0; e = speech->outline[e].parent) {
		size_t heading = speech->outline[e].paragraph;
		if (visible->folded[e] && heading != paragraph)
			owner = heading;
	}
	return owner;
}

size_t visible_previous(const struct visible *visible, size_t paragraph)
{
	const struct speech *speech = visible->speech;
	size_t candidate = paragraph;
	while (candidate-- > 0) {
		candidate = visible_owner(visible, candidate);
		if (visible_passes_filter(visible, candidate))
			return candidate;
		if (!visible->filter)
			continue; /* a hidden paragraph: the one before may show */
		/* Jump over the outermost section that holds nothing to show. */
		for (long e = (long)speech->paragraphs[candidate].section; e > 0;
		     e = speech->outline[e].parent)
			if (!marks_section_has(visible->annotations, (size_t)e, visible->filter))
				candidate = speech->outline[e].paragraph;
	}
	return (size_t)-1;
}
