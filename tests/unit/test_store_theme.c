/* Theme files and the themes in the library. */
#include <sys/stat.h>

#include "store/annotation.h"
#include "store/suggest.h"
#include "store/theme.h"
#include "store_test.h"

static void parses_files(void)
{
	const char *text = "# comment\n"
			   "[民生]\n"
			   "key = 3\n"
			   "color = green\n"
			   "keywords = 民生, 就业，教育、医疗\n"
			   "keywords = 养老\n"
			   "\n"
			   "[ 生态 ]\n"
			   "colour = #00aa00\n";
	struct theme_definition *themes;
	size_t count;
	struct error error = {{0}};
	ok(theme_file_parse(text, strlen(text), "a.theme", &themes, &count, &error) == 0,
	   "parses (%s)", error.message);
	is_int(count, 2, "two themes");
	if (count == 2) {
		is_string(themes[0].name, "民生", "name");
		is_int(themes[0].key, 3, "key");
		is_string(themes[0].color, "green", "colour");
		is_int(themes[0].keyword_count, 5, "keywords from two lines, four separators");
		is_string(themes[0].keywords[2], "教育", "a keyword after ，");
		is_string(themes[1].name, "生态", "name trimmed");
		is_int(themes[1].key, 0, "no key");
		is_string(themes[1].color, "#00aa00", "hex colour, British spelling");
	}
	theme_definitions_free(themes, count);

	struct {
		const char *text, *message;
	} bad[] = {
	    {"key = 1\n", "a.theme:1: a field before the first [NAME]"},
	    {"[甲]\nkey = 0\n", "a.theme:2: a key is a digit 1-9, not '0'"},
	    {"[甲]\n\ncolor = mauve\n", "a.theme:3: unknown colour 'mauve'"},
	    {"[甲]\nshape = round\n", "a.theme:2: unknown field 'shape'"},
	    {"[甲\n", "a.theme:1: a theme name needs a closing ']'"},
	    {"[甲]\n[甲]\n", "a.theme:2: theme defined twice: '甲'"},
	    {"[甲]\njust words\n", "a.theme:2: expected [NAME] or FIELD = VALUE, not 'just words'"},
	    {"[]\n", "a.theme:1: empty theme name"},
	    /* Hostile text: refused without quoting it. */
	    {"[甲\x1b]0;title\x07]\n", "a.theme:1: a control character"},
	    {"[甲]\nkeywords = 民生\xc2\x9b"
	     "31m\n",
	     "a.theme:2: a control character"},
	    {"[\xff\xfe]\n", "a.theme:1: not UTF-8 text"},
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		int status = theme_file_parse(bad[i].text, strlen(bad[i].text), "a.theme", &themes,
					      &count, &error);
		ok(status == -1, "malformed %zu refused", i);
		is_string(error.message, bad[i].message, "malformed %zu: file and line named", i);
	}
	static const char nul[] = "[甲\0乙]\nkey = 1\n";
	ok(theme_file_parse(nul, sizeof nul - 1, "a.theme", &themes, &count, &error) == -1,
	   "a NUL byte in a name is refused, not a name cut short");
	is_string(error.message, "a.theme:1: a control character", "and the line is named");
	ok(theme_color_valid("bright-red") && theme_color_valid("208") &&
	       !theme_color_valid("256") && !theme_color_valid("#12345") && theme_color_valid(""),
	   "colour forms");
}

