#include "tui/outline_pane.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buffer.h"
#include "base/utf8.h"
#include "tui/colors.h"
#include "tui/draw.h"

void outline_pane_init(struct outline_pane *pane, const struct speech *speech,
		       const struct paragraph_marks *annotations)
{
	*pane = (struct outline_pane){.speech = speech, .annotations = annotations};
	size_t count = speech->outline_count;
	pane->collapsed = xcalloc(count, 1);
	pane->subtree_end = xcalloc(count, sizeof *pane->subtree_end);
	/* Entries are in reading order, so a subtree ends at the next entry
	 * that is no deeper. One pass with a stack of open entries. */
	size_t *open = xmalloc(count * sizeof *open);
	size_t height = 0;
	for (size_t i = 0; i < count; i++) {
		while (height > 0 &&
		       speech->outline[open[height - 1]].depth >= speech->outline[i].depth)
			pane->subtree_end[open[--height]] = i;
		open[height++] = i;
	}
	while (height > 0)
		pane->subtree_end[open[--height]] = count;
	free(open);
}

void outline_pane_free(struct outline_pane *pane)
{
	free(pane->collapsed);
	free(pane->subtree_end);
	pane->collapsed = NULL;
	pane->subtree_end = NULL;
}

static int has_children(const struct outline_pane *pane, size_t entry)
{
	return pane->subtree_end[entry] > entry + 1;
}

static size_t next_entry(const struct outline_pane *pane, size_t entry)
{
	return pane->collapsed[entry] ? pane->subtree_end[entry] : entry + 1;
}

/* The entry itself, or its outermost collapsed ancestor. */
static size_t shown_entry(const struct outline_pane *pane, size_t entry)
{
	size_t shown = entry;
	for (long e = pane->speech->outline[entry].parent; e >= 0;
	     e = pane->speech->outline[e].parent)
		if (pane->collapsed[e])
			shown = (size_t)e;
	return shown;
}

static size_t previous_entry(const struct outline_pane *pane, size_t entry)
{
	return entry == 0 ? 0 : shown_entry(pane, entry - 1);
}

static size_t last_entry(const struct outline_pane *pane)
{
	return shown_entry(pane, pane->speech->outline_count - 1);
}

/* Scrolls so that the selection is on screen. */
static void keep_visible(struct outline_pane *pane, size_t entry)
{
	if (pane->height <= 0)
		return;
	if (entry < pane->top) {
		pane->top = entry;
		return;
	}
	size_t row = 0;
	for (size_t e = pane->top; e < entry && e < pane->speech->outline_count;
	     e = next_entry(pane, e))
		if (++row >= (size_t)pane->height)
			break;
	if (row < (size_t)pane->height)
		return;
	/* Put the entry on the last row. */
	size_t top = entry;
	for (int rows = 1; rows < pane->height && top > 0; rows++)
		top = previous_entry(pane, top);
	pane->top = top;
}

void outline_pane_follow(struct outline_pane *pane, size_t section, int focused)
{
	pane->current = shown_entry(pane, section);
	if (!focused) {
		pane->selected = pane->current;
		keep_visible(pane, pane->selected);
	}
}

int outline_pane_request(struct outline_pane *pane, enum request request, size_t *jump)
{
	const struct speech *speech = pane->speech;
	size_t selected = pane->selected;
	switch (request) {
	case REQUEST_OUTLINE_DOWN:
		if (next_entry(pane, selected) < speech->outline_count)
			selected = next_entry(pane, selected);
		break;
	case REQUEST_OUTLINE_UP:
		selected = previous_entry(pane, selected);
		break;
	case REQUEST_OUTLINE_FIRST:
		selected = 0;
		break;
	case REQUEST_OUTLINE_LAST:
		selected = last_entry(pane);
		break;
	case REQUEST_OUTLINE_JUMP:
		*jump = speech->outline[selected].paragraph;
		return 1;
	case REQUEST_OUTLINE_COLLAPSE:
		if (has_children(pane, selected) && !pane->collapsed[selected])
			pane->collapsed[selected] = 1;
		else if (speech->outline[selected].parent >= 0)
			selected = (size_t)speech->outline[selected].parent;
		break;
	case REQUEST_OUTLINE_EXPAND:
		if (has_children(pane, selected))
			pane->collapsed[selected] = 0;
		break;
	case REQUEST_OUTLINE_TOGGLE:
		if (has_children(pane, selected))
			pane->collapsed[selected] = !pane->collapsed[selected];
		break;
	case REQUEST_OUTLINE_COLLAPSE_ALL:
		/* The title stays open, so the top-level headings show. */
		for (size_t i = 1; i < speech->outline_count; i++)
			pane->collapsed[i] = has_children(pane, i);
		selected = shown_entry(pane, selected);
		break;
	case REQUEST_OUTLINE_EXPAND_ALL:
		for (size_t i = 0; i < speech->outline_count; i++)
			pane->collapsed[i] = 0;
		break;
	default:
		return 0;
	}
	pane->selected = selected;
	pane->current = shown_entry(pane, pane->current);
	keep_visible(pane, selected);
	return 1;
}

