/* theme_file.h — theme definitions as written in *.theme files, and where
 * pizhu finds them (see docs/themes.md for the format).
 *
 * The default themes are built into the binary from themes/default.theme;
 * files in $XDG_CONFIG_HOME/pizhu/themes/ add themes or replace a default
 * one of the same name. */
#ifndef PIZHU_STORE_THEME_FILE_H
#define PIZHU_STORE_THEME_FILE_H

#include <stddef.h>
#include <stdint.h>

#include "base/error.h"

#define THEME_KEY_MAX 9

struct theme_definition {
	char *name;
	int key;     /* 1..THEME_KEY_MAX, 0 for none */
	char *color; /* "" for the default colour */
	char **keywords;
	size_t keyword_count;
};

/* Parses a theme file's text. file_name is only used in messages, which
 * name the file and line: "my.theme:4: unknown field 'colour'". */
int theme_file_parse(const char *text, size_t length, const char *file_name,
		     struct theme_definition **themes, size_t *count, struct error *error);

/* What a theme's colour names. */
struct theme_color {
	enum {
		THEME_COLOR_DEFAULT, /* "" or "default": the terminal's own */
		THEME_COLOR_INDEX,   /* a palette entry, below */
		THEME_COLOR_RGB,     /* #rrggbb */
	} kind;
	/* 0-7 for the names black red green yellow blue magenta cyan white,
	 * 8-15 for them with "bright-", or the number 0-255 as written. */
	int index;
	uint32_t rgb; /* 0xrrggbb */
};

/* Reads a colour as theme files write it: a name, "bright-" and a name, a
 * number 0-255, #rrggbb, "default" or "". The one reading of the colour
 * grammar that every front end maps to its own output. Returns 0, or -1
 * for anything else. */
int theme_color_parse(const char *color, struct theme_color *result);

/* 1 when theme_color_parse accepts color. */
int theme_color_valid(const char *color);

/* Appends the keywords of a list separated by , ， 、 or ；, trimmed. */
void theme_keywords_add(struct theme_definition *theme, const char *list);

/* The keywords joined by newlines, as the database keeps them (new string). */
char *theme_keywords_join(const struct theme_definition *theme);

/* The directory of the user's theme files (new string), or NULL when
 * neither XDG_CONFIG_HOME nor HOME is set. */
char *theme_user_directory(void);

/* The built-in themes, then each *.theme file of directory (in name order;
 * the directory may be missing or NULL), a later definition replacing an
 * earlier one of the same name. */
int theme_definitions_load(const char *directory, struct theme_definition **themes, size_t *count,
			   struct error *error);

void theme_definition_clear(struct theme_definition *theme);
void theme_definitions_free(struct theme_definition *themes, size_t count);

#endif
