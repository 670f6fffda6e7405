#include "tui/reader.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buffer.h"
#include "base/i18n.h"
#include "base/utf8.h"
#include "speech/correct.h"
#include "speech/keyword.h"
#include "tui/colors.h"
#include "tui/draw.h"

/* Body paragraphs begin with the traditional indent of one CJK character;
 * inline notes sit under their paragraph behind a mark. */
enum { BODY_INDENT = 2, NOTE_INDENT = 2 };

void reader_init(struct reader *reader, const struct speech *speech,
		 struct paragraph_marks *annotations, int max_columns)
{
	*reader = (struct reader){
	    .speech = speech,
	    .annotations = annotations,
	    .max_columns = max_columns,
	    .anchor = -1,
	    .keywords_paragraph = (size_t)-1,
	};
	visible_init(&reader->visible, speech, annotations);
	struct layout_options options = {.width = 1, .first_indent = BODY_INDENT};
	layout_cache_init(&reader->layout, speech->paragraph_count, &options);
	options.first_indent = 0;
	layout_cache_init(&reader->note_layout, speech->paragraph_count, &options);
}

void reader_free(struct reader *reader)
{
	visible_free(&reader->visible);
	layout_cache_free(&reader->layout);
	layout_cache_free(&reader->note_layout);
	free(reader->query);
	free(reader->row_paragraph);
	reader->query = NULL;
	reader->row_paragraph = NULL;
}

static const struct layout_line *lines_of(struct reader *reader, size_t paragraph, size_t *count)
{
	const struct paragraph *item = &reader->speech->paragraphs[paragraph];
	return layout_cache_lines(&reader->layout, paragraph,
				  paragraph_text(reader->speech, paragraph), item->length,
				  item->role == PARAGRAPH_BODY, count);
}

/* The lines of a paragraph's note as shown inline, or NULL. */
static const struct layout_line *note_lines_of(struct reader *reader, size_t paragraph,
					       size_t *count)
{
	const char *note = reader->annotations->notes[paragraph];
	*count = 0;
	if (!reader->show_notes || !note)
		return NULL;
	return layout_cache_lines(&reader->note_layout, paragraph, note, strlen(note), 0, count);
}

/* Rows a paragraph takes: its lines, the fold note, its note when notes
 * show, and a blank line. */
static int block_height(struct reader *reader, size_t paragraph)
{
	size_t count, note_count;
	lines_of(reader, paragraph, &count);
	note_lines_of(reader, paragraph, &note_count);
	return (int)(count + note_count) +
	       (visible_is_folded(&reader->visible, paragraph) ? 1 : 0) + 1;
}

static size_t paragraph_count(const struct reader *reader)
{
	return reader->speech->paragraph_count;
}

/* Rows from the top of the screen to the end of the document, counting
 * no further than `limit`. */
static int rows_below_top(struct reader *reader, int limit)
{
	int rows = -reader->top_line;
	for (size_t p = reader->top; p < paragraph_count(reader) && rows < limit;
	     p = visible_next(&reader->visible, p))
		rows += block_height(reader, p);
	return rows;
}

static void scroll_down(struct reader *reader, int lines)
{
	/* Stop when the last line of the speech reaches the bottom row. */
	int room = rows_below_top(reader, lines + reader->height) - reader->height;
	if (lines > room)
		lines = room;
	while (lines-- > 0) {
		if (reader->top_line + 1 < block_height(reader, reader->top)) {
			reader->top_line++;
			continue;
		}
		size_t next = visible_next(&reader->visible, reader->top);
		if (next >= paragraph_count(reader))
			break;
		reader->top = next;
		reader->top_line = 0;
	}
}

static void scroll_up(struct reader *reader, int lines)
{
	while (lines-- > 0) {
		if (reader->top_line > 0) {
			reader->top_line--;
			continue;
		}
		size_t previous = visible_previous(&reader->visible, reader->top);
		if (previous == (size_t)-1)
			break;
		reader->top = previous;
		reader->top_line = block_height(reader, previous) - 1;
	}
}

/* Puts the end of the cursor paragraph's text on the last row, the pane
 * filled above it (as less shows the end of a file). */
