/* annotate.c — the reader's tagging, note, filter, suggestion and copy
 * commands. Each change goes through the annotations model, which saves it
 * before the screen shows it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "base/buffer.h"
#include "speech/keyword.h"
#include "store/history.h"
#include "tui/app.h"
#include "tui/clipboard.h"
#include "tui/colors.h"
#include "tui/editor.h"
#include "tui/export_dialog.h"
#include "tui/picker.h"
#include "tui/stats_view.h"
#include "tui/status.h"

/* How soon G must follow digits to read them as a paragraph number. */
enum { COUNT_WINDOW_MILLISECONDS = 1500 };

/* How often, at most, the reader asks whether another pizhu changed the
 * library. */
enum { REFRESH_MILLISECONDS = 200 };

static void describe_range(char *text, size_t size, size_t first, size_t last)
{
	if (first == last)
		snprintf(text, size, "¶%zu", first);
	else
		snprintf(text, size, "¶%zu–¶%zu (%zu paragraphs)", first, last, last - first + 1);
}

/* 1 when the speech is in the library, so that it can take annotations. */
static int in_library(struct app *app)
{
	if (app->annotations.document_id)
		return 1;
	app_message(app, 1, "still importing this speech: tags and notes work in a moment");
	return 0;
}

/* The paragraphs a tag key works on: the selection or the cursor's, less
 * the title, which takes no tags. Returns 0 (with a message) when none. */
static int tag_range(struct app *app, size_t *first, size_t *last)
{
	reader_selection(&app->reader, first, last);
	if (*first == 0)
		*first = 1;
	if (*first > *last) {
		app->reader.anchor = -1;
		app_message(app, 1, "the title takes no tags");
		return 0;
	}
	return 1;
}

static void reload(struct app *app);

/* Drops the keys waiting to be read; returns 1 when there were some. */
static int drop_typeahead(void)
{
	int delay = wgetdelay(stdscr);
	timeout(0);
	int key = getch();
	timeout(delay);
	if (key == ERR)
		return 0;
	flushinp();
	return 1;
}

/* Applies one change to the selection (or the cursor paragraph) and ends
 * the selection. Returns 1 when something was saved. */
static int change_selection(struct app *app, theme_set add, theme_set remove, const char *verb,
			    const char *themes)
{
	size_t first, last;
	if (!tag_range(app, &first, &last))
		return 0;
	char where[64], description[256];
	describe_range(where, sizeof where, first, last);
	snprintf(description, sizeof description, "%s %s %s", verb, themes, where);
	struct annotation_change change = {first, last, add, remove};
	size_t changed;
	struct error error;
	app->reader.anchor = -1;
	if (annotations_change(&app->annotations, &change, 1, description, &changed, &error) != 0) {
		/* Keys typed while the write waited (up to the busy timeout) were
		 * typed at a screen that did not show this failure: dropped, so
		 * that none acts on it and the message stays until the next key. */
		int dropped = drop_typeahead();
		app_message(app, 1, "not saved%s: %s",
			    dropped ? ", keys typed meanwhile dropped" : "", error.message);
		return 0;
	}
	if (app->reader.visible.filter)
		reader_set_filter(&app->reader, app->reader.visible.filter);
	if (changed == 0) {
		/* The reader's copy of the tags was stale: another pizhu had
		 * made this change already. Shown, never a key that does
		 * nothing. */
		reload(app);
		app_message(app, 1,
			    "%s was already %s by another pizhu; nothing changed, the tags "
			    "shown now are the library's",
			    where, add ? "tagged" : "untagged");
		return 0;
	}
	return 1;
}

static int toggle_theme(struct app *app, int theme)
{
	size_t first, last;
	if (!tag_range(app, &first, &last))
		return 0;
	const char *name = app->annotations.themes[theme].name;
	theme_set bit = (theme_set)1 << theme;
	char where[64];
	describe_range(where, sizeof where, first, last);
	if (annotations_range_has(&app->annotations, first, last, theme)) {
		if (!change_selection(app, 0, bit, "untag", name))
			return 0;
		app_message(app, 0, "已取消 %s %s (removed)", name, where);
		return 1;
	}
	if (!change_selection(app, bit, 0, "tag", name))
		return 0;
	app_message(app, 0, "已标注 %s %s", name, where);
	return 1;
}

void annotate_count_reset(struct app *app)
{
	app->count = 0;
	app->count_actions = 0;
}

void annotate_digit(struct app *app, int digit)
{
	if (app->count == 0 && digit == 0)
		return;
	if (app->count < 100000000)
		app->count = app->count * 10 + digit;
	clock_gettime(CLOCK_MONOTONIC, &app->last_digit);
	int theme = digit > 0 ? annotations_theme_by_key(&app->annotations, digit) : -1;
	if (theme >= 0) {
		if (in_library(app))
			app->count_actions += (size_t)toggle_theme(app, theme);
		return;
	}
	app_message(app, 0, "%ld (G goes to that paragraph)", app->count);
}

