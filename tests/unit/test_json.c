/* JSON strings as the JSON Lines export and the recovery files write them. */
#include "base/json.h"
#include "tap.h"

static void written(const char *text, const char *expected, const char *name)
{
	struct buffer out = {0};
	json_append_string(&out, text);
	is_string(buffer_string(&out), expected, "%s", name);
	buffer_free(&out);
}

int main(void)
{
	written(NULL, "null", "NULL is null");
	written("民生", "\"民生\"", "Chinese as it is");
	written("a\"b\\c", "\"a\\\"b\\\\c\"", "quote and backslash escaped");
	written("1\n2\r3\t4", "\"1\\n2\\r3\\t4\"", "line ends and tab");
	written("\x1b[31m\x7f", "\"\\u001b[31m\\u007f\"", "ESC and DEL as \\u escapes");
	written("\xc2\x85|\xe2\x80\xa8", "\"\\u0085|\\u2028\"", "C1 and U+2028 as \\u escapes");
	written("a\xffz", "\"a\\ufffdz\"", "a byte that is not UTF-8");
	struct buffer out = {0};
	json_append_field(&out, "note", "x");
	is_string(buffer_string(&out), ",\"note\":\"x\"", "a field");
	buffer_free(&out);
	return tap_done();
}
