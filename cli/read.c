/* read.c — `pizhu FILE` and `pizhu read FILE`: the full-screen reader. */
#include <malloc.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistr.h>

#include "base/buffer.h"
#include "base/file.h"
#include "base/i18n.h"
#include "cli/background_import.h"
#include "cli/cli.h"
#include "cli/options.h"
#include "speech/source.h"
#include "store/document.h"
#include "tui/tui.h"

struct tui_options cli_reader_overrides = {
    .max_columns = -1,
    .ambiguous_wide = -1,
    .use_color = -1,
};

/* Defaults, then the settings file, then the command line. */
static int reader_options(struct tui_options *options)
{
	*options = (struct tui_options){.max_columns = 80, .ambiguous_wide = 0, .use_color = 1};
	if (cli_config_load(options) != 0)
		return EXIT_ERROR;
	if (cli_reader_overrides.max_columns >= 0)
		options->max_columns = cli_reader_overrides.max_columns;
	if (cli_reader_overrides.ambiguous_wide >= 0)
		options->ambiguous_wide = cli_reader_overrides.ambiguous_wide;
	const char *no_color = getenv("NO_COLOR");
	if (no_color && *no_color)
		options->use_color = 0;
	return 0;
}

/* SPEECH, or ID:N for paragraph N of a library speech (a citation). */
static int split_citation(const char *argument, char *id, size_t id_size, long *paragraph)
{
	const char *colon = strrchr(argument, ':');
	*paragraph = -1;
	if (!colon || (size_t)(colon - argument) >= id_size)
		return 0;
	char *end;
	long number = strtol(colon + 1, &end, 10);
	memcpy(id, argument, (size_t)(colon - argument));
	id[colon - argument] = '\0';
	if (colon[1] == '\0' || *end != '\0' || number < 0 || !cli_is_speech_id(id))
		return 0;
	*paragraph = number;
	return 1;
}

/* Files larger than this are read and imported on a thread of their own
 * while the reader already shows their beginning, the whole lines of
 * their first BEGINNING_BYTES (a few screens); smaller ones take a moment
 * and are imported first, so tagging works from the first key. */
enum {
	BACKGROUND_IMPORT_BYTES = 2 * 1024 * 1024,
	BEGINNING_BYTES = 64 * 1024,
	IMPORT_MMAP_THRESHOLD = 128 * 1024,
};

/* Whether bytes[0..length), a UTF-16 BOM first, are UTF-8 all the same,
 * as speech/decode.c reads them: no NUL, which UTF-16 line ends hold, and
 * valid UTF-8 up to the last line feed byte. Not for UTF-16 text without
 * ASCII: it has no NUL, but a byte 0A in it is half a character (上 is
 * 0A 4E) and its bytes are seldom valid UTF-8. */
static int utf8_after_bom(const unsigned char *bytes, size_t length)
{
	const unsigned char *line_end = memrchr(bytes, '\n', length);
	return line_end && !memchr(bytes + 2, 0, length - 2) &&
	       !u8_check(bytes + 2, (size_t)(line_end - bytes) - 1);
}

/* How much of bytes[0..length), the start of a larger file, makes its
 * first screens: its whole lines; 0 when it cannot be cut (no line end in
 * it). UTF-16 (a BOM) is cut after its last line feed unit. */
static size_t beginning_length(const unsigned char *bytes, size_t length)
{
	if (length >= 2 &&
	    ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)) &&
	    !utf8_after_bom(bytes, length)) {
		int big_endian = bytes[0] == 0xFE;
		/* Units start at even offsets, the BOM's included. */
		for (size_t end = length & ~(size_t)1; end >= 4; end -= 2) {
			const unsigned char *unit = bytes + end - 2;
			if (big_endian ? unit[0] == 0 && unit[1] == '\n'
				       : unit[0] == '\n' && unit[1] == 0)
				return end;
		}
		return 0;
	}
	const unsigned char *line_end = memrchr(bytes, '\n', length);
	return line_end ? (size_t)(line_end - bytes) + 1 : 0;
}

/* The whole file is held in memory while it is read and imported: what
 * the import needs besides should add little to it. glibc would keep
 * large freed blocks (the parser's and the import's working arrays) in
 * its arenas; the import's connection bounds its own page cache
 * (cli/background_import.c). */
static void hold_memory_down(void)
{
#ifdef M_MMAP_THRESHOLD
	mallopt(M_MMAP_THRESHOLD, IMPORT_MMAP_THRESHOLD);
#endif
}

/* How much to read of the file at path first: its beginning when it is
 * large, else all of it up to the size at which it would count as large. */