static int undo_step(struct app *app, int redo, struct store_action *action, struct error *error)
{
	int done = 0;
	struct store *store = app->annotations.store;
	int64_t document = app->annotations.document_id;
	int status = redo ? store_redo(store, document, &done, action, error)
			  : store_undo(store, document, &done, action, error);
	return status != 0 ? -1 : done;
}

static void reload(struct app *app)
{
	struct error error;
	if (annotations_reload(&app->annotations, &error) != 0)
		app_message(app, 1, "could not load the annotations: %s", error.message);
	colors_set_themes(app->annotations.themes, app->annotations.theme_count);
	reader_annotations_changed(&app->reader);
}

int annotate_count_goto(struct app *app)
{
	if (app->count <= 0)
		return 0;
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	long elapsed = (now.tv_sec - app->last_digit.tv_sec) * 1000 +
		       (now.tv_nsec - app->last_digit.tv_nsec) / 1000000;
	if (elapsed > COUNT_WINDOW_MILLISECONDS)
		return 0;
	size_t undone = 0;
	for (; undone < app->count_actions; undone++) {
		struct store_action action;
		struct error error;
		int done = undo_step(app, 0, &action, &error);
		if (done > 0)
			store_action_clear(&action);
		if (done <= 0)
			break;
	}
	if (undone)
		reload(app);
	reader_goto(&app->reader, (size_t)app->count);
	app_message(app, 0, "¶%ld%s", app->count,
		    undone ? " (the theme keys typed before G were undone)" : "");
	annotate_count_reset(app);
	return 1;
}

static void undo_or_redo(struct app *app, int redo)
{
	struct store_action action;
	struct error error;
	int done = undo_step(app, redo, &action, &error);
	if (done < 0) {
		app_message(app, 1, "%s failed: %s", redo ? "redo" : "undo", error.message);
		return;
	}
	if (!done) {
		app_message(app, 0, "nothing to %s", redo ? "redo" : "undo");
		return;
	}
	reload(app);
	app_message(app, 0, "%s: %s", redo ? "redone" : "undone", action.description);
	store_action_clear(&action);
}

static void pick_themes(struct app *app)
{
	size_t first, last;
	if (!tag_range(app, &first, &last))
		return;
	struct annotations *annotations = &app->annotations;
	theme_set initial = 0;
	for (size_t t = 0; t < annotations->theme_count; t++)
		if (annotations_range_has(annotations, first, last, (int)t))
			initial |= (theme_set)1 << t;
	char title[96], where[64];
	describe_range(where, sizeof where, first, last);
	snprintf(title, sizeof title, "Themes for %s", where);
	theme_set chosen = initial;
	app->message[0] = '\0';
	if (picker_run(annotations, title, &chosen, app->message, sizeof app->message, app->stop) !=
	    PICKER_APPLIED)
		return;
	theme_set add = chosen & ~initial, remove = initial & ~chosen;
	if (!add && !remove)
		return;
	struct buffer names = {0};
	annotations_theme_names(annotations, add | remove, "、", &names);
	if (change_selection(app, add, remove, "set themes", names.data))
		app_message(app, 0, "themes set on %s", where);
	buffer_free(&names);
}

static void choose_filter(struct app *app)
{
	theme_set chosen = app->reader.visible.filter;
	app->message[0] = '\0';
	if (picker_run(&app->annotations, "Show only paragraphs with these themes", &chosen,
		       app->message, sizeof app->message, app->stop) != PICKER_APPLIED)
		return;
	reader_set_filter(&app->reader, chosen);
	if (!chosen)
		return;
	struct buffer names = {0};
	annotations_theme_names(&app->annotations, chosen, "、", &names);
	app_message(app, 0, "showing %s only (F shows everything)", names.data);
	buffer_free(&names);
}

static void edit_note(struct app *app)
{
	size_t paragraph = app->reader.cursor;
	if (paragraph == 0) {
		app_message(app, 1, "the title takes no note");
		return;
	}
	const char *old = app->annotations.notes[paragraph];
	char title[64];
	snprintf(title, sizeof title, "Note for ¶%zu", paragraph);
	char *text = editor_run(title, old, app->stop);
	if (!text)
		return;
	if (strcmp(text, old ? old : "") != 0) {
		struct error error;
		if (annotations_set_note(&app->annotations, paragraph, text, &error) != 0)
			app_message(app, 1, "note not saved: %s", error.message);
		else
			app_message(app, 0, *text ? "note saved on ¶%zu" : "note removed from ¶%zu",
				    paragraph);
		reader_note_changed(&app->reader, paragraph);
	}
	free(text);
}

