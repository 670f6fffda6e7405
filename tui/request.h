/* request.h — the one command table of every view and dialog.
 *
 * Every key a view or dialog answers is a request listed here once, with the
 * pane it works in, its default keys and its help text. The table expands
 * into the request enum, the key lookup, the help screen and the key list
 * of `pizhu help keys` (which docs/pizhu.1 and the README repeat, checked
 * by a test), so help can never drift from the keys.
 *
 * Keys are written as space-separated names: a printable character, C-x
 * for Control-x, or one of Up Down Left Right PgUp PgDn Home End Enter Tab
 * Esc Space Backspace Delete. */
#ifndef PIZHU_TUI_REQUEST_H
#define PIZHU_TUI_REQUEST_H

#include <stddef.h>

#include "base/error.h"

enum request_pane {
	PANE_GLOBAL,   /* anywhere */
	PANE_READER,   /* the reading pane has focus */
	PANE_OUTLINE,  /* the outline pane has focus */
	PANE_LIBRARY,  /* the library view, and its search results */
	PANE_PAGER,    /* help, front matter, import failures */
	PANE_PICKER,   /* the theme picker (t, f) */
	PANE_EXPORT,   /* the export dialog (E) */
	PANE_EDITOR,   /* the note editor (a) */
	PANE_PROMPT,   /* a one-line prompt (/, :, f …) */
	PANE_QUESTION, /* a yes/no question, and the suggestion review (S) */
};

/* R(ID, PANE, KEYS, HELP); the request's name in a bind line of the
 * config file is its ID in lower case with - for _ (heading-next). */
