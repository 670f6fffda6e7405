/* base/i18n: choosing the language from the environment, reading a .mo
 * catalogue (the built one and hand-made damaged ones), plurals, and the
 * English fallback whenever a catalogue is missing or broken. */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>

#include "base/i18n.h"
#include "tap.h"

static void set(const char *language, const char *all, const char *messages, const char *lang)
{
	const char *names[] = {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"};
	const char *values[] = {language, all, messages, lang};
	for (int i = 0; i < 4; i++)
		if (values[i])
			setenv(names[i], values[i], 1);
		else
			unsetenv(names[i]);
}

static void environment(void)
{
	set(NULL, NULL, NULL, NULL);
	is_int(i18n_language_from_environment(), I18N_ENGLISH, "nothing set: English");
	set(NULL, NULL, NULL, "zh_CN.UTF-8");
	is_int(i18n_language_from_environment(), I18N_CHINESE, "LANG=zh_CN.UTF-8: Chinese");
	set(NULL, "C.UTF-8", NULL, "zh_CN.UTF-8");
	is_int(i18n_language_from_environment(), I18N_ENGLISH, "LC_ALL wins over LANG");
	set(NULL, "", "zh_TW.UTF-8", "en_US.UTF-8");
	is_int(i18n_language_from_environment(), I18N_CHINESE,
	       "an empty LC_ALL is skipped; LC_MESSAGES wins over LANG");
	set("zh_CN:en", "C.UTF-8", NULL, NULL);
	is_int(i18n_language_from_environment(), I18N_CHINESE, "LANGUAGE's first entry first");
	set("en_US", NULL, NULL, "zh_CN.UTF-8");
	is_int(i18n_language_from_environment(), I18N_ENGLISH, "LANGUAGE=en_US: English");
	set(NULL, NULL, NULL, NULL);

	enum i18n_language language = I18N_ENGLISH;
	ok(i18n_language_parse("zh", &language) == 0 && language == I18N_CHINESE, "parse zh");
	ok(i18n_language_parse("zh_CN.UTF-8", &language) == 0 && language == I18N_CHINESE,
	   "parse zh_CN.UTF-8");
	ok(i18n_language_parse("en", &language) == 0 && language == I18N_ENGLISH, "parse en");
	ok(i18n_language_parse("fr", &language) == -1, "fr is refused");
	ok(i18n_language_parse("zhx", &language) == -1, "zhx is refused");
	ok(i18n_language_parse("", &language) == -1, "an empty name is refused");
}

static void english(void)
{
	i18n_reset();
	is_string(_("Excerpts"), "Excerpts", "English: the text itself");
	is_string(P_("%zu tag", "%zu tags", 1), "%zu tag", "English: singular for 1");
	is_string(P_("%zu tag", "%zu tags", 0), "%zu tags", "English: plural for 0");
	is_string(i18n_count(3, "%zu tag", "%zu tags"), "3 tags", "English count");
}

/* The catalogue make builds from po/zh_CN.po. */
static void chinese(void)
{
	const char *source = getenv("PIZHU_SOURCE");
	char directory[4096];
	snprintf(directory, sizeof directory, "%s/build/locale", source && *source ? source : ".");
	setenv("PIZHU_LOCALEDIR", directory, 1);
	struct error error = {{0}};
	if (!ok(i18n_set_language(I18N_CHINESE, &error) == 0, "the built catalogue loads"))
		printf("# %s\n", error.message);
	is_int(i18n_language(), I18N_CHINESE, "the language is Chinese");
	is_string(_("Excerpts"), "摘录", "a heading");
	is_string(P_("%zu tag", "%zu tags", 1), "%zu 处标注", "one form for 1");
	is_string(P_("%zu tag", "%zu tags", 5), "%zu 处标注", "the same form for 5");
	is_string(i18n_count(1, "%zu suggestion", "%zu suggestions"), "1 suggestion",
		  "a string not in the catalogue stays English");
	is_string(i18n_strerror(ENOENT), "没有那个文件或目录", "a file error");
	is_string(_("no such message at all"), "no such message at all", "unknown: itself");

	setenv("PIZHU_LOCALEDIR", "/nonexistent", 1);
	ok(i18n_set_language(I18N_ENGLISH, &error) == 0, "back to English");
	is_string(_("Excerpts"), "Excerpts", "English again");
	unsetenv("PIZHU_LOCALEDIR");
}

/* A little-endian .mo with the header and two messages, the second a
 * plural; `damage` spoils it in one of several ways. */
static size_t make_catalogue(unsigned char *bytes, int damage)
{
	static const char *const ids[] = {"", "apple", "%zu pear\0%zu pears"};
	static const size_t id_lengths[] = {0, 5, 18};
	static const char *const texts[] = {"Language: zh_CN\n", "苹果", "%zu 个梨"};
	memset(bytes, 0, 512);
	uint32_t header[7] = {0x950412de, 0, 3, 28, 28 + 24, 0, 0};
	if (damage == 1)
		header[0] = 0x12345678;
	if (damage == 2)
		header[2] = 1000000;
	memcpy(bytes, header, sizeof header);
	size_t at = 28 + 48;
	for (int table = 0; table < 2; table++)
		for (int i = 0; i < 3; i++) {
			const char *text = table ? texts[i] : ids[i];
			uint32_t length = (uint32_t)(table ? strlen(text) : id_lengths[i]);
			uint32_t entry[2] = {length, (uint32_t)at};
			if (damage == 3 && table == 1 && i == 2)
				entry[1] = 100000;
			memcpy(bytes + 28 + table * 24 + i * 8, entry, 8);
			memcpy(bytes + at, text, length);
			at += length + 1;
		}
	return damage == 4 ? 20 : at;
}

static void hand_made(void)
{
	unsigned char bytes[512];
	struct error error = {{0}};
	size_t length = make_catalogue(bytes, 0);
	ok(i18n_load_catalogue(bytes, length, &error) == 0, "a hand-made catalogue loads");
	is_string(_("apple"), "苹果", "its message");
	is_string(P_("%zu pear", "%zu pears", 2), "%zu 个梨", "its plural");
	const char *damages[] = {"", "a bad magic number", "too many messages",
				 "an offset past the end", "a file cut short"};
	for (int damage = 1; damage <= 4; damage++) {
		length = make_catalogue(bytes, damage);
		ok(i18n_load_catalogue(bytes, length, &error) == -1, "refused: %s",
		   damages[damage]);
		is_string(_("apple"), "苹果", "and the catalogue in use stays");
	}
	i18n_reset();
	is_string(_("apple"), "apple", "reset: English");
}

int main(void)
{
	environment();
	english();
	chinese();
	hand_made();
	return tap_done();
}
