/* i18n.h — the language pizhu speaks to people: English (the text in the
 * source) or Simplified Chinese (po/zh_CN.po, compiled by msgfmt into
 * pizhu.mo).
 *
 * pizhu reads its catalogue itself rather than through libc's gettext:
 * glibc ignores LANGUAGE and every catalogue while LC_MESSAGES is "C" or
 * "POSIX", and converts to the locale's codeset, so on a server where
 * only C.UTF-8 exists a Chinese interface would be impossible, or come
 * out as question marks. The catalogue is an ordinary GNU .mo file; the
 * translators' workflow (xgettext, msgmerge, msgfmt) is the usual one.
 *
 * Strings are marked as xgettext expects (keywords _, N_ and P_:1,2):
 *   _("text")                  translated now
 *   N_("text")                 only marked, for tables; _() at use
 *   P_("%zu tag", "%zu tags", n)  the form for n (Chinese has one form)
 * Until i18n_set_language is called everything is English, so the
 * modules and their tests work without a catalogue. */
#ifndef PIZHU_BASE_I18N_H
#define PIZHU_BASE_I18N_H

#include <stddef.h>

#include "base/error.h"

enum i18n_language {
	I18N_ENGLISH,
	I18N_CHINESE,
};

#define _(text)			    i18n_text(text)
#define N_(text)		    (text)
#define P_(singular, plural, count) i18n_plural(singular, plural, count)

/* The translation of msgid in the current language, or msgid itself. */
const char *i18n_text(const char *msgid) __attribute__((format_arg(1)));
/* The form for count: the catalogue's (Chinese has one), or in English
 * singular for 1 and plural for any other count. */
const char *i18n_plural(const char *singular, const char *plural, unsigned long count)
    __attribute__((format_arg(1), format_arg(2)));

/* A count with its noun in the current language ("3 tags", "3 个标注"):
 * the form P_ gives, filled in with the count, in one of eight static
 * buffers so that a message can hold several (the main thread's only).
 * xgettext finds the forms by its keyword i18n_count:2,3. */
const char *i18n_count(size_t count, const char *singular, const char *plural);

/* strerror(number) in the current language: the errors a person meets
 * with files (no such file, permission denied, disk full…) are in the
 * catalogue; libc's own translations need a generated locale. */
const char *i18n_strerror(int number);

/* The language the environment asks for: the first of LANGUAGE (its first
 * entry), LC_ALL, LC_MESSAGES and LANG that is set and not empty; Chinese
 * when it starts with "zh", else English. */
enum i18n_language i18n_language_from_environment(void);

/* "zh" (also zh_CN, zh-CN, zh_CN.UTF-8…) or "en"; -1 for anything else. */
int i18n_language_parse(const char *name, enum i18n_language *language);

/* Switches to a language. Chinese loads pizhu.mo from the first of
 *   $PIZHU_LOCALEDIR, the build folder beside the running binary
 *   (build/locale next to ./pizhu, or ../locale from build/check/pizhu),
 *   the installed $(PREFIX)/share/locale
 * that has zh_CN/LC_MESSAGES/pizhu.mo. Without a usable catalogue the
 * language stays English and -1 comes back with the reason. */
int i18n_set_language(enum i18n_language language, struct error *error);

/* The language in use (English when Chinese had no catalogue). */
enum i18n_language i18n_language(void);

/* Reads a .mo catalogue held in memory as the current one (the fuzz
 * harness and tests use it); the bytes are copied. -1 with the reason
 * when they are not a well-formed catalogue, and nothing changes. */
int i18n_load_catalogue(const unsigned char *bytes, size_t length, struct error *error);

/* Forgets the catalogue: English again. */
void i18n_reset(void);

#endif
