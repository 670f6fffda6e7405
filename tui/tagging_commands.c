/* tagging_commands.c — the reader's tagging, note, filter, suggestion and copy
 * commands. Each change goes through the paragraph marks (tui/model/paragraph_marks.h), which saves
 * it before the screen shows it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buffer.h"
#include "base/i18n.h"
#include "speech/keyword.h"
#include "store/correction.h"
#include "store/history.h"
#include "tui/app.h"
#include "tui/clipboard.h"
#include "tui/colors.h"
#include "tui/editor.h"
#include "tui/export_dialog.h"
#include "tui/picker.h"
#include "tui/prompt.h"
#include "tui/stats_view.h"
#include "tui/status.h"
#include "tui/view.h"

void describe_paragraphs(char *text, size_t size, size_t first, size_t last)
{
	if (first == last)
		snprintf(text, size, "¶%zu", first);
	else
		snprintf(text, size, _("¶%zu–¶%zu (%zu paragraphs)"), first, last,
			 last - first + 1);
}

/* 1 when the speech is in the library, so that it can take annotations. */
static int in_library(struct app *app)
{
	if (app->annotations.document_id)
		return 1;
	app_message(app, 1, _("still importing this speech: tags and notes work in a moment"));
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
		app_message(app, 1, _("the title takes no tags"));
		return 0;
	}
	return 1;
}

static void reload(struct app *app);

/* Applies one change to the selection (or the cursor paragraph) and ends
 * the selection. Returns 1 when something was saved. */
