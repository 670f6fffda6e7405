/* The documents folder of xdg-user-dirs' user-dirs.dirs. */
#include "base/user_dirs.h"
#include "tap.h"

static void documents(const char *text, const char *expected, const char *name)
{
	struct buffer out = {0};
	int found = user_dirs_documents(text, strlen(text), "/home/李", &out);
	if (expected)
		is_string(found ? out.data : "(none)", expected, "%s", name);
	else
		is_int(found, 0, "%s", name);
	buffer_free(&out);
}

int main(void)
{
	documents("XDG_DOCUMENTS_DIR=\"$HOME/Documents\"\n", "/home/李/Documents", "$HOME/Documents");
	documents("# written by xdg-user-dirs-update\nXDG_DESKTOP_DIR=\"$HOME/桌面\"\n"
		  "XDG_DOCUMENTS_DIR=\"$HOME/文档\"\nXDG_MUSIC_DIR=\"$HOME/音乐\"\n",
		  "/home/李/文档", "among the other folders, in Chinese");
	documents("XDG_DOCUMENTS_DIR=\"/srv/papers\"", "/srv/papers", "an absolute folder");
	documents("XDG_DOCUMENTS_DIR=\"$HOME/My \\\"Docs\\\"\"\n", "/home/李/My \"Docs\"",
		  "backslash escapes");
	documents("XDG_DOCUMENTS_DIR=\"$HOME/a\"\nXDG_DOCUMENTS_DIR=\"$HOME/b\"\n", "/home/李/b",
		  "the last line wins");
	documents("XDG_DOCUMENTS_DIR=\"$HOME/\"\n", NULL, "$HOME/ means none");
	documents("XDG_DOCUMENTS_DIR=\"$HOMEWORK/x\"\n", NULL, "$HOMEWORK is not $HOME");
	documents("XDG_DOCUMENTS_DIR=\"Documents\"\n", NULL, "a relative folder is not allowed");
	documents("XDG_DOCUMENTS_DIR=\"$HOME/unterminated\n", NULL, "an unclosed quote");
	documents("XDG_DOCUMENTS_DIR=$HOME/x\n", NULL, "no quotes");
	documents("", NULL, "an empty file");
	return tap_done();
}
