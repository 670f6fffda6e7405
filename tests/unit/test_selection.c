/* The --speech and --theme options of export and stats resolved against
 * a library (cli/selection.h): given in any order and repeated, each
 * counts once; an unknown one is an error. */
#include <fcntl.h>

#include "cli/selection.h"
#include "store_test.h"

/* cli_selection_resolve with its message for an unknown name (on stderr)
 * kept out of the test's output. */
static int resolve_quietly(struct store *store, const char **speeches, size_t speech_count,
			   const char **themes, size_t theme_count, struct cli_selection *chosen)
{
	fflush(stderr);
	int saved = dup(2), null = open("/dev/null", O_WRONLY);
	dup2(null, 2);
	int status =
	    cli_selection_resolve(store, speeches, speech_count, themes, theme_count, chosen);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	close(null);
	return status;
}

int main(void)
{
	struct store *store = test_store_open("library.db");
	if (!store)
		return 1;
	test_themes_install(store);
	/* A path names a speech by its file's content. */
	static const char first_text[] = "标题\n第一段。\n", second_text[] = "另一篇\n第二段。\n";
	char first_path[512];
	snprintf(first_path, sizeof first_path, "%s", test_path("a.txt"));
	write_file(first_path, first_text, strlen(first_text));
	int64_t first = test_import(store, first_path, first_text, NULL);
	int64_t second = test_import(store, test_path("b.txt"), second_text, NULL);
	if (!ok(first && second, "two speeches"))
		return tap_done();

	struct cli_selection chosen;
	const char *speeches[] = {"2", first_path, "2", "1"};
	const char *themes[] = {"民生", "党建", "民生"};
	is_int(cli_selection_resolve(store, speeches, 4, themes, 3, &chosen), 0,
	       "ids, paths and repeats resolve");
	is_int(chosen.selection.speech_count, 2, "each speech counts once");
	ok(chosen.selection.speech_count == 2 && chosen.selection.speech_ids[0] == second &&
	       chosen.selection.speech_ids[1] == first,
	   "in the order first given");
	is_int(chosen.theme_count, 2, "each theme counts once");
	is_string(chosen.themes[0].name, "民生", "themes in the order given");
	is_int(chosen.every_theme, 0, "themes were named");
	is_int(chosen.selection.theme_count, 2, "and select");
	cli_selection_free(&chosen);

	is_int(cli_selection_resolve(store, NULL, 0, NULL, 0, &chosen), 0, "nothing named");
	is_int(chosen.selection.speech_count, 0, "every speech");
	ok(chosen.every_theme && chosen.theme_count == 3 && chosen.selection.theme_count == 0,
	   "every theme, without a theme filter");
	cli_selection_free(&chosen);

	const char *unknown_speech[] = {"1", "99"};
	is_int(resolve_quietly(store, unknown_speech, 2, NULL, 0, &chosen), EXIT_ERROR,
	       "an unknown speech is an error");
	const char *unknown_theme[] = {"无此主题"};
	is_int(resolve_quietly(store, NULL, 0, unknown_theme, 1, &chosen), EXIT_ERROR,
	       "an unknown theme is an error");
	store_close(store);
	return tap_done();
}
