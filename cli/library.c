#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/buffer.h"
#include "base/file.h"
#include "base/i18n.h"
#include "cli/options.h"
#include "store/document.h"
#include "store/theme.h"

const char *cli_database_option;

/* Brings the theme files in. A broken user file is a warning (the
 * built-in themes are used meanwhile, so one typo does not lock the
 * library); only a failure to use even those is an error. */
static int sync_themes(struct store *store, struct error *warning, struct error *error)
{
	struct theme_definition *themes;
	size_t count;
	char *directory = theme_user_directory();
	if (theme_definitions_load(directory, &themes, &count, error) != 0) {
		error_set(warning, _("warning: %s"), error->message);
		if (theme_definitions_load(NULL, &themes, &count, error) != 0) {
			free(directory);
			return -1;
		}
	}
	free(directory);
	int status = store_themes_sync(store, themes, count, error);
	theme_definitions_free(themes, count);
	return status;
}

int cli_library_sync_themes(struct store *store, struct error *warning, struct error *error)
{
	warning->message[0] = '\0';
	return sync_themes(store, warning, error);
}

/* --db, else PIZHU_DB or the default path; NULL with a reason. */
static char *library_path(struct error *error)
{
	return cli_database_option ? xstrdup(cli_database_option) : store_default_path(error);
}

/* The library, created when missing; its themes left as they are. */
static int open_library(struct store **store, struct error *error)
{
	*store = NULL;
	char *path = library_path(error);
	if (!path)
		return -1;
	int status = store_open(path, STORE_OPEN_CREATE, store, error);
	free(path);
	return status;
}

int cli_library_open(struct store **store, struct error *warning, struct error *error)
{
	warning->message[0] = '\0';
	int status = open_library(store, error);
	if (status == 0 && cli_library_sync_themes(*store, warning, error) != 0) {
		store_close(*store);
		*store = NULL;
		status = -1;
	}
	return status;
}

int cli_library_path(char **path)
{
	struct error error;
	*path = library_path(&error);
	return *path ? 0 : cli_fail("%s", error.message);
}

int cli_store_open_without_themes(struct store **store)
{
	struct error error;
	return open_library(store, &error) == 0 ? 0 : cli_fail("%s", error.message);
}

int cli_store_open_existing(struct store **store, struct error *error)
{
	*store = NULL;
	char *path = library_path(error);
	if (!path)
		return -1;
	struct stat status;
	int missing = stat(path, &status) != 0 && errno == ENOENT;
	int result = missing ? 1 : store_open(path, STORE_OPEN_EXISTING, store, error);
	free(path);
	return result;
}

int cli_store_open(struct store **store)
{
	struct error warning, error;
	int status = cli_library_open(store, &warning, &error);
	if (warning.message[0])
		cli_warn("%s", warning.message);
	return status == 0 ? 0 : cli_fail("%s", error.message);
}

int cli_store_open_speech(const char *argument, struct store **store, int64_t *speech)
{
	if (cli_store_open(store) != 0)
		return EXIT_ERROR;
	if (cli_speech_resolve(*store, argument, speech) != 0) {
		store_close(*store);
		*store = NULL;
		return EXIT_ERROR;
	}
	return 0;
}

int cli_is_speech_id(const char *argument)
{
	size_t digits = strspn(argument, "0123456789");
	return digits > 0 && digits <= 18 && argument[digits] == '\0';
}

int cli_speech_resolve(struct store *store, const char *argument, int64_t *id)
{
	struct error error;
	if (cli_is_speech_id(argument)) {
		struct store_document document;
		*id = strtoll(argument, NULL, 10);
		if (store_document_get(store, *id, &document, &error) != 0)
			return cli_fail("%s", error.message);
		store_document_clear(&document);
		return 0;
	}
	unsigned char *bytes;
	size_t length;
	if (file_read(argument, &bytes, &length, &error) != 0)
		return cli_fail("%s: %s", argument, error.message);
	int found = store_find_content(store, bytes, length, id, &error);
	free(bytes);
	if (found < 0)
		return cli_fail("%s", error.message);
	if (found)
		return 0;
	char *absolute = realpath(argument, NULL);
	int64_t known;
	found = absolute ? store_document_by_path(store, absolute, &known, &error) : 0;
	free(absolute);
	if (found < 0)
		return cli_fail("%s", error.message);
	if (found)
		return cli_fail(
		    _("%s: changed since it was imported as speech %lld; run pizhu import "
		      "%s"),
		    argument, (long long)known, argument);
	return cli_fail(_("%s: not in the library; run pizhu import %s"), argument, argument);
}

int cli_load_library_copy(const char *path, const unsigned char *bytes, size_t length,
			  struct speech *speech)
{
	struct error error;
	struct store *store;
	if (cli_store_open_existing(&store, &error) != 0)
		return 0; /* no library (or none usable): the file is read alone */
	int64_t id;
	int found = store_find_content(store, bytes, length, &id, &error);
	if (found == 1 && store_speech_load(store, id, speech, &error) != 0) {
		cli_warn(_("%s: warning: %s; the file is read alone"), path, error.message);
		found = 0;
	}
	store_close(store);
	return found == 1;
}

int cli_load_stored_speech(const char *argument, int parsed, struct speech *speech)
{
	struct store *store;
	if (cli_store_open(&store) != 0)
		return EXIT_ERROR;
	struct error error;
	int64_t id = strtoll(argument, NULL, 10);
	int status = parsed ? store_speech_load_parsed(store, id, speech, &error)
			    : store_speech_load(store, id, speech, &error);
	store_close(store);
	return status == 0 ? 0 : cli_fail("%s", error.message);
}
