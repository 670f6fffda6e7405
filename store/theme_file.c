#include "store/theme_file.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "base/buffer.h"
#include "base/i18n.h"
#include "base/file.h"
#include "base/utf8.h"
#include "build/gen/default_theme.h"

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

/* Trims ASCII and ideographic (U+3000) spaces from both ends. */
static void trim(const char **text, size_t *length)
{
	for (;;) {
		if (*length > 0 && is_space(**text)) {
			(*text)++;
			(*length)--;
		} else if (*length >= 3 && memcmp(*text, "\u3000", 3) == 0) {
			*text += 3;
			*length -= 3;
		} else {
			break;
		}
	}
	for (;;) {
		if (*length > 0 && is_space((*text)[*length - 1]))
			(*length)--;
		else if (*length >= 3 && memcmp(*text + *length - 3, "\u3000", 3) == 0)
			*length -= 3;
		else
			break;
	}
}

/* Length of the separator at text (, ， 、 ； ;), or 0. */
static size_t separator_length(const char *text, size_t available)
{
	static const char *const separators[] = {",", ";", "，", "、", "；"};
	for (size_t i = 0; i < sizeof separators / sizeof separators[0]; i++) {
		size_t length = strlen(separators[i]);
		if (available >= length && memcmp(text, separators[i], length) == 0)
			return length;
	}
	return 0;
}

void theme_keywords_add(struct theme_definition *theme, const char *list)
{
	size_t length = strlen(list), start = 0;
	for (size_t i = 0; i <= length;) {
		size_t separator = i < length ? separator_length(list + i, length - i) : 1;
		if (!separator) {
			i++;
			continue;
		}
		const char *word = list + start;
		size_t word_length = i - start;
		trim(&word, &word_length);
		if (word_length > 0) {
			theme->keywords = xrealloc(theme->keywords, (theme->keyword_count + 1) *
									sizeof *theme->keywords);
			theme->keywords[theme->keyword_count++] = xstrndup(word, word_length);
		}
		i += separator;
		start = i;
	}
}

char *theme_keywords_join(const struct theme_definition *theme)
{
	struct buffer text = {0};
	for (size_t i = 0; i < theme->keyword_count; i++) {
		if (i > 0)
			buffer_append_byte(&text, '\n');
		buffer_append_string(&text, theme->keywords[i]);
	}
	return buffer_string(&text);
}

int theme_color_parse(const char *color, struct theme_color *result)
{
	static const char *const names[] = {"black", "red",	"green", "yellow",
					    "blue",  "magenta", "cyan",	 "white"};
	*result = (struct theme_color){THEME_COLOR_DEFAULT, -1, 0};
	if (!*color || strcmp(color, "default") == 0)
		return 0;
	int bright = strncmp(color, "bright-", 7) == 0;
	const char *name = bright ? color + 7 : color;
	for (int i = 0; i < 8; i++)
		if (strcmp(name, names[i]) == 0) {
			*result = (struct theme_color){THEME_COLOR_INDEX, bright ? i + 8 : i, 0};
			return 0;
		}
	if (color[0] == '#') {
		if (strspn(color + 1, "0123456789abcdefABCDEF") != 6 || color[7] != '\0')
			return -1;
		*result = (struct theme_color){THEME_COLOR_RGB, -1,
					       (uint32_t)strtoul(color + 1, NULL, 16)};
		return 0;
	}
	size_t digits = strspn(color, "0123456789");
	if (digits == 0 || digits > 3 || color[digits] != '\0' || atoi(color) > 255)
		return -1;
	*result = (struct theme_color){THEME_COLOR_INDEX, atoi(color), 0};
	return 0;
}

int theme_color_valid(const char *color)
{
	struct theme_color parsed;
	return theme_color_parse(color, &parsed) == 0;
}

void theme_definition_clear(struct theme_definition *theme)
{
	free(theme->name);
	free(theme->color);
	for (size_t i = 0; i < theme->keyword_count; i++)
		free(theme->keywords[i]);
	free(theme->keywords);
	memset(theme, 0, sizeof *theme);
}