static void loads_defaults_and_user_files(void)
{
	struct theme_definition *themes;
	size_t count;
	struct error error = {{0}};
	ok(theme_definitions_load(NULL, &themes, &count, &error) == 0, "built-in themes load");
	is_int(count, 3, "three built-in themes");
	if (count == 3) {
		is_string(themes[0].name, "党建", "党建");
		is_int(themes[0].key, 1, "党建 is key 1");
		is_string(themes[1].name, "项目建设", "项目建设");
		is_int(themes[1].key, 2, "项目建设 is key 2");
		is_string(themes[2].name, "民生", "民生");
		is_int(themes[2].key, 3, "民生 is key 3");
		ok(themes[2].keyword_count >= 7, "民生 has keywords");
	}
	theme_definitions_free(themes, count);

	const char *directory = test_path("themes");
	mkdir(directory, 0777);
	ok(theme_definitions_load(directory, &themes, &count, &error) == 0 && count == 3,
	   "an empty theme directory adds nothing");
	theme_definitions_free(themes, count);
	char path[600];
	snprintf(path, sizeof path, "%s/mine.theme", directory);
	write_file(path, "[民生]\nkey = 3\nkeywords = 民生\n[生态]\nkey = 4\n", 44);
	snprintf(path, sizeof path, "%s/ignored.txt", directory);
	write_file(path, "not a theme", 11);
	ok(theme_definitions_load(directory, &themes, &count, &error) == 0, "user files load (%s)",
	   error.message);
	is_int(count, 4, "a user theme added");
	if (count == 4) {
		is_int(themes[2].keyword_count, 1, "a user theme replaces the built-in one");
		is_string(themes[3].name, "生态", "the new theme");
	}
	theme_definitions_free(themes, count);

	snprintf(path, sizeof path, "%s/zz-broken.theme", directory);
	write_file(path, "[x]\nkey = 12\n", 13);
	ok(theme_definitions_load(directory, &themes, &count, &error) == -1, "a broken file fails");
	ok(strstr(error.message, "zz-broken.theme:2:") != NULL, "names file and line: %s",
	   error.message);
}

static struct theme_definition definition(const char *name, int key, const char *color)
{
	return (struct theme_definition){.name = (char *)name, .key = key, .color = (char *)color};
}

