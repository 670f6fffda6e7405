/* commands.c — the table of subcommands: name, handler, usage and the
 * help pizhu --help and pizhu help NAME print. */
#include <string.h>

#include "cli/cli.h"

const struct command commands[] = {
    {"outline", command_outline, "[--tsv] FILE", "Print the heading tree of a speech.",
     "The title comes first, then each heading indented two spaces per depth.\n"
     "  --tsv   one line per heading: DEPTH<TAB>PARA<TAB>LABEL (the title is\n"
     "          depth 0, paragraph 0)\n"},
    {"cat", command_cat, "[--tsv] FILE", "Print the cleaned text of a speech.",
     "Prints the title, then every paragraph on its own line; front matter\n"
     "(a website's page controls or copyright block) is left out.\n"
     "  --tsv   one line per paragraph: PARA<TAB>ROLE<TAB>TEXT, where ROLE is\n"
     "          title, h1 to h5 (the outline depth) or body\n"},
    {"import", command_import, "FILE|DIR...", "Copy speeches into the library.",
     "A directory brings in every *.txt file under it (any case, sorted, hidden\n"
     "files skipped). Prints ID<TAB>TITLE for each file; a file that fails is\n"
     "reported as pizhu: PATH: reason and the others go on (status 1 at the\n"
     "end). On a terminal, stderr shows a progress bar: speeches and MB done,\n"
     "rate, time left. The same content again is a no-op that prints the\n"
     "existing id. A changed file at a known path becomes a new version of its\n"
     "speech: tags and notes move to the paragraphs with the same text, else\n"
     "to the most similar paragraph of the same section; those that find no\n"
     "place stay on the old version (see list --orphans).\n"},
    {"list", command_list, "[--tsv] [--orphans]", "List the speeches in the library.",
     "One line per speech: id, title, date and speaker when known, paragraphs\n"
     "and tag counts per theme.\n"
     "  --tsv       a header row, then ID, TITLE, PARAGRAPHS, one count column\n"
     "              per theme, then DATE, SPEAKER, OCCASION and SOURCE\n"
     "  --orphans   annotations that could not follow a speech to its new\n"
     "              version: OLD_ID<TAB>PARA<TAB>tag|note<TAB>THEME|NOTE<TAB>TEXT\n"},
    {"meta", command_meta, "SPEECH [--date D] [--speaker S] [--occasion O] [--source S]",
     "Show or set a speech's date, speaker, occasion and source.",
     "Without options, prints FIELD<TAB>VALUE for date, speaker, occasion and\n"
     "source (empty while unknown). Import guesses them from the text; the\n"
     "options set them, and an empty value clears one. A field you set is kept\n"
     "when a new version of the speech is imported. Dates: YYYY-MM-DD, YYYY-MM\n"
     "or YYYY (2026年1月8日 is read too). Prints the metadata afterwards.\n"},
    {"remove", command_remove, "[--force] SPEECH", "Remove a speech from the library.",
     "Removes every version of the speech with its tags, notes and history.\n"
     "A speech that holds tags or notes needs --force; their text, paragraphs\n"
     "and section paths are first saved as JSON Lines in\n"
     "$XDG_DATA_HOME/pizhu/recovery/ID-TIME.jsonl, whose path is printed.\n"
     "Prints removed ID<TAB>TITLE. Final once the command ends (in the library\n"
     "view, d can be undone until pizhu exits).\n"},
    {"tag", command_tag, "[--remove] SPEECH PARAS THEME...", "Tag paragraphs with themes.",
     "SPEECH is a library id or the path of an imported file; PARAS is a list\n"
     "such as 3-7,12. All the tags are one undoable step. Prints PARA<TAB>THEME\n"
     "for each tag added (or, with --remove, removed) once it is saved.\n"},
    {"tags", command_tags, "SPEECH", "Print the tags of a speech.",
     "One PARA<TAB>THEME line per tag, by paragraph.\n"},
    {"note", command_note, "SPEECH PARA TEXT | --clear SPEECH PARA",
     "Set or clear the note of a paragraph.", "A paragraph has at most one note.\n"},
    {"notes", command_notes, "SPEECH", "Print the notes of a speech.",
     "One PARA<TAB>TEXT line per note; tabs and line breaks in a note print\n"
     "as spaces.\n"},
    {"themes", command_themes,
     "[--tsv] | add NAME | set NAME | rename OLD NEW | delete [--force] NAME",
     "List or change the themes.",
     "Without a subcommand, lists the themes: key, name, colour, tag count and\n"
     "keywords (--tsv: KEY<TAB>NAME<TAB>COLOR<TAB>TAGS<TAB>KEYWORDS).\n"
     "  add and set take  --key K (1-9 or none)  --color C  --keywords LIST\n"
     "  (LIST separated by , ， or 、). A new theme without --key takes the\n"
     "  lowest free key. Renaming or recolouring keeps the tags; deleting a\n"
     "  theme that has tags needs --force. Theme files: see docs/themes.md.\n"},
    {"undo", command_undo, "[SPEECH]", "Undo the latest tag or note change.",
     "Of one speech when given, else of any. Works across restarts.\n"},
    {"redo", command_redo, "[SPEECH]", "Redo the change undone last.", ""},
    {"history", command_history, "[SPEECH]", "Print the annotation history.",
     "One line per action, oldest first: ID<TAB>WHEN<TAB>USER<TAB>SPEECH<TAB>WHAT.\n"},
    {"suggest", command_suggest, "[--apply] SPEECH", "Suggest themes from their keywords.",
     "Lists PARA<TAB>THEME<TAB>KEYWORDS for each paragraph that mentions a\n"
     "theme's keywords but does not carry the theme. --apply tags them all, as\n"
     "one undoable step.\n"},
    {"search", command_search, "[--theme T] [--speech S] [--limit N] [--count] QUERY...",
     "Search the text of every speech.",
     "Prints SPEECH<TAB>PARA<TAB>TEXT, most relevant first: hits in titles, then\n"
     "headings, then by how dense the words are; ties newest speech first. A\n"
     "paragraph matches when it holds every word of the query; the words are\n"
     "highlighted when the output is a terminal (not with NO_COLOR).\n"
     "--limit N prints the N most relevant hits (0: all). The default is a\n"
     "screenful on a terminal, with the total on stderr, and all when piped.\n"
     "--count prints only how many paragraphs match.\n"},
    {"export", command_export,
     "[--theme T]... [--speech S]... [--format md|csv|jsonl|html|matrix] [--group theme|speech] "
     "[--bom] [-o FILE]",
     "Export the tagged and annotated paragraphs.",
     "Each excerpt carries the speech's title and metadata, its section path, the\n"
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
     "  -o FILE      write FILE, replacing it only once the export is complete\n"
     "Fields and formats: docs/export.md.\n"},
    {"stats", command_stats, "[--speech S]... [--tsv]", "Count the tags per theme.",
     "Per theme: the tagged paragraphs, their share of the speeches' paragraphs\n"
     "and the number of speeches (with a bar on a terminal); then the pairs of\n"
     "themes that share paragraphs. Old versions' orphans do not count.\n"
     "  --speech S   only these speeches (repeat for several)\n"
     "  --tsv        for machines, one record per line:\n"
     "                 total<TAB>SPEECHES<TAB>PARAGRAPHS\n"
     "                 theme<TAB>NAME<TAB>PARAGRAPHS<TAB>SHARE<TAB>SPEECHES\n"
     "                 pair<TAB>THEME_A<TAB>THEME_B<TAB>PARAGRAPHS\n"
     "               SHARE is a fraction (0.1250); pairs with no shared paragraph\n"
     "               are left out\n"},
    {"check", command_check, "", "Check the library database for damage.",
     "Runs SQLite's integrity and foreign key checks and the search index's\n"
     "check, and checks that every tag and note is what the latest change in\n"
     "the history made it; prints ok (status 0) or the problems found\n"
     "(status 1).\n"},
    {"library", command_library, "[FILE...]", "Open the library view.",
     "The same as pizhu alone on a terminal; FILEs (or directories) are imported\n"
     "first. Press ? in the view for its keys.\n"},
    {"read", command_read, "SPEECH", "Open a speech in the full-screen reader.",
     "The same as pizhu SPEECH: a file path or a library id. Press ? in the\n"
     "reader for its keys.\n"},
    {"help", command_help, "[COMMAND | keys [--tsv]]", "Show help for pizhu or for one command.",
     "pizhu help keys lists the reader's keys (--tsv: PANE<TAB>KEYS<TAB>HELP).\n"},
};
const size_t command_count = sizeof commands / sizeof commands[0];

const struct command *command_find(const char *name)
{
	for (size_t i = 0; i < command_count; i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}
