/* cli_take_option (cli/global_option.h): --db, --lang and --ocr taken out
 * of the arguments anywhere before "--", in both forms, the last one
 * winning, and a name that ends the arguments with its value missing. */
#include "cli/global_option.h"
#include "tap.h"

struct taken {
	int status, argc;
	const char *value;
	char rest[256]; /* the arguments left after argv[0], joined by spaces */
	char *argv[16];
	char words[256];
};

/* Splits line into words (at most 15) after argv[0] and takes names. */
static void take(const char *line, const char *const names[], int with_value, struct taken *taken)
{
	memset(taken, 0, sizeof *taken);
	snprintf(taken->words, sizeof taken->words, "%s", line);
	taken->argv[0] = "pizhu";
	taken->argc = 1;
	for (char *word = strtok(taken->words, " "); word && taken->argc < 15;
	     word = strtok(NULL, " "))
		taken->argv[taken->argc++] = word;
	taken->status = cli_take_option(&taken->argc, taken->argv, names, with_value,
					with_value ? &taken->value : NULL);
	if (taken->status == CLI_OPTION_NO_VALUE)
		return;
	ok(taken->argv[taken->argc] == NULL, "'%s': the arguments end with NULL", line);
	for (int i = 1; i < taken->argc; i++)
		snprintf(taken->rest + strlen(taken->rest),
			 sizeof taken->rest - strlen(taken->rest), "%s%s", i > 1 ? " " : "",
			 taken->argv[i]);
}

int main(void)
{
	static const char *const db[] = {"--db", NULL};
	static const char *const ocr[] = {"--no-ocr", "--ocr", NULL};
	struct taken taken;

	take("list --tsv", db, 1, &taken);
	is_int(taken.status, CLI_OPTION_ABSENT, "absent");
	is_string(taken.value, NULL, "absent: no value");
	is_string(taken.rest, "list --tsv", "absent: the arguments are untouched");

	take("--db a.db list", db, 1, &taken);
	is_int(taken.status, 0, "before the command");
	is_string(taken.value, "a.db", "before the command: its value");
	is_string(taken.rest, "list", "before the command: taken out with its value");

	take("list --tsv --db=b.db 3", db, 1, &taken);
	is_int(taken.status, 0, "--db=PATH after the command");
	is_string(taken.value, "b.db", "--db=PATH: its value");
	is_string(taken.rest, "list --tsv 3", "--db=PATH: the others keep their order");

	take("--db a.db list --db=b.db --db c.db", db, 1, &taken);
	is_string(taken.value, "c.db", "the last one wins");
	is_string(taken.rest, "list", "every occurrence is taken out");

	take("--db= list", db, 1, &taken);
	is_int(taken.status, 0, "--db= is given");
	is_string(taken.value, "", "--db=: an empty value");

	take("--db -- list", db, 1, &taken);
	is_string(taken.value, "--", "the next argument is the value, whatever it is");
	is_string(taken.rest, "list", "that \"--\" is the value, not the end of options");

	take("note 1 2 -- --db x.db", db, 1, &taken);
	is_int(taken.status, CLI_OPTION_ABSENT, "after \"--\" it is an argument");
	is_string(taken.rest, "note 1 2 -- --db x.db", "\"--\" and what follows are kept");

	take("--dbx y --database z", db, 1, &taken);
	is_int(taken.status, CLI_OPTION_ABSENT, "a longer name is another option");
	is_string(taken.rest, "--dbx y --database z", "a longer name is kept");

	take("list --db", db, 1, &taken);
	is_int(taken.status, CLI_OPTION_NO_VALUE, "a value missing at the end");

	take("--ocr import a.pdf --no-ocr", ocr, 0, &taken);
	is_int(taken.status, 0, "--no-ocr last: it wins");
	is_string(taken.rest, "import a.pdf", "both taken out");

	take("--no-ocr import --ocr a.pdf", ocr, 0, &taken);
	is_int(taken.status, 1, "--ocr last: it wins");
	is_string(taken.rest, "import a.pdf", "a flag takes no value");

	take("import --ocr=yes a.pdf --ocr", ocr, 0, &taken);
	is_int(taken.status, 1, "a flag at the end");
	is_string(taken.rest, "import --ocr=yes a.pdf", "a flag given a value is not the flag");

	return tap_done();
}
