/* library_metadata.c — the library view's metadata form (e): the title,
 * date, speaker, occasion and source of a speech, one prompt each starting
 * from the stored value; what changed is saved at the end. The title is a
 * correction of the parse (store/correction.h); an empty one goes back to
 * the parser's. */
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "store/correction.h"
#include "store/metadata.h"
#include "tui/library_view.h"
#include "tui/prompt.h"

enum { FORM_FIELDS = 5 };

static const char *const form_labels[FORM_FIELDS] = {N_("title: "), N_("date (e.g. 2026-01-08): "),
						     N_("speaker: "), N_("occasion: "),
						     N_("source: ")};

/* A field as stored, "" for none. */
static const char *form_value(const struct library_view *view, size_t step)
{
	const char *values[] = {view->form.document.title, view->form.document.date,
				view->form.document.speaker, view->form.document.occasion,
				view->form.document.source};
	return values[step] ? values[step] : "";
}

void library_form_end(struct library_view *view)
{
	for (size_t i = 0; i < FORM_FIELDS; i++) {
		free(view->form.answers[i]);
		view->form.answers[i] = NULL;
	}
	if (view->form.id)
		store_document_clear(&view->form.document);
	view->form.id = 0;
}

static void save_form(struct library_view *view)
{
	char **answers = view->form.answers;
	char *title = answers[0];
	struct store_metadata_change change = {answers[1], answers[2], answers[3], answers[4]};
	int metadata = answers[1] || answers[2] || answers[3] || answers[4];
	struct error error;
	if (!title && !metadata)
		library_message(view, 0, _("nothing changed"));
	else if ((title && store_title_set(view->store, view->form.id, title, NULL, &error) != 0) ||
		 (metadata && store_metadata_set(view->store, view->form.id, &change, &error) != 0))
		library_message(view, 1, "%s", error.message);
	else
		library_message(view, 0, _("metadata saved"));
	library_form_end(view);
	library_requery(view);
}

static void ask_field(struct library_view *view);

/* One field answered: kept when it changed; the next is asked. */
static void field_answer(void *context, char *answer)
{
	struct library_view *view = context;
	if (!answer) {
		library_message(view, 0, _("metadata unchanged"));
		library_form_end(view);
		library_requery(view);
		return;
	}
	if (strcmp(answer, form_value(view, view->form.step)) == 0) {
		free(answer);
		answer = NULL;
	}
	view->form.answers[view->form.step++] = answer;
	if (view->form.step == FORM_FIELDS)
		save_form(view);
	else
		ask_field(view);
}

static void ask_field(struct library_view *view)
{
	prompt_open(view->view->driver, _(form_labels[view->form.step]),
		    form_value(view, view->form.step), field_answer, view);
}

void library_edit_metadata(struct library_view *view)
{
	const struct store_library_row *row = library_row_at(view, view->cursor);
	if (!row)
		return;
	struct error error;
	library_form_end(view);
	if (store_document_get(view->store, row->id, &view->form.document, &error) != 0) {
		library_message(view, 1, "%s", error.message);
		return;
	}
	view->form.id = row->id;
	view->form.step = 0;
	ask_field(view);
}
