/* CSV as RFC 4180 has it (comma, CRLF after each record, a field quoted
 * when it holds a quote, comma or line break, quotes doubled), in UTF-8:
 * the excerpts, one row per excerpt and theme, and the matrix. */
#include <string.h>

#include "base/i18n.h"
#include "export/internal.h"

/* A spreadsheet runs a cell starting with one of these as a formula
 * (CSV injection); a leading apostrophe makes it text. */
static const char formula_start[] = "=+-@\t\r";

static void append_cell(struct buffer *out, const char *text, int keep_lines)
{
	struct buffer clean = {0};
	if (text && *text && strchr(formula_start, text[0]))
		buffer_append_byte(&clean, '\'');
	export_clean(text ? text : "", keep_lines, &clean);
	const char *cell = clean.data;
	if (strpbrk(cell, "\",\n\r")) {
		buffer_append_byte(out, '"');
		for (size_t i = 0; i < clean.length; i++) {
			if (cell[i] == '"')
				buffer_append_byte(out, '"');
			buffer_append_byte(out, cell[i]);
		}
		buffer_append_byte(out, '"');
	} else {
		buffer_append(out, cell, clean.length);
	}
	buffer_free(&clean);
}

static void append_bom(struct buffer *out, int bom)
{
	if (bom)
		buffer_append_string(out, "\xEF\xBB\xBF");
}

/* As many section columns as the deepest section path. */
static size_t section_columns(const struct export_request *request)
{
	size_t deepest = 0;
	for (size_t e = 0; e < request->excerpt_count; e++)
		if (request->excerpts[e].section_count > deepest)
			deepest = request->excerpts[e].section_count;
	return deepest;
}

/* The header row: English names for scripts, or the language's. */
static void append_header(struct buffer *out, size_t sections, int english)
{
	static const char *const names[] = {N_("theme"),     N_("citation"), N_("speech"),
					    N_("paragraph"), N_("title"),    N_("date"),
					    N_("speaker"),   N_("occasion"), N_("source")};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		buffer_printf(out, "%s%s", i ? "," : "", english ? names[i] : _(names[i]));
	for (size_t s = 0; s < sections; s++)
		buffer_printf(out, english ? ",section_%zu" : _(",section_%zu"), s + 1);
	buffer_printf(out, ",%s,%s,%s\r\n", english ? "text" : _("text"),
		      english ? "note" : _("note"), english ? "orphan" : _("orphan"));
}

static void append_row(struct buffer *out, const struct store_excerpt *excerpt, const char *theme,
		       size_t sections)
{
	append_cell(out, theme, 0);
	buffer_printf(out, ",%lld:%zu,%lld,%zu,", (long long)excerpt->document_id,
		      excerpt->paragraph, (long long)excerpt->speech_id, excerpt->paragraph);
	const char *fields[] = {excerpt->title, excerpt->date, excerpt->speaker, excerpt->occasion,
				excerpt->source};
	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
		if (i > 0)
			buffer_append_byte(out, ',');
		append_cell(out, fields[i], 0);
	}
	for (size_t s = 0; s < sections; s++) {
		buffer_append_byte(out, ',');
		append_cell(out, s < excerpt->section_count ? excerpt->section[s] : NULL, 0);
	}
	buffer_append_byte(out, ',');
	append_cell(out, excerpt->text, 0);
	buffer_append_byte(out, ',');
	append_cell(out, excerpt->note, 1);
	buffer_printf(out, ",%d\r\n", excerpt->orphan);
}

/* By theme, a group's excerpts with the group's theme; by speech, each
 * excerpt with each of its themes (a note alone: one row, no theme). */
static void append_group(struct buffer *out, const struct export_request *request,
			 const struct export_group *group, size_t sections)
{
	for (size_t m = 0; m < group->member_count; m++) {
		const struct store_excerpt *excerpt = &request->excerpts[group->members[m]];
		if (request->grouping == EXPORT_BY_THEME || excerpt->theme_count == 0) {
			append_row(out, excerpt, group->theme ? group->theme->name : NULL,
				   sections);
			continue;
		}
		for (size_t t = 0; t < excerpt->theme_count; t++)
			append_row(out, excerpt, excerpt->themes[t].name, sections);
	}
}

int export_csv(FILE *out, const struct export_request *request, struct error *error)
{
	struct buffer text = {0};
	size_t sections = section_columns(request);
	append_bom(&text, request->bom);
	append_header(&text, sections, request->english_header);
	struct export_group *groups;
	size_t group_count;
	export_groups(request, &groups, &group_count);
	for (size_t g = 0; g < group_count; g++) {
		append_group(&text, request, &groups[g], sections);
		fwrite(text.data, 1, text.length, out);
		text.length = 0;
	}
	fwrite(text.data, 1, text.length, out);
	export_groups_free(groups, group_count);
	buffer_free(&text);
	return export_finish(out, error);
}

int export_matrix_header(FILE *out, const struct store_excerpt_theme *themes, size_t count, int bom,
			 struct error *error)
{
	struct buffer text = {0};
	append_bom(&text, bom);
	buffer_append_string(&text, "speech,paragraph");
	for (size_t t = 0; t < count; t++) {
		buffer_append_byte(&text, ',');
		append_cell(&text, themes[t].name, 0);
	}
	buffer_append_string(&text, "\r\n");
	fwrite(text.data, 1, text.length, out);
	buffer_free(&text);
	return ferror(out) ? export_finish(out, error) : 0;
}

int export_matrix_row(const struct store_matrix_row *row, void *context, struct error *error)
{
	const struct export_matrix *matrix = context;
	fprintf(matrix->out, "%lld,%zu", (long long)row->speech_id, row->paragraph);
	for (size_t t = 0; t < matrix->theme_count; t++) {
		fputc(',', matrix->out);
		fputc(row->cells[t] ? '1' : '0', matrix->out);
	}
	fputs("\r\n", matrix->out);
	/* A failed stream stops the walk early rather than at the end. */
	return ferror(matrix->out) ? export_finish(matrix->out, error) : 0;
}