static void cursor_at_bottom(struct reader *reader, int text_rows)
{
	size_t top = reader->cursor;
	int filled = text_rows;
	while (filled < reader->height) {
		size_t previous = visible_previous(&reader->visible, top);
		if (previous == (size_t)-1)
			break;
		top = previous;
		filled += block_height(reader, top);
	}
	reader->top = top;
	reader->top_line = filled > reader->height ? filled - reader->height : 0;
}

/* Scrolls the least that shows the cursor paragraph's text; a paragraph
 * taller than the pane shows from its first line. */
static void show_cursor(struct reader *reader)
{
	size_t cursor = reader->cursor;
	if (cursor < reader->top || (cursor == reader->top && reader->top_line > 0)) {
		reader->top = cursor;
		reader->top_line = 0;
		return;
	}
	int text_rows = block_height(reader, cursor) - 1;
	int rows = -reader->top_line;
	for (size_t p = reader->top; p != cursor && rows < reader->height;
	     p = visible_next(&reader->visible, p))
		rows += block_height(reader, p);
	if (rows + text_rows <= reader->height)
		return;
	if (text_rows >= reader->height) {
		reader->top = cursor;
		reader->top_line = 0;
		return;
	}
	cursor_at_bottom(reader, text_rows);
}

void reader_resize(struct reader *reader, int width, int height)
{
	int columns = width - READER_GUTTER - 1;
	if (columns > reader->max_columns)
		columns = reader->max_columns;
	if (columns < 1)
		columns = 1;
	reader->height = height > 0 ? height : 1;
	struct layout_options options = {
	    .width = columns,
	    .first_indent = BODY_INDENT,
	    .ambiguous_wide = draw_ambiguous_wide(),
	};
	reader->text_columns = columns;
	struct layout_options note_options = options;
	note_options.width = columns > NOTE_INDENT + 1 ? columns - NOTE_INDENT : 1;
	note_options.first_indent = 0;
	layout_cache_set_options(&reader->note_layout, &note_options);
	if (layout_cache_set_options(&reader->layout, &options)) {
		/* The old line offset means nothing at the new width. */
		reader->top = reader->cursor;
		reader->top_line = 0;
	}
	if (reader->row_capacity < reader->height) {
		reader->row_paragraph =
		    xrealloc(reader->row_paragraph, (size_t)reader->height * sizeof(size_t));
		reader->row_capacity = reader->height;
	}
	show_cursor(reader);
}

/* 1 when all of the paragraph's text is on screen. */
static int on_screen(struct reader *reader, size_t paragraph)
{
	if (paragraph < reader->top || (paragraph == reader->top && reader->top_line > 0))
		return 0;
	int rows = -reader->top_line;
	size_t p = reader->top;
	for (; p != paragraph && p < paragraph_count(reader) && rows < reader->height;
	     p = visible_next(&reader->visible, p))
		rows += block_height(reader, p);
	return p == paragraph && rows + block_height(reader, paragraph) - 1 <= reader->height;
}

void reader_goto(struct reader *reader, size_t paragraph)
{
	if (paragraph >= paragraph_count(reader))
		paragraph = paragraph_count(reader) - 1;
	paragraph = visible_shown(&reader->visible, paragraph);
	/* A paragraph the filter hides is worth more than the filter. */
	if (!visible_passes_filter(&reader->visible, paragraph))
		reader->visible.filter = 0;
	/* Unfold every section that hides the paragraph. */
	size_t owner;
	while ((owner = visible_owner(&reader->visible, paragraph)) != paragraph)
		visible_toggle_fold(&reader->visible,
				    (size_t)visible_entry_of(&reader->visible, owner));
	reader->cursor = paragraph;
	/* A jump shows its target from the top of the pane, with what
	 * follows it, unless it is on screen already. */
	if (!on_screen(reader, paragraph)) {
		reader->top = paragraph;
		reader->top_line = 0;
	}
	show_cursor(reader);
}

