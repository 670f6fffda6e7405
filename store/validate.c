#include "store/validate.h"

#include <stdio.h>
#include <string.h>

#include "base/i18n.h"
#include "base/utf8.h"

/* The deepest outline a speech may have: far beyond the marker ranks
 * and the parts above them, small enough that indenting by depth stays
 * sane. */
enum { OUTLINE_DEPTH_MAX = 64 };

static int validate_paragraphs(const struct speech *speech, struct error *error)
{
	for (size_t i = 0; i < speech->paragraph_count; i++) {
		const struct paragraph *p = &speech->paragraphs[i];
		if (p->offset > speech->text_length || p->length > speech->text_length - p->offset)
			return error_set(error, _("paragraph %zu lies outside the text"), i);
		const char *text = paragraph_text(speech, i);
		if (memchr(text, '\n', p->length) || memchr(text, '\0', p->length))
			return error_set(error, _("paragraph %zu is more than one line"), i);
		if (utf8_valid_length(text, p->length) != p->length)
			return error_set(error, _("paragraph %zu is not UTF-8 text"), i);
		if ((i == 0) != (p->role == PARAGRAPH_TITLE))
			return error_set(error, _("paragraph %zu: %s"), i,
					 i == 0 ? _("the first paragraph is not the title")
						: _("a second title"));
		if (p->label_length > p->length)
			return error_set(error,
					 _("paragraph %zu: its label is longer than its text"), i);
		if (p->rank < 0 || p->rank > PARAGRAPH_RANK_MAX || p->depth < 0 ||
		    p->depth > OUTLINE_DEPTH_MAX)
			return error_set(error,
					 _("paragraph %zu: rank %d or depth %d out of range"), i,
					 p->rank, p->depth);
		if (p->role == PARAGRAPH_HEADING && (p->rank < 1 || p->depth < 1))
			return error_set(error,
					 _("paragraph %zu: a heading without a rank or depth"), i);
		if (p->section >= speech->outline_count)
			return error_set(error,
					 _("paragraph %zu: section %u is not an outline entry"), i,
					 (unsigned)p->section);
		const struct outline_entry *section = &speech->outline[p->section];
		if (i < section->paragraph || i >= section->end_paragraph)
			return error_set(error, _("paragraph %zu lies outside its section %u"), i,
					 (unsigned)p->section);
		if (p->role == PARAGRAPH_HEADING && section->paragraph != i)
			return error_set(error, _("paragraph %zu: a heading that heads no section"),
					 i);
	}
	return 0;
}

static int validate_outline(const struct speech *speech, struct error *error)
{
	const struct outline_entry *title = &speech->outline[0];
	if (title->paragraph != 0 || title->parent != -1 || title->depth != 0 ||
	    title->end_paragraph != speech->paragraph_count)
		return error_set(error,
				 _("outline entry 0 is not the whole speech under its title"));
	for (size_t i = 1; i < speech->outline_count; i++) {
		const struct outline_entry *entry = &speech->outline[i];
		if (entry->paragraph >= speech->paragraph_count ||
		    entry->end_paragraph > speech->paragraph_count ||
		    entry->end_paragraph <= entry->paragraph)
			return error_set(
			    error,
			    _("outline entry %zu: paragraphs %zu to %zu are outside the "
			      "speech"),
			    i, entry->paragraph, entry->end_paragraph);
		if (entry->paragraph <= speech->outline[i - 1].paragraph)
			return error_set(error, _("outline entry %zu is out of order"), i);
		/* A parent before its child: following parents always ends. */
		if (entry->parent < 0 || (size_t)entry->parent >= i)
			return error_set(error,
					 _("outline entry %zu: parent %ld does not come before it"),
					 i, entry->parent);
		const struct outline_entry *parent = &speech->outline[entry->parent];
		if (entry->depth <= parent->depth || entry->depth > OUTLINE_DEPTH_MAX)
			return error_set(
			    error, _("outline entry %zu: depth %d under a parent of depth %d"), i,
			    entry->depth, parent->depth);
		if (entry->end_paragraph > parent->end_paragraph)
			return error_set(
			    error, _("outline entry %zu reaches past its parent's section"), i);
		if (speech->paragraphs[entry->paragraph].role != PARAGRAPH_HEADING)
			return error_set(error,
					 _("outline entry %zu: paragraph %zu is not a heading"), i,
					 entry->paragraph);
	}
	return 0;
}

int speech_model_validate(const struct speech *speech, struct error *error)
{
	if (speech->paragraph_count == 0 || speech->outline_count == 0)
		return error_set(error, _("it has no paragraphs"));
	if (!speech->text)
		return error_set(error, _("it has no text"));
	/* The outline first: the paragraphs' checks index it. */
	if (validate_outline(speech, error) != 0)
		return -1;
	return validate_paragraphs(speech, error);
}

int store_damaged_speech(int64_t id, struct error *error)
{
	char problem[sizeof error->message];
	snprintf(problem, sizeof problem, "%s", error->message);
	return error_set(error,
			 _("speech %lld is damaged in the library (%s); pizhu check lists "
			   "what is wrong"),
			 (long long)id, problem);
}