void theme_definitions_free(struct theme_definition *themes, size_t count)
{
	for (size_t i = 0; i < count; i++)
		theme_definition_clear(&themes[i]);
	free(themes);
}

struct parser {
	const char *file_name;
	size_t line_number;
	struct theme_definition *themes;
	size_t count;
	size_t capacity;
};

static int parse_failure(struct parser *parser, struct error *error, const char *message,
			 const char *detail, size_t detail_length)
{
	/* TRANSLATORS: FILE:LINE: message 'detail' */
	return error_set(error, detail ? _("%s:%zu: %s '%.*s'") : "%s:%zu: %s%.*s",
			 parser->file_name, parser->line_number, message, (int)detail_length,
			 detail ? detail : "");
}

static int parse_section(struct parser *parser, const char *line, size_t length,
			 struct error *error)
{
	if (length < 2 || line[length - 1] != ']')
		return parse_failure(parser, error, _("a theme name needs a closing ']'"), NULL, 0);
	const char *name = line + 1;
	size_t name_length = length - 2;
	trim(&name, &name_length);
	if (name_length == 0)
		return parse_failure(parser, error, _("empty theme name"), NULL, 0);
	/* What the store refuses (store/theme.c), refused here with the line,
	 * so that a typo costs its file, not every command. */
	for (size_t i = 0; i < name_length; i++)
		if (name[i] == '\t' || name[i] == '[' || name[i] == ']')
			return parse_failure(
			    parser, error,
			    _("a theme name cannot hold tabs, line breaks or brackets"), NULL, 0);
	for (size_t i = 0; i < parser->count; i++)
		if (strlen(parser->themes[i].name) == name_length &&
		    memcmp(parser->themes[i].name, name, name_length) == 0)
			return parse_failure(parser, error, _("theme defined twice:"), name,
					     name_length);
	parser->themes =
	    xgrow(parser->themes, &parser->capacity, parser->count + 1, sizeof *parser->themes);
	parser->themes[parser->count++] =
	    (struct theme_definition){.name = xstrndup(name, name_length), .color = xstrdup("")};
	return 0;
}

static int parse_field(struct parser *parser, const char *line, size_t length, struct error *error)
{
	const char *equals = memchr(line, '=', length);
	if (!equals)
		return parse_failure(parser, error, _("expected [NAME] or FIELD = VALUE, not"),
				     line, length);
	if (parser->count == 0)
		return parse_failure(parser, error, _("a field before the first [NAME]"), NULL, 0);
	const char *field = line, *value = equals + 1;
	size_t field_length = (size_t)(equals - line);
	size_t value_length = length - field_length - 1;
	trim(&field, &field_length);
	trim(&value, &value_length);
	char *text = xstrndup(value, value_length);
	struct theme_definition *theme = &parser->themes[parser->count - 1];
	int status = 0;
	if (field_length == 3 && memcmp(field, "key", 3) == 0) {
		if (value_length == 0 || strcmp(text, "none") == 0)
			theme->key = 0;
		else if (value_length == 1 && text[0] >= '1' && text[0] <= '0' + THEME_KEY_MAX)
			theme->key = text[0] - '0';
		else
			status = parse_failure(parser, error, _("a key is a digit 1-9, not"), value,
					       value_length);
	} else if ((field_length == 5 && memcmp(field, "color", 5) == 0) ||
		   (field_length == 6 && memcmp(field, "colour", 6) == 0)) {
		if (theme_color_valid(text)) {
			free(theme->color);
			theme->color = xstrdup(text);
		} else {
			status =
			    parse_failure(parser, error, _("unknown colour"), value, value_length);
		}
	} else if (field_length == 8 && memcmp(field, "keywords", 8) == 0) {
		theme_keywords_add(theme, text);
	} else {
		status = parse_failure(parser, error, _("unknown field"), field, field_length);
	}
	free(text);
	return status;
}