/* The first paragraph whose first line is on screen, or the top one. */
static size_t first_on_screen(struct reader *reader)
{
	if (reader->top_line == 0)
		return reader->top;
	size_t next = visible_next(&reader->visible, reader->top);
	int rows = block_height(reader, reader->top) - reader->top_line;
	return next < paragraph_count(reader) && rows < reader->height ? next : reader->top;
}

/* The last paragraph whose first line is on screen. */
static size_t last_on_screen(struct reader *reader)
{
	size_t last = first_on_screen(reader);
	int rows = -reader->top_line;
	for (size_t p = reader->top; p < paragraph_count(reader) && rows < reader->height;
	     p = visible_next(&reader->visible, p)) {
		if (rows >= 0)
			last = p;
		rows += block_height(reader, p);
	}
	return last;
}

/* After a scroll, keep the cursor on a paragraph that is on screen. */
static void cursor_into_view(struct reader *reader)
{
	size_t first = first_on_screen(reader), last = last_on_screen(reader);
	if (reader->cursor < first ||
	    (reader->cursor == reader->top && reader->top_line > 0 && first != reader->top))
		reader->cursor = first;
	else if (reader->cursor > last)
		reader->cursor = last;
}

void reader_scroll(struct reader *reader, int lines)
{
	if (lines > 0)
		scroll_down(reader, lines);
	else
		scroll_up(reader, -lines);
	cursor_into_view(reader);
}

/* The first outline entry whose heading comes after `paragraph`. */
static size_t entry_after(const struct speech *speech, size_t paragraph)
{
	size_t low = 0, high = speech->outline_count;
	while (low < high) {
		size_t middle = low + (high - low) / 2;
		if (speech->outline[middle].paragraph <= paragraph)
			low = middle + 1;
		else
			high = middle;
	}
	return low;
}

static int heading_step(struct reader *reader, int forward)
{
	const struct speech *speech = reader->speech;
	size_t entry = entry_after(speech, reader->cursor);
	if (forward) {
		for (; entry < speech->outline_count; entry++) {
			size_t paragraph = speech->outline[entry].paragraph;
			if (visible_owner(&reader->visible, paragraph) == paragraph) {
				reader_goto(reader, paragraph);
				return 1;
			}
		}
		return 0;
	}
	/* entry - 1 is the cursor's own heading or the one before it. */
	while (entry-- > 0) {
		size_t paragraph = speech->outline[entry].paragraph;
		if (paragraph < reader->cursor &&
		    visible_owner(&reader->visible, paragraph) == paragraph) {
			reader_goto(reader, paragraph);
			return 1;
		}
	}
	return 0;
}

static int contains(const struct reader *reader, size_t paragraph, const char *query)
{
	const struct paragraph *item = &reader->speech->paragraphs[paragraph];
	return memmem(paragraph_text(reader->speech, paragraph), item->length, query,
		      strlen(query)) != NULL;
}

int reader_search(struct reader *reader, const char *query, int forward, int include_cursor)
{
	if (query != reader->query) {
		free(reader->query);
		reader->query = query && *query ? xstrdup(query) : NULL;
	}
	if (!reader->query)
		return -1;
	size_t count = paragraph_count(reader);
	size_t start = reader->cursor;
	for (size_t step = include_cursor ? 0 : 1; step <= count; step++) {
		size_t paragraph =
		    forward ? (start + step) % count : (start + count - step % count) % count;
		if (contains(reader, paragraph, reader->query)) {
			reader_goto(reader, paragraph);
			return (forward ? paragraph < start : paragraph > start) ? 1 : 0;
		}
	}
	return -1;
}

static int fold_at_cursor(struct reader *reader, char *message, size_t message_size)
{
	const struct speech *speech = reader->speech;
	size_t entry = speech->paragraphs[reader->cursor].section;
	/* A heading with nothing under it (1. 加强学习。… whose text is all
	 * on its own line) folds the section it belongs to. */
	if (entry > 0 && !reader->visible.folded[entry] &&
	    speech->outline[entry].end_paragraph == speech->outline[entry].paragraph + 1)
		entry = (size_t)speech->outline[entry].parent;
	if (entry == 0) {
		snprintf(message, message_size, _("no section to fold here"));
		return -1;
	}
	visible_toggle_fold(&reader->visible, entry);
	reader->cursor = speech->outline[entry].paragraph;
	if (reader->top > reader->cursor ||
	    visible_owner(&reader->visible, reader->top) != reader->top) {
		reader->top = reader->cursor;
		reader->top_line = 0;
	}
	show_cursor(reader);
	return 1;
}

