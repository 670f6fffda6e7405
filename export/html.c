/* HTML: one self-contained page (inline CSS, no scripts, no outside
 * files) that prints well, with a table of contents of its groups. The
 * markup is also well-formed XML (XHTML syntax: every element closed,
 * only the five XML entities), so strict parsers read it too. */
#include <string.h>

#include "base/i18n.h"
#include "export/internal.h"

static const char style[] =
    "body{font-family:\"Noto Serif CJK SC\",\"Source Han Serif SC\",\"Songti SC\",SimSun,"
    "serif;max-width:48em;margin:2em auto;padding:0 1em;line-height:1.7;color:#222}\n"
    "h1{font-size:1.6em}\n"
    "h2{border-bottom:3px solid #7f8c8d;padding-bottom:.2em;margin-top:2em}\n"
    "nav ul{list-style:none;padding:0}\n"
    "nav li{margin:.2em 0}\n"
    "a{color:#1a5276}\n"
    ".swatch{display:inline-block;width:.8em;height:.8em;border-radius:2px;"
    "margin-right:.4em;vertical-align:middle}\n"
    "article{border-left:4px solid #7f8c8d;padding:.1em 0 .1em 1em;margin:1.4em 0;"
    "break-inside:avoid}\n"
    "blockquote{margin:0 0 .4em;font-size:1.05em}\n"
    "blockquote p{margin:0}\n"
    ".source{color:#555;font-size:.9em;margin:.2em 0}\n"
    "cite{font-style:normal;font-family:monospace}\n"
    ".themes{margin:.2em 0}\n"
    ".tag{display:inline-block;padding:0 .6em;border-radius:.8em;font-size:.85em;"
    "margin-right:.3em}\n"
    ".orphan{color:#a04000;font-size:.9em;margin:.2em 0}\n"
    ".note{background:#fdf6e3;border:1px solid #e8dcb0;padding:.4em .7em;margin:.4em 0}\n"
    "@media print{body{max-width:none;margin:0;font-size:11pt}"
    "nav{break-after:page}a{color:inherit;text-decoration:none}"
    "h2{break-after:avoid}"
    ".swatch,.tag,article,h2{-webkit-print-color-adjust:exact;print-color-adjust:exact}}\n";

/* Appends text neutralised and escaped for element content and attribute
 * values; with keep_lines, line breaks become <br/>. */
static void append_text(struct buffer *out, const char *text, int keep_lines)
{
	struct buffer clean = {0};
	export_clean(text ? text : "", keep_lines, &clean);
	for (size_t i = 0; i < clean.length; i++) {
		char c = clean.data[i];
		if (c == '&')
			buffer_append_string(out, "&amp;");
		else if (c == '<')
			buffer_append_string(out, "&lt;");
		else if (c == '>')
			buffer_append_string(out, "&gt;");
		else if (c == '"')
			buffer_append_string(out, "&quot;");
		else if (c == '\'')
			buffer_append_string(out, "&#39;");
		else if (c == '\n')
			buffer_append_string(out, "<br/>\n");
		else
			buffer_append_byte(out, c);
	}
	buffer_free(&clean);
}

static uint32_t excerpt_color(const struct store_excerpt *excerpt,
			      const struct store_excerpt_theme *theme)
{
	if (theme)
		return export_color_rgb(theme->color);
	return export_color_rgb(excerpt->theme_count > 0 ? excerpt->themes[0].color : NULL);
}

/* Black or white text, whichever reads better on the colour. */
static uint32_t contrast(uint32_t rgb)
{
	unsigned red = rgb >> 16 & 0xff, green = rgb >> 8 & 0xff, blue = rgb & 0xff;
	return 299 * red + 587 * green + 114 * blue > 150000 ? 0x000000 : 0xffffff;
}

/* A metadata field, for export_append_metadata. */
static void append_field(struct buffer *out, const char *text, int first)
{
	(void)first;
	append_text(out, text, 0);
}

