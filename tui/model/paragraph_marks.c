#include "tui/model/paragraph_marks.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buffer.h"
#include "speech/keyword.h"
#include "store/annotation.h"
#include "store/history.h"
#include "store/theme.h"

static void free_themes(struct paragraph_marks *annotations)
{
	for (size_t i = 0; i < annotations->theme_count; i++) {
		struct mark_theme *theme = &annotations->themes[i];
		free(theme->name);
		free(theme->color);
		for (size_t k = 0; k < theme->keyword_count; k++)
			free(theme->keywords[k]);
		free(theme->keywords);
	}
	free(annotations->themes);
	annotations->themes = NULL;
	annotations->theme_count = 0;
	keyword_index_free(annotations->keywords);
	annotations->keywords = NULL;
}

static void free_notes(struct paragraph_marks *annotations)
{
	if (!annotations->notes)
		return;
	for (size_t i = 0; i < annotations->speech->paragraph_count; i++)
		if (annotations->notes[i]) {
			free(annotations->notes[i]);
			annotations->notes[i] = NULL;
		}
}

void marks_free(struct paragraph_marks *annotations)
{
	free_themes(annotations);
	free_notes(annotations);
	free(annotations->notes);
	free(annotations->tags);
	free(annotations->more_tags);
	free(annotations->suggested);
	free(annotations->suggested_known);
	free(annotations->section_counts);
	memset(annotations, 0, sizeof *annotations);
}

static int load_themes(struct paragraph_marks *annotations, struct error *error)
{
	struct store_theme *themes;
	size_t count;
	if (store_themes_list(annotations->store, &themes, &count, error) != 0)
		return -1;
	free_themes(annotations);
	size_t kept = count > MARK_THEME_MAX ? MARK_THEME_MAX : count;
	annotations->themes = xcalloc(kept, sizeof *annotations->themes);
	for (size_t i = 0; i < kept; i++) {
		struct theme_definition *definition = &themes[i].definition;
		struct mark_theme *theme = &annotations->themes[i];
		theme->id = themes[i].id;
		theme->name = xstrdup(definition->name);
		theme->key = definition->key;
		theme->color = xstrdup(definition->color ? definition->color : "");
		theme->keywords = xcalloc(definition->keyword_count, sizeof *theme->keywords);
		for (size_t k = 0; k < definition->keyword_count; k++)
			theme->keywords[k] = xstrdup(definition->keywords[k]);
		theme->keyword_count = definition->keyword_count;
	}
	annotations->theme_count = kept;
	annotations->keywords = keyword_index_new();
	for (size_t i = 0; i < kept; i++)
		keyword_index_add(annotations->keywords, (unsigned)i,
				  (const char *const *)annotations->themes[i].keywords,
				  annotations->themes[i].keyword_count);
	store_themes_free(themes, count);
	return 0;
}

static int theme_index(const struct paragraph_marks *annotations, int64_t id)
{
	for (size_t i = 0; i < annotations->theme_count; i++)
		if (annotations->themes[i].id == id)
			return (int)i;
	return -1;
}

/* Adds (+1) or removes (-1) a paragraph's tags from the counts of every
 * section that contains it. */
static void count_paragraph(struct paragraph_marks *annotations, size_t paragraph, theme_set themes,
			    int sign)
{
	const struct speech *speech = annotations->speech;
	for (long entry = (long)speech->paragraphs[paragraph].section; entry >= 0;
	     entry = speech->outline[entry].parent)
		for (size_t t = 0; t < annotations->theme_count; t++)
			if (themes & ((theme_set)1 << t))
				annotations
				    ->section_counts[(size_t)entry * annotations->theme_count +
						     t] += (unsigned)sign;
}

