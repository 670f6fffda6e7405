/* language.c — which language pizhu speaks (base/i18n.h): --lang zh|en,
 * else `language = zh|en` in the settings file, else the locale
 * (LANGUAGE, LC_ALL, LC_MESSAGES, LANG). */
#include <stdlib.h>

#include "base/i18n.h"
#include "cli/cli.h"
#include "cli/global_option.h"

int cli_language_choose(int *argc, char **argv)
{
	enum i18n_language language = i18n_language_from_environment();
	int asked = cli_config_language(&language);
	/* Messages about --lang itself come in the language chosen so far. */
	struct error error;
	if (language == I18N_CHINESE)
		i18n_set_language(language, &error);
	/* --lang L or --lang=L, anywhere before a "--", as --db is. */
	static const char *const names[] = {"--lang", NULL};
	const char *option = NULL;
	if (cli_take_option(argc, argv, names, 1, &option) == CLI_OPTION_NO_VALUE)
		return cli_usage_error(NULL, _("--lang needs zh or en"));
	if (option && i18n_language_parse(option, &language) != 0)
		return cli_usage_error(NULL, _("--lang takes zh or en, not '%s'"), option);
	/* A missing catalogue is said when Chinese was asked for by name, not
	 * merely by a zh_CN locale. */
	if (i18n_set_language(language, &error) != 0 && (asked || option))
		cli_warn("%s", error.message);
	return 0;
}
