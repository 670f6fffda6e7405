/* theme.h — the themes stored in the library.
 *
 * The database keeps each theme's definition so that it describes itself.
 * Theme files (theme_file.h) seed it: a file theme the library has never
 * seen is added, and when a file's definition changes, the keywords and
 * colour (and the key, if free) of the theme it seeded follow. A theme the
 * user renamed or deleted stays renamed or deleted. Theme changes are
 * written to the history but are not undoable. */
#ifndef PIZHU_STORE_THEME_H
#define PIZHU_STORE_THEME_H

#include <stddef.h>
#include <stdint.h>

#include "store/store.h"
#include "store/theme_file.h"

struct store_theme {
	struct theme_definition definition;
	int64_t id;
	size_t tag_count; /* tags with this theme, orphans included */
};

/* Brings the file definitions into the library (see above), writing only
 * when something changed. */
int store_themes_sync(struct store *store, const struct theme_definition *themes, size_t count,
		      struct error *error);

/* All themes: those with keys in key order, then the others by name. */
int store_themes_list(struct store *store, struct store_theme **themes, size_t *count,
		      struct error *error);
void store_themes_free(struct store_theme *themes, size_t count);

/* By name: fails with "unknown theme 'X'" (listing the known ones). */
int store_theme_find(struct store *store, const char *name, int64_t *id, struct error *error);
int store_theme_get(struct store *store, int64_t id, struct store_theme *theme,
		    struct error *error);
void store_theme_clear(struct store_theme *theme);

/* Adds a theme. A taken name or key is an error; key 0 takes the lowest
 * free key, if any. */
int store_theme_add(struct store *store, const struct theme_definition *theme, int64_t *id,
		    struct error *error);
/* Replaces the definition of a theme (rename, recolour, new key or
 * keywords); its tags stay. A name or key of another theme is an error. */
int store_theme_update(struct store *store, int64_t id, const struct theme_definition *theme,
		       struct error *error);
/* Deletes a theme. One with tags needs force, which deletes the tags too
 * (*removed_tags says how many). */
int store_theme_delete(struct store *store, int64_t id, int force, size_t *removed_tags,
		       struct error *error);

#endif
