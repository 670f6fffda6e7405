/* structure_commands.c — the reader's corrections of the speech's
 * structure (H B < > R): a paragraph made a heading or body text, or moved
 * to the front or back matter and brought back. Each is saved in the
 * library as one undoable action before the speech is loaded again with
 * it; corrections another pizhu makes are followed the same way. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "base/i18n.h"
#include "speech/correct.h"
#include "store/correction.h"
#include "store/history.h"
#include "tui/app.h"
#include "tui/prompt.h"

/* FNV-1a's starting value: the signature of no corrections and no title. */
#define NO_CORRECTIONS 14695981039346656037u

/* A number that changes with the speech's corrections in the library. */
static int corrections_signature(struct app *app, uint64_t *signature, struct error *error)
{
	struct correction *corrections;
	size_t count;
	char *title;
	if (store_corrections_get(app->annotations.store, app->annotations.document_id,
				  &corrections, &count, &title, error) != 0)
		return -1;
	uint64_t hash = NO_CORRECTIONS; /* FNV-1a */
	for (size_t i = 0; i < count; i++) {
		uint64_t fields[] = {corrections[i].paragraph, (uint64_t)corrections[i].kind,
				     (uint64_t)corrections[i].depth};
		for (size_t f = 0; f < 3; f++)
			hash = (hash ^ fields[f]) * 1099511628211u;
	}
	for (const char *c = title ? title : ""; *c; c++)
		hash = (hash ^ (unsigned char)*c) * 1099511628211u;
	*signature = hash ^ count;
	free(corrections);
	free(title);
	return 0;
}

int structure_follow(struct app *app, int changed, struct error *error)
{
	if (!app->annotations.document_id || (app->corrections_known && !changed))
		return 0;
	uint64_t signature;
	if (corrections_signature(app, &signature, error) != 0)
		return -1;
	int differs = app->corrections_known && signature != app->corrections_signature;
	app->corrections_signature = signature;
	app->corrections_known = 1;
	return differs ? app_reload_structure(app, error) : 0;
}

int structure_follow_stored(struct app *app, struct error *error)
{
	uint64_t signature;
	if (corrections_signature(app, &signature, error) != 0)
		return -1;
	if (signature != NO_CORRECTIONS && app_reload_structure(app, error) != 0)
		return -1;
	app->corrections_signature = signature;
	app->corrections_known = 1;
	return 0;
}

/* The words the status line says a correction with. */
static const char *correction_said(enum correction_kind kind)
{
	switch (kind) {
	case CORRECTION_HEADING:
		return _("已改为标题 (heading)");
	case CORRECTION_BODY:
		return _("已改为正文 (body text)");
	case CORRECTION_FRONT:
		return _("已移入前置内容 (front matter; M shows it, R brings it back)");
	case CORRECTION_BACK:
		return _("已移入后附内容 (back matter; M shows it, R brings it back)");
	case CORRECTION_NONE:
		break;
	}
	return _("已恢复 (as the parser found it)");
}

/* Corrects the paragraphs shown in the selection (or the cursor's), less
 * the title, in one undoable action; then shows the new structure. */
static void correct_range(struct app *app, size_t first, size_t last, struct correction correction)
{
	struct store *store = app->annotations.store;
	int64_t id = app->annotations.document_id;
	char where[64], value[32], description[128];
	describe_paragraphs(where, sizeof where, first, last);
	correction_format(&correction, value, sizeof value);
	if (first == last)
		snprintf(description, sizeof description, "mark %lld %zu %s", (long long)id, first,
			 value);
	else
		snprintf(description, sizeof description, "mark %lld %zu-%zu %s", (long long)id,
			 first, last, value);
	struct error error;
	size_t changed = 0;
	int status = store_action_begin(store, id, description, &error);
	for (size_t p = first; status == 0 && p <= last; p++) {
		/* A hidden paragraph inside a selection is not what was chosen;
		 * bringing one back is R's. */
		if (first != last && correction.kind != CORRECTION_NONE &&
		    paragraph_hidden(&app->speech->paragraphs[p]))
			continue;
		int one = 0;
		correction.paragraph = p;
		status = store_correction_set(store, id, &correction, &one, &error);
		changed += (size_t)one;
	}
	if (status != 0)
		store_action_abort(store);
	else
		status = store_action_commit(store, &error);
	app->reader.anchor = -1;
	if (status != 0) {
		app_message(app, 1, _("not saved: %s"), error.message);
		return;
	}
	if (!changed) {
		app_message(app, 0, _("%s: nothing to change"), where);
		return;
	}
	if (app_reload_structure(app, &error) != 0) {
		app_message(app, 1, _("could not load the speech again: %s"), error.message);
		return;
	}
	if (correction.kind == CORRECTION_HEADING)
		app_message(app, 0, _("%s %s, depth %d"), correction_said(correction.kind), where,
			    correction.depth);
	else
		app_message(app, 0, "%s %s", correction_said(correction.kind), where);
}

