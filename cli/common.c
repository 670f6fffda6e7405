#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buffer.h"
#include "base/file.h"
#include "cli/cli.h"
#include "cli/options.h"
#include "speech/decode.h"

/* Prints "pizhu: " and the message as one line on stderr. Messages quote
 * file names, arguments and file contents, which may hold escape
 * sequences: those are written as cli_write_field writes fields. */
static void print_message(const char *format, va_list arguments)
{
	va_list again;
	va_copy(again, arguments);
	int length = vsnprintf(NULL, 0, format, arguments);
	char *message = xmalloc(length > 0 ? (size_t)length + 1 : 1);
	message[0] = '\0';
	if (length > 0)
		vsnprintf(message, (size_t)length + 1, format, again);
	va_end(again);
	fputs("pizhu: ", stderr);
	cli_write_field(stderr, message, length > 0 ? (size_t)length : 0);
	fputc('\n', stderr);
	free(message);
}

int cli_fail(const char *format, ...)
{
	va_list arguments;
	va_start(arguments, format);
	print_message(format, arguments);
	va_end(arguments);
	return EXIT_ERROR;
}

void cli_warn(const char *format, ...)
{
	va_list arguments;
	va_start(arguments, format);
	print_message(format, arguments);
	va_end(arguments);
}

int cli_usage_error(const struct command *command, const char *format, ...)
{
	va_list arguments;
	va_start(arguments, format);
	print_message(format, arguments);
	va_end(arguments);
	if (command)
		fprintf(stderr, "usage: pizhu %s %s\n", command->name, command->usage);
	else
		fputs("usage: pizhu COMMAND [ARGS]  (see pizhu --help)\n", stderr);
	return EXIT_USAGE;
}

void cli_print_help(const struct command *command)
{
	printf("usage: pizhu %s %s\n\n%s\n", command->name, command->usage, command->summary);
	if (command->help && *command->help)
		printf("\n%s", command->help);
}

int cli_parse_flags(const struct command *command, int argc, char **argv, const char *const *flags,
		    int *set_flags, char **positional, int min_positional, int max_positional,
		    int *positional_count)
{
	int count = 0, options_done = 0;
	for (int i = 1; i < argc; i++) {
		const char *argument = argv[i];
		if (!options_done && argument[0] == '-' && argument[1] != '\0') {
			if (strcmp(argument, "--") == 0) {
				options_done = 1;
				continue;
			}
			if (strcmp(argument, "-h") == 0 || strcmp(argument, "--help") == 0) {
				cli_print_help(command);
				return -1;
			}
			int known = 0;
			for (int f = 0; flags && flags[f]; f++)
				if (strcmp(argument, flags[f]) == 0) {
					set_flags[f] = 1;
					known = 1;
				}
			if (!known)
				return cli_usage_error(command, "unknown option '%s'", argument);
			continue;
		}
		if (count >= max_positional)
			return cli_usage_error(command, "unexpected argument '%s'", argument);
		positional[count++] = argv[i];
	}
	if (count < min_positional)
		return cli_usage_error(command, "missing argument");
	*positional_count = count;
	return 0;
}

int cli_parse_speech(const char *path, const unsigned char *bytes, size_t length,
		     struct speech *speech)
{
	struct error error;
	char *title = speech_fallback_title(path);
	int status = speech_parse(bytes, length, title, speech, &error);
	free(title);
	if (status != 0)
		return cli_fail("%s: %s", path, error.message);
	if (speech->replaced_bytes > 0)
		cli_warn("%s: warning: %zu invalid byte%s shown as U+FFFD", path,
			 speech->replaced_bytes, speech->replaced_bytes == 1 ? "" : "s");
	if (strcmp(speech->encoding, DECODE_UTF8_AFTER_UTF16_BOM) == 0)
		cli_warn("%s: warning: a UTF-16 byte order mark before UTF-8 text; read as UTF-8",
			 path);
	return 0;
}

int cli_load_speech(const char *path, struct speech *speech)
{
	if (cli_is_speech_id(path))
		return cli_load_stored_speech(path, speech);
	unsigned char *bytes;
	size_t length;
	struct error error;
	if (file_read(path, &bytes, &length, &error) != 0)
		return cli_fail("%s: %s", path, error.message);
	int status = cli_parse_speech(path, bytes, length, speech);
	free(bytes);
	return status;
}
