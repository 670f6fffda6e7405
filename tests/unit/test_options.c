/* The one option parser of the subcommands (cli/options.h): flags,
 * options with values given either way, repeated options, "--", the
 * positional arguments' bounds, help and usage errors. */
#include <fcntl.h>
#include <unistd.h>

#include "cli/options.h"
#include "tap.h"

static const struct command command = {"try", NULL, "[--tsv] [--theme T]... ARG", "Try.", ""};

enum { TSV, THEME, FORMAT, OPTION_COUNT };

struct parsed {
	int status, positional_count;
	char *positional[4];
	const char *themes[16];
	struct cli_option options[OPTION_COUNT];
};

/* Parses the words of line (at most 15) with stdout and stderr muted: the
 * help and the usage errors go there. */
static void parse(char *line, struct parsed *parsed)
{
	memset(parsed, 0, sizeof *parsed);
	parsed->options[TSV] = (struct cli_option){"--tsv", 0, 0, NULL, NULL};
	parsed->options[THEME] = (struct cli_option){"--theme", 1, 0, NULL, parsed->themes};
	parsed->options[FORMAT] = (struct cli_option){"--format", 1, 0, NULL, NULL};
	char *argv[16] = {"try"};
	int argc = 1;
	for (char *word = strtok(line, " "); word && argc < 15; word = strtok(NULL, " "))
		argv[argc++] = word;
	fflush(stdout);
	int saved_out = dup(1), saved_err = dup(2), null = open("/dev/null", O_WRONLY);
	dup2(null, 1);
	dup2(null, 2);
	parsed->status = cli_parse_options(&command, argc, argv, parsed->options, OPTION_COUNT,
					   parsed->positional, 1, 2, &parsed->positional_count);
	fflush(stdout);
	fflush(stderr);
	dup2(saved_out, 1);
	dup2(saved_err, 2);
	close(saved_out);
	close(saved_err);
	close(null);
}

static void status_of(const char *words, int expected, const char *name)
{
	char line[256];
	snprintf(line, sizeof line, "%s", words);
	struct parsed parsed;
	parse(line, &parsed);
	is_int(parsed.status, expected, "%s", name);
}

int main(void)
{
	char line[256];
	struct parsed parsed;

	snprintf(line, sizeof line, "a --tsv --theme 民生 --theme=党建 b");
	parse(line, &parsed);
	is_int(parsed.status, 0, "flags, values and positionals mixed");
	is_int(parsed.options[TSV].seen, 1, "the flag is seen");
	is_int(parsed.options[THEME].seen, 2, "the repeated option twice");
	is_string(parsed.themes[0], "民生", "its first value (--theme V)");
	is_string(parsed.themes[1], "党建", "its second value (--theme=V)");
	is_string(parsed.options[THEME].value, "党建", "value is the last one");
	is_int(parsed.positional_count, 2, "two positionals");
	is_string(parsed.positional[1], "b", "in order");

	snprintf(line, sizeof line, "--format csv -- --tsv");
	parse(line, &parsed);
	is_int(parsed.status, 0, "-- ends the options");
	is_string(parsed.options[FORMAT].value, "csv", "a single value");
	is_int(parsed.options[TSV].seen, 0, "the flag after -- is not an option");
	is_string(parsed.positional[0], "--tsv", "but a positional");

	snprintf(line, sizeof line, "-");
	parse(line, &parsed);
	is_string(parsed.positional[0], "-", "- alone is a positional (standard input)");

	status_of("a --help", -1, "--help prints the help: -1");
	status_of("-h", -1, "-h too, before a missing positional is noticed");
	status_of("a --nope", EXIT_USAGE, "an unknown option");
	status_of("a --tsvx", EXIT_USAGE, "a longer name is not a prefix match");
	status_of("a --tsv=1", EXIT_USAGE, "a flag takes no value");
	status_of("a --theme", EXIT_USAGE, "a missing value");
	status_of("", EXIT_USAGE, "too few positionals");
	status_of("a b c", EXIT_USAGE, "too many positionals");
	return tap_done();
}