/* The selection or the cursor's paragraph, less the title. */
static int correct_targets(struct app *app, size_t *first, size_t *last)
{
	reader_selection(&app->reader, first, last);
	if (*first == 0)
		*first = 1;
	if (*first > *last) {
		app->reader.anchor = -1;
		app_message(app, 1,
			    _("the title is corrected in the library view (e) or with "
			      "pizhu meta --title"));
		return 0;
	}
	return 1;
}

static void heading_depth_answered(void *context, char *answer)
{
	struct app *app = context;
	if (!answer)
		return;
	char *end;
	long chosen = strtol(answer, &end, 10);
	if (*answer == '\0' || *end != '\0' || chosen < 1 || chosen > CORRECTION_MAX_DEPTH)
		app_message(app, 1, _("a depth is 1 to %d, not %s"), CORRECTION_MAX_DEPTH, answer);
	else
		correct_range(app, app->heading_first, app->heading_last,
			      (struct correction){0, CORRECTION_HEADING, (int)chosen});
	free(answer);
}

/* H: asks for the depth, offering one below the section the cursor is in
 * (the paragraph's own depth when it is a heading). */
static void mark_heading(struct app *app)
{
	size_t first, last;
	if (!correct_targets(app, &first, &last))
		return;
	const struct speech *speech = app->speech;
	const struct paragraph *paragraph = &speech->paragraphs[first];
	int depth = paragraph->role == PARAGRAPH_HEADING
			? paragraph->depth
			: speech->outline[paragraph->section].depth + 1;
	if (depth < 1 || depth > CORRECTION_MAX_DEPTH)
		depth = depth < 1 ? 1 : CORRECTION_MAX_DEPTH;
	char initial[16], label[64];
	snprintf(initial, sizeof initial, "%d", depth);
	snprintf(label, sizeof label, _("heading depth (1-%d): "), CORRECTION_MAX_DEPTH);
	app->heading_first = first;
	app->heading_last = last;
	prompt_open(app->view->driver, label, initial, heading_depth_answered, app);
}

static void bring_back_answered(void *context, char *answer)
{
	struct app *app = context;
	const struct speech *speech = app->speech;
	if (!answer)
		return;
	char *end;
	long number = strtol(answer, &end, 10);
	if (*answer == '\0' || *end != '\0' || number < 1 ||
	    (size_t)number >= speech->paragraph_count ||
	    !paragraph_hidden(&speech->paragraphs[number]))
		app_message(app, 1, _("¶%s is not a hidden paragraph (M lists them)"), answer);
	else
		/* A line the parser hid comes back as body text; one the user
		 * hid goes back to what the parser made of it. */
		correct_range(app, (size_t)number, (size_t)number,
			      (struct correction){0,
						  speech->paragraphs[number].hidden_by_parser
						      ? CORRECTION_BODY
						      : CORRECTION_NONE,
						  0});
	free(answer);
}

/* R: asks which hidden paragraph to bring back, offering the nearest one
 * before the cursor (else after it). */
static void bring_back(struct app *app)
{
	const struct speech *speech = app->speech;
	size_t nearest = 0;
	for (size_t p = app->reader.cursor; p > 0 && !nearest; p--)
		if (paragraph_hidden(&speech->paragraphs[p]))
			nearest = p;
	for (size_t p = app->reader.cursor + 1; p < speech->paragraph_count && !nearest; p++)
		if (paragraph_hidden(&speech->paragraphs[p]))
			nearest = p;
	if (!nearest) {
		app_message(app, 0, _("no paragraph of this speech is hidden"));
		return;
	}
	char initial[24];
	snprintf(initial, sizeof initial, "%zu", nearest);
	prompt_open(app->view->driver, _("bring back paragraph ¶"), initial, bring_back_answered,
		    app);
}

int structure_request(struct app *app, enum request request)
{
	switch (request) {
	case REQUEST_MARK_HEADING:
	case REQUEST_MARK_BODY:
	case REQUEST_MARK_FRONT:
	case REQUEST_MARK_BACK:
	case REQUEST_MARK_RESTORE:
		break;
	default:
		return 0;
	}
	if (!app->annotations.document_id) {
		app_message(app, 1, _("still importing this speech: corrections work in a moment"));
		return 1;
	}
	size_t first, last;
	switch (request) {
	case REQUEST_MARK_HEADING:
		mark_heading(app);
		break;
	case REQUEST_MARK_RESTORE:
		bring_back(app);
		break;
	default:
		if (correct_targets(app, &first, &last))
			correct_range(
			    app, first, last,
			    (struct correction){0,
						request == REQUEST_MARK_BODY	? CORRECTION_BODY
						: request == REQUEST_MARK_FRONT ? CORRECTION_FRONT
										: CORRECTION_BACK,
						0});
		break;
	}
	return 1;
}
