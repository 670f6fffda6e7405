#include "store/suggest.h"

#include <stdlib.h>
#include <string.h>

#include "base/buffer.h"
#include "speech/correct.h"
#include "speech/keyword.h"
#include "speech/speech.h"
#include "store/annotation.h"
#include "store/document.h"
#include "store/history.h"
#include "store/theme.h"

static int has_tag(const struct store_tag *tags, size_t count, size_t paragraph, int64_t theme_id)
{
	for (size_t i = 0; i < count && tags[i].paragraph <= paragraph; i++)
		if (tags[i].paragraph == paragraph && tags[i].theme_id == theme_id)
			return 1;
	return 0;
}

int store_suggestions(struct store *store, int64_t document_id,
		      struct store_suggestion **suggestions, size_t *count, struct error *error)
{
	*suggestions = NULL;
	*count = 0;
	struct speech speech;
	struct store_theme *themes;
	size_t theme_count, tag_count;
	struct store_tag *tags;
	if (store_speech_load(store, document_id, &speech, error) != 0)
		return -1;
	if (store_themes_list(store, &themes, &theme_count, error) != 0) {
		speech_free(&speech);
		return -1;
	}
	if (store_tags_list(store, document_id, &tags, &tag_count, error) != 0) {
		store_themes_free(themes, theme_count);
		speech_free(&speech);
		return -1;
	}
	size_t capacity = 0;
	for (size_t p = 1; p < speech.paragraph_count; p++) {
		if (paragraph_hidden(&speech.paragraphs[p]))
			continue; /* front or back matter */
		const char *text = paragraph_text(&speech, p);
		size_t length = speech.paragraphs[p].length;
		for (size_t t = 0; t < theme_count; t++) {
			const struct theme_definition *theme = &themes[t].definition;
			if (!keyword_any(text, length, (const char *const *)theme->keywords,
					 theme->keyword_count) ||
			    has_tag(tags, tag_count, p, themes[t].id))
				continue;
			*suggestions =
			    xgrow(*suggestions, &capacity, *count + 1, sizeof **suggestions);
			(*suggestions)[(*count)++] = (struct store_suggestion){
			    p, themes[t].id, xstrdup(theme->name),
			    keyword_found_list(text, length, (const char *const *)theme->keywords,
					       theme->keyword_count, 0)};
		}
	}
	store_tags_free(tags, tag_count);
	store_themes_free(themes, theme_count);
	speech_free(&speech);
	return 0;
}

void store_suggestions_free(struct store_suggestion *suggestions, size_t count)
{
	for (size_t i = 0; i < count; i++) {
		free(suggestions[i].theme_name);
		free(suggestions[i].keywords);
	}
	free(suggestions);
}

int store_suggestions_apply(struct store *store, int64_t document_id, size_t *applied,
			    struct error *error)
{
	*applied = 0;
	struct buffer description = {0};
	buffer_printf(&description, "accept suggestions for %lld", (long long)document_id);
	int status = store_action_begin(store, document_id, buffer_string(&description), error);
	buffer_free(&description);
	if (status != 0)
		return -1;
	struct store_suggestion *suggestions = NULL;
	size_t count = 0;
	status = store_suggestions(store, document_id, &suggestions, &count, error);
	for (size_t i = 0; status == 0 && i < count; i++) {
		int changed;
		status = store_tag_add(store, document_id, suggestions[i].paragraph,
				       suggestions[i].theme_id, &changed, error);
		*applied += (size_t)changed;
	}
	store_suggestions_free(suggestions, count);
	if (status != 0) {
		store_action_abort(store);
		*applied = 0;
		return -1;
	}
	return store_action_commit(store, error);
}
