/* Which reader a file gets: by its bytes first (magic numbers, markup),
 * by its name only where the bytes cannot tell; the names a directory
 * import takes. */
#include <string.h>

#include "formats/read.h"
#include "tap.h"

static void detects(const char *bytes, size_t length, const char *name, const char *expected,
		    const char *what)
{
	const struct format_reader *reader =
	    format_detect((const unsigned char *)bytes, length, name);
	if (!expected)
		ok(reader == NULL, "%s: no known format", what);
	else
		is_string(reader ? reader->name : "(none)", expected, "%s", what);
}

#define DETECTS(literal, name, expected, what)                                                     \
	detects(literal, sizeof literal - 1, name, expected, what)

int main(void)
{
	DETECTS("PK\003\004\024\000\000\000word/document.xml", "a.docx", "docx", "a Word package");
	DETECTS("PK\003\004\024\000\000\000word/document.xml", "a.txt", "docx",
		"a Word package named .txt: the bytes decide");
	DETECTS("PK\003\004\024\000\000\000xl/workbook.xml", "a.xlsx", NULL, "another zip");
	DETECTS("\320\317\021\340\241\261\032\341\000\000", "a.doc", "doc", "an OLE2 file");
	DETECTS("%PDF-1.7\n%\342\343\n1 0 obj", "a.pdf", "pdf", "a PDF");
	DETECTS("\r\n%PDF-1.4\n", "x", "pdf", "a PDF after a little junk");
	DETECTS("<!DOCTYPE html><html><head><title>讲话</title>", "page", "html", "a page");
	DETECTS("\xEF\xBB\xBF  <html lang=\"zh\"><body><p>正文</p>", "a.aspx", "html",
		"a page with a BOM and blank lines first");
	DETECTS("讲话\n<p>正文</p>\n", "a.htm", "html", "markup named .htm");
	DETECTS("讲话\n<p>正文</p>\n", "a.txt", "text", "a text that mentions a tag");
	DETECTS("---\ntitle: 讲话\n---\n正文\n", "x", "md", "YAML front matter");
	DETECTS("# 在会议上的讲话\n\n## 一、总体要求\n", "x", "md", "a # heading first");
	DETECTS("在会议上的讲话\n同志们：\n", "a.md", "md", "a file named .md");
	DETECTS("#标签 不是标题\n", "x", "text", "a # without a space is text");
	DETECTS("在会议上的讲话\n同志们：\n", "a.txt", "text", "text");
	DETECTS("\xFF\xFE\x28\x57\x00\x4E", "a.txt", "text", "UTF-16 with its BOM (has NULs)");
	DETECTS("binary\000data", "a.txt", NULL, "NUL bytes: a binary");
	detects("", 0, "empty.txt", "text", "an empty file (the parser says it has no text)");

	static const struct {
		const char *name;
		int known;
	} names[] = {{"a.txt", 1},	   {"B.TXT", 1}, {"c.docx", 1},	  {"d.DOC", 1},
		     {"e.html", 1},	   {"f.htm", 1}, {"g.pdf", 1},	  {"h.md", 1},
		     {"p.mhtml", 1},	   {"q.MHT", 1}, {"i.png", 0},	  {"notes", 0},
		     {"dir.txt/x.jpg", 0}, {".txt", 0},	 {"a.tar.gz", 0}, {"report.docx.bak", 0}};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		is_int(format_known_extension(names[i].name), names[i].known, "%s: %s by its name",
		       names[i].name, names[i].known ? "a speech file" : "skipped");
	return tap_done();
}
