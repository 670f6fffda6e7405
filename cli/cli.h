/* cli.h — the command-line front end: one table of subcommands, each in a
 * small file, and the helpers they share for messages and exit statuses. */
#ifndef PIZHU_CLI_CLI_H
#define PIZHU_CLI_CLI_H

#include "base/i18n.h"
#include "speech/speech.h"
#include "tui/tui.h"

enum exit_status {
	EXIT_OK = 0,
	EXIT_ERROR = 1, /* a file, database or value was bad */
	EXIT_USAGE = 2, /* the command line was bad */
};

struct command {
	const char *name;
	int (*run)(int argc, char **argv); /* argv[0] is the command name */
	const char *usage;		   /* arguments after the name */
	const char *summary;		   /* one line for `pizhu --help` */
	const char *help;		   /* the rest of `pizhu help NAME` */
};

extern const struct command commands[];
extern const size_t command_count;

const struct command *command_find(const char *name);

/* Prints "pizhu: " and the message to stderr and returns EXIT_ERROR.
 * Control characters in the message (a file name may hold ESC) are
 * written as U+FFFD, tabs and line breaks as spaces. */
int cli_fail(const char *format, ...) __attribute__((format(printf, 1, 2)));
/* The same, for a warning that is not a failure. */
void cli_warn(const char *format, ...) __attribute__((format(printf, 1, 2)));
/* Prints a message and the command's usage line to stderr; EXIT_USAGE. */
int cli_usage_error(const struct command *command, const char *format, ...)
    __attribute__((format(printf, 2, 3)));

/* Loads a speech from a file path, or from the library when the argument
 * is a speech id (all digits; write ./3 for a file named 3), reporting
 * failures (and a warning for damaged bytes) on stderr. Returns 0 or
 * EXIT_ERROR. */
int cli_load_speech(const char *path, struct speech *speech);
/* cli_load_speech without the user's corrections of a library speech:
 * the structure the parser found. */
int cli_load_parsed_speech(const char *path, struct speech *speech);
/* The speech the library holds with path's content (bytes[0..length)),
 * with the user's corrections, into *speech: 1 when there is one, else 0
 * (no library, none with that content). Never creates a library. */
int cli_load_library_copy(const char *path, const unsigned char *bytes, size_t length,
			  struct speech *speech);
/* Parses the bytes read from path, reporting as cli_load_speech does. */
int cli_parse_speech(const char *path, const unsigned char *bytes, size_t length,
		     struct speech *speech);
/* The warnings cli_parse_speech gives for how path's bytes were decoded
 * (invalid bytes replaced, a misleading byte order mark), for a speech
 * parsed from them or stored from them in the library. */
void cli_warn_decoding(const char *path, const struct speech *speech);

void cli_print_help(const struct command *command);

/* The subcommands, one file each. */
int command_outline(int argc, char **argv);
int command_cat(int argc, char **argv);
int command_import(int argc, char **argv);
int command_list(int argc, char **argv);
int command_meta(int argc, char **argv);
int command_remove(int argc, char **argv);
int command_tag(int argc, char **argv);
int command_tags(int argc, char **argv);
int command_note(int argc, char **argv);
int command_notes(int argc, char **argv);
int command_themes(int argc, char **argv);
int command_undo(int argc, char **argv);
int command_redo(int argc, char **argv);
int command_history(int argc, char **argv);
int command_suggest(int argc, char **argv);
int command_search(int argc, char **argv);
int command_check(int argc, char **argv);
int command_read(int argc, char **argv);
int command_library(int argc, char **argv);
int command_export(int argc, char **argv);
int command_stats(int argc, char **argv);
int command_help(int argc, char **argv);

/* pizhu --help: the commands and the global options. */
void cli_print_overview(void);
int command_mark(int argc, char **argv);

/* The reader's options given on the command line (--width,
 * --ambiguous-wide); -1 where not given. They win over the settings file. */
extern struct tui_options cli_reader_overrides;

/* Reads the settings file into options; a missing file is fine. Returns 0
 * or EXIT_ERROR after reporting "pizhu: FILE:LINE: reason". */
int cli_config_load(struct tui_options *options);

/* The `language = zh|en` of the settings file into *language; 1 when the
 * file sets it. Anything else in the file is left to cli_config_load. */
int cli_config_language(enum i18n_language *language);

/* The `ocr = yes|no` of the settings file into *ocr (left as it is when
 * the file does not set it). Returns 0, or EXIT_ERROR after reporting a
 * bad value. */
int cli_config_ocr(int *ocr);

/* Whether scanned PDFs are read by OCR: --ocr or --no-ocr, taken out of
 * the arguments wherever they are (as --db), else the settings file; sets
 * it up for the PDF reader (formats/pdf_ocr.h), with the progress of a
 * long OCR on standard error when it is a terminal. Returns 0, or
 * EXIT_ERROR after saying what to install when --ocr is given to a pizhu
 * built without OCR, or after reporting a bad setting. */
int cli_ocr_choose(int *argc, char **argv);

/* Chooses the language (--lang, taken out of the arguments wherever it
 * is, else the settings file, else the locale) and loads its catalogue.
 * Returns 0, or EXIT_USAGE after reporting a bad --lang. */
int cli_language_choose(int *argc, char **argv);

#endif