static size_t first_read_limit(const char *path)
{
	struct stat status;
	if (stat(path, &status) == 0 && S_ISREG(status.st_mode) &&
	    status.st_size > BACKGROUND_IMPORT_BYTES)
		return BEGINNING_BYTES;
	return BACKGROUND_IMPORT_BYTES;
}

/* The speech in bytes[0..length), the whole of the file at argument, into
 * *speech, with the library opened in *store and its id in *id. A file
 * the library already holds is shown as stored there: with the user's
 * corrections, as pizhu cat shows it, and without parsing it again (the
 * parse was a fifth of the work of a first paint). Else it is parsed
 * before the library is opened or created, so that a file pizhu cannot
 * read reports its own error and leaves no library behind, and imported;
 * *message says so. The theme files are brought into the library before
 * an import, else after the first paint (*themes_later). */
static int open_whole_file(struct store **store, const char *argument, const unsigned char *bytes,
			   size_t length, int64_t *id, struct speech *speech, int *themes_later,
			   char *message, size_t message_size)
{
	struct error error, library_error;
	int library = cli_store_open_existing(store, &library_error);
	int found = 0;
	/* Hashed once, to look the file up and to import it. */
	char hash[SHA256_HEX_SIZE];
	store_content_hash(bytes, length, hash);
	if (library == 0) {
		found = store_find_hash(*store, hash, id, &error);
		if (found < 0)
			return cli_fail("%s", error.message);
	}
	if (found == 1) {
		*themes_later = 1;
		if (store_speech_load(*store, *id, speech, &error) == 0) {
			cli_warn_decoding(argument, speech);
			return 0;
		}
		cli_warn(_("%s: warning: %s; the file is read alone"), argument, error.message);
	}
	if (cli_parse_speech(argument, bytes, length, speech) != 0)
		return EXIT_ERROR;
	if (found == 1)
		return 0;
	if (library < 0) {
		speech_free(speech);
		return cli_fail("%s", library_error.message);
	}
	if (library == 1 && cli_store_open_without_themes(store) != 0) {
		speech_free(speech);
		return EXIT_ERROR;
	}
	struct error warning;
	if (cli_library_sync_themes(*store, &warning, &error) != 0) {
		speech_free(speech);
		return cli_fail("%s", error.message);
	}
	if (warning.message[0])
		cli_warn("%s", warning.message);
	char *absolute = realpath(argument, NULL);
	struct store_import_result result;
	int status = store_import_hashed(*store, absolute, hash, speech, &result, &error);
	free(absolute);
	if (status != 0) {
		speech_free(speech);
		return cli_fail("%s", error.message);
	}
	*id = result.id;
	if (result.outcome == STORE_IMPORT_NEW_VERSION)
		snprintf(message, message_size,
			 _("new version of speech %lld: %zu annotated paragraphs "
			   "carried over, %zu left behind; %zu corrections carried "
			   "over, %zu left behind (pizhu list --orphans)"),
			 (long long)result.previous_id, result.reattached, result.orphaned,
			 result.corrections_reattached, result.corrections_orphaned);
	else
		snprintf(message, message_size, _("imported as speech %lld"), (long long)result.id);
	return 0;
}

/* Loads the speech to read: from the library by id, or from a file, which
 * is imported when the library does not have its content yet. *store is
 * the library, opened here, but for a large file: its beginning is shown
 * before the library is opened (the reader opens it after the first
 * paint), and *import reads, parses and imports the whole file meanwhile,
 * *id being 0. *themes_later: the library was opened without the theme
 * files, for the reader to bring them in after its first paint. */
static int open_speech(struct store **store, const char *argument, int64_t *id,
		       struct background_import **import, struct speech *speech, int *themes_later,
		       char *message, size_t message_size)
{
	struct error error;
	*import = NULL;
	*store = NULL;
	*themes_later = 0;
	if (cli_is_speech_id(argument)) {
		*id = strtoll(argument, NULL, 10);
		if (cli_store_open_without_themes(store) != 0)
			return EXIT_ERROR;
		*themes_later = 1;
		if (store_speech_load(*store, *id, speech, &error) != 0)
			return cli_fail("%s", error.message);
		return 0;
	}
	unsigned char *bytes;
	size_t length;
	int complete;
	if (file_read_start(argument, first_read_limit(argument), &bytes, &length, &complete,
			    &error) != 0)
		return cli_fail("%s: %s", argument, error.message);
	/* Only text can be shown from its beginning; a file of another
	 * format is read and parsed whole. */
	size_t beginning = complete ? length : beginning_length(bytes, length);
	if (!complete && beginning > 0 && speech_file_is_text(argument, bytes, length)) {
		/* Show the beginning at once; the whole file is read, checked
		 * against the library and imported meanwhile. */
		int status = cli_parse_speech(argument, bytes, beginning, speech);
		free(bytes);
		if (status != 0)
			return EXIT_ERROR;
		char *library;
		if (cli_library_path(&library) != 0) {
			speech_free(speech);
			return EXIT_ERROR;
		}
		char *absolute = realpath(argument, NULL);
		char *title = speech_fallback_title(argument);
		*id = 0;
		hold_memory_down();
		status =
		    background_import_start(library, argument, absolute, title, import, &error);
		free(title);
		free(absolute);
		free(library);
		if (status == 0) {
			snprintf(message, message_size, "%s",
				 _("reading the rest of this speech…"));
			return 0;
		}
		speech_free(speech);
		return cli_fail("%s", error.message);
	}
	if (!complete) {
		/* One line longer than the first read: read it all now. */
		free(bytes);
		if (file_read(argument, &bytes, &length, &error) != 0)
			return cli_fail("%s: %s", argument, error.message);
	}
	int status = open_whole_file(store, argument, bytes, length, id, speech, themes_later,
				     message, message_size);
	free(bytes);
	return status;
}