int marks_reload(struct paragraph_marks *annotations, struct error *error)
{
	const struct speech *speech = annotations->speech;
	size_t paragraphs = speech->paragraph_count;
	/* The version first: a change made while the rest is read is then
	 * read again at the next refresh rather than passed over. */
	if (store_data_version(annotations->store, &annotations->data_version, error) != 0 ||
	    load_themes(annotations, error) != 0)
		return -1;
	struct store_tag *tags;
	size_t tag_count;
	if (store_tags_list(annotations->store, annotations->document_id, &tags, &tag_count,
			    error) != 0)
		return -1;
	struct store_note *notes;
	size_t note_count;
	if (store_notes_list(annotations->store, annotations->document_id, &notes, &note_count,
			     error) != 0) {
		store_tags_free(tags, tag_count);
		return -1;
	}
	/* Cleared where set rather than wholesale: the pages of a long
	 * speech's arrays that are never written are never allocated. */
	for (size_t p = 0; p < paragraphs; p++) {
		if (annotations->tags[p])
			annotations->tags[p] = 0;
		if (annotations->more_tags[p])
			annotations->more_tags[p] = 0;
		if (annotations->suggested_known[p])
			annotations->suggested_known[p] = 0;
	}
	free(annotations->section_counts);
	annotations->section_counts = xcalloc(
	    speech->outline_count * (annotations->theme_count ? annotations->theme_count : 1),
	    sizeof *annotations->section_counts);
	for (size_t i = 0; i < tag_count; i++) {
		int theme = theme_index(annotations, tags[i].theme_id);
		if (theme >= 0 && tags[i].paragraph < paragraphs)
			annotations->tags[tags[i].paragraph] |= (theme_set)1 << theme;
		else if (tags[i].paragraph < paragraphs)
			annotations->more_tags[tags[i].paragraph]++;
	}
	for (size_t p = 0; p < paragraphs; p++)
		if (annotations->tags[p])
			count_paragraph(annotations, p, annotations->tags[p], 1);
	free_notes(annotations);
	for (size_t i = 0; i < note_count; i++)
		if (notes[i].paragraph < paragraphs) {
			annotations->notes[notes[i].paragraph] = notes[i].text;
			notes[i].text = NULL;
		}
	store_tags_free(tags, tag_count);
	store_notes_free(notes, note_count);
	return 0;
}

int marks_load(struct paragraph_marks *annotations, struct store *store, int64_t document_id,
	       const struct speech *speech, struct error *error)
{
	memset(annotations, 0, sizeof *annotations);
	annotations->store = store;
	annotations->document_id = document_id;
	annotations->speech = speech;
	size_t paragraphs = speech->paragraph_count;
	annotations->tags = xcalloc(paragraphs, sizeof *annotations->tags);
	annotations->notes = xcalloc(paragraphs, sizeof *annotations->notes);
	annotations->more_tags = xcalloc(paragraphs, sizeof *annotations->more_tags);
	annotations->suggested = xcalloc(paragraphs, sizeof *annotations->suggested);
	annotations->suggested_known = xcalloc(paragraphs, 1);
	/* No library yet (tui_reading.open_library): nothing to show but the
	 * outline's empty counts until it is opened and reloaded. */
	if (!store) {
		annotations->section_counts =
		    xcalloc(speech->outline_count, sizeof *annotations->section_counts);
		return 0;
	}
	if (marks_reload(annotations, error) != 0) {
		marks_free(annotations);
		return -1;
	}
	return 0;
}

int marks_refresh(struct paragraph_marks *annotations, int *changed, struct error *error)
{
	int64_t version;
	*changed = 0;
	if (store_data_version(annotations->store, &version, error) != 0)
		return -1;
	if (version == annotations->data_version)
		return 0;
	*changed = 1;
	return marks_reload(annotations, error);
}

int marks_theme_by_key(const struct paragraph_marks *annotations, int key)
{
	for (size_t i = 0; i < annotations->theme_count; i++)
		if (annotations->themes[i].key == key)
			return (int)i;
	return -1;
}

int marks_range_has(const struct paragraph_marks *annotations, size_t first, size_t last, int theme)
{
	for (size_t p = first; p <= last; p++)
		if (!(annotations->tags[p] & ((theme_set)1 << theme)))
			return 0;
	return 1;
}

