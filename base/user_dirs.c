#include "base/user_dirs.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const char key[] = "XDG_DOCUMENTS_DIR=\"";

/* One line's value, or -1 when the line is not a well-formed one. */
static int read_value(const char *line, const char *end, const char *home, struct buffer *out)
{
	while (line < end && (*line == ' ' || *line == '\t'))
		line++;
	size_t key_length = sizeof key - 1;
	if ((size_t)(end - line) < key_length || memcmp(line, key, key_length) != 0)
		return -1;
	line += key_length;
	struct buffer value = {0};
	if ((size_t)(end - line) >= 5 && memcmp(line, "$HOME", 5) == 0 &&
	    (line + 5 == end || line[5] == '/' || line[5] == '"')) {
		buffer_append_string(&value, home);
		line += 5;
	} else if (line == end || *line != '/') {
		return -1;
	}
	for (; line < end && *line != '"'; line++) {
		if (*line == '\\' && line + 1 < end)
			line++;
		if (*line == '\0') /* a folder's name holds no NUL */
			break;
		buffer_append_byte(&value, *line);
	}
	if (line == end || *line != '"') {
		buffer_free(&value);
		return -1;
	}
	buffer_string(&value);
	/* "$HOME/" or "$HOME" is how the file says there is no such folder. */
	size_t length = value.length;
	while (length > 1 && value.data[length - 1] == '/')
		length--;
	size_t home_length = strlen(home);
	while (home_length > 1 && home[home_length - 1] == '/')
		home_length--;
	int is_home = length == home_length && memcmp(value.data, home, length) == 0;
	if (!is_home) {
		out->length = 0;
		buffer_append(out, value.data, value.length);
		buffer_string(out);
	}
	buffer_free(&value);
	return is_home ? -1 : 0;
}

int user_dirs_documents(const char *text, size_t length, const char *home, struct buffer *out)
{
	struct buffer found = {0};
	int any = 0;
	const char *end = text + length;
	for (const char *line = text; line < end;) {
		const char *newline = memchr(line, '\n', (size_t)(end - line));
		const char *line_end = newline ? newline : end;
		if (read_value(line, line_end, home, &found) == 0)
			any = 1;
		line = newline ? newline + 1 : end;
	}
	if (any) {
		buffer_append(out, found.data, found.length);
		buffer_string(out);
	}
	buffer_free(&found);
	return any;
}

static int is_directory(const char *path)
{
	struct stat status;
	return stat(path, &status) == 0 && S_ISDIR(status.st_mode);
}

void user_dirs_documents_folder(struct buffer *out)
{
	const char *home = getenv("HOME");
	if (!home || !*home) {
		buffer_append_string(out, ".");
		buffer_string(out);
		return;
	}
	struct buffer path = {0};
	const char *config = getenv("XDG_CONFIG_HOME");
	if (config && *config == '/')
		buffer_printf(&path, "%s/user-dirs.dirs", config);
	else
		buffer_printf(&path, "%s/.config/user-dirs.dirs", home);
	struct buffer folder = {0};
	FILE *file = fopen(path.data, "rb");
	if (file) {
		char text[16384];
		size_t length = fread(text, 1, sizeof text, file);
		fclose(file);
		if (user_dirs_documents(text, length, home, &folder) && !is_directory(folder.data))
			folder.length = 0;
	}
	buffer_append_string(out, folder.length ? folder.data : home);
	buffer_string(out);
	buffer_free(&folder);
	buffer_free(&path);
}