int theme_file_parse(const char *text, size_t length, const char *file_name,
		     struct theme_definition **themes, size_t *count, struct error *error)
{
	struct parser parser = {.file_name = file_name};
	size_t start = 0;
	if (length >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		start = 3;
	while (start < length) {
		const char *newline = memchr(text + start, '\n', length - start);
		size_t end = newline ? (size_t)(newline - text) : length;
		const char *line = text + start;
		size_t line_length = end - start;
		parser.line_number++;
		start = end + 1;
		trim(&line, &line_length);
		if (line_length == 0 || line[0] == '#')
			continue;
		/* Checked before parsing, so no message quotes such bytes. */
		const char *problem = utf8_text_problem(line, line_length);
		int status;
		if (problem)
			status = parse_failure(&parser, error, problem, NULL, 0);
		else if (line[0] == '[')
			status = parse_section(&parser, line, line_length, error);
		else
			status = parse_field(&parser, line, line_length, error);
		if (status != 0) {
			theme_definitions_free(parser.themes, parser.count);
			return -1;
		}
	}
	*themes = parser.themes;
	*count = parser.count;
	return 0;
}

char *theme_user_directory(void)
{
	struct buffer path = {0};
	const char *config = getenv("XDG_CONFIG_HOME");
	const char *home = getenv("HOME");
	if (config && config[0] == '/')
		buffer_printf(&path, "%s/pizhu/themes", config);
	else if (home && *home)
		buffer_printf(&path, "%s/.config/pizhu/themes", home);
	else
		return NULL;
	return buffer_string(&path);
}

/* Adds `more` to `all`, each replacing a theme of the same name. */
static void merge(struct theme_definition **all, size_t *count, struct theme_definition *more,
		  size_t more_count)
{
	for (size_t i = 0; i < more_count; i++) {
		size_t j = 0;
		while (j < *count && strcmp((*all)[j].name, more[i].name) != 0)
			j++;
		if (j == *count)
			*all = xrealloc(*all, (++*count) * sizeof **all);
		else
			theme_definition_clear(&(*all)[j]);
		(*all)[j] = more[i];
	}
	free(more);
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int ends_with_theme(const char *name)
{
	size_t length = strlen(name);
	return length > 6 && strcmp(name + length - 6, ".theme") == 0;
}

static int load_directory(const char *directory, struct theme_definition **all, size_t *count,
			  struct error *error)
{
	DIR *listing = opendir(directory);
	if (!listing)
		return errno == ENOENT || errno == ENOTDIR
			   ? 0
			   : error_set(error, "%s: %s", directory, i18n_strerror(errno));
	char **names = NULL;
	size_t name_count = 0, name_capacity = 0;
	for (struct dirent *entry; (entry = readdir(listing));)
		if (entry->d_name[0] != '.' && ends_with_theme(entry->d_name)) {
			names = xgrow(names, &name_capacity, name_count + 1, sizeof *names);
			names[name_count++] = xstrdup(entry->d_name);
		}
	closedir(listing);
	/* An empty directory leaves names NULL, which qsort may not take. */
	if (name_count > 1)
		qsort(names, name_count, sizeof *names, by_name);
	int status = 0;
	for (size_t i = 0; i < name_count; i++) {
		if (status == 0) {
			struct buffer path = {0};
			buffer_printf(&path, "%s/%s", directory, names[i]);
			unsigned char *bytes;
			size_t length;
			struct theme_definition *themes;
			size_t theme_count;
			struct error read_error;
			if (file_read(buffer_string(&path), &bytes, &length, &read_error) != 0) {
				status = error_set(error, "%s: %s", path.data, read_error.message);
			} else {
				status = theme_file_parse((const char *)bytes, length, path.data,
							  &themes, &theme_count, error);
				free(bytes);
				if (status == 0)
					merge(all, count, themes, theme_count);
			}
			buffer_free(&path);
		}
		free(names[i]);
	}
	free(names);
	return status;
}

int theme_definitions_load(const char *directory, struct theme_definition **themes, size_t *count,
			   struct error *error)
{
	if (theme_file_parse((const char *)default_theme_text, sizeof default_theme_text - 1,
			     "themes/default.theme", themes, count, error) != 0)
		return -1;
	if (directory && load_directory(directory, themes, count, error) != 0) {
		theme_definitions_free(*themes, *count);
		*themes = NULL;
		*count = 0;
		return -1;
	}
	return 0;
}
