/* app.h — the reader view's state, shared by the view (app.c) and its
 * commands (tagging_commands.c, structure_commands.c). Private to tui/. */
#ifndef PIZHU_TUI_APP_H
#define PIZHU_TUI_APP_H

#include <stdint.h>

#include "speech/speech.h"
#include "tui/model/paragraph_marks.h"
#include "tui/outline_pane.h"
#include "tui/reader.h"
#include "tui/request.h"
#include "tui/tui.h"
#include "tui/view.h"

struct app {
	const struct speech *speech;
	/* When the view loaded the speech, or loaded it again with the
	 * user's latest structure corrections (owns_speech). */
	struct speech own_speech;
	int owns_speech;
	int failed; /* the library could not be opened: nothing to keep */
	struct tui *ui;
	struct view *view;
	struct paragraph_marks annotations;
	struct reader reader;
	struct outline_pane outline;
	int outline_shown; /* the user wants it (o) */
	int outline_width; /* 0 when hidden now */
	int focus_outline; /* Tab */
	int too_small;
	char message[256];
	int message_is_error;
	/* What the outline pane showed when last drawn (valid), and whether
	 * nothing but moving through the text has happened since: it is then
	 * left as it is on the screen when it would show the same (a page
	 * turn redrew it whole, a tenth of the page's time). */
	struct outline_look {
		size_t top, current, selected;
		int focused, width, rows;
	} outline_drawn;
	int outline_drawn_valid;
	int only_moved;
	int poll_changed; /* the last poll changed what is shown */
	/* The corrections in the library when last looked at, to notice
	 * those another pizhu makes (structure_follow). */
	uint64_t corrections_signature;
	int corrections_known;
	const struct tui_import *import; /* while the speech is being imported */
	/* Opens the library after the first paint (tui_reading). */
	int (*open_library)(struct store **store, struct error *warning, struct error *error);
	struct store **library;
	int (*sync_themes)(struct store *store, struct error *warning, struct error *error);
	/* What a dialog the reader opened works on, for its answer. */
	size_t note_paragraph;
	size_t heading_first, heading_last; /* H: the paragraphs to make headings */
	theme_set picked_initial;
	theme_set suggestion;
	/* Moved to a new version of the speech since the last draw: a key
	 * that comes now was meant for the old one (follow_new_version). */
	int followed_unseen;
};

void app_message(struct app *app, int is_error, const char *format, ...)
    __attribute__((format(printf, 3, 4)));

/* Draws the whole screen. */
void app_draw(struct app *app);

/* A theme key in the reading pane ('1'..'9'): toggles the theme of that
 * key on the paragraph or selection at once. Digits are never a count
 * (: goes to a paragraph), so no key writes a tag the user did not mean. */
void tagging_theme_key(struct app *app, int key);

/* Loads the speech's structure again after a correction (or its undo),
 * keeping the cursor, the folds and the selection's place. */
int app_reload_structure(struct app *app, struct error *error);

/* Loads the structure again when another pizhu corrected it since the
 * last call (`changed`: the library changed); the first call only notes
 * the corrections there are (structure_commands.c). */
int structure_follow(struct app *app, int changed, struct error *error);

/* For a speech shown as parsed from its file, now found or imported in
 * the library: loads it again with the corrections the library holds
 * for it (a speech already there, or a new version that carried them
 * over), and notes them as known (structure_commands.c). */
int structure_follow_stored(struct app *app, struct error *error);

/* Handles the structure corrections (heading, body, front and back
 * matter, bringing a paragraph back; H and R ask in a prompt); returns 0
 * for any other request (structure_commands.c). */
int structure_request(struct app *app, enum request request);

/* "¶3" or "¶3–¶5 (3 paragraphs)", for the status line. */
void describe_paragraphs(char *text, size_t size, size_t first, size_t last);

/* Handles the tagging, note, filter, suggestion and copy requests; returns
 * 0 for any other request. */
int tagging_request(struct app *app, enum request request);

/* Loads annotations again when another pizhu changed the library (the
 * driver says when it is time to ask). Returns 1 when anything changed
 * (or could not be checked), else 0. */
int tagging_refresh(struct app *app);

/* Opens library speech `id` in a reader view on the stack (or goes back to
 * the reader that has it open), at `cited` (or -1) with `search` (or
 * NULL) highlighted. */
struct view *reader_view_open(struct view_driver *driver, struct tui *ui, struct store *store,
			      int64_t id, long cited, const char *search, struct error *error);

#endif
