/* library_removal.c — removing a speech from the library view (d), after a
 * yes/no question naming what goes with it, and bringing back the ones
 * removed in this session (u). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "store/removal.h"
#include "tui/library_view.h"
#include "tui/prompt.h"

static void removal_answer(void *context, int yes)
{
	struct library_view *view = context;
	int64_t id = view->removing;
	struct error error;
	if (!yes)
		return;
	char *recovery = NULL;
	if (store_document_remove(view->store, id, NULL, &recovery, &error) != 0) {
		library_message(view, 1, "%s", error.message);
		return;
	}
	if (view->removed_count == LIBRARY_REMOVED_MAX) {
		memmove(view->removed, view->removed + 1,
			(LIBRARY_REMOVED_MAX - 1) * sizeof *view->removed);
		view->removed_count--;
	}
	view->removed[view->removed_count++] = id;
	if (recovery)
		library_message(view, 0,
				_("removed (u brings it back until pizhu ends); its annotations "
				  "are saved in %s"),
				recovery);
	else
		library_message(view, 0, _("removed (u brings it back until pizhu ends)"));
	free(recovery);
	library_requery(view);
}

void library_remove(struct library_view *view)
{
	const struct store_library_row *row = library_row_at(view, view->cursor);
	if (!row)
		return;
	int64_t id = row->id;
	size_t tags, notes;
	struct error error;
	if (store_document_annotation_counts(view->store, id, &tags, &notes, &error) != 0) {
		library_message(view, 1, "%s", error.message);
		return;
	}
	char question[512];
	snprintf(question, sizeof question, _("Remove “%.200s” with its %s and %s? (y/n)"),
		 row->title, i18n_count(tags, "%zu tag", "%zu tags"),
		 i18n_count(notes, "%zu note", "%zu notes"));
	view->removing = id;
	question_open(view->view->driver, question, removal_answer, view);
}

void library_restore(struct library_view *view)
{
	if (view->removed_count == 0) {
		library_message(view, 0, _("nothing removed to bring back"));
		return;
	}
	struct error error;
	int64_t id = view->removed[view->removed_count - 1];
	if (store_document_restore(view->store, id, &error) != 0) {
		library_message(view, 1, "%s", error.message);
		return;
	}
	view->removed_count--;
	library_message(view, 0, _("speech %lld is back"), (long long)id);
	library_requery(view);
}
