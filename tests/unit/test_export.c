/* The export writers on hand-made excerpts: what no format may carry raw
 * (controls, invalid UTF-8, line separators), CSV formula cells, Markdown
 * block starts, HTML escaping, colours; and the atomic file behind -o. */
#include <sys/stat.h>

#include "base/atomic_file.h"
#include "export/export.h"
#include "export/internal.h"
#include "store_test.h"

static struct store_excerpt_theme theme = {7, "民生", "green"};

/* An excerpt whose note is `note` and text `text`, with one theme. */
static struct store_excerpt excerpt_of(char *text, char *note)
{
	static char *section[] = {"一、总体要求", "（一）目标"};
	return (struct store_excerpt){
	    .speech_id = 2,
	    .document_id = 2,
	    .paragraph = 5,
	    .title = "标题",
	    .date = "2026-01-08",
	    .section = section,
	    .section_count = 2,
	    .text = text,
	    .note = note,
	    .themes = &theme,
	    .theme_count = 1,
	};
}

/* Runs a writer on one excerpt and returns its output (new string). */
static char *run(int (*writer)(FILE *, const struct export_request *, struct error *),
		 struct store_excerpt *excerpt)
{
	char *text = NULL;
	size_t length = 0;
	FILE *out = open_memstream(&text, &length);
	struct export_request request = {excerpt, 1, &theme, 1, 1, EXPORT_BY_THEME, 0, 0};
	struct error error = {{0}};
	if (writer(out, &request, &error) != 0)
		printf("# writer: %s\n", error.message);
	fclose(out);
	return text;
}

static void cleaning(void)
{
	struct buffer out = {0};
	export_clean("a\tb\x1b\x7f\xc2\x85\xff\xef\xbf\xbe\r\nc\rd\xe2\x80\xa8"
		     "e",
		     1, &out);
	is_string(out.data, "a b␛␡\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\nc\nd\ne",
		  "controls as pictures, C1, invalid bytes and U+FFFE as U+FFFD, line ends as LF");
	out.length = 0;
	export_clean("x\ny\r\nz", 0, &out);
	is_string(out.data, "x y z", "without keep_lines, line ends are spaces");
	buffer_free(&out);
}

static void json(void)
{
	struct store_excerpt excerpt =
	    excerpt_of("正文\x1b[1m", "引号\"反斜杠\\\n\x01\xc2\x85\xe2\x80\xa8\xff 完");
	char *out = run(export_jsonl, &excerpt);
	ok(strstr(out, "\"text\":\"正文\\u001b[1m\"") != NULL, "ESC in text as \\u001b");
	ok(strstr(out, "\"note\":\"引号\\\"反斜杠\\\\\\n\\u0001\\u0085\\u2028\\ufffd 完\"") != NULL,
	   "quote, backslash, newline, C0, C1, U+2028 escaped; invalid byte U+FFFD");
	ok(strstr(out, "\"section\":[\"一、总体要求\",\"（一）目标\"]") != NULL, "section array");
	ok(strstr(out, "\"speaker\":null") != NULL, "unknown metadata is null");
	ok(strstr(out, "\"themes\":[{\"name\":\"民生\",\"color\":\"green\"}]") != NULL, "themes");
	is_int(strchr(out, '\n') - out + 1, (long long)strlen(out), "one line");
	free(out);
}

static void csv(void)
{
	const char *starts[] = {"=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"};
	for (size_t i = 0; i < sizeof starts / sizeof starts[0]; i++) {
		struct store_excerpt excerpt = excerpt_of((char *)starts[i], NULL);
		char *out = run(export_csv, &excerpt);
		char *row = strstr(out, "\r\n") + 2;
		char *text = strstr(row, ",（一）目标,") + strlen(",（一）目标,");
		ok(text[0] == '\'' || (text[0] == '"' && text[1] == '\''),
		   "a cell starting with byte %d is neutralised", starts[i][0]);
		free(out);
	}
	struct store_excerpt excerpt = excerpt_of("普通,文本", "说\"好\"\n第二行");
	char *out = run(export_csv, &excerpt);
	ok(strstr(out, ",\"普通,文本\",\"说\"\"好\"\"\n第二行\",0\r\n") != NULL,
	   "commas and quotes quoted, quotes doubled, the note's line kept");
	free(out);
}

