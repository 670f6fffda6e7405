/* global_option.c — a global option taken out of the arguments
 * (cli/global_option.h). */
#include <string.h>

#include "cli/global_option.h"

/* The value of argument when it is name=VALUE, else NULL. */
static const char *attached_value(const char *argument, const char *name)
{
	size_t length = strlen(name);
	if (strncmp(argument, name, length) == 0 && argument[length] == '=')
		return argument + length + 1;
	return NULL;
}

int cli_take_option(int *argc, char **argv, const char *const names[], int with_value,
		    const char **value)
{
	int last = CLI_OPTION_ABSENT;
	int kept = 1;
	for (int i = 1; i < *argc; i++) {
		if (strcmp(argv[i], "--") == 0) {
			while (i < *argc)
				argv[kept++] = argv[i++];
			break;
		}
		int found = CLI_OPTION_ABSENT;
		for (int n = 0; names[n] && found == CLI_OPTION_ABSENT; n++) {
			if (strcmp(argv[i], names[n]) == 0) {
				if (with_value && i + 1 >= *argc)
					return CLI_OPTION_NO_VALUE;
				if (with_value)
					*value = argv[++i];
				found = n;
			} else if (with_value && attached_value(argv[i], names[n])) {
				*value = attached_value(argv[i], names[n]);
				found = n;
			}
		}
		if (found == CLI_OPTION_ABSENT)
			argv[kept++] = argv[i];
		else
			last = found;
	}
	*argc = kept;
	argv[kept] = NULL;
	return last;
}