#define TUI_REQUESTS(R)                                                                            \
	R(PARAGRAPH_NEXT, PANE_READER, "j Down", N_("next paragraph"))                             \
	R(PARAGRAPH_PREVIOUS, PANE_READER, "k Up", N_("previous paragraph"))                       \
	R(PAGE_DOWN, PANE_READER, "Space PgDn C-f", N_("page down"))                               \
	R(PAGE_UP, PANE_READER, "b PgUp C-b", N_("page up"))                                       \
	R(HALF_PAGE_DOWN, PANE_READER, "C-d", N_("half a page down"))                              \
	R(HALF_PAGE_UP, PANE_READER, "C-u", N_("half a page up"))                                  \
	R(FIRST, PANE_READER, "g Home", N_("first paragraph (the title)"))                         \
	R(LAST, PANE_READER, "G End", N_("last paragraph"))                                        \
	R(HEADING_NEXT, PANE_READER, "]", N_("next heading"))                                      \
	R(HEADING_PREVIOUS, PANE_READER, "[", N_("previous heading"))                              \
	R(FOLD, PANE_READER, "z", N_("fold or unfold the section under the cursor"))               \
	R(SEARCH, PANE_READER, "/", N_("search this speech"))                                      \
	R(SEARCH_NEXT, PANE_READER, "n", N_("next match"))                                         \
	R(SEARCH_PREVIOUS, PANE_READER, "N", N_("previous match"))                                 \
	R(SEARCH_LIBRARY, PANE_READER, "L", N_("search every speech for this search"))             \
	R(GOTO, PANE_READER, ":", N_("go to paragraph N"))                                         \
	R(FRONT_MATTER, PANE_READER, "M", N_("show the hidden front and back matter"))             \
	R(TAG, PANE_READER, "1 2 3 4 5 6 7 8 9",                                                   \
	  N_("toggle the theme with that key on the paragraph or selection, at once"))             \
	R(THEME_PICKER, PANE_READER, "t", N_("pick themes (n in the picker makes a new one)"))     \
	R(SELECT, PANE_READER, "V", N_("select paragraphs from here; a theme key tags them"))      \
	R(SELECT_SECTION, PANE_READER, "T", N_("on a heading: select its whole section"))          \
	R(CANCEL, PANE_READER, "Esc", N_("cancel the selection"))                                  \
	R(UNDO, PANE_READER, "u", N_("undo the last tag, note or structure change"))               \
	R(REDO, PANE_READER, "C-r", N_("redo"))                                                    \
	R(NOTE, PANE_READER, "a", N_("write the paragraph's note (C-s saves, Esc cancels)"))       \
	R(NOTES_SHOW, PANE_READER, "A", N_("show or hide notes under their paragraphs"))           \
	R(FILTER, PANE_READER, "f", N_("show only paragraphs of chosen themes"))                   \
	R(FILTER_CLEAR, PANE_READER, "F", N_("show every paragraph again"))                        \
	R(TAGGED_NEXT, PANE_READER, "'", N_("next tagged paragraph"))                              \
	R(TAGGED_PREVIOUS, PANE_READER, "\"", N_("previous tagged paragraph"))                     \
	R(SUGGESTION, PANE_READER, "s", N_("why a theme is suggested here; accept it"))            \
	R(SUGGESTIONS_REVIEW, PANE_READER, "S", N_("review every suggestion of the speech"))       \
	R(COPY, PANE_READER, "y", N_("copy the paragraph with its citation (OSC 52)"))             \
	R(EXPORT, PANE_READER, "E", N_("export excerpts: themes, speeches, format, file"))         \
	R(STATISTICS, PANE_READER, "#", N_("statistics of the themes in this speech"))             \
	R(MARK_HEADING, PANE_READER, "H",                                                          \
	  N_("make the paragraph or selection a heading (asks depth)"))                            \
	R(MARK_BODY, PANE_READER, "B", N_("make the paragraph or selection body text"))            \
	R(MARK_FRONT, PANE_READER, "<", N_("move the paragraph or selection to the front matter")) \
	R(MARK_BACK, PANE_READER, ">", N_("move the paragraph or selection to the back matter"))   \
	R(MARK_RESTORE, PANE_READER, "R", N_("bring a hidden paragraph back into the text"))       \
	R(OUTLINE_DOWN, PANE_OUTLINE, "j Down", N_("next entry"))                                  \
	R(OUTLINE_UP, PANE_OUTLINE, "k Up", N_("previous entry"))                                  \
	R(OUTLINE_FIRST, PANE_OUTLINE, "g Home", N_("first entry (the title)"))                    \
	R(OUTLINE_LAST, PANE_OUTLINE, "G End", N_("last entry"))                                   \
	R(OUTLINE_JUMP, PANE_OUTLINE, "Enter", N_("show that heading in the reader"))              \
	R(OUTLINE_COLLAPSE, PANE_OUTLINE, "h Left", N_("collapse, or go to the parent"))           \
	R(OUTLINE_EXPAND, PANE_OUTLINE, "l Right", N_("expand"))                                   \
	R(OUTLINE_TOGGLE, PANE_OUTLINE, "Space", N_("collapse or expand"))                         \
	R(OUTLINE_COLLAPSE_ALL, PANE_OUTLINE, "-", N_("collapse all"))                             \
	R(OUTLINE_EXPAND_ALL, PANE_OUTLINE, "+ =", N_("expand all"))                               \
	R(LIBRARY_DOWN, PANE_LIBRARY, "j Down", N_("next speech"))                                 \
	R(LIBRARY_UP, PANE_LIBRARY, "k Up", N_("previous speech"))                                 \
	R(LIBRARY_PAGE_DOWN, PANE_LIBRARY, "Space PgDn C-f", N_("page down"))                      \
	R(LIBRARY_PAGE_UP, PANE_LIBRARY, "b PgUp C-b", N_("page up"))                              \
	R(LIBRARY_FIRST, PANE_LIBRARY, "g Home", N_("first speech"))                               \
	R(LIBRARY_LAST, PANE_LIBRARY, "G End", N_("last speech"))                                  \
	R(LIBRARY_OPEN, PANE_LIBRARY, "Enter", N_("read the speech (or open the search result)"))  \
	R(LIBRARY_SORT, PANE_LIBRARY, "s", N_("sort by title, date, import time or tags"))         \
	R(LIBRARY_REVERSE, PANE_LIBRARY, "r", N_("reverse the order"))                             \
	R(LIBRARY_FILTER, PANE_LIBRARY, "f",                                                       \
	  N_("filter by title (typing Chinese filters at once)"))                                  \
	R(LIBRARY_CLEAR, PANE_LIBRARY, "Esc", N_("clear the filter"))                              \
	R(LIBRARY_SEARCH, PANE_LIBRARY, "/", N_("search every speech"))                            \
	R(LIBRARY_THEME, PANE_LIBRARY, "t", N_("search results: only paragraphs with a theme"))    \
	R(LIBRARY_ALL, PANE_LIBRARY, "a", N_("search results: front and back matter too, or not")) \
	R(LIBRARY_IMPORT, PANE_LIBRARY, "i",                                                       \
	  N_("import a speech file or a directory of them (while importing: stop)"))               \
	R(LIBRARY_EDIT, PANE_LIBRARY, "e", N_("edit title, date, speaker, occasion and source"))   \
	R(LIBRARY_REMOVE, PANE_LIBRARY, "d", N_("remove the speech (asks first)"))                 \
	R(LIBRARY_RESTORE, PANE_LIBRARY, "u", N_("bring back the speech removed last"))            \
	R(PAGER_DOWN, PANE_PAGER, "j Down", N_("scroll down a line"))                              \
	R(PAGER_UP, PANE_PAGER, "k Up", N_("scroll up a line"))                                    \
	R(PAGER_PAGE_DOWN, PANE_PAGER, "Space PgDn C-f", N_("page down"))                          \
	R(PAGER_PAGE_UP, PANE_PAGER, "b PgUp C-b", N_("page up"))                                  \
	R(PAGER_FIRST, PANE_PAGER, "g Home", N_("the top"))                                        \
	R(PAGER_LAST, PANE_PAGER, "G End", N_("the end"))                                          \
	R(PAGER_CLOSE, PANE_PAGER, "q Esc", N_("close (so does the key that opened it)"))          \
	R(PICKER_DOWN, PANE_PICKER, "j Down", N_("next theme"))                                    \
	R(PICKER_UP, PANE_PICKER, "k Up", N_("previous theme"))                                    \
	R(PICKER_FLIP, PANE_PICKER, "Space", N_("check or uncheck the theme"))                     \
	R(PICKER_THEME, PANE_PICKER, "1 2 3 4 5 6 7 8 9",                                          \
	  N_("check or uncheck the theme of that key"))                                            \
	R(PICKER_APPLY, PANE_PICKER, "Enter", N_("apply"))                                         \
	R(PICKER_NEW, PANE_PICKER, "n", N_("a new theme: name, key, colour"))                      \
	R(PICKER_CANCEL, PANE_PICKER, "Esc q", N_("cancel"))                                       \
	R(EXPORT_THEMES, PANE_EXPORT, "t", N_("choose the themes"))                                \
	R(EXPORT_SPEECHES, PANE_EXPORT, "s", N_("this speech or every speech"))                    \
	R(EXPORT_FORMAT, PANE_EXPORT, "f Right", N_("next format"))                                \
	R(EXPORT_FORMAT_BACK, PANE_EXPORT, "Left", N_("previous format"))                          \
	R(EXPORT_BOM, PANE_EXPORT, "b", N_("CSV: a byte order mark for Excel, or none"))           \
	R(EXPORT_FILE, PANE_EXPORT, "e", N_("name the file"))                                      \
	R(EXPORT_RUN, PANE_EXPORT, "Enter", N_("export"))                                          \
	R(EXPORT_CANCEL, PANE_EXPORT, "Esc q", N_("cancel"))                                       \
	R(EDITOR_SAVE, PANE_EDITOR, "C-s", N_("save the note (empty removes it)"))                 \
	R(EDITOR_CANCEL, PANE_EDITOR, "Esc", N_("cancel (asks first when changed)"))               \
	R(EDITOR_NEW_LINE, PANE_EDITOR, "Enter", N_("new line"))                                   \
	R(EDITOR_LEFT, PANE_EDITOR, "Left", N_("previous character"))                              \
	R(EDITOR_RIGHT, PANE_EDITOR, "Right", N_("next character"))                                \
	R(EDITOR_UP, PANE_EDITOR, "Up", N_("line up"))                                             \
	R(EDITOR_DOWN, PANE_EDITOR, "Down", N_("line down"))                                       \
	R(EDITOR_LINE_START, PANE_EDITOR, "Home", N_("start of the line"))                         \
	R(EDITOR_LINE_END, PANE_EDITOR, "End", N_("end of the line"))                              \
	R(EDITOR_ERASE, PANE_EDITOR, "Backspace", N_("delete the character before the cursor"))    \
	R(EDITOR_DELETE, PANE_EDITOR, "Delete", N_("delete the character under the cursor"))       \
	R(PROMPT_ACCEPT, PANE_PROMPT, "Enter", N_("accept"))                                       \
	R(PROMPT_CANCEL, PANE_PROMPT, "Esc C-c C-g", N_("cancel"))                                 \
	R(PROMPT_ERASE, PANE_PROMPT, "Backspace",                                                  \
	  N_("delete a character (on an empty line: cancel)"))                                     \
	R(PROMPT_CLEAR, PANE_PROMPT, "C-u", N_("clear the line"))                                  \
	R(ANSWER_YES, PANE_QUESTION, "y Y", N_("yes, accept (any other key: no, skip)"))           \
	R(ANSWER_STOP, PANE_QUESTION, "q Esc", N_("suggestion review: stop"))                      \
	R(FOCUS_NEXT, PANE_GLOBAL, "Tab", N_("move focus between the outline and the reader"))     \
	R(OUTLINE_SHOW, PANE_GLOBAL, "o", N_("show or hide the outline pane"))                     \
	R(HELP, PANE_GLOBAL, "?", N_("this help"))                                                 \
	R(REDRAW, PANE_GLOBAL, "C-l", N_("redraw the screen"))                                     \
	R(QUIT, PANE_GLOBAL, "q", N_("quit"))