static int change_selection(struct app *app, theme_set add, theme_set remove, const char *verb,
			    const char *themes)
{
	size_t first, last;
	if (!tag_range(app, &first, &last))
		return 0;
	char where[64], description[256];
	describe_paragraphs(where, sizeof where, first, last);
	snprintf(description, sizeof description, "%s %s %s", verb, themes, where);
	struct mark_change change = {first, last, add, remove};
	size_t changed;
	struct error error;
	app->reader.anchor = -1;
	if (marks_change(&app->annotations, &change, 1, description, &changed, &error) != 0) {
		/* Keys typed while the write waited (up to the busy timeout) were
		 * typed at a screen that did not show this failure: dropped, so
		 * that none acts on it and the message stays until the next key. */
		if (view_drop_typeahead())
			app_message(app, 1, _("not saved, keys typed meanwhile dropped: %s"),
				    error.message);
		else
			app_message(app, 1, _("not saved: %s"), error.message);
		return 0;
	}
	if (app->reader.visible.filter)
		reader_set_filter(&app->reader, app->reader.visible.filter);
	if (changed == 0) {
		/* The reader's copy of the tags was stale: another pizhu had
		 * made this change already. Shown, never a key that does
		 * nothing. */
		reload(app);
		app_message(
		    app, 1,
		    add ? _("%s was already tagged by another pizhu; nothing changed, the "
			    "tags shown now are the library's")
			: _("%s was already untagged by another pizhu; nothing changed, the "
			    "tags shown now are the library's"),
		    where);
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
	describe_paragraphs(where, sizeof where, first, last);
	if (marks_range_has(&app->annotations, first, last, theme)) {
		if (!change_selection(app, 0, bit, "untag", name))
			return 0;
		app_message(app, 0, _("已取消 %s %s (removed)"), name, where);
		return 1;
	}
	if (!change_selection(app, bit, 0, "tag", name))
		return 0;
	app_message(app, 0, _("已标注 %s %s"), name, where);
	return 1;
}

void tagging_theme_key(struct app *app, int key)
{
	int digit = key >= '1' && key <= '9' ? key - '0' : 0;
	int theme = digit ? marks_theme_by_key(&app->annotations, digit) : -1;
	if (theme < 0) {
		if (digit)
			app_message(app, 0, _("no theme has key %d (t makes one; :N goes to ¶N)"),
				    digit);
		else
			app_message(app, 1, _("a theme key is a digit from 1 to 9"));
		return;
	}
	if (in_library(app))
		toggle_theme(app, theme);
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
	if (marks_reload(&app->annotations, &error) != 0)
		app_message(app, 1, _("could not load the annotations: %s"), error.message);
	colors_set_themes(app->annotations.themes, app->annotations.theme_count);
	reader_annotations_changed(&app->reader);
}

/* An action's description from the history (English, as the command line
 * writes it too: "tag 民生 ¶6") in the current language: its verb
 * translated, the rest as it is. */
static void action_said(const char *description, struct buffer *out)
{
	static const struct {
		const char *verb;
		const char *said;
	} verbs[] = {
	    {"accept suggestions for", N_("accept suggestions for")},
	    {"accept suggestion", N_("accept suggestion")},
	    {"clear note", N_("clear note")},
	    {"note", N_("note")},
	    {"set themes", N_("set themes")},
	    {"untag", N_("untag")},
	    {"tag", N_("tag")},
	    {"mark", N_("mark")},
	    {"title", N_("title")},
	};
	size_t count;
	int end = 0;
	if (sscanf(description, "accept %zu suggestions%n", &count, &end) == 1 && end > 0 &&
	    description[end] == '\0') {
		buffer_printf(out, P_("accept %zu suggestion", "accept %zu suggestions", count),
			      count);
		buffer_string(out);
		return;
	}
	for (size_t i = 0; i < sizeof verbs / sizeof verbs[0]; i++) {
		size_t length = strlen(verbs[i].verb);
		if (strncmp(description, verbs[i].verb, length) == 0 &&
		    (description[length] == ' ' || description[length] == '\0')) {
			buffer_append_string(out, _(verbs[i].said));
			buffer_append_string(out, description + length);
			buffer_string(out);
			return;
		}
	}
	buffer_append_string(out, description);
	buffer_string(out);
}

static void undo_or_redo(struct app *app, int redo)
{
	struct store_action action;
	struct error error;
	int done = undo_step(app, redo, &action, &error);
	if (done < 0) {
		app_message(app, 1, redo ? _("redo failed: %s") : _("undo failed: %s"),
			    error.message);
		return;
	}
	if (!done) {
		app_message(app, 0, "%s", redo ? _("nothing to redo") : _("nothing to undo"));
		return;
	}
	reload(app);
	int corrects = 0;
	if (store_action_corrects(app->annotations.store, action.target ? action.target : action.id,
				  &corrects, &error) != 0 ||
	    (corrects && app_reload_structure(app, &error) != 0)) {
		app_message(app, 1, _("could not load the speech again: %s"), error.message);
		store_action_clear(&action);
		return;
	}
	struct buffer said = {0};
	action_said(action.description, &said);
	app_message(app, 0, redo ? _("redone: %s") : _("undone: %s"), said.data);
	buffer_free(&said);
	store_action_clear(&action);
}

static void themes_picked(void *context, theme_set chosen)
{
	struct app *app = context;
	size_t first, last;
	if (!tag_range(app, &first, &last))
		return;
	theme_set initial = app->picked_initial;
	theme_set add = chosen & ~initial, remove = initial & ~chosen;
	if (!add && !remove)
		return;
	char where[64];
	describe_paragraphs(where, sizeof where, first, last);
	struct buffer names = {0};
	marks_theme_names(&app->annotations, add | remove, "、", &names);
	if (change_selection(app, add, remove, "set themes", names.data))
		app_message(app, 0, _("themes set on %s"), where);
	buffer_free(&names);
}

static void pick_themes(struct app *app)
{
	size_t first, last;
	if (!tag_range(app, &first, &last))
		return;
	struct paragraph_marks *annotations = &app->annotations;
	theme_set initial = 0;
	for (size_t t = 0; t < annotations->theme_count; t++)
		if (marks_range_has(annotations, first, last, (int)t))
			initial |= (theme_set)1 << t;
	char title[96], where[64];
	describe_paragraphs(where, sizeof where, first, last);
	snprintf(title, sizeof title, _("Themes for %s"), where);
	app->picked_initial = initial;
	app->message[0] = '\0';
	picker_open(app->view->driver, annotations, title, initial, themes_picked, app,
		    app->message, sizeof app->message);
}

static void filter_picked(void *context, theme_set chosen)
{
	struct app *app = context;
	reader_set_filter(&app->reader, chosen);
	if (!chosen)
		return;
	struct buffer names = {0};
	marks_theme_names(&app->annotations, chosen, "、", &names);
	app_message(app, 0, _("showing %s only (F shows everything)"), names.data);
	buffer_free(&names);
}

static void choose_filter(struct app *app)
{
	app->message[0] = '\0';
	picker_open(app->view->driver, &app->annotations,
		    _("Show only paragraphs with these themes"), app->reader.visible.filter,
		    filter_picked, app, app->message, sizeof app->message);
}

static void note_written(void *context, char *text)
{
	struct app *app = context;
	size_t paragraph = app->note_paragraph;
	const char *old = app->annotations.notes[paragraph];
	if (strcmp(text, old ? old : "") != 0) {
		struct error error;
		if (marks_set_note(&app->annotations, paragraph, text, &error) != 0)
			app_message(app, 1, _("note not saved: %s"), error.message);
		else
			app_message(app, 0,
				    *text ? _("note saved on ¶%zu") : _("note removed from ¶%zu"),
				    paragraph);
		reader_note_changed(&app->reader, paragraph);
	}
	free(text);
}

static void edit_note(struct app *app)
{
	size_t paragraph = app->reader.cursor;
	if (paragraph == 0) {
		app_message(app, 1, _("the title takes no note"));
		return;
	}
	char title[64];
	snprintf(title, sizeof title, _("Note for ¶%zu"), paragraph);
	app->note_paragraph = paragraph;
	editor_open(app->view->driver, title, app->annotations.notes[paragraph], note_written, app);
}

/* The keywords of the suggested themes found in the paragraph. */
static void suggesting_keywords(struct paragraph_marks *annotations, size_t paragraph,
				theme_set suggested, struct buffer *out)
{
	const struct speech *speech = annotations->speech;
	for (size_t t = 0; t < annotations->theme_count; t++) {
		if (!(suggested & ((theme_set)1 << t)))
			continue;
		const struct mark_theme *theme = &annotations->themes[t];
		/* Each theme's own keywords, whatever the message holds already
		 * (民生 is a theme and its keyword). */
		char *found = keyword_found_list(
		    paragraph_text(speech, paragraph), speech->paragraphs[paragraph].length,
		    (const char *const *)theme->keywords, theme->keyword_count, 4);
		buffer_printf(out, out->length ? _("; %s (%s)") : _("%s (%s)"), theme->name, found);
		free(found);
	}
	buffer_string(out);
}

static void suggestion_answered(void *context, int yes)
{
	struct app *app = context;
	size_t paragraph = app->reader.keywords_paragraph;
	app->reader.keywords_paragraph = (size_t)-1;
	app->message[0] = '\0';
	if (!yes || paragraph == (size_t)-1)
		return;
	theme_set suggested = app->suggestion;
	struct buffer names = {0};
	marks_theme_names(&app->annotations, suggested, "、", &names);
	if (change_selection(app, suggested, 0, "accept suggestion", names.data))
		app_message(app, 0, "已标注 %s ¶%zu", names.data, paragraph);
	buffer_free(&names);
}

static void show_suggestion(struct app *app)
{
	size_t paragraph = app->reader.cursor;
	theme_set suggested = marks_suggested(&app->annotations, paragraph);
	if (!suggested) {
		app_message(app, 0, _("no theme suggested here"));
		return;
	}
	struct buffer why = {0};
	suggesting_keywords(&app->annotations, paragraph, suggested, &why);
	app->reader.keywords_paragraph = paragraph;
	app->suggestion = suggested;
	app_message(app, 0, _("suggested: %s — y accepts, any other key leaves it"), why.data);
	buffer_free(&why);
	question_open(app->view->driver, NULL, suggestion_answered, app);
}

/* The suggestion review (S): a dialog over the reader, which shows each
 * suggested paragraph in turn with the question in its status line. */
struct review {
	struct app *app;
	struct mark_change *accepted;
	size_t accepted_count, seen, total;
	size_t paragraph; /* the one asked about */
};

/* Shows the next suggestion from `from`; 0 when there is none left. */
static int review_next(struct review *review, size_t from)
{
	struct app *app = review->app;
	struct paragraph_marks *annotations = &app->annotations;
	for (size_t p = from; p < app->speech->paragraph_count; p++) {
		theme_set suggested = marks_suggested(annotations, p);
		if (!suggested)
			continue;
		review->seen++;
		review->paragraph = p;
		reader_goto(&app->reader, p);
		app->reader.keywords_paragraph = p;
		struct buffer why = {0};
		suggesting_keywords(annotations, p, suggested, &why);
		app_message(app, 0, _("suggestion %zu/%zu: %s — y accept, n skip, q stop"),
			    review->seen, review->total, why.data);
		buffer_free(&why);
		return 1;
	}
	return 0;
}

static int review_open(struct view *view, const void *arguments, struct error *error)
{
	(void)error;
	struct review *review = view->state;
	review->app = (struct app *)arguments;
	struct app *app = review->app;
	for (size_t p = 0; p < app->speech->paragraph_count; p++)
		review->total += marks_suggested(&app->annotations, p) != 0;
	review->accepted = xcalloc(review->total ? review->total : 1, sizeof *review->accepted);
	review_next(review, 0);
	return 0;
}

/* The reader below shows it all. */
static void review_draw(struct view *view)
{
	(void)view;
}

static void review_finish(struct review *review)
{
	struct app *app = review->app;
	app->reader.keywords_paragraph = (size_t)-1;
	if (!review->accepted_count) {
		app_message(app, 0, _("no suggestion accepted"));
		return;
	}
	size_t changed;
	struct error error;
	char description[64];
	snprintf(description, sizeof description, "accept %zu suggestions", review->accepted_count);
	if (marks_change(&app->annotations, review->accepted, review->accepted_count, description,
			 &changed, &error) != 0)
		app_message(app, 1, _("not saved: %s"), error.message);
	else
		app_message(app, 0,
			    P_("accepted %zu suggestion (u undoes it)",
			       "accepted %zu suggestions (u undoes them all)",
			       review->accepted_count),
			    review->accepted_count);
}

static enum view_result review_key(struct view *view, const struct view_key *key)
{
	struct review *review = view->state;
	struct app *app = review->app;
	enum request request = view_key_request(key, PANE_QUESTION);
	if (request == REQUEST_ANSWER_YES) {
		theme_set suggested = marks_suggested(&app->annotations, review->paragraph);
		review->accepted[review->accepted_count++] =
		    (struct mark_change){review->paragraph, review->paragraph, suggested, 0};
	}
	if (request == REQUEST_ANSWER_STOP || !review_next(review, review->paragraph + 1)) {
		review_finish(review);
		return VIEW_CLOSE;
	}
	return VIEW_HANDLED;
}

static void review_close(struct view *view)
{
	struct review *review = view->state;
	free(review->accepted);
}

static const struct view_ops review_ops = {
    .name = "review",
    .state_size = sizeof(struct review),
    .overlay = 1,
    .open = review_open,
    .draw = review_draw,
    .key = review_key,
    .close = review_close,
};

static void review_suggestions(struct app *app)
{
	size_t total = 0;
	for (size_t p = 0; p < app->speech->paragraph_count && !total; p++)
		total += marks_suggested(&app->annotations, p) != 0;
	if (!total) {
		app_message(app, 0, _("no suggestions in this speech"));
		return;
	}
	struct error error;
	view_open(app->view->driver, &review_ops, app, &error);
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
	app_message(app, 0, _("copied ¶%zu with its citation"), paragraph);
	buffer_free(&crumbs);
	buffer_free(&text);
}

static void select_section(struct app *app)
{
	const struct speech *speech = app->speech;
	long entry = visible_entry_of(&app->reader.visible, app->reader.cursor);
	if (entry <= 0) {
		app_message(app, 1, _("T selects a section: put the cursor on its heading"));
		return;
	}
	size_t last = speech->outline[entry].end_paragraph - 1;
	app->reader.anchor = (long)last;
	app_message(app, 0, _("section ¶%zu–¶%zu selected: press a theme key (or t)"),
		    app->reader.cursor, last);
}

int tagging_request(struct app *app, enum request request)
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
		app_message(app, 0,
			    _("selecting: move, then press a theme key or t (Esc cancels)"));
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
		app_message(app, 0, app->reader.show_notes ? _("notes shown") : _("notes hidden"));
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
			app_message(app, 0, "%s",
				    request == REQUEST_TAGGED_NEXT
					? _("no next tagged paragraph")
					: _("no previous tagged paragraph"));
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
	case REQUEST_EXPORT:
		/* A filter says which themes the user is after. */
		export_dialog_open(app->view->driver, &app->annotations, app->reader.visible.filter,
				   app->message, sizeof app->message, &app->message_is_error);
		return 1;
	case REQUEST_STATISTICS: {
		struct error error;
		if (!stats_view_open(app->view->driver, &app->annotations, &error))
			app_message(app, 1, "%s", error.message);
		return 1;
	}
	default:
		return 0;
	}
}

int tagging_refresh(struct app *app)
{
	int changed;
	struct error error;
	if (marks_refresh(&app->annotations, &changed, &error) != 0) {
		app_message(app, 1, _("could not check the library: %s"), error.message);
		return 1;
	}
	if (changed) {
		colors_set_themes(app->annotations.themes, app->annotations.theme_count);
		reader_annotations_changed(&app->reader);
	}
	if (structure_follow(app, changed, &error) != 0) {
		app_message(app, 1, _("could not load the speech again: %s"), error.message);
		return 1;
	}
	return changed;
}
