/* main.c — pizhu's entry point: global options and the command table. */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/options.h"
#include "tui/request.h"

#ifndef PIZHU_VERSION
#define PIZHU_VERSION "unknown"
#endif

static int command_help(int argc, char **argv);

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
     "end). On a terminal, stderr shows files and bytes done and the current\n"
     "file. The same content again is a no-op that prints the existing id. A\n"
     "changed file at a known path becomes a new version of its speech: tags\n"
     "and notes move to the paragraphs with the same text, else to the most\n"
     "similar paragraph of the same section; those that\n"
     "find no place stay on the old version (see list --orphans).\n"},
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
     "$XDG_DATA_HOME/pizhu/recovery/ID-TIME-LIBRARY-RANDOM.jsonl (a new file\n"
     "each time), whose path is printed.\n"
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
    {"search", command_search, "[--theme T] [--speech S] QUERY...",
     "Search the text of every speech.",
     "Prints SPEECH<TAB>PARA<TAB>TEXT, most relevant first. A paragraph matches\n"
     "when it holds every word of the query; the words are highlighted when the\n"
     "output is a terminal (not with NO_COLOR). At most 64 words, 4096 bytes.\n"},
    {"export", command_export,
     "[--theme T]... [--speech S]... [--format md|csv|jsonl|html|matrix] [--group theme|speech] "
     "[--bom] [-o FILE [--force]]",
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
     "  -o FILE      write FILE, replacing it only once the export is complete;\n"
     "               an existing FILE is replaced only when it is empty or an\n"
     "               earlier pizhu export, never when it is the library (or its\n"
     "               -wal, -shm) or any SQLite database\n"
     "  --force      with -o: replace a FILE that is not an earlier export\n"
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
    {"check", command_check, "[--quick]", "Check the library database for damage.",
     "Runs SQLite's integrity and foreign key checks and the search index's\n"
     "check, checks that every tag and note is what the latest change in\n"
     "the history made it, and loads every speech as the reader does (its\n"
     "paragraphs, sections and outline tree in range and in order, text\n"
     "present); prints ok (status 0) or the problems found (status 1).\n"
     "  --quick   leave out loading every speech\n"},
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

static void print_overview(void)
{
	printf("pizhu %s: read and annotate Chinese speeches and reports\n\n"
	       "usage: pizhu COMMAND [ARGS]\n\ncommands:\n",
	       PIZHU_VERSION);
	for (size_t i = 0; i < command_count; i++)
		printf("  %-8s %s\n", commands[i].name, commands[i].summary);
	printf("\n  pizhu FILE opens a speech in the reader (the same as pizhu read FILE);\n"
	       "  FILE may also be a library id.\n"
	       "\noptions (--db anywhere, the others before the command):\n"
	       "  --db PATH          the library database (default $PIZHU_DB, else\n"
	       "                     $XDG_DATA_HOME/pizhu/pizhu.db)\n"
	       "  --width COLS       readable text width in the reader (default 80)\n"
	       "  --ambiguous-wide   the terminal draws “ ” … — two columns wide\n"
	       "  -h, --help         show this help (pizhu help COMMAND for one command)\n"
	       "  -V, --version      show the version\n"
	       "\nExit status: 0 success, 1 error (bad file or data), 2 usage error.\n"
	       "See pizhu(1) for the whole manual.\n");
}

static void print_key_line(const char *pane, const char *keys, const char *help, void *context)
{
	int tsv = *(const int *)context;
	if (tsv)
		printf("%s\t%s\t%s\n", pane, keys, help);
	else
		printf("  %-9s %-16s %s\n", pane, keys, help);
}

static int help_keys(int argc, char **argv)
{
	int tsv = argc == 3 && strcmp(argv[2], "--tsv") == 0;
	if (argc > 3 || (argc == 3 && !tsv))
		return cli_usage_error(command_find("help"), "unexpected argument '%s'",
				       argv[argc - 1]);
	if (!tsv)
		printf("Keys of the reader (pizhu FILE). Keys for the outline work when it has\n"
		       "focus (Tab); the others anywhere. A number before G goes to that\n"
		       "paragraph.\n\n");
	request_print_keys(print_key_line, &tsv);
	return EXIT_OK;
}

static int command_help(int argc, char **argv)
{
	if (argc < 2) {
		print_overview();
		return EXIT_OK;
	}
	if (strcmp(argv[1], "keys") == 0)
		return help_keys(argc, argv);
	if (argc > 2)
		return cli_usage_error(command_find("help"), "unexpected argument '%s'", argv[2]);
	const struct command *command = command_find(argv[1]);
	if (!command)
		return cli_usage_error(NULL, "unknown command '%s'", argv[1]);
	cli_print_help(command);
	return EXIT_OK;
}

/* Global options come before the command; returns how many were used, or
 * -1 after a usage error. */
static int parse_global_options(int argc, char **argv)
{
	int used = 0;
	while (1 + used < argc) {
		const char *option = argv[1 + used];
		if (strcmp(option, "--ambiguous-wide") == 0) {
			cli_reader_overrides.ambiguous_wide = 1;
			used++;
		} else if (strcmp(option, "--width") == 0 || strncmp(option, "--width=", 8) == 0) {
			const char *value = option[7] == '=' ? option + 8 : argv[2 + used];
			if (!value)
				return cli_usage_error(NULL, "--width needs a number of columns"),
				       -1;
			char *end;
			long columns = strtol(value, &end, 10);
			if (*value == '\0' || *end != '\0' || columns < 10 || columns > 1000)
				return cli_usage_error(NULL,
						       "--width takes 10 to 1000 columns, not '%s'",
						       value),
				       -1;
			cli_reader_overrides.max_columns = (int)columns;
			used += option[7] == '=' ? 1 : 2;
		} else {
			break;
		}
	}
	return used;
}

/* Takes --db PATH (or --db=PATH) out of the arguments, wherever it is
 * before a "--", so it works before and after the command name. */
static int take_database_option(int *argc, char **argv)
{
	int kept = 1;
	for (int i = 1; i < *argc; i++) {
		if (strcmp(argv[i], "--") == 0) {
			while (i < *argc)
				argv[kept++] = argv[i++];
			break;
		}
		if (strcmp(argv[i], "--db") == 0) {
			if (i + 1 >= *argc)
				return cli_usage_error(NULL, "--db needs a path");
			cli_database_option = argv[++i];
		} else if (strncmp(argv[i], "--db=", 5) == 0) {
			cli_database_option = argv[i] + 5;
		} else {
			argv[kept++] = argv[i];
		}
	}
	*argc = kept;
	argv[kept] = NULL;
	return 0;
}

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
	if (take_database_option(&argc, argv) != 0)
		return EXIT_USAGE;
	int used = parse_global_options(argc, argv);
	if (used < 0)
		return EXIT_USAGE;
	argc -= used;
	argv += used;
	if (argc < 2) {
		/* On a terminal, pizhu alone opens the library. */
		if (isatty(STDIN_FILENO) && isatty(STDOUT_FILENO)) {
			char *library_argv[] = {"library", NULL};
			return command_library(1, library_argv);
		}
		print_overview();
		return EXIT_OK;
	}
	const char *first = argv[1];
	if (strcmp(first, "-h") == 0 || strcmp(first, "--help") == 0) {
		print_overview();
		return EXIT_OK;
	}
	if (strcmp(first, "-V") == 0 || strcmp(first, "--version") == 0) {
		printf("pizhu %s\n", PIZHU_VERSION);
		return EXIT_OK;
	}
	if (first[0] == '-')
		return cli_usage_error(NULL, "unknown option '%s'", first);
	const struct command *command = command_find(first);
	if (command)
		return command->run(argc - 1, argv + 1);
	/* A path, an id or a citation (ID:N) names a speech to read; any other
	 * word is a mistyped command. */
	int speech_like = access(first, F_OK) == 0 || strchr(first, '/') ||
			  strspn(first, "0123456789:") == strlen(first);
	if (!speech_like)
		return cli_usage_error(NULL, "unknown command '%s'", first);
	/* Several files are imported and the library opens on them. */
	if (argc > 2) {
		argv[0] = "library";
		return command_library(argc, argv);
	}
	char *read_argv[] = {"read", argv[1], NULL};
	return command_read(2, read_argv);
}