int marks_change(struct paragraph_marks *annotations, const struct mark_change *changes,
		 size_t count, const char *description, size_t *changed, struct error *error)
{
	struct store *store = annotations->store;
	*changed = 0;
	if (store_action_begin(store, annotations->document_id, description, error) != 0)
		return -1;
	for (size_t c = 0; c < count; c++) {
		const struct mark_change *change = &changes[c];
		for (size_t p = change->first; p <= change->last; p++) {
			for (size_t t = 0; t < annotations->theme_count; t++) {
				theme_set bit = (theme_set)1 << t;
				int done = 0, status = 0;
				int64_t theme = annotations->themes[t].id;
				if ((change->add & bit) && !(annotations->tags[p] & bit))
					status = store_tag_add(store, annotations->document_id, p,
							       theme, &done, error);
				else if ((change->remove & bit) && (annotations->tags[p] & bit))
					status = store_tag_remove(store, annotations->document_id,
								  p, theme, &done, error);
				if (status != 0) {
					store_action_abort(store);
					return -1;
				}
				*changed += (size_t)done;
			}
		}
	}
	if (store_action_commit(store, error) != 0)
		return -1;
	/* Saved: now the model may show it. */
	for (size_t c = 0; c < count; c++) {
		const struct mark_change *change = &changes[c];
		for (size_t p = change->first; p <= change->last; p++) {
			theme_set before = annotations->tags[p];
			theme_set after = (before | change->add) & ~(change->remove & ~change->add);
			if (after == before)
				continue;
			count_paragraph(annotations, p, before, -1);
			count_paragraph(annotations, p, after, 1);
			annotations->tags[p] = after;
			annotations->suggested_known[p] = 0;
		}
	}
	/* The library's data version is left as last seen: this connection's
	 * own commits do not change it, and taking it now would pass over a
	 * change another pizhu made since. */
	return 0;
}

int marks_set_note(struct paragraph_marks *annotations, size_t paragraph, const char *text,
		   struct error *error)
{
	struct store *store = annotations->store;
	int changed;
	const char *value = text && *text ? text : NULL;
	if (store_note_set(store, annotations->document_id, paragraph, value, &changed, error) != 0)
		return -1;
	free(annotations->notes[paragraph]);
	annotations->notes[paragraph] = value ? xstrdup(value) : NULL;
	return 0;
}

theme_set marks_suggested(struct paragraph_marks *annotations, size_t paragraph)
{
	if (annotations->suggested_known[paragraph])
		return annotations->suggested[paragraph];
	const struct speech *speech = annotations->speech;
	theme_set every = annotations->theme_count >= 64
			      ? ~(theme_set)0
			      : ((theme_set)1 << annotations->theme_count) - 1;
	theme_set found =
	    annotations->keywords
		? keyword_index_lists(annotations->keywords, paragraph_text(speech, paragraph),
				      speech->paragraphs[paragraph].length,
				      every & ~annotations->tags[paragraph])
		: 0;
	annotations->suggested[paragraph] = found;
	annotations->suggested_known[paragraph] = 1;
	return found;
}

unsigned marks_section_count(const struct paragraph_marks *annotations, size_t entry, int theme)
{
	return annotations->section_counts[entry * annotations->theme_count + (size_t)theme];
}

int marks_section_has(const struct paragraph_marks *annotations, size_t entry, theme_set themes)
{
	for (size_t t = 0; t < annotations->theme_count; t++)
		if ((themes & ((theme_set)1 << t)) &&
		    marks_section_count(annotations, entry, (int)t))
			return 1;
	return 0;
}

int marks_add_theme(struct paragraph_marks *annotations, const char *name, int key,
		    const char *color, struct error *error)
{
	struct theme_definition definition = {
	    .name = (char *)name,
	    .key = key,
	    .color = (char *)color,
	};
	int64_t id;
	if (store_theme_add(annotations->store, &definition, &id, error) != 0)
		return -1;
	return marks_reload(annotations, error);
}

void marks_theme_names(const struct paragraph_marks *annotations, theme_set themes,
		       const char *separator, struct buffer *out)
{
	size_t start = out->length;
	for (size_t t = 0; t < annotations->theme_count; t++) {
		if (!(themes & ((theme_set)1 << t)))
			continue;
		if (out->length > start)
			buffer_append_string(out, separator);
		buffer_append_string(out, annotations->themes[t].name);
	}
	buffer_string(out);
}