int reader_request(struct reader *reader, enum request request, char *message, size_t message_size)
{
	size_t last = paragraph_count(reader) - 1;
	size_t next;
	message[0] = '\0';
	switch (request) {
	case REQUEST_PARAGRAPH_NEXT:
		next = visible_next(&reader->visible, reader->cursor);
		if (next <= last)
			reader->cursor = next;
		show_cursor(reader);
		return 1;
	case REQUEST_PARAGRAPH_PREVIOUS:
		next = visible_previous(&reader->visible, reader->cursor);
		if (next != (size_t)-1)
			reader->cursor = next;
		show_cursor(reader);
		return 1;
	case REQUEST_PAGE_DOWN:
		reader_scroll(reader, reader->height > 2 ? reader->height - 1 : 1);
		return 1;
	case REQUEST_PAGE_UP:
		reader_scroll(reader, -(reader->height > 2 ? reader->height - 1 : 1));
		return 1;
	case REQUEST_HALF_PAGE_DOWN:
		reader_scroll(reader, reader->height / 2 > 0 ? reader->height / 2 : 1);
		return 1;
	case REQUEST_HALF_PAGE_UP:
		reader_scroll(reader, -(reader->height / 2 > 0 ? reader->height / 2 : 1));
		return 1;
	case REQUEST_FIRST:
		reader_goto(reader, 0);
		return 1;
	case REQUEST_LAST: {
		reader_goto(reader, visible_owner(&reader->visible, last));
		int text_rows = block_height(reader, reader->cursor) - 1;
		if (text_rows < reader->height)
			cursor_at_bottom(reader, text_rows);
		return 1;
	}
	case REQUEST_HEADING_NEXT:
	case REQUEST_HEADING_PREVIOUS:
		if (!heading_step(reader, request == REQUEST_HEADING_NEXT)) {
			snprintf(message, message_size, "%s",
				 request == REQUEST_HEADING_NEXT ? _("no next heading")
								 : _("no previous heading"));
			return -1;
		}
		return 1;
	case REQUEST_FOLD:
		return fold_at_cursor(reader, message, message_size);
	case REQUEST_SEARCH_NEXT:
	case REQUEST_SEARCH_PREVIOUS: {
		if (!reader->query) {
			snprintf(message, message_size, _("no search yet: press / to search"));
			return -1;
		}
		int forward = request == REQUEST_SEARCH_NEXT;
		int found = reader_search(reader, reader->query, forward, 0);
		if (found < 0) {
			snprintf(message, message_size, _("not found: %s"), reader->query);
			return -1;
		}
		if (found == 1)
			snprintf(message, message_size, "%s",
				 forward ? _("search wrapped to the top")
					 : _("search wrapped to the bottom"));
		return 1;
	}
	default:
		return 0;
	}
}

int reader_selection(const struct reader *reader, size_t *first, size_t *last)
{
	size_t anchor = reader->anchor < 0 ? reader->cursor : (size_t)reader->anchor;
	*first = anchor < reader->cursor ? anchor : reader->cursor;
	*last = anchor < reader->cursor ? reader->cursor : anchor;
	return reader->anchor >= 0;
}

void reader_set_filter(struct reader *reader, theme_set filter)
{
	reader->visible.filter = filter;
	size_t cursor = reader->cursor;
	if (!visible_passes_filter(&reader->visible, cursor) ||
	    visible_owner(&reader->visible, cursor) != cursor) {
		size_t next = visible_next(&reader->visible, cursor);
		cursor = next < paragraph_count(reader)
			     ? next
			     : visible_previous(&reader->visible, cursor);
		if (cursor == (size_t)-1)
			cursor = 0;
	}
	reader->cursor = cursor;
	reader->anchor = -1;
	/* From the top, so what the filter keeps above the cursor shows too. */
	reader->top = 0;
	reader->top_line = 0;
	show_cursor(reader);
}

