/* run.h — one whole export: read the chosen excerpts from the library and
 * write them in a format to standard output or to a file that is replaced
 * atomically. The command line (pizhu export) and the reader's export
 * dialog both go through here. */
#ifndef PIZHU_EXPORT_RUN_H
#define PIZHU_EXPORT_RUN_H

#include <stddef.h>

#include "base/error.h"
#include "export/export.h"
#include "store/excerpt.h"
#include "store/store.h"

struct export_job {
	struct store_selection selection; /* speeches and themes; counts of 0 mean every */
	/* The themes for the groups and matrix columns, in order; every_theme
	 * when the user chose none (notes without a theme then get a group). */
	const struct store_excerpt_theme *themes;
	size_t theme_count;
	int every_theme;
	enum export_format format;
	enum export_grouping grouping;
	int bom;
	int english_header; /* CSV: see struct export_request */
	const char *path;   /* NULL: standard output */
	int force;	    /* replace a file that is not an earlier export (target.h) */
	size_t excerpts;    /* set by export_run: excerpts written (not for the matrix) */
};

/* Runs the export; on failure no file is left half written, and a message
 * about writing names the file. A file at path is replaced only as
 * export/target.h allows. */
int export_run(struct store *store, struct export_job *job, struct error *error);

#endif
