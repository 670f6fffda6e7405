#include "base/i18n.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/buffer.h"
#include "base/file.h"

#ifndef PIZHU_LOCALEDIR
#define PIZHU_LOCALEDIR "/usr/local/share/locale"
#endif

#define CATALOGUE_PATH "/zh_CN/LC_MESSAGES/pizhu.mo"

struct message {
	const char *id;	    /* the msgid (for plurals, the singular) */
	const char *text;   /* the msgstr: its forms separated by NULs */
	size_t text_length; /* all forms together */
};

static struct {
	enum i18n_language language;
	unsigned char *bytes; /* the .mo file; messages point into it */
	struct message *messages;
	size_t count; /* sorted by id */
} catalogue;

static int by_id(const void *a, const void *b)
{
	return strcmp(((const struct message *)a)->id, ((const struct message *)b)->id);
}

static const struct message *lookup(const char *msgid)
{
	if (!catalogue.count)
		return NULL;
	struct message key = {.id = msgid};
	return bsearch(&key, catalogue.messages, catalogue.count, sizeof key, by_id);
}

const char *i18n_text(const char *msgid)
{
	const struct message *message = lookup(msgid);
	return message ? message->text : msgid;
}

const char *i18n_plural(const char *singular, const char *plural, unsigned long count)
{
	const struct message *message = lookup(singular);
	if (!message)
		return count == 1 ? singular : plural;
	/* Chinese has one form. A catalogue with two would be English-like:
	 * the second for any count but 1. */
	size_t first = strlen(message->text);
	if (count != 1 && first + 1 < message->text_length)
		return message->text + first + 1;
	return message->text;
}

const char *i18n_strerror(int number)
{
	static const struct {
		int number;
		const char *text;
	} known[] = {
	    {ENOENT, N_("No such file or directory")},
	    {EACCES, N_("Permission denied")},
	    {EPERM, N_("Operation not permitted")},
	    {EISDIR, N_("Is a directory")},
	    {ENOTDIR, N_("Not a directory")},
	    {ENOSPC, N_("No space left on device")},
	    {EDQUOT, N_("Disk quota exceeded")},
	    {EROFS, N_("Read-only file system")},
	    {EEXIST, N_("File exists")},
	    {EIO, N_("Input/output error")},
	    {ENAMETOOLONG, N_("File name too long")},
	    {ELOOP, N_("Too many levels of symbolic links")},
	    {EMFILE, N_("Too many open files")},
	    {EFBIG, N_("File too large")},
	    {ENOTEMPTY, N_("Directory not empty")},
	    {EBUSY, N_("Device or resource busy")},
	};
	for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
		if (known[i].number == number)
			return catalogue.count ? _(known[i].text) : strerror(number);
	return strerror(number);
}

const char *i18n_count(size_t count, const char *singular, const char *plural)
{
	static char buffers[8][96];
	static unsigned next;
	char *buffer = buffers[next++ % 8];
	/* The forms are our own, with one %zu: they come from the source. */
	snprintf(buffer, sizeof buffers[0], i18n_plural(singular, plural, count), count);
	return buffer;
}

static uint32_t word(const unsigned char *bytes, size_t offset, int swapped)
{
	const unsigned char *b = bytes + offset;
	return swapped ? (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3]
		       : (uint32_t)b[3] << 24 | (uint32_t)b[2] << 16 | (uint32_t)b[1] << 8 | b[0];
}

/* The string that table entry i describes: length and offset in bounds
 * and a NUL right after it, as the .mo format promises. */
static const char *table_string(const unsigned char *bytes, size_t length, uint32_t table,
				uint32_t i, int swapped, size_t *string_length)
{
	uint64_t entry = (uint64_t)table + (uint64_t)i * 8;
	if (entry + 8 > length)
		return NULL;
	uint64_t size = word(bytes, (size_t)entry, swapped);
	uint64_t offset = word(bytes, (size_t)entry + 4, swapped);
	if (offset + size >= length || bytes[offset + size] != '\0')
		return NULL;
	*string_length = (size_t)size;
	return (const char *)bytes + offset;
}