/* The keywords of the suggested themes found in the paragraph. */
static void suggesting_keywords(struct annotations *annotations, size_t paragraph,
				theme_set suggested, struct buffer *out)
{
	const struct speech *speech = annotations->speech;
	for (size_t t = 0; t < annotations->theme_count; t++) {
		if (!(suggested & ((theme_set)1 << t)))
			continue;
		const struct annotation_theme *theme = &annotations->themes[t];
		struct keyword_match *matches;
		size_t count = keyword_find(
		    paragraph_text(speech, paragraph), speech->paragraphs[paragraph].length,
		    (const char *const *)theme->keywords, theme->keyword_count, &matches);
		buffer_printf(out, "%s%s (", out->length ? "; " : "", theme->name);
		size_t shown = 0;
		for (size_t i = 0; i < count && shown < 4; i++) {
			const char *keyword = theme->keywords[matches[i].keyword];
			if (strstr(out->data, keyword))
				continue;
			buffer_printf(out, "%s%s", shown ? "、" : "", keyword);
			shown++;
		}
		buffer_append_string(out, ")");
		free(matches);
	}
	buffer_string(out);
}

/* Waits for the next key, with the screen drawn. */
static int next_key(struct app *app)
{
	for (;;) {
		app_draw(app);
		int key = getch();
		if (*app->stop)
			return 'q';
		if (key != ERR && key != KEY_RESIZE)
			return key;
	}
}

static void show_suggestion(struct app *app)
{
	size_t paragraph = app->reader.cursor;
	theme_set suggested = annotations_suggested(&app->annotations, paragraph);
	if (!suggested) {
		app_message(app, 0, "no theme suggested here");
		return;
	}
	struct buffer why = {0};
	suggesting_keywords(&app->annotations, paragraph, suggested, &why);
	app->reader.keywords_paragraph = paragraph;
	app_message(app, 0, "suggested: %s — y accepts, any other key leaves it", why.data);
	buffer_free(&why);
	int key = next_key(app);
	app->reader.keywords_paragraph = (size_t)-1;
	app->message[0] = '\0';
	if (key != 'y' && key != 'Y')
		return;
	struct buffer names = {0};
	annotations_theme_names(&app->annotations, suggested, "、", &names);
	if (change_selection(app, suggested, 0, "accept suggestion", names.data))
		app_message(app, 0, "已标注 %s ¶%zu", names.data, paragraph);
	buffer_free(&names);
}

static void review_suggestions(struct app *app)
{
	struct annotations *annotations = &app->annotations;
	size_t count = app->speech->paragraph_count, total = 0;
	for (size_t p = 0; p < count; p++)
		total += annotations_suggested(annotations, p) != 0;
	if (!total) {
		app_message(app, 0, "no suggestions in this speech");
		return;
	}
	struct annotation_change *accepted = xcalloc(total, sizeof *accepted);
	size_t accepted_count = 0, seen = 0;
	int stop = 0;
	for (size_t p = 0; p < count && !stop; p++) {
		theme_set suggested = annotations_suggested(annotations, p);
		if (!suggested)
			continue;
		seen++;
		reader_goto(&app->reader, p);
		app->reader.keywords_paragraph = p;
		struct buffer why = {0};
		suggesting_keywords(annotations, p, suggested, &why);
		app_message(app, 0, "suggestion %zu/%zu: %s — y accept, n skip, q stop", seen,
			    total, why.data);
		buffer_free(&why);
		int key = next_key(app);
		if (key == 'y' || key == 'Y')
			accepted[accepted_count++] = (struct annotation_change){p, p, suggested, 0};
		else if (key == 'q' || key == 27)
			stop = 1;
	}
	app->reader.keywords_paragraph = (size_t)-1;
	if (accepted_count) {
		size_t changed;
		struct error error;
		char description[64];
		snprintf(description, sizeof description, "accept %zu suggestions", accepted_count);
		if (annotations_change(annotations, accepted, accepted_count, description, &changed,
				       &error) != 0)
			app_message(app, 1, "not saved: %s", error.message);
		else
			app_message(app, 0, "accepted %zu suggestions (u undoes them all)",
				    accepted_count);
	} else {
		app_message(app, 0, "no suggestion accepted");
	}
	free(accepted);
}

static void copy_paragraph(struct app *app)
{
	const struct speech *speech = app->speech;
	size_t paragraph = app->reader.cursor;
	struct buffer text = {0};
	buffer_append(&text, paragraph_text(speech, paragraph),
		      speech->paragraphs[paragraph].length);
	buffer_append_string(&text, "\n——《");
	buffer_append(&text, paragraph_text(speech, 0), speech->paragraphs[0].length);
	buffer_append_string(&text, "》");
	struct buffer crumbs = {0};
	status_breadcrumb(speech, paragraph, 1000, &crumbs);
	if (crumbs.length) {
		buffer_append_string(&text, " ");
		buffer_append(&text, crumbs.data, crumbs.length);
	}
	buffer_printf(&text, " ¶%zu（pizhu %lld:%zu）\n", paragraph,
		      (long long)app->annotations.document_id, paragraph);
	clipboard_copy(text.data, text.length);
	app_message(app, 0, "copied ¶%zu with its citation", paragraph);
	buffer_free(&crumbs);
	buffer_free(&text);
}

