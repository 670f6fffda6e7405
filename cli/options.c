#include "cli/options.h"

#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/utf8.h"

static struct cli_option *find_option(struct cli_option *options, size_t count,
				      const char *argument, const char **inline_value)
{
	*inline_value = NULL;
	for (size_t i = 0; i < count; i++) {
		size_t length = strlen(options[i].name);
		if (strncmp(argument, options[i].name, length) != 0)
			continue;
		if (argument[length] == '\0')
			return &options[i];
		if (argument[length] == '=' && options[i].takes_value) {
			*inline_value = argument + length + 1;
			return &options[i];
		}
	}
	return NULL;
}

int cli_parse_options(const struct command *command, int argc, char **argv,
		      struct cli_option *options, size_t option_count, char **positional,
		      int min_positional, int max_positional, int *positional_count)
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
			const char *value;
			struct cli_option *option =
			    find_option(options, option_count, argument, &value);
			if (!option)
				return cli_usage_error(command, _("unknown option '%s'"), argument);
			if (option->takes_value && !value) {
				if (i + 1 >= argc)
					return cli_usage_error(command, _("%s needs a value"),
							       option->name);
				value = argv[++i];
			}
			if (option->values)
				option->values[option->seen] = value;
			option->seen++;
			option->value = value;
			continue;
		}
		if (count >= max_positional)
			return cli_usage_error(command, _("unexpected argument '%s'"), argument);
		positional[count++] = argv[i];
	}
	if (count < min_positional)
		return cli_usage_error(command, _("missing argument"));
	*positional_count = count;
	return 0;
}

void cli_write_field(FILE *stream, const char *text, size_t length)
{
	/* Plain text goes out in runs (one fputc per byte was a quarter of a
	 * search's time), found by a scan that decodes nothing for the usual
	 * characters (utf8_decode per character was the next eighth); what is
	 * not plain goes out replaced. */
	const unsigned char *bytes = (const unsigned char *)text;
	size_t at = 0;
	for (;;) {
		size_t run = utf8_plain_length(text + at, length - at);
		fwrite(text + at, 1, run, stream);
		at += run;
		if (at == length)
			return;
		/* C0, DEL, C1 (also a lone byte 0x80-0x9F, which some terminals
		 * read as a C1 control such as CSI), or a byte that is not UTF-8:
		 * a C1 character is replaced whole, a bad byte alone. */
		unsigned char c = bytes[at];
		size_t step = 1;
		long codepoint = c >= 0x80 ? utf8_decode(bytes + at, length - at, &step) : c;
		/* A bidirectional control is left out, as the reader does: it
		 * could reorder what the terminal shows. */
		int line_break = c == '\t' || c == '\n' || c == '\r' || codepoint == 0x2028 ||
				 codepoint == 0x2029;
		if (!utf8_is_bidi_control(codepoint))
			fputs(line_break ? " " : "\xEF\xBF\xBD", stream);
		at += step;
	}
}