void reader_note_changed(struct reader *reader, size_t paragraph)
{
	layout_cache_forget(&reader->note_layout, paragraph);
	show_cursor(reader);
}

void reader_annotations_changed(struct reader *reader)
{
	/* Notes may have changed anywhere; they are laid out again as they
	 * come on screen. */
	layout_cache_clear(&reader->note_layout);
	reader->keywords_paragraph = (size_t)-1;
	if (!visible_passes_filter(&reader->visible, reader->cursor))
		reader_set_filter(reader, reader->visible.filter);
	else
		show_cursor(reader);
}

static theme_set all_themes(const struct paragraph_marks *annotations)
{
	return annotations->theme_count >= MARK_THEME_MAX
		   ? ~(theme_set)0
		   : ((theme_set)1 << annotations->theme_count) - 1;
}

int reader_tagged_step(struct reader *reader, int forward)
{
	const struct speech *speech = reader->speech;
	const struct paragraph_marks *annotations = reader->annotations;
	theme_set any = all_themes(annotations);
	if (forward) {
		size_t p = reader->cursor + 1;
		while (p < speech->paragraph_count) {
			long entry = visible_entry_of(&reader->visible, p);
			if (entry > 0 && !marks_section_has(annotations, (size_t)entry, any)) {
				p = speech->outline[entry].end_paragraph;
				continue;
			}
			if (annotations->tags[p] && !paragraph_hidden(&speech->paragraphs[p])) {
				reader_goto(reader, p);
				return 1;
			}
			p++;
		}
		return 0;
	}
	size_t p = reader->cursor;
	while (p-- > 0) {
		if (annotations->tags[p] && !paragraph_hidden(&speech->paragraphs[p])) {
			reader_goto(reader, p);
			return 1;
		}
		for (long e = (long)speech->paragraphs[p].section; e > 0;
		     e = speech->outline[e].parent)
			if (!marks_section_has(annotations, (size_t)e, any))
				p = speech->outline[e].paragraph;
	}
	return 0;
}

size_t reader_paragraph_at_row(const struct reader *reader, int row)
{
	if (row < 0 || row >= reader->height || row >= reader->row_capacity)
		return (size_t)-1;
	return reader->row_paragraph[row];
}

/* A stretch of a paragraph drawn with other attributes. */
struct highlight {
	size_t start, end; /* bytes into the paragraph */
	attr_t attributes;
};

enum { HIGHLIGHTS_MAX = 64 };

/* Appends the search matches that overlap text[start..end), including one
 * that began on the line before. */
static size_t add_matches(const struct reader *reader, const char *text, size_t length,
			  size_t start, size_t end, struct highlight *highlights, size_t count)
{
	size_t query_length = reader->query ? strlen(reader->query) : 0;
	if (query_length == 0)
		return count;
	size_t from = start >= query_length ? start - query_length + 1 : 0;
	size_t limit = end + query_length - 1 < length ? end + query_length - 1 : length;
	while (count < HIGHLIGHTS_MAX && from < limit) {
		const char *match = memmem(text + from, limit - from, reader->query, query_length);
		if (!match || (size_t)(match - text) >= end)
			break;
		size_t offset = (size_t)(match - text);
		highlights[count++] =
		    (struct highlight){offset, offset + query_length, colors_attr(ELEMENT_MATCH)};
		from = offset + query_length;
	}
	return count;
}

/* Appends the keywords that suggest themes for the paragraph (s). */
static size_t add_keywords(struct reader *reader, size_t paragraph, const char *text, size_t length,
			   size_t start, size_t end, struct highlight *highlights, size_t count)
{
	if (paragraph != reader->keywords_paragraph)
		return count;
	const struct paragraph_marks *annotations = reader->annotations;
	theme_set suggested = marks_suggested(reader->annotations, paragraph);
	for (size_t t = 0; t < annotations->theme_count; t++) {
		if (!(suggested & ((theme_set)1 << t)))
			continue;
		const struct mark_theme *theme = &annotations->themes[t];
		struct keyword_match *matches;
		size_t found = keyword_find(text, length, (const char *const *)theme->keywords,
					    theme->keyword_count, &matches);
		for (size_t i = 0; i < found && count < HIGHLIGHTS_MAX; i++)
			if (matches[i].offset < end &&
			    matches[i].offset + matches[i].length > start)
				highlights[count++] = (struct highlight){
				    matches[i].offset, matches[i].offset + matches[i].length,
				    colors_attr(ELEMENT_KEYWORD) | colors_theme_attr(t)};
		free(matches);
	}
	return count;
}

