#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buffer.h"
#include "base/file.h"
#include "base/i18n.h"
#include "cli/cli.h"
#include "cli/options.h"
#include "cli/paragraphs.h"
#include "store/annotation.h"
#include "speech/source.h"
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
		fprintf(stderr, _("usage: pizhu %s %s\n"), command->name, command->usage);
	else
		fputs(_("usage: pizhu COMMAND [ARGS]  (see pizhu --help)\n"), stderr);
	return EXIT_USAGE;
}

void cli_print_help(const struct command *command)
{
	printf(_("usage: pizhu %s %s\n\n%s\n"), command->name, command->usage, _(command->summary));
	if (command->help && *command->help)
		printf("\n%s", _(command->help));
}

int cli_parse_speech(const char *path, const unsigned char *bytes, size_t length,
		     struct speech *speech)
{
	struct error error;
	char *title = speech_fallback_title(path);
	int status = speech_parse_file(path, bytes, length, title, speech, &error);
	free(title);
	if (status != 0)
		return cli_fail("%s: %s", path, error.message);
	cli_warn_decoding(path, speech);
	return 0;
}

void cli_warn_decoding(const char *path, const struct speech *speech)
{
	if (speech->replaced_bytes > 0)
		cli_warn(
		    _("%s: warning: %s shown as U+FFFD"), path,
		    i18n_count(speech->replaced_bytes, "%zu invalid byte", "%zu invalid bytes"));
	if (speech->encoding && strcmp(speech->encoding, DECODE_UTF8_AFTER_UTF16_BOM) == 0)
		cli_warn(
		    _("%s: warning: a UTF-16 byte order mark before UTF-8 text; read as UTF-8"),
		    path);
}

static int load_speech(const char *path, int parsed, struct speech *speech)
{
	if (cli_is_speech_id(path))
		return cli_load_stored_speech(path, parsed, speech);
	unsigned char *bytes;
	size_t length;
	struct error error;
	if (file_read(path, &bytes, &length, &error) != 0)
		return cli_fail("%s: %s", path, error.message);
	/* A file the library holds is shown as corrected there. */
	int status = !parsed && cli_load_library_copy(path, bytes, length, speech)
			 ? 0
			 : cli_parse_speech(path, bytes, length, speech);
	free(bytes);
	return status;
}

int cli_load_speech(const char *path, struct speech *speech)
{
	return load_speech(path, 0, speech);
}

int cli_load_parsed_speech(const char *path, struct speech *speech)
{
	return load_speech(path, 1, speech);
}

/* The list's paragraphs, once the speech is known to have them all. */
int cli_paragraph_list_expand(struct store *store, int64_t speech,
			      const struct paragraph_list *list, size_t **paragraphs, size_t *count)
{
	struct error error;
	size_t paragraph_count, outside;
	if (store_paragraph_count(store, speech, &paragraph_count, &error) != 0)
		return cli_fail("%s", error.message);
	if (paragraph_list_expand(list, paragraph_count, paragraphs, count, &outside) != 0) {
		/* The store's check words the message. */
		store_paragraph_check(store, speech, outside, &error);
		return cli_fail("%s", error.message);
	}
	return 0;
}
