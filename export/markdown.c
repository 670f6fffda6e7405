/* Markdown: a heading per group, each excerpt a block quote followed by a
 * paragraph of source, themes and note, joined by hard line breaks. Made
 * for pandoc (to Word) and for reading as it is. */
#include <string.h>

#include "base/i18n.h"
#include "export/internal.h"

/* Characters that mean something inline to CommonMark or pandoc (emphasis,
 * links, code, HTML, entities, math, citations, sub- and superscript,
 * tables, attributes): always escaped. */
static const char inline_special[] = "\\`*_[]<>&$@^~|{}#";
/* At the start of a line they could begin a block (heading, quote, list,
 * setext underline, definition, table). */
static const char line_start_special[] = "#>-+=:|*_~`<";

/* Appends the part of a line that could begin a block, escaped: a
 * special character, or the "1." or "1)" of an ordered list. Returns how
 * many bytes it took. */
static size_t escape_block_start(struct buffer *out, const char *text, size_t length)
{
	if (length > 0 && strchr(line_start_special, text[0])) {
		buffer_append_byte(out, '\\');
		buffer_append_byte(out, text[0]);
		return 1;
	}
	size_t digits = strspn(text, "0123456789");
	if (digits > 0 && digits < length && (text[digits] == '.' || text[digits] == ')')) {
		buffer_append(out, text, digits);
		buffer_append_byte(out, '\\');
		buffer_append_byte(out, text[digits]);
		return digits + 1;
	}
	return 0;
}

/* Appends cleaned text without line breaks, escaped. At a line start,
 * leading spaces are dropped (they could make a code block) and what could
 * begin a block is escaped. */
static void escape_line(struct buffer *out, const char *text, size_t length, int line_start)
{
	size_t i = 0;
	if (line_start) {
		while (i < length && text[i] == ' ')
			i++;
		i += escape_block_start(out, text + i, length - i);
	}
	for (; i < length; i++) {
		if (strchr(inline_special, text[i]))
			buffer_append_byte(out, '\\');
		buffer_append_byte(out, text[i]);
	}
}

/* Appends any text on one line, neutralised and escaped. */
static void append_inline(struct buffer *out, const char *text, int line_start)
{
	struct buffer clean = {0};
	export_clean(text, 0, &clean);
	escape_line(out, clean.data, clean.length, line_start);
	buffer_free(&clean);
}

/* Appends a note keeping its lines, as hard line breaks within one
 * paragraph; blank lines, which would end the paragraph, are dropped. */
static void append_note(struct buffer *out, const char *note)
{
	struct buffer clean = {0};
	export_clean(note, 1, &clean);
	const char *text = clean.data;
	int first = 1;
	for (size_t start = 0; start < clean.length;) {
		const char *newline = memchr(text + start, '\n', clean.length - start);
		size_t end = newline ? (size_t)(newline - text) : clean.length;
		if (strspn(text + start, " ") < end - start) {
			if (!first)
				buffer_append_string(out, "\\\n");
			escape_line(out, text + start, end - start, !first);
			first = 0;
		}
		start = end + 1;
	}
	buffer_free(&clean);
}

static void append_excerpt(struct buffer *out, const struct store_excerpt *excerpt)
{
	buffer_append_string(out, "> ");
	append_inline(out, excerpt->text, 1);
	/* TRANSLATORS: Markdown: ** makes bold; keep the space after the colon in English. */
	buffer_append_string(out, _("\n\n**Source:** "));
	append_inline(out, excerpt->title, 0);
	/* TRANSLATORS: around the date, speaker… after a title. */
	export_append_metadata(out, excerpt, _(" ("), _(")"), append_inline);
	if (excerpt->section_count > 0) {
		buffer_append_string(out, " · ");
		for (size_t s = 0; s < excerpt->section_count; s++) {
			if (s > 0)
				buffer_append_string(out, " › ");
			append_inline(out, excerpt->section[s], 0);
		}
	}
	buffer_printf(out, " · ¶%zu · `%lld:%zu`", excerpt->paragraph,
		      (long long)excerpt->document_id, excerpt->paragraph);
	if (excerpt->theme_count > 0) {
		buffer_append_string(out, _("\\\n**Themes:** "));
		for (size_t t = 0; t < excerpt->theme_count; t++) {
			if (t > 0)
				buffer_append_string(out, ", ");
			append_inline(out, excerpt->themes[t].name, 0);
		}
	}
	if (excerpt->orphan)
		buffer_printf(out,
			      _("\\\n**Orphaned:** made on version %lld of speech %lld, and left "
				"behind when the speech changed; quoted as it was then."),
			      (long long)excerpt->document_id, (long long)excerpt->speech_id);
	if (excerpt->note) {
		buffer_append_string(out, _("\\\n**Note:** "));
		append_note(out, excerpt->note);
	}
	buffer_append_string(out, "\n\n");
}

static void append_group_heading(struct buffer *out, const struct export_group *group)
{
	buffer_append_string(out, "## ");
	if (group->speech) {
		append_inline(out, group->speech->title, 0);
		buffer_append_string(out, "\n\n");
		export_append_metadata(out, group->speech, "", "\n\n", append_inline);
	} else if (group->theme) {
		append_inline(out, group->theme->name, 0);
		buffer_append_string(out, "\n\n");
	} else {
		buffer_append_string(out, _("Notes without a theme"));
		buffer_append_string(out, "\n\n");
	}
}

int export_markdown(FILE *out, const struct export_request *request, struct error *error)
{
	struct buffer text = {0};
	size_t speeches = export_speech_count(request);
	buffer_printf(&text, "# %s\n\n", _("Excerpts"));
	buffer_printf(&text, _("%s from %s.\n\n"),
		      i18n_count(request->excerpt_count, "%zu excerpt", "%zu excerpts"),
		      i18n_count(speeches, "%zu speech", "%zu speeches"));
	struct export_group *groups;
	size_t group_count;
	export_groups(request, &groups, &group_count);
	for (size_t g = 0; g < group_count; g++) {
		append_group_heading(&text, &groups[g]);
		for (size_t m = 0; m < groups[g].member_count; m++) {
			append_excerpt(&text, &request->excerpts[groups[g].members[m]]);
			/* Write as we go: a large export need not sit in memory. */
			fwrite(text.data, 1, text.length, out);
			text.length = 0;
		}
	}
	fwrite(text.data, 1, text.length, out);
	export_groups_free(groups, group_count);
	buffer_free(&text);
	return export_finish(out, error);
}
