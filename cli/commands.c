/* commands.c — the table of subcommands: name, handler, usage and the
 * help pizhu --help and pizhu help NAME print. */
#include <string.h>

#include "base/i18n.h"
#include "cli/cli.h"

const struct command commands[] = {
    {"outline", command_outline, "[--tsv] [--parsed] FILE",
     N_("Print the heading tree of a speech."),
     N_("The title comes first, then each heading indented two spaces per depth.\n"
	"A library speech (an id, or a file whose content the library holds) shows\n"
	"your corrections (see mark).\n"
	"  --tsv      one line per heading: DEPTH<TAB>PARA<TAB>LABEL (the title is\n"
	"             depth 0, paragraph 0)\n"
	"  --parsed   the structure the parser found, without your corrections\n")},
    {"cat", command_cat, "[--tsv] [--parsed] [--all] FILE",
     N_("Print the cleaned text of a speech."),
     N_("Prints the title, then every paragraph on its own line; front and back\n"
	"matter (a website's page controls, copyright block, footer; a web page's\n"
	"menus, share buttons and related news) is left out,\n"
	"so are the paragraphs you moved there (see mark). A library speech (an id,\n"
	"or a file whose content the library holds) shows your corrections.\n"
	"  --tsv      one line per paragraph: PARA<TAB>ROLE<TAB>TEXT, where ROLE is\n"
	"             title, h1 to h9 (the outline depth), body, front or back\n"
	"  --parsed   the structure the parser found, without your corrections\n"
	"  --all      the front and back matter too, in its place (numbered like\n"
	"             the rest: mark N body brings a line back)\n")},
    {"import", command_import, "FILE|DIR...", N_("Copy speeches into the library."),
     N_("Takes text, Word (.docx, .doc), web pages (.html, .htm, .mhtml, .mht), PDF and\n"
	"Markdown (.md), each known by its content. A directory brings in every such\n"
	"file under it by its name (*.txt, *.docx, *.doc, *.html, *.htm, *.mhtml,\n"
	"*.mht, *.pdf, *.md, any case, sorted; other files are listed as skipped,\n"
	"hidden files left alone). Prints ID<TAB>TITLE for each file; a file that fails is\n"
	"reported as pizhu: PATH: reason and the others go on (status 1 at the\n"
	"end). On a terminal, stderr shows a progress bar: speeches and MB done,\n"
	"rate, time left, the current file. The same content again is a no-op\n"
	"that prints the existing id. A changed file at a known path becomes a\n"
	"new version of its speech: tags and notes move to the paragraphs with\n"
	"the same text, else to the most similar paragraph of the same section;\n"
	"those that find no place stay on the old version (see list --orphans).\n"
	"A scanned PDF (no text layer) is refused: run OCR on it\n"
	"(ocrmypdf -l chi_sim) first.\n")},
    {"list", command_list, "[--tsv] [--orphans]", N_("List the speeches in the library."),
     N_("One line per speech: id, title, date and speaker when known, paragraphs\n"
	"and tag counts per theme.\n"
	"  --tsv       a header row, then ID, TITLE, PARAGRAPHS, one count column\n"
	"              per theme, then DATE, SPEAKER, OCCASION and SOURCE\n"
	"  --orphans   annotations that could not follow a speech to its new\n"
	"              version, and corrections (see mark) that could not:\n"
	"              OLD_ID<TAB>PARA<TAB>tag|note|correction<TAB>THEME|NOTE|WHAT<TAB>TEXT\n")},
    {"meta", command_meta,
     "SPEECH [--title T] [--date D] [--speaker S] [--occasion O] [--source S]",
     N_("Show or set a speech's title, date, speaker, occasion and source."),
     N_("Without options, prints FIELD<TAB>VALUE for date, speaker, occasion and\n"
	"source (empty while unknown). Import guesses them from the text; the\n"
	"options set them, and an empty value clears one. A field you set is kept\n"
	"when a new version of the speech is imported. Dates: YYYY-MM-DD, YYYY-MM\n"
	"or YYYY (2026年1月8日 is read too). Prints the metadata afterwards.\n"
	"  --title T   corrects the title the parser found (an empty T goes back to\n"
	"              it); undoable, kept in new versions, see mark\n")},
    {"mark", command_mark, "SPEECH PARAS heading DEPTH|body|front|back|parsed",
     N_("Correct the structure the parser found."),
     N_("Says what the paragraphs PARAS (a list such as 3,5-7) are: a heading of\n"
	"outline depth DEPTH (1 is the top), body text, or front or back matter\n"
	"(hidden from the text, the outline, search and exports unless tagged,\n"
	"shown with M in the reader and by cat --all); parsed goes back to what\n"
	"the parser found: body brings back a line the parser hid, parsed hides\n"
	"it again.\n"
	"Paragraphs keep their numbers, tags and notes: a hidden one is still\n"
	"ID:N. All of PARAS is one undoable step (pizhu undo), recorded in the\n"
	"history under your name. Corrections follow a new version of the speech\n"
	"by paragraph text; those that find no place are listed by list\n"
	"--orphans. outline and cat print the corrected structure, --parsed the\n"
	"parser's. Prints PARA<TAB>CORRECTION for each paragraph changed. In the\n"
	"reader, on the cursor paragraph or a V selection: H heading (asks the\n"
	"depth), B body, < front matter, > back matter, R brings a hidden\n"
	"paragraph back.\n")},
    {"remove", command_remove, "[--force] SPEECH", N_("Remove a speech from the library."),
     N_("Removes every version of the speech with its tags, notes and history.\n"
	"A speech that holds tags or notes needs --force; their text, paragraphs\n"
	"and section paths are first saved as JSON Lines in\n"
	"$XDG_DATA_HOME/pizhu/recovery/ID-TIME-LIBRARY-RANDOM.jsonl (a new file\n"
	"each time), whose path is printed.\n"
	"Prints removed ID<TAB>TITLE. Final once the command ends (in the library\n"
	"view, d can be undone until pizhu exits).\n")},
    {"tag", command_tag, "[--remove] SPEECH PARAS THEME...", N_("Tag paragraphs with themes."),
     N_("SPEECH is a library id or the path of an imported file; PARAS is a list\n"
	"such as 3-7,12. All the tags are one undoable step. Prints PARA<TAB>THEME\n"
	"for each tag added (or, with --remove, removed) once it is saved.\n")},
    {"tags", command_tags, "SPEECH", N_("Print the tags of a speech."),
     N_("One PARA<TAB>THEME line per tag, by paragraph.\n")},
    {"note", command_note, "SPEECH PARA TEXT | --clear SPEECH PARA",
     N_("Set or clear the note of a paragraph."), N_("A paragraph has at most one note.\n")},
    {"notes", command_notes, "SPEECH", N_("Print the notes of a speech."),
     N_("One PARA<TAB>TEXT line per note; tabs and line breaks in a note print\n"
	"as spaces.\n")},
    {"themes", command_themes,
     "[--tsv] | add NAME | set NAME | rename OLD NEW | delete [--force] NAME",
     N_("List or change the themes."),
     N_("Without a subcommand, lists the themes: key, name, colour, tag count and\n"
	"keywords (--tsv: KEY<TAB>NAME<TAB>COLOR<TAB>TAGS<TAB>KEYWORDS).\n"
	"  add and set take  --key K (1-9 or none)  --color C  --keywords LIST\n"
	"  (LIST separated by , ， or 、). A new theme without --key takes the\n"
	"  lowest free key, without --color a colour no other theme has.\n"
	"  Renaming or recolouring keeps the tags; deleting a theme that has\n"
	"  tags needs --force. Theme files: see docs/themes.md.\n")},
    {"undo", command_undo, "[SPEECH]", N_("Undo the latest tag, note or structure change."),
     N_("Of one speech when given, else of any. Works across restarts.\n")},
    {"redo", command_redo, "[SPEECH]", N_("Redo the change undone last."), ""},
    {"history", command_history, "[SPEECH]", N_("Print the annotation history."),
     N_("One line per action, oldest first: ID<TAB>WHEN<TAB>USER<TAB>SPEECH<TAB>WHAT.\n")},
    {"suggest", command_suggest, "[--apply] SPEECH", N_("Suggest themes from their keywords."),
     N_("Lists PARA<TAB>THEME<TAB>KEYWORDS for each paragraph that mentions a\n"
	"theme's keywords but does not carry the theme. --apply tags them all, as\n"
	"one undoable step.\n")},
    {"search", command_search, "[--theme T] [--speech S] [--limit N] [--count] [--all] QUERY...",
     N_("Search the text of every speech."),
     N_("Prints SPEECH<TAB>PARA<TAB>TEXT, most relevant first: hits in titles, then\n"
	"headings, then body text (as corrected with mark or the reader's H B R);\n"
	"each in windows of its 200 newest hits, ranked by how dense the words are,\n"
	"ties newest speech first. A paragraph matches when it holds every word of\n"
	"the query; the words are highlighted when the output is a terminal (not\n"
	"with NO_COLOR).\n"
	"--limit N prints the N most relevant hits (0: all). The default is a\n"
	"screenful on a terminal, with the total on stderr, and all when piped.\n"
	"--count prints only how many paragraphs match. Front and back matter (what\n"
	"the parser or you hid: ads, menus, 责任编辑…) is left out; --all finds it\n"
	"too. At most 64 words, 4096 bytes.\n")},
    {"export", command_export,
     "[--theme T]... [--speech S]... [--format md|csv|jsonl|html|matrix] [--group theme|speech] "
     "[--bom] [--header en] [-o FILE [--force]]",
     N_("Export the tagged and annotated paragraphs."),
     N_("Each excerpt carries the speech's title and metadata, its section path, the\n"
	"paragraph number, the full text, its themes, its note and the citation\n"
	"ID:N (pizhu ID:N opens the reader there). Defaults: Markdown on standard\n"
	"output, every theme, every speech. Without --theme, notes on untagged\n"
	"paragraphs are excerpts too. Orphaned annotations come with the text they\n"
	"were made on, marked as such.\n"
	"  --theme T, --speech S   only these (repeat for several); S is a library\n"
	"                          id or the path of an imported file\n"
	"  --format F   md (default), csv (a row per excerpt and theme), jsonl (an\n"
	"               object per excerpt), html (one printable page), matrix (CSV:\n"
	"               a row per paragraph, a 0/1 column per theme)\n"
	"  --group G    theme (default) or speech: the headings of md and html, the\n"
	"               row order of csv\n"
	"  --bom        start csv or matrix with a byte order mark, for Excel\n"
	"  --header en  csv's header row in English (for scripts); by default it\n"
	"               follows the language (--lang)\n"
	"  -o FILE      write FILE, replacing it only once the export is complete;\n"
	"               an existing FILE is replaced only when it is empty or an\n"
	"               earlier pizhu export, never when it is the library (or its\n"
	"               -wal, -shm) or any SQLite database\n"
	"  --force      with -o: replace a FILE that is not an earlier export\n"
	"Fields and formats: docs/export.md.\n")},
    {"stats", command_stats, "[--speech S]... [--tsv]", N_("Count the tags per theme."),
     N_("Per theme: the tagged paragraphs, their share of the speeches' paragraphs\n"
	"and the number of speeches (with a bar on a terminal); then the pairs of\n"
	"themes that share paragraphs. Old versions' orphans do not count.\n"
	"  --speech S   only these speeches (repeat for several)\n"
	"  --tsv        for machines, one record per line:\n"
	"                 total<TAB>SPEECHES<TAB>PARAGRAPHS\n"
	"                 theme<TAB>NAME<TAB>PARAGRAPHS<TAB>SHARE<TAB>SPEECHES\n"
	"                 pair<TAB>THEME_A<TAB>THEME_B<TAB>PARAGRAPHS\n"
	"               SHARE is a fraction (0.1250); pairs with no shared paragraph\n"
	"               are left out\n")},
    {"check", command_check, "[--quick]", N_("Check the library database for damage."),
     N_("Runs SQLite's integrity and foreign key checks and the search index's\n"
	"check, checks that every tag and note is what the latest change in\n"
	"the history made it, loads every speech as the reader does (its\n"
	"paragraphs, sections and outline tree in range and in order, text\n"
	"present), checks that the title index holds each title as the reader\n"
	"shows it; prints ok (status 0) or the problems found (status 1).\n"
	"  --quick   leave out loading every speech and comparing the titles\n")},
    {"library", command_library, "[FILE...]", N_("Open the library view."),
     N_("The same as pizhu alone on a terminal; FILEs (or directories) are imported\n"
	"first. Press ? in the view for its keys.\n")},
    {"read", command_read, "SPEECH", N_("Open a speech in the full-screen reader."),
     N_("The same as pizhu SPEECH: a file path or a library id. Press ? in the\n"
	"reader for its keys.\n")},
    {"help", command_help, "[COMMAND | keys [--tsv]]",
     N_("Show help for pizhu or for one command."),
     N_("pizhu help keys lists the reader's keys (--tsv: PANE<TAB>KEYS<TAB>HELP).\n")},
};
const size_t command_count = sizeof commands / sizeof commands[0];

const struct command *command_find(const char *name)
{
	for (size_t i = 0; i < command_count; i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}
