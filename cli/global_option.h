/* global_option.h — taking pizhu's global options (--db, --lang, --ocr)
 * out of the arguments wherever they are before a "--", so that they work
 * before and after the command name and the command never sees them. */
#ifndef PIZHU_CLI_GLOBAL_OPTION_H
#define PIZHU_CLI_GLOBAL_OPTION_H

/* What cli_take_option answers besides an index into names. */
enum {
	CLI_OPTION_ABSENT = -1,	  /* none of the names was given */
	CLI_OPTION_NO_VALUE = -2, /* a name that takes a value ended the arguments */
};

/* Removes every occurrence of the spellings in names (a NULL-terminated
 * list of one option's names: {"--ocr", "--no-ocr", NULL}) from argv[1..]
 * up to the first "--", which stays with everything after it; the other
 * arguments keep their order, *argc is their count and argv[*argc] is
 * NULL. When with_value, each name takes a value, as "--db PATH" (the next
 * argument, whatever it is) or "--db=PATH", and *value points to the last
 * one's value inside argv; without it, "--ocr=x" is not the option and
 * stays, and *value is left alone. Returns the index in names of the last
 * spelling given (the last one wins), CLI_OPTION_ABSENT, or
 * CLI_OPTION_NO_VALUE; the caller says what is missing. */
int cli_take_option(int *argc, char **argv, const char *const names[], int with_value,
		    const char **value);

#endif
