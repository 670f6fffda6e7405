/* language.c — which language pizhu speaks (base/i18n.h): --lang zh|en,
 * else `language = zh|en` in the settings file, else the locale
 * (LANGUAGE, LC_ALL, LC_MESSAGES, LANG). */
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "cli/cli.h"

/* Takes --lang L (or --lang=L) out of the arguments, wherever it is
 * before a "--", as --db is; *chosen is NULL when it is not given. */
static int take_option(int *argc, char **argv, const char **chosen)
{
	*chosen = NULL;
	int kept = 1;
	for (int i = 1; i < *argc; i++) {
		if (strcmp(argv[i], "--") == 0) {
			while (i < *argc)
				argv[kept++] = argv[i++];
			break;
		}
		if (strcmp(argv[i], "--lang") == 0) {
			if (i + 1 >= *argc)
				return cli_usage_error(NULL, _("--lang needs zh or en"));
			*chosen = argv[++i];
		} else if (strncmp(argv[i], "--lang=", 7) == 0) {
			*chosen = argv[i] + 7;
		} else {
			argv[kept++] = argv[i];
		}
	}
	*argc = kept;
	argv[kept] = NULL;
	return 0;
}

int cli_language_choose(int *argc, char **argv)
{
	enum i18n_language language = i18n_language_from_environment();
	int asked = cli_config_language(&language);
	/* Messages about --lang itself come in the language chosen so far. */
	struct error error;
	if (language == I18N_CHINESE)
		i18n_set_language(language, &error);
	const char *option;
	if (take_option(argc, argv, &option) != 0)
		return EXIT_USAGE;
	if (option && i18n_language_parse(option, &language) != 0)
		return cli_usage_error(NULL, _("--lang takes zh or en, not '%s'"), option);
	/* A missing catalogue is said when Chinese was asked for by name, not
	 * merely by a zh_CN locale. */
	if (i18n_set_language(language, &error) != 0 && (asked || option))
		cli_warn("%s", error.message);
	return 0;
}