int i18n_load_catalogue(const unsigned char *data, size_t length, struct error *error)
{
	if (length < 28)
		return error_set(error, "not a message catalogue (too short)");
	int swapped;
	if (word(data, 0, 0) == 0x950412deu)
		swapped = 0;
	else if (word(data, 0, 1) == 0x950412deu)
		swapped = 1;
	else
		return error_set(error, "not a message catalogue (bad magic number)");
	if (word(data, 4, swapped) >> 16 > 1)
		return error_set(error, "a message catalogue of an unknown revision");
	uint32_t count = word(data, 8, swapped);
	uint32_t originals = word(data, 12, swapped), translations = word(data, 16, swapped);
	if ((uint64_t)count * 8 > length)
		return error_set(error, "a damaged message catalogue (%u messages)", count);
	unsigned char *bytes = xmalloc(length + 1);
	memcpy(bytes, data, length);
	bytes[length] = '\0';
	struct message *messages = count ? xcalloc(count, sizeof *messages) : NULL;
	size_t kept = 0;
	for (uint32_t i = 0; i < count; i++) {
		size_t id_length, text_length;
		const char *id = table_string(bytes, length, originals, i, swapped, &id_length);
		const char *text =
		    table_string(bytes, length, translations, i, swapped, &text_length);
		if (!id || !text) {
			free(messages);
			free(bytes);
			return error_set(error, "a damaged message catalogue (message %u)", i);
		}
		/* The header (msgid "") and untranslated messages are left out. */
		if (*id && *text)
			messages[kept++] = (struct message){id, text, text_length};
	}
	if (kept > 1)
		qsort(messages, kept, sizeof *messages, by_id);
	i18n_reset();
	catalogue.bytes = bytes;
	catalogue.messages = messages;
	catalogue.count = kept;
	catalogue.language = I18N_CHINESE;
	return 0;
}

void i18n_reset(void)
{
	free(catalogue.messages);
	free(catalogue.bytes);
	catalogue.messages = NULL;
	catalogue.bytes = NULL;
	catalogue.count = 0;
	catalogue.language = I18N_ENGLISH;
}

enum i18n_language i18n_language(void)
{
	return catalogue.language;
}

int i18n_language_parse(const char *name, enum i18n_language *language)
{
	if (!name)
		return -1;
	if (strncmp(name, "zh", 2) == 0 && strchr("_-.@", name[2] ? name[2] : '_')) {
		*language = I18N_CHINESE;
		return 0;
	}
	if (strncmp(name, "en", 2) == 0 && strchr("_-.@", name[2] ? name[2] : '_')) {
		*language = I18N_ENGLISH;
		return 0;
	}
	return -1;
}

enum i18n_language i18n_language_from_environment(void)
{
	static const char *const variables[] = {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"};
	for (size_t i = 0; i < sizeof variables / sizeof variables[0]; i++) {
		const char *value = getenv(variables[i]);
		if (value && *value && *value != ':')
			return strncmp(value, "zh", 2) == 0 ? I18N_CHINESE : I18N_ENGLISH;
	}
	return I18N_ENGLISH;
}

/* 0 when the catalogue under directory is loaded, 1 when there is none,
 * -1 when it is there but cannot be read or is damaged. */
static int load_file(const char *directory, struct error *error)
{
	struct buffer path = {0};
	buffer_printf(&path, "%s" CATALOGUE_PATH, directory);
	unsigned char *bytes;
	size_t length;
	int status = 1;
	if (access(buffer_string(&path), F_OK) == 0) {
		struct error reason;
		status = file_read(path.data, &bytes, &length, &reason);
		if (status == 0) {
			status = i18n_load_catalogue(bytes, length, &reason);
			free(bytes);
		}
		if (status != 0)
			error_set(error, "%s: %s", path.data, reason.message);
	}
	buffer_free(&path);
	return status;
}

int i18n_set_language(enum i18n_language language, struct error *error)
{
	if (language == I18N_ENGLISH) {
		i18n_reset();
		return 0;
	}
	char folder[4096];
	file_program_folder(folder, sizeof folder);
	struct buffer beside = {0}, above = {0};
	buffer_printf(&beside, "%s/build/locale", folder); /* ./pizhu in the source tree */
	buffer_printf(&above, "%s/../locale", folder);	   /* build/check/pizhu */
	const char *override = getenv("PIZHU_LOCALEDIR");
	const char *candidates[] = {override && *override ? override : NULL,
				    folder[0] ? beside.data : NULL, folder[0] ? above.data : NULL,
				    PIZHU_LOCALEDIR};
	int status = 1;
	for (size_t i = 0; status > 0 && i < sizeof candidates / sizeof candidates[0]; i++)
		if (candidates[i])
			status = load_file(candidates[i], error); /* a damaged one is reported */
	if (status > 0)
		error_set(error, "no Chinese catalogue (" PIZHU_LOCALEDIR CATALOGUE_PATH ")");
	buffer_free(&beside);
	buffer_free(&above);
	return status == 0 ? 0 : -1;
}