int outline_pane_select_row(struct outline_pane *pane, int row)
{
	size_t entry = pane->top;
	for (int r = 0; r < row && entry < pane->speech->outline_count; r++)
		entry = next_entry(pane, entry);
	if (entry >= pane->speech->outline_count)
		return 0;
	pane->selected = entry;
	return 1;
}

void outline_pane_scroll(struct outline_pane *pane, int lines)
{
	for (; lines > 0; lines--) {
		size_t next = next_entry(pane, pane->top);
		if (next >= pane->speech->outline_count)
			break;
		pane->top = next;
	}
	for (; lines < 0 && pane->top > 0; lines++)
		pane->top = previous_entry(pane, pane->top);
}

/* Draws an entry's theme counts at (y, x): a mark and a number per theme
 * with tagged paragraphs in the section; with no window, only measures.
 * Returns their width. */
static int counts_draw(const struct outline_pane *pane, size_t entry, WINDOW *window, int y, int x)
{
	const struct paragraph_marks *annotations = pane->annotations;
	int column = 0;
	for (size_t t = 0; t < annotations->theme_count; t++) {
		unsigned count = marks_section_count(annotations, entry, (int)t);
		if (!count)
			continue;
		char number[16];
		snprintf(number, sizeof number, "%u", count);
		/* Without colours, a theme's first character tells it apart. */
		const char *mark = colors_enabled() ? "●" : annotations->themes[t].name;
		size_t mark_length =
		    colors_enabled() ? strlen("●") : utf8_advance(mark, strlen(mark), 1);
		if (!window) {
			column += draw_width(mark, mark_length) + (int)strlen(number);
			continue;
		}
		column +=
		    draw_text(window, y, x + column, mark, mark_length, 2, colors_theme_attr(t));
		column += draw_text(window, y, x + column, number, strlen(number), 10,
				    colors_theme_attr(t));
	}
	return column;
}

void outline_pane_draw(struct outline_pane *pane, WINDOW *window, int y, int x, int width,
		       int height, int focused)
{
	const struct speech *speech = pane->speech;
	pane->height = height;
	size_t entry = pane->top;
	for (int row = 0; row < height; row++) {
		if (entry >= speech->outline_count)
			continue;
		const struct outline_entry *item = &speech->outline[entry];
		const struct paragraph *paragraph = &speech->paragraphs[item->paragraph];
		attr_t attributes = colors_attr(ELEMENT_TEXT);
		if (entry == 0)
			attributes = colors_attr(ELEMENT_TITLE);
		else if (item->depth == 1)
			attributes |= A_BOLD;
		if (entry == pane->current)
			attributes = colors_attr(ELEMENT_OUTLINE_CURRENT);
		if (focused && entry == pane->selected)
			attributes = colors_attr(ELEMENT_OUTLINE_SELECTED);
		int indent = item->depth > 0 ? 2 * (item->depth - 1) : 0;
		if (indent > width / 2)
			indent = width / 2;
		int column = 0;
		if (focused && entry == pane->selected)
			draw_fill(window, y + row, x, width, ' ', attributes);
		column += indent;
		const char *marker = !has_children(pane, entry) ? " "
				     : pane->collapsed[entry]	? "▸"
								: "▾";
		if (entry > 0 && column + 2 <= width) {
			draw_text(window, y + row, x + column, marker, strlen(marker), 1,
				  focused && entry == pane->selected
				      ? attributes
				      : colors_attr(ELEMENT_OUTLINE_MARKER));
			column += 1;
		}
		int counts_width = counts_draw(pane, entry, NULL, 0, 0);
		int room = width - column - 1 - (counts_width ? counts_width + 1 : 0);
		const char *label = paragraph_text(speech, item->paragraph);
		size_t fit = draw_fit(label, paragraph->label_length, room, NULL);
		if (fit < paragraph->label_length)
			fit = draw_fit(label, paragraph->label_length, room - 1, NULL);
		column += draw_text(window, y + row, x + column, label, fit, room, attributes);
		if (fit < paragraph->label_length)
			draw_text(window, y + row, x + column, "…", strlen("…"), 1, attributes);
		if (counts_width && counts_width < width / 2)
			counts_draw(pane, entry, window, y + row, x + width - 1 - counts_width);
		entry = next_entry(pane, entry);
	}
}
