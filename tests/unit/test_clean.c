/* Cleaning: line ends, indentation, trailing space, control characters. */
#include "speech/clean.h"
#include "tap.h"

static void cleans(const char *input, const char *expected, size_t expected_lines, const char *name)
{
	struct buffer out = {0};
	size_t count;
	struct text_line *lines = clean_lines(input, strlen(input), &out, &count);
	is_string(buffer_string(&out), expected, "%s", name);
	is_int(count, expected_lines, "%s: line count", name);
	for (size_t i = 0; i < count; i++)
		ok(out.data[lines[i].offset + lines[i].length] == '\n', "%s: line %zu ends", name,
		   i);
	free(lines);
	buffer_free(&out);
}

int main(void)
{
	cleans("一\r\n二\r三\n", "一\n二\n三\n", 3, "CRLF, CR and LF");
	cleans("  　　\xC2\xA0正文  \t　\n", "正文\n", 1, "indentation and trailing space");
	cleans("\n\n  \n　　\n甲\n\n\n乙", "甲\n乙\n", 2, "blank lines dropped");
	cleans("a\tb", "a b\n", 1, "tab inside a line");
	cleans("x\x1B[31my", "x\xE2\x90\x9B[31my\n", 1, "ESC becomes a visible symbol");
	cleans("x\x07\x7F", "x\xE2\x90\x87\xE2\x90\xA1\n", 1, "BEL and DEL");
	cleans("x\xC2\x9B"
	       "1m",
	       "x\xEF\xBF\xBD"
	       "1m\n",
	       1, "C1 control");
	cleans("一\xE2\x80\xA8二", "一\n二\n", 2, "line separator");
	cleans("\xEF\xBB\xBF标题\n", "标题\n", 1, "stray BOM as indentation");
	cleans("", "", 0, "empty");
	cleans("a b  ", "a b\n", 1, "inner spaces kept, trailing dropped");

	struct buffer out = {0};
	clean_inline("第一行\n第二行\t\x1B]52;c;x\x07", strlen("第一行\n第二行\t\x1B]52;c;x\x07"),
		     &out);
	is_string(out.data, "第一行 第二行 \xE2\x90\x9B]52;c;x\xE2\x90\x87", "clean_inline");
	buffer_free(&out);

	/* Linear time on a 10 MB line (a quadratic pass would not finish). */
	size_t big = 10 * 1000 * 1000;
	char *line = malloc(big + 1);
	for (size_t i = 0; i + 3 <= big; i += 3)
		memcpy(line + i, "字", 3);
	line[big - big % 3] = '\0';
	struct buffer big_out = {0};
	size_t count;
	struct text_line *lines = clean_lines(line, strlen(line), &big_out, &count);
	is_int(count, 1, "10 MB line is one line");
	is_int(lines[0].length, strlen(line), "10 MB line kept whole");
	free(lines);
	buffer_free(&big_out);
	free(line);
	return tap_done();
}