static void append_excerpt(struct buffer *out, const struct store_excerpt *excerpt,
			   const struct store_excerpt_theme *group_theme)
{
	buffer_printf(out, "<article style=\"border-left-color:#%06x\">\n<blockquote><p>",
		      (unsigned)excerpt_color(excerpt, group_theme));
	append_text(out, excerpt->text, 0);
	buffer_append_string(out, "</p></blockquote>\n<p class=\"source\">");
	append_text(out, excerpt->title, 0);
	/* TRANSLATORS: around the date, speaker… after a title. */
	export_append_metadata(out, excerpt, _(" ("), _(")"), append_field);
	for (size_t s = 0; s < excerpt->section_count; s++) {
		buffer_append_string(out, s == 0 ? " · " : " › ");
		append_text(out, excerpt->section[s], 0);
	}
	buffer_printf(out, " · ¶%zu · <cite>%lld:%zu</cite></p>\n", excerpt->paragraph,
		      (long long)excerpt->document_id, excerpt->paragraph);
	if (excerpt->theme_count > 0) {
		buffer_append_string(out, "<p class=\"themes\">");
		for (size_t t = 0; t < excerpt->theme_count; t++) {
			uint32_t rgb = export_color_rgb(excerpt->themes[t].color);
			buffer_printf(out,
				      "<span class=\"tag\" style=\"background:#%06x;color:#%06x\">",
				      (unsigned)rgb, (unsigned)contrast(rgb));
			append_text(out, excerpt->themes[t].name, 0);
			buffer_append_string(out, "</span>");
		}
		buffer_append_string(out, "</p>\n");
	}
	if (excerpt->orphan)
		buffer_printf(
		    out,
		    _("<p class=\"orphan\">Orphaned: made on version %lld of speech %lld, "
		      "and left behind when the speech changed; quoted as it was then.</p>\n"),
		    (long long)excerpt->document_id, (long long)excerpt->speech_id);
	if (excerpt->note) {
		buffer_append_string(out, _("<p class=\"note\"><strong>Note:</strong> "));
		append_text(out, excerpt->note, 1);
		buffer_append_string(out, "</p>\n");
	}
	buffer_append_string(out, "</article>\n");
}

static uint32_t group_color(const struct export_group *group)
{
	return export_color_rgb(group->theme ? group->theme->color : NULL);
}

static void append_group_name(struct buffer *out, const struct export_group *group)
{
	if (group->speech)
		append_text(out, group->speech->title, 0);
	else if (group->theme)
		append_text(out, group->theme->name, 0);
	else
		buffer_append_string(out, _("Notes without a theme"));
}

static void append_contents(struct buffer *out, const struct export_group *groups, size_t count)
{
	if (count == 0)
		return;
	buffer_printf(out, "<nav>\n<h2>%s</h2>\n<ul>\n", _("Contents"));
	for (size_t g = 0; g < count; g++) {
		buffer_printf(out,
			      "<li><a href=\"#group-%zu\"><span class=\"swatch\" "
			      "style=\"background:#%06x\"></span>",
			      g + 1, (unsigned)group_color(&groups[g]));
		append_group_name(out, &groups[g]);
		buffer_printf(out, "</a> (%zu)</li>\n", groups[g].member_count);
	}
	buffer_append_string(out, "</ul>\n</nav>\n");
}

int export_html(FILE *out, const struct export_request *request, struct error *error)
{
	struct export_group *groups;
	size_t group_count;
	export_groups(request, &groups, &group_count);
	struct buffer text = {0};
	size_t speeches = export_speech_count(request);
	buffer_printf(&text,
		      "<!DOCTYPE html>\n<html lang=\"zh\">\n<head>\n<meta charset=\"utf-8\"/>\n"
		      "<meta name=\"generator\" content=\"pizhu\"/>\n<title>%s</title>\n"
		      "<style>\n%s</style>\n</head>\n<body>\n<h1>%s</h1>\n<p>",
		      _("Excerpts"), style, _("Excerpts"));
	buffer_printf(&text, _("%s from %s."),
		      i18n_count(request->excerpt_count, "%zu excerpt", "%zu excerpts"),
		      i18n_count(speeches, "%zu speech", "%zu speeches"));
	buffer_append_string(&text, "</p>\n");
	append_contents(&text, groups, group_count);
	for (size_t g = 0; g < group_count; g++) {
		const struct export_group *group = &groups[g];
		buffer_printf(&text,
			      "<section id=\"group-%zu\">\n<h2 style=\"border-color:#%06x\">",
			      g + 1, (unsigned)group_color(group));
		append_group_name(&text, group);
		buffer_append_string(&text, "</h2>\n");
		if (group->speech)
			export_append_metadata(&text, group->speech, "<p class=\"source\">",
					       "</p>\n", append_field);
		for (size_t m = 0; m < group->member_count; m++) {
			append_excerpt(&text, &request->excerpts[group->members[m]], group->theme);
			fwrite(text.data, 1, text.length, out);
			text.length = 0;
		}
		buffer_append_string(&text, "</section>\n");
	}
	buffer_append_string(&text, "</body>\n</html>\n");
	fwrite(text.data, 1, text.length, out);
	buffer_free(&text);
	export_groups_free(groups, group_count);
	return export_finish(out, error);
}