static void markdown(void)
{
	struct store_excerpt excerpt =
	    excerpt_of("1. 开头是列表", "# 不是标题\n- 不是列表\n\n===\n  2) 也不是\n> 不是引用");
	char *out = run(export_markdown, &excerpt);
	ok(strstr(out, "> 1\\. 开头是列表\n") != NULL, "an ordered-list start in the text");
	ok(strstr(out, "**Note:** \\# 不是标题\\\n\\- 不是列表\\\n\\===\\\n2\\) 也不是\\\n\\> "
		       "不是引用\n") != NULL,
	   "note lines: block starts escaped, blank line dropped, indentation dropped");
	ok(strstr(out, "**Source:** 标题 (2026-01-08) · 一、总体要求 › （一）目标 · ¶5 · `2:5`") !=
	       NULL,
	   "source line");
	free(out);
}

static void html(void)
{
	struct store_excerpt excerpt = excerpt_of("<script>'&\"</script>", "一\n二\x1b");
	char *out = run(export_html, &excerpt);
	ok(strstr(out, "<p>&lt;script&gt;&#39;&amp;&quot;&lt;/script&gt;</p>") != NULL,
	   "markup in the text is escaped");
	ok(strstr(out, "一<br/>\n二␛</p>") != NULL, "note lines as <br/>, ESC as a picture");
	ok(strstr(out, "<script") == NULL, "no script element");
	ok(strstr(out, "#27ae60") != NULL, "the theme's colour");
	free(out);
}

static void colors(void)
{
	is_int(export_color_rgb("#12aBcD"), 0x12abcd, "#rrggbb as given");
	is_int(export_color_rgb("red"), 0xc0392b, "a name");
	is_int(export_color_rgb("bright-red"), 0xe74c3c, "bright");
	is_int(export_color_rgb("196"), 0xff0000, "the 256-colour cube");
	is_int(export_color_rgb("244"), 0x808080, "the grey ramp");
	is_int(export_color_rgb(""), 0x7f8c8d, "the default");
	is_int(export_color_rgb("default"), 0x7f8c8d, "default by name");
}

static void atomic(void)
{
	const char *path = test_path("target.txt");
	write_file(path, "old\n", 4);
	chmod(path, 0640);
	struct atomic_file file;
	struct error error = {{0}};
	ok(atomic_file_open(path, &file, &error) == 0, "open (%s)", error.message);
	fputs("half", file.stream);
	char *temporary = xstrdup(file.temporary);
	atomic_file_abort(&file);
	size_t length;
	char *text = read_whole(path, &length);
	ok(length == 4 && memcmp(text, "old\n", 4) == 0, "abort leaves the target");
	free(text);
	ok(access(temporary, F_OK) != 0, "and removes the temporary file");
	free(temporary);

	atomic_file_open(path, &file, &error);
	fputs("new\n", file.stream);
	ok(atomic_file_commit(&file, &error) == 0, "commit");
	text = read_whole(path, &length);
	ok(length == 4 && memcmp(text, "new\n", 4) == 0, "replaces the target");
	free(text);
	struct stat status;
	stat(path, &status);
	is_int(status.st_mode & 0777, 0640, "with the target's permissions");

	ok(atomic_file_open(test_path("no/such/dir/x"), &file, &error) == -1,
	   "a missing directory");
	ok(strstr(error.message, "No such file or directory") != NULL, "says why: %s",
	   error.message);
	ok(atomic_file_open(test_path(""), &file, &error) == -1, "a directory as the target");
}

int main(void)
{
	cleaning();
	json();
	csv();
	markdown();
	html();
	colors();
	atomic();
	return tap_done();
}