enum request {
	REQUEST_NONE,
#define REQUEST_ENUM(id, pane, keys, help) REQUEST_##id,
	TUI_REQUESTS(REQUEST_ENUM)
#undef REQUEST_ENUM
	    REQUEST_COUNT
};

struct request_info {
	enum request request;
	const char *id; /* "HEADING_NEXT" */
	enum request_pane pane;
	const char *keys;
	const char *help;
};

extern const struct request_info request_table[];
extern const size_t request_table_count;

/* The request a key makes in a pane: the user's bindings in the pane, the
 * pane's own keys, then the global bindings and keys; REQUEST_NONE when the
 * key means nothing there. */
enum request request_for_key(enum request_pane pane, int key);

/* The name of a pane as help and bind lines write it ("reader"). */
const char *request_pane_name(enum request_pane pane);
/* The pane's name in the current language, for the help screens. */
const char *request_pane_label(enum request_pane pane);

/* Binds a key in a pane to a request, over the table's keys (as tig's
 * bind): `pane` a pane name, `key` a key name as the table writes them,
 * `request` a request name (heading-next). -1 with a message naming what is
 * wrong. Bindings hold until the program ends. */
int request_bind(const char *pane, const char *key, const char *request, struct error *error);

/* Writes the table as text, one line per request: pane, keys, help. */
void request_print_keys(void (*print_line)(const char *pane, const char *keys, const char *help,
					   void *context),
			void *context);

#endif
