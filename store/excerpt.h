/* excerpt.h — what export and stats read from the library: the annotated
 * paragraphs with everything needed to cite them, the paragraph-by-theme
 * matrix, and tag statistics.
 *
 * A selection names speeches and themes. A speech is chosen by the id of
 * any of its versions and stands for all of them: its current version and
 * the replaced ones that still hold orphaned annotations (document.h).
 * Each query is one SQL statement (or a few), never one per paragraph. */
#ifndef PIZHU_STORE_EXCERPT_H
#define PIZHU_STORE_EXCERPT_H

#include <stddef.h>
#include <stdint.h>

#include "store/store.h"

struct store_selection {
	const int64_t *speech_ids; /* none (count 0): every speech in the library */
	size_t speech_count;
	const int64_t *theme_ids; /* none (count 0): every theme */
	size_t theme_count;
};

struct store_excerpt_theme {
	int64_t id;
	char *name;
	char *color; /* as the theme defines it (theme_file.h); "" for the default */
};

/* One annotated paragraph. */
struct store_excerpt {
	int64_t speech_id;   /* the speech's current version */
	int64_t document_id; /* the version holding the paragraph; differs when orphaned */
	size_t paragraph;    /* so "document_id:paragraph" is the citation */
	int orphan;	     /* the annotation could not follow the speech to its current version;
				text is the text it was made on */
	char *title;
	char *date, *speaker, *occasion, *source; /* NULL while unknown */
	char **section; /* the labels of the headings it sits under, depth 1 first */
	size_t section_count;
	char *text;
	char *note;			    /* NULL for none */
	struct store_excerpt_theme *themes; /* its chosen themes, in key order */
	size_t theme_count;
};

/* The excerpts of a selection, by speech (in id order), then current
 * before orphaned, then paragraph. Without chosen themes, an excerpt is a
 * paragraph with a tag or a note; with them, a paragraph with one of those
 * themes (and its note, if any). Front and back matter (hidden by the
 * parser or the user) is an excerpt only when tagged. */
int store_excerpts(struct store *store, const struct store_selection *selection,
		   struct store_excerpt **excerpts, size_t *count, struct error *error);
void store_excerpts_free(struct store_excerpt *excerpts, size_t count);

/* One paragraph of the matrix (front and back matter only when tagged):
 * cells[i] is 1 when it carries
 * selection->theme_ids[i], else 0. */
struct store_matrix_row {
	int64_t speech_id;
	size_t paragraph;
	const unsigned char *cells;
};

/* Calls row() for every numbered paragraph of the chosen speeches'
 * current versions, by speech and paragraph, with one cell per chosen
 * theme (the selection must name its themes). A row() returning non-zero
 * stops the walk; store_matrix then returns -1 with the error row() set. */
int store_matrix(struct store *store, const struct store_selection *selection,
		 int (*row)(const struct store_matrix_row *row, void *context, struct error *error),
		 void *context, struct error *error);

struct store_theme_stat {
	int64_t theme_id;
	char *name;
	char *color;
	size_t paragraphs; /* tagged with the theme */
	size_t speeches;   /* with at least one such paragraph */
};

/* Paragraphs carrying both themes; first comes before second in
 * store_stats.themes. */
struct store_pair_stat {
	size_t first, second; /* indices into store_stats.themes */
	size_t paragraphs;
};

/* One speech that has tags: its own figures, so that a theme's share of
 * a speech reads as such and not as a sliver of the whole library. */
struct store_speech_stat {
	int64_t speech_id;
	char *title;
	size_t paragraph_count;	  /* its numbered paragraphs */
	size_t tagged;		  /* paragraphs with any theme */
	size_t *theme_paragraphs; /* per store_stats.themes entry */
};

struct store_stats {
	size_t speech_count;
	size_t paragraph_count;		 /* numbered paragraphs of those speeches */
	struct store_theme_stat *themes; /* every theme, in key order */
	size_t theme_count;
	struct store_pair_stat *pairs; /* those sharing a paragraph, in theme order */
	size_t pair_count;
	struct store_speech_stat *speeches; /* the chosen speeches with tags, by id */
	size_t tagged_speech_count;
};

/* Tag statistics of the chosen speeches' current versions (orphans do not
 * count); the selection's themes are ignored. */
int store_stats(struct store *store, const struct store_selection *selection,
		struct store_stats *stats, struct error *error);
void store_stats_clear(struct store_stats *stats);

#endif
