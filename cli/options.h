/* options.h — parsing subcommand options that take values (--theme T),
 * and the library helpers the store commands share. */
#ifndef PIZHU_CLI_OPTIONS_H
#define PIZHU_CLI_OPTIONS_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "cli/cli.h"
#include "store/store.h"

struct cli_option {
	const char *name; /* "--theme" */
	int takes_value;
	int seen;	   /* times given */
	const char *value; /* the last value given */
	/* For an option that may be repeated (--theme A --theme B): when not
	 * NULL, room for argc entries that receive every value, in order. */
	const char **values;
};

/* Parses a subcommand's arguments (argv[0] is its name): the options
 * (flags, and options with a value as "--key 3" or "--key=3"; options may
 * be NULL when option_count is 0), "--" ending them, and between
 * min_positional and max_positional other arguments, collected into
 * positional (which may be NULL when max_positional is 0). Returns 0,
 * EXIT_USAGE after printing a usage error, or -1 after printing the help
 * for -h or --help (the caller then exits with EXIT_OK). */
int cli_parse_options(const struct command *command, int argc, char **argv,
		      struct cli_option *options, size_t option_count, char **positional,
		      int min_positional, int max_positional, int *positional_count);

/* The --db option given to pizhu, or NULL. Set once by main. */
extern const char *cli_database_option;

/* Opens the library (--db, PIZHU_DB or the default path) and brings in
 * the theme files; reports failures. Returns 0 or EXIT_ERROR. */
int cli_store_open(struct store **store);

/* cli_store_open without the theme files, for a command that does not
 * use themes (a search without --theme): reading and syncing them was a
 * twentieth of such a command's time. */
int cli_store_open_without_themes(struct store **store);

/* Opens the library without the theme files only when there is one,
 * printing nothing: 0 with it open, 1 when there is no library file yet,
 * -1 with the reason in error (a library that cannot be used, no path).
 * Never creates a library. */
int cli_store_open_existing(struct store **store, struct error *error);

/* cli_store_open that prints nothing, for when the reader owns the
 * terminal: -1 with the reason in error, and a warning (a broken theme
 * file; empty when none) to show whatever the outcome. */
int cli_library_open(struct store **store, struct error *warning, struct error *error);

/* The theme files into a library opened without them, printing nothing:
 * what cli_library_open adds to opening it, for the reader to do after
 * its first paint (a twentieth of that paint). Same warning and error. */
int cli_library_sync_themes(struct store *store, struct error *warning, struct error *error);

/* The library's path (--db, PIZHU_DB or the default) as a new string, to
 * open it later; reports a failure. Returns 0 or EXIT_ERROR. */
int cli_library_path(char **path);

/* Opens the library and resolves a speech argument in it; on failure
 * reports, closes what it opened and returns EXIT_ERROR. */
int cli_store_open_speech(const char *argument, struct store **store, int64_t *speech);

struct paragraph_list;
/* The list's paragraphs (cli/paragraphs.h), once the speech is known to
 * have them all; else reports which is missing and returns EXIT_ERROR. */
int cli_paragraph_list_expand(struct store *store, int64_t speech,
			      const struct paragraph_list *list, size_t **paragraphs,
			      size_t *count);

/* A speech argument: a library id (digits) or the path of an imported
 * file. Reports failures. Returns 0 or EXIT_ERROR. */
int cli_speech_resolve(struct store *store, const char *argument, int64_t *id);

/* Imports files and directories as pizhu import does: ID<TAB>TITLE per
 * speech on standard output, failures and (on a terminal) progress on
 * standard error. Returns EXIT_OK, or EXIT_ERROR when any path failed. */
int cli_import_paths(struct store *store, char **paths, size_t count);

/* 1 when the argument is a library id rather than a file path. */
int cli_is_speech_id(const char *argument);

/* Loads a speech by library id, for outline and cat: with the user's
 * corrections, or (parsed) as the parser found it. 0 or EXIT_ERROR. */
int cli_load_stored_speech(const char *argument, int parsed, struct speech *speech);

/* Writes text with tabs and line breaks (also U+2028, U+2029) as
 * spaces, other control
 * characters (C0, DEL, C1) and bytes that are not UTF-8 as U+FFFD, and
 * bidirectional controls (utf8_is_bidi_control) left out, so a field stays
 * on its line, nothing reaches the terminal as an escape sequence and
 * nothing reorders what it shows. */
void cli_write_field(FILE *stream, const char *text, size_t length);

#endif
