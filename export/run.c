#include "export/run.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "base/atomic_file.h"
#include "export/target.h"
#include "base/buffer.h"
#include "base/i18n.h"
#include "export/formats.h"

static int write_matrix(struct store *store, FILE *out, const struct export_job *job,
			struct error *error)
{
	/* The matrix always names its columns: every theme when none was
	 * chosen. */
	struct store_selection selection = job->selection;
	int64_t *ids = xcalloc(job->theme_count, sizeof *ids);
	for (size_t i = 0; i < job->theme_count; i++)
		ids[i] = job->themes[i].id;
	selection.theme_ids = ids;
	selection.theme_count = job->theme_count;
	struct export_matrix matrix = {out, job->theme_count};
	int status = export_matrix_header(out, job->themes, job->theme_count, job->bom, error);
	if (status == 0)
		status = store_matrix(store, &selection, export_matrix_row, &matrix, error);
	free(ids);
	return status;
}

static int write_excerpts(struct store *store, FILE *out, struct export_job *job,
			  struct error *error)
{
	struct store_excerpt *excerpts;
	size_t count;
	if (store_excerpts(store, &job->selection, &excerpts, &count, error) != 0)
		return -1;
	struct export_request request = {
	    .excerpts = excerpts,
	    .excerpt_count = count,
	    .themes = job->themes,
	    .theme_count = job->theme_count,
	    .every_theme = job->every_theme,
	    .grouping = job->grouping,
	    .bom = job->bom,
	    .english_header = job->english_header,
	};
	int status = export_formats[job->format].write(out, &request, error);
	job->excerpts = count;
	store_excerpts_free(excerpts, count);
	return status;
}

int export_run(struct store *store, struct export_job *job, struct error *error)
{
	struct atomic_file file = {0};
	FILE *out = stdout;
	if (job->path) {
		if (export_target_check(job->path, store_path(store), job->force, error) != 0 ||
		    atomic_file_open(job->path, &file, error) != 0)
			return -1;
		out = file.stream;
	}
	int status = export_formats[job->format].write ? write_excerpts(store, out, job, error)
						       : write_matrix(store, out, job, error);
	if (status == 0 && fflush(out) != 0)
		status = error_set(error, _("cannot write: %s"), i18n_strerror(errno));
	int write_failed = status != 0 && ferror(out);
	if (job->path) {
		if (status == 0)
			return atomic_file_commit(&file, error);
		atomic_file_abort(&file);
	}
	/* A failed write names the file; the writers do not know it. */
	if (status != 0 && write_failed && job->path) {
		struct error cause = *error;
		error_set(error, "%s: %s", job->path, cause.message);
	}
	return status;
}