static int by_start(const void *a, const void *b)
{
	const struct highlight *left = a, *right = b;
	return left->start < right->start ? -1 : left->start > right->start;
}

/* Draws one line of a paragraph with its search matches and suggesting
 * keywords highlighted. */
static void draw_line(struct reader *reader, WINDOW *window, int y, int x, size_t paragraph,
		      const struct layout_line *line, attr_t attributes)
{
	const char *text = paragraph_text(reader->speech, paragraph);
	size_t length = reader->speech->paragraphs[paragraph].length;
	size_t start = line->offset, end = line->offset + line->length;
	struct highlight highlights[HIGHLIGHTS_MAX];
	size_t count = add_matches(reader, text, length, start, end, highlights, 0);
	count = add_keywords(reader, paragraph, text, length, start, end, highlights, count);
	qsort(highlights, count, sizeof *highlights, by_start);
	int column = 0;
	size_t position = start;
	for (size_t i = 0; i < count; i++) {
		size_t from = highlights[i].start > position ? highlights[i].start : position;
		size_t to = highlights[i].end < end ? highlights[i].end : end;
		if (to <= from)
			continue; /* inside a stretch already drawn */
		column += draw_text(window, y, x + column, text + position, from - position,
				    reader->text_columns, attributes);
		column += draw_text(window, y, x + column, text + from, to - from,
				    reader->text_columns, highlights[i].attributes);
		position = to;
	}
	draw_text(window, y, x + column, text + position, end - position, reader->text_columns,
		  attributes);
}

static attr_t paragraph_attributes(const struct paragraph *paragraph)
{
	if (paragraph->role == PARAGRAPH_TITLE)
		return colors_attr(ELEMENT_TITLE);
	if (paragraph->role == PARAGRAPH_HEADING)
		return colors_attr(colors_heading(paragraph->depth));
	return colors_attr(ELEMENT_TEXT);
}

/* Theme marks on the first line: one per theme the paragraph carries, then
 * a dim one per theme its keywords suggest; "+" when they do not fit. */
static void draw_marks(struct reader *reader, WINDOW *window, int y, int x, size_t paragraph)
{
	struct paragraph_marks *annotations = reader->annotations;
	theme_set tags = annotations->tags[paragraph];
	theme_set suggested = marks_suggested(annotations, paragraph);
	int column = 0;
	for (int pass = 0; pass < 2; pass++) {
		theme_set themes = pass == 0 ? tags : suggested;
		for (size_t t = 0; t < annotations->theme_count; t++) {
			if (!(themes & ((theme_set)1 << t)))
				continue;
			const char *mark = pass == 0 ? "●" : "○";
			size_t mark_length = strlen(mark);
			if (!colors_enabled() && pass == 0) {
				mark = annotations->themes[t].name;
				mark_length = utf8_advance(mark, strlen(mark), 1);
			}
			attr_t attributes = colors_theme_attr(t);
			if (pass == 1)
				attributes = (attributes & ~(attr_t)A_BOLD) | A_DIM;
			int width = draw_width(mark, mark_length);
			if (column + width > READER_MARK_COLUMNS) {
				draw_text(window, y, x + READER_MARK_COLUMNS - 1, "+", 1, 1,
					  colors_attr(ELEMENT_DIM));
				return;
			}
			column +=
			    draw_text(window, y, x + column, mark, mark_length, width, attributes);
		}
		/* Tags of themes past the tracked ones: a "+", as for marks
		 * that do not fit (the status line counts them). */
		if (pass == 0 && annotations->more_tags && annotations->more_tags[paragraph]) {
			if (column >= READER_MARK_COLUMNS)
				column = READER_MARK_COLUMNS - 1;
			column +=
			    draw_text(window, y, x + column, "+", 1, 1, colors_attr(ELEMENT_DIM));
		}
	}
}