static void library_themes(void)
{
	struct store *store = test_store_open("themes.db");
	struct error error = {{0}};
	struct theme_definition *defaults;
	size_t default_count;
	theme_definitions_load(NULL, &defaults, &default_count, &error);
	ok(store_themes_sync(store, defaults, default_count, &error) == 0, "sync (%s)",
	   error.message);
	struct store_theme *themes;
	size_t count;
	store_themes_list(store, &themes, &count, &error);
	is_int(count, 3, "defaults in the library");
	store_themes_free(themes, count);

	int64_t minsheng, id;
	ok(store_theme_find(store, "民生", &minsheng, &error) == 0, "find 民生");
	ok(store_theme_find(store, "环保", &id, &error) == -1, "unknown theme");
	is_string(error.message, "unknown theme '环保' (themes: 党建, 项目建设, 民生)",
		  "message lists the themes");

	struct theme_definition eco = definition("生态", 0, "cyan");
	theme_keywords_add(&eco, "生态,环保");
	int64_t eco_id;
	ok(store_theme_add(store, &eco, &eco_id, &error) == 0, "add a theme");
	struct store_theme got;
	store_theme_get(store, eco_id, &got, &error);
	is_int(got.definition.key, 4, "takes the lowest free key");
	is_int(got.definition.keyword_count, 2, "keywords stored");
	store_theme_clear(&got);
	for (size_t i = 0; i < eco.keyword_count; i++)
		free(eco.keywords[i]);
	free(eco.keywords);

	struct theme_definition hostile = definition("红\x1b"
						     "c\xc2\x9b",
						     0, "");
	ok(store_theme_add(store, &hostile, &id, &error) == -1, "a name with ESC is refused");
	is_string(error.message, "a theme name must be UTF-8 text without control characters",
		  "and says why");

	struct theme_definition clash = definition("生态", 5, "");
	ok(store_theme_add(store, &clash, &id, &error) == -1, "a taken name is refused");
	clash = definition("其他", 3, "");
	ok(store_theme_add(store, &clash, &id, &error) == -1, "a taken key is refused");
	is_string(error.message, "key 3 is taken by theme '民生'", "says who has the key");
	clash = definition("坏", 0, "mauve");
	ok(store_theme_add(store, &clash, &id, &error) == -1, "a bad colour is refused");

	/* A theme added without a colour gets one no other theme has: red,
	 * blue and green are the defaults', cyan is 生态's. */
	struct theme_definition plain = definition("法治", 0, "");
	int64_t plain_id;
	ok(store_theme_add(store, &plain, &plain_id, &error) == 0, "add a theme without a colour");
	store_theme_get(store, plain_id, &got, &error);
	is_string(got.definition.color, "magenta", "it gets the first colour no theme has");
	store_theme_clear(&got);
	plain = definition("文化", 0, "");
	ok(store_theme_add(store, &plain, &plain_id, &error) == 0, "and another");
	store_theme_get(store, plain_id, &got, &error);
	is_string(got.definition.color, "yellow", "which skips the taken cyan too");
	store_theme_clear(&got);

	/* Tag, then rename and recolour: the tag stays. */
	int64_t speech = test_import(store, NULL, "标题\n稳就业。\n", NULL);
	ok(store_tag_add(store, speech, 1, minsheng, NULL, &error) == 0, "tag");
	struct theme_definition renamed = definition("人民生活", 3, "bright-green");
	ok(store_theme_update(store, minsheng, &renamed, &error) == 0, "rename and recolour");
	struct store_tag *tags;
	size_t tag_count;
	store_tags_list(store, speech, &tags, &tag_count, &error);
	ok(tag_count == 1 && strcmp(tags[0].theme_name, "人民生活") == 0, "tag kept its theme");
	store_tags_free(tags, tag_count);
	renamed = definition("党建", 3, "");
	ok(store_theme_update(store, minsheng, &renamed, &error) == -1,
	   "renaming onto another theme is refused");

	size_t removed = 99;
	ok(store_theme_delete(store, minsheng, 0, &removed, &error) == -1,
	   "deleting a theme with tags needs force");
	is_string(error.message, "theme '人民生活' has 1 tag; --force deletes it and its tags",
		  "says why");
	ok(store_theme_delete(store, minsheng, 1, &removed, &error) == 0, "forced delete");
	is_int(removed, 1, "its tag went too");
	ok(store_theme_delete(store, eco_id, 0, NULL, &error) == 0, "an unused theme goes freely");

	/* The deleted or renamed default is not brought back by the files. */
	ok(store_themes_sync(store, defaults, default_count, &error) == 0, "sync again");
	ok(store_theme_find(store, "民生", &id, &error) == -1, "a deleted default stays deleted");

	/* A changed file definition updates the theme it seeded. */
	int64_t dangjian;
	store_theme_find(store, "党建", &dangjian, &error);
	struct theme_definition changed = defaults[0];
	changed.color = "magenta";
	ok(store_themes_sync(store, &changed, 1, &error) == 0, "sync a changed file");
	store_theme_get(store, dangjian, &got, &error);
	is_string(got.definition.color, "magenta", "the file's change followed");
	store_theme_clear(&got);
	theme_definitions_free(defaults, default_count);
	store_close(store);
}

/* The built-in 民生 suggests itself for what people live on, not for the
 * budget's revenue (一般公共预算收入) or the party's 主题教育. */
static void default_keywords_mean_what_they_say(void)
{
	struct store *store = test_store_open("keywords.db");
	test_themes_install(store);
	int64_t speech = test_import(store, NULL,
				     "标题\n一般公共预算收入完成31.5亿元，增长5.7%。\n"
				     "扎实开展主题教育，推进学习教育常态化。\n"
				     "城乡居民人均可支配收入增长5.1%。\n"
				     "办好人民满意的教育，新建中小学和幼儿园9所。\n",
				     NULL);
	struct store_suggestion *suggestions;
	size_t count;
	struct error error = {{0}};
	store_suggestions(store, speech, &suggestions, &count, &error);
	char found[256] = "";
	for (size_t i = 0; i < count; i++)
		snprintf(found + strlen(found), sizeof found - strlen(found), "%s%zu %s",
			 i ? ", " : "", suggestions[i].paragraph, suggestions[i].theme_name);
	is_string(found, "2 党建, 3 民生, 4 民生",
		  "no 民生 for budget revenue or 主题教育; 民生 for income and schools");
	store_suggestions_free(suggestions, count);
	store_close(store);
}

int main(void)
{
	default_keywords_mean_what_they_say();
	parses_files();
	loads_defaults_and_user_files();
	library_themes();
	return tap_done();
}
