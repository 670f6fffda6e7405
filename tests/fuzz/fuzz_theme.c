/* fuzz_theme.c — the theme file parser on any text.
 *
 * theme_file_parse either fails with a message naming the file and line,
 * or gives themes with a name, a key in 0..THEME_KEY_MAX and a valid
 * colour, names and keywords being UTF-8 text without control characters
 * (so they can be drawn and printed safely); joined keywords split back
 * into no more keywords than they came from. */
#include <string.h>

#include "base/buffer.h"
#include "base/utf8.h"
#include "store/theme_file.h"
#include "tests/fuzz/fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* The parser takes text with a length; it must not read past it. */
	struct theme_definition *themes = NULL;
	size_t count = 0;
	struct error error = {{0}};
	if (theme_file_parse((const char *)data, size, "fuzz.theme", &themes, &count, &error) !=
	    0) {
		fuzz_assert(strncmp(error.message, "fuzz.theme", 10) == 0);
		return 0;
	}
	for (size_t i = 0; i < count; i++) {
		fuzz_assert(themes[i].name && themes[i].name[0]);
		fuzz_assert(!utf8_text_problem(themes[i].name, strlen(themes[i].name)));
		fuzz_assert(themes[i].key >= 0 && themes[i].key <= THEME_KEY_MAX);
		fuzz_assert(themes[i].color && theme_color_valid(themes[i].color));
		for (size_t k = 0; k < themes[i].keyword_count; k++)
			fuzz_assert(themes[i].keywords[k][0] != '\0' &&
				    !utf8_text_problem(themes[i].keywords[k],
						       strlen(themes[i].keywords[k])));
		char *joined = theme_keywords_join(&themes[i]);
		/* Joined keywords hold no separator but the newline. */
		struct theme_definition again = {0};
		char *list = xstrdup(joined);
		for (char *c = list; *c; c++)
			if (*c == '\n')
				*c = ',';
		theme_keywords_add(&again, list);
		fuzz_assert(again.keyword_count <= themes[i].keyword_count);
		theme_definition_clear(&again);
		free(list);
		free(joined);
	}
	theme_definitions_free(themes, count);
	return 0;
}