/* The gutter of one row: the cursor or selection bar on every line of the
 * paragraph, marks and the note mark on its first line. */
static void draw_gutter(struct reader *reader, WINDOW *window, int y, int x, size_t paragraph,
			int first_line)
{
	size_t first, last;
	int selecting = reader_selection(reader, &first, &last);
	if (selecting && paragraph >= first && paragraph <= last)
		draw_text(window, y, x, "┃", strlen("┃"), 1, colors_attr(ELEMENT_SELECTION));
	else if (paragraph == reader->cursor)
		draw_text(window, y, x, "▌", strlen("▌"), 1, colors_attr(ELEMENT_CURSOR_MARK));
	if (!first_line)
		return;
	draw_marks(reader, window, y, x + 1, paragraph);
	if (reader->annotations->notes[paragraph])
		draw_text(window, y, x + 1 + READER_MARK_COLUMNS, "✎", strlen("✎"), 1,
			  colors_attr(ELEMENT_NOTE) | A_BOLD);
}

void reader_draw(struct reader *reader, WINDOW *window, int y, int x, int width, int height)
{
	const struct speech *speech = reader->speech;
	int text_x = x + READER_GUTTER + (width - READER_GUTTER - reader->text_columns) / 2;
	int gutter_x = text_x - READER_GUTTER;
	size_t paragraph = reader->top;
	int line_index = reader->top_line;
	/* The screen was erased before drawing: rows need no blanking. */
	for (int row = 0; row < height; row++) {
		if (row < reader->row_capacity)
			reader->row_paragraph[row] = (size_t)-1;
		if (paragraph >= speech->paragraph_count)
			continue;
		size_t count, note_count;
		const struct layout_line *lines = lines_of(reader, paragraph, &count);
		const struct layout_line *note_lines =
		    note_lines_of(reader, paragraph, &note_count);
		const struct paragraph *item = &speech->paragraphs[paragraph];
		int folded = visible_is_folded(&reader->visible, paragraph);
		size_t index = (size_t)line_index;
		size_t text_rows = count + (folded ? 1 : 0) + note_count;
		if (index < text_rows) {
			if (row < reader->row_capacity)
				reader->row_paragraph[row] = paragraph;
			draw_gutter(reader, window, y + row, gutter_x, paragraph, index == 0);
		}
		if (index < count) {
			const struct layout_line *line = &lines[index];
			int indent = line->indent;
			if (item->role == PARAGRAPH_TITLE)
				indent = (reader->text_columns - line->width) / 2;
			draw_line(reader, window, y + row, text_x + indent, paragraph, line,
				  paragraph_attributes(item));
		} else if (folded && index == count) {
			char note[64];
			snprintf(note, sizeof note,
				 P_("… %zu paragraph", "… %zu paragraphs",
				    visible_folded_count(&reader->visible, paragraph)),
				 visible_folded_count(&reader->visible, paragraph));
			draw_text(window, y + row, text_x + BODY_INDENT, note, strlen(note),
				  reader->text_columns, colors_attr(ELEMENT_FOLD_NOTE));
		} else if (index < text_rows) {
			const struct layout_line *line =
			    &note_lines[index - count - (folded ? 1 : 0)];
			const char *note = reader->annotations->notes[paragraph];
			if (line == note_lines)
				draw_text(window, y + row, text_x, "✎", strlen("✎"), 1,
					  colors_attr(ELEMENT_NOTE) | A_BOLD);
			draw_text(window, y + row, text_x + NOTE_INDENT, note + line->offset,
				  line->length, reader->text_columns - NOTE_INDENT,
				  colors_attr(ELEMENT_NOTE));
		}
		if (++line_index >= (int)text_rows + 1) {
			paragraph = visible_next(&reader->visible, paragraph);
			line_index = 0;
		}
	}
}