static void select_section(struct app *app)
{
	const struct speech *speech = app->speech;
	long entry = visible_entry_of(&app->reader.visible, app->reader.cursor);
	if (entry <= 0) {
		app_message(app, 1, "T selects a section: put the cursor on its heading");
		return;
	}
	size_t last = speech->outline[entry].end_paragraph - 1;
	app->reader.anchor = (long)last;
	app_message(app, 0, "section ¶%zu–¶%zu selected: press a theme key (or t)",
		    app->reader.cursor, last);
}

int annotate_request(struct app *app, enum request request)
{
	switch (request) {
	case REQUEST_THEME_PICKER:
	case REQUEST_UNDO:
	case REQUEST_REDO:
	case REQUEST_NOTE:
	case REQUEST_SUGGESTION:
	case REQUEST_SUGGESTIONS_REVIEW:
	case REQUEST_EXPORT:
	case REQUEST_STATISTICS:
		if (!in_library(app))
			return 1;
		break;
	default:
		break;
	}
	switch (request) {
	case REQUEST_THEME_PICKER:
		pick_themes(app);
		return 1;
	case REQUEST_SELECT:
		if (app->reader.anchor >= 0) {
			app->reader.anchor = -1;
			return 1;
		}
		app->reader.anchor = (long)app->reader.cursor;
		app_message(app, 0, "selecting: move, then press a theme key or t (Esc cancels)");
		return 1;
	case REQUEST_SELECT_SECTION:
		select_section(app);
		return 1;
	case REQUEST_CANCEL:
		app->reader.anchor = -1;
		app->reader.keywords_paragraph = (size_t)-1;
		return 1;
	case REQUEST_UNDO:
	case REQUEST_REDO:
		undo_or_redo(app, request == REQUEST_REDO);
		return 1;
	case REQUEST_NOTE:
		edit_note(app);
		return 1;
	case REQUEST_NOTES_SHOW:
		app->reader.show_notes = !app->reader.show_notes;
		reader_annotations_changed(&app->reader);
		app_message(app, 0, app->reader.show_notes ? "notes shown" : "notes hidden");
		return 1;
	case REQUEST_FILTER:
		choose_filter(app);
		return 1;
	case REQUEST_FILTER_CLEAR:
		reader_set_filter(&app->reader, 0);
		return 1;
	case REQUEST_TAGGED_NEXT:
	case REQUEST_TAGGED_PREVIOUS:
		if (!reader_tagged_step(&app->reader, request == REQUEST_TAGGED_NEXT))
			app_message(app, 0, "no %s tagged paragraph",
				    request == REQUEST_TAGGED_NEXT ? "next" : "previous");
		return 1;
	case REQUEST_SUGGESTION:
		show_suggestion(app);
		return 1;
	case REQUEST_SUGGESTIONS_REVIEW:
		review_suggestions(app);
		return 1;
	case REQUEST_COPY:
		copy_paragraph(app);
		return 1;
	case REQUEST_EXPORT: {
		/* A filter says which themes the user is after. */
		int wrote = export_dialog_run(&app->annotations, app->reader.visible.filter,
					      app->message, sizeof app->message, app->stop);
		app->message_is_error = wrote < 0;
		return 1;
	}
	case REQUEST_STATISTICS: {
		struct error error;
		if (stats_view_run(&app->annotations, app->stop, &error) != 0)
			app_message(app, 1, "%s", error.message);
		return 1;
	}
	default:
		return 0;
	}
}

int annotate_refresh(struct app *app)
{
	/* Asking the library costs a read transaction: not on every key of a
	 * fast page-through, but often enough that another pizhu's tag shows
	 * within a moment. */
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	long since = (now.tv_sec - app->last_refresh.tv_sec) * 1000 +
		     (now.tv_nsec - app->last_refresh.tv_nsec) / 1000000;
	if (since >= 0 && since < REFRESH_MILLISECONDS)
		return 0;
	app->last_refresh = now;
	int changed;
	struct error error;
	if (annotations_refresh(&app->annotations, &changed, &error) != 0) {
		app_message(app, 1, "could not check the library: %s", error.message);
		return 1;
	}
	if (changed) {
		colors_set_themes(app->annotations.themes, app->annotations.theme_count);
		reader_annotations_changed(&app->reader);
	}
	return changed;
}
