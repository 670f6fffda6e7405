#include "tui/visible.h"

#include <stdlib.h>

#include "base/buffer.h"

void visible_init(struct visible *visible, const struct speech *speech)
{
	visible->speech = speech;
	visible->folded = xcalloc(speech->outline_count, 1);
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

size_t visible_next(const struct visible *visible, size_t paragraph)
{
	if (visible_is_folded(visible, paragraph)) {
		long entry = visible_entry_of(visible, paragraph);
		return visible->speech->outline[entry].end_paragraph;
	}
	return paragraph + 1;
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
	if (paragraph == 0)
		return (size_t)-1;
	return visible_owner(visible, paragraph - 1);
}