int command_read(int argc, char **argv)
{
	const struct command *command = command_find("read");
	int count;
	char *positional[1];
	int status = cli_parse_options(command, argc, argv, NULL, 0, positional, 1, 1, &count);
	if (status != 0)
		return status < 0 ? EXIT_OK : status;

	struct error error;
	if (tui_check_terminal(&error) != 0)
		return cli_fail("%s", error.message);
	struct tui_options options;
	if (reader_options(&options) != 0)
		return EXIT_ERROR;
	char id_text[32];
	long cited = -1;
	const char *argument = positional[0];
	if (split_citation(argument, id_text, sizeof id_text, &cited))
		argument = id_text;

	struct store *store;
	int64_t id;
	struct speech speech;
	char message[256] = "";
	struct background_import *import;
	int themes_later;
	if (open_speech(&store, argument, &id, &import, &speech, &themes_later, message,
			sizeof message) != 0) {
		store_close(store);
		return EXIT_ERROR;
	}
	struct tui *ui;
	status = EXIT_OK;
	if (tui_start(&options, &ui, &error) != 0) {
		status = cli_fail("%s", error.message);
		ui = NULL;
	} else {
		struct tui_import pending = {background_import_poll, background_import_speech,
					     background_import_library_opened, import};
		struct tui_reading reading = {
		    .document_id = id,
		    .import = import ? &pending : NULL,
		    .cited = cited,
		    .message = message,
		    .open_library = cli_library_open,
		    .library = &store,
		    .sync_themes = themes_later ? cli_library_sync_themes : NULL,
		};
		if (tui_read_speech(ui, store, &speech, &reading, &error) != 0)
			status = EXIT_ERROR;
	}
	int stopped_by = tui_stop(ui);
	if (status != EXIT_OK && ui)
		cli_fail("%s", error.message);
	if (import) {
		/* Quitting before the import is done cancels it: the library
		 * stays as it was and the file is imported next time. */
		struct error import_error;
		int64_t imported;
		background_import_finish(
		    import, background_import_poll(import, &imported, &import_error) != 1);
	}
	speech_free(&speech);
	store_close(store);
	if (stopped_by > 0) {
		/* Die of the signal that stopped the reader, as the shell expects. */
		signal(stopped_by, SIG_DFL);
		raise(stopped_by);
	}
	return status;
}

int command_library(int argc, char **argv)
{
	const struct command *command = command_find("library");
	int count;
	char **files = xcalloc((size_t)argc + 1, sizeof *files);
	int status = cli_parse_options(command, argc, argv, NULL, 0, files, 0, argc, &count);
	if (status != 0) {
		free(files);
		return status < 0 ? EXIT_OK : status;
	}
	struct error error;
	struct tui_options options;
	if (tui_check_terminal(&error) != 0) {
		free(files);
		return cli_fail("%s", error.message);
	}
	if (reader_options(&options) != 0) {
		free(files);
		return EXIT_ERROR;
	}
	struct store *store;
	if (cli_store_open(&store) != 0) {
		free(files);
		return EXIT_ERROR;
	}
	/* Files named on the command line come in first, as pizhu import
	 * would bring them (with its progress line and its report). */
	if (count > 0)
		status = cli_import_paths(store, files, (size_t)count);
	free(files);
	struct tui *ui;
	if (tui_start(&options, &ui, &error) != 0) {
		store_close(store);
		return cli_fail("%s", error.message);
	}
	int failed = tui_library(ui, store, &error) != 0;
	int stopped_by = tui_stop(ui);
	if (failed)
		status = cli_fail("%s", error.message);
	store_close(store);
	if (stopped_by > 0) {
		signal(stopped_by, SIG_DFL);
		raise(stopped_by);
	}
	return status;
}
