/* selection.h — turning the --speech and --theme options of export and
 * stats into a store_selection, and the themes it names. */
#ifndef PIZHU_CLI_SELECTION_H
#define PIZHU_CLI_SELECTION_H

#include <stddef.h>

#include "cli/cli.h"
#include "store/excerpt.h"
#include "store/theme.h"

struct cli_selection {
	struct store_selection selection; /* points into the arrays below */
	int64_t *speech_ids;
	int64_t *theme_ids;
	/* The chosen themes in the order given, or every theme in key order
	 * when none was; for the groups and matrix columns. */
	struct store_excerpt_theme *themes;
	size_t theme_count;
	int every_theme;		    /* no --theme */
	struct store_theme *library_themes; /* owns the names and colours */
	size_t library_theme_count;
};

/* Resolves speeches (ids or paths of imported files) and theme names,
 * given repeatedly and in any order (duplicates count once), reporting an
 * unknown one. Returns 0 or EXIT_ERROR. */
int cli_selection_resolve(struct store *store, const char **speeches, size_t speech_count,
			  const char **themes, size_t theme_count, struct cli_selection *result);
void cli_selection_free(struct cli_selection *selection);

#endif
