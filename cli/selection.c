#include "cli/selection.h"

#include <stdlib.h>
#include <string.h>

#include "base/buffer.h"
#include "cli/options.h"

static int contains(const int64_t *ids, size_t count, int64_t id)
{
	for (size_t i = 0; i < count; i++)
		if (ids[i] == id)
			return 1;
	return 0;
}

static int resolve_speeches(struct store *store, const char **speeches, size_t count,
			    struct cli_selection *result)
{
	result->speech_ids = xcalloc(count + 1, sizeof *result->speech_ids);
	size_t kept = 0;
	for (size_t i = 0; i < count; i++) {
		int64_t id;
		if (cli_speech_resolve(store, speeches[i], &id) != 0)
			return EXIT_ERROR;
		if (!contains(result->speech_ids, kept, id))
			result->speech_ids[kept++] = id;
	}
	result->selection.speech_ids = result->speech_ids;
	result->selection.speech_count = kept;
	return 0;
}

static const struct store_theme *library_theme(const struct cli_selection *result, int64_t id)
{
	for (size_t i = 0; i < result->library_theme_count; i++)
		if (result->library_themes[i].id == id)
			return &result->library_themes[i];
	return NULL;
}

/* The excerpt view of a library theme; the strings stay owned by it. */
static struct store_excerpt_theme view(const struct store_theme *theme)
{
	return (struct store_excerpt_theme){theme->id, theme->definition.name,
					    theme->definition.color};
}

static int resolve_themes(struct store *store, const char **themes, size_t count,
			  struct cli_selection *result)
{
	struct error error;
	if (store_themes_list(store, &result->library_themes, &result->library_theme_count,
			      &error) != 0)
		return cli_fail("%s", error.message);
	size_t total = count ? count : result->library_theme_count;
	result->theme_ids = xcalloc(total + 1, sizeof *result->theme_ids);
	result->themes = xcalloc(total + 1, sizeof *result->themes);
	result->every_theme = count == 0;
	for (size_t i = 0; i < total; i++) {
		int64_t id;
		if (count == 0)
			id = result->library_themes[i].id;
		else if (store_theme_find(store, themes[i], &id, &error) != 0)
			return cli_fail("%s", error.message);
		const struct store_theme *theme = library_theme(result, id);
		if (!theme || contains(result->theme_ids, result->theme_count, id))
			continue;
		result->theme_ids[result->theme_count] = id;
		result->themes[result->theme_count++] = view(theme);
	}
	/* Every theme is selected by naming none: that also takes in notes
	 * on untagged paragraphs (store_excerpts). */
	if (!result->every_theme) {
		result->selection.theme_ids = result->theme_ids;
		result->selection.theme_count = result->theme_count;
	}
	return 0;
}

int cli_selection_resolve(struct store *store, const char **speeches, size_t speech_count,
			  const char **themes, size_t theme_count, struct cli_selection *result)
{
	memset(result, 0, sizeof *result);
	if (resolve_speeches(store, speeches, speech_count, result) != 0 ||
	    resolve_themes(store, themes, theme_count, result) != 0) {
		cli_selection_free(result);
		return EXIT_ERROR;
	}
	return 0;
}

void cli_selection_free(struct cli_selection *selection)
{
	free(selection->speech_ids);
	free(selection->theme_ids);
	free(selection->themes);
	store_themes_free(selection->library_themes, selection->library_theme_count);
	memset(selection, 0, sizeof *selection);
}
