/* lines.h — the cleaned lines of a speech as the structure parser's steps
 * see them, and what those steps decide of each line.
 *
 * speech.c cleans the text into lines, then each step marks lines: the
 * markup step (markup.c) trims Markdown and newspaper clutter, the title
 * step (title.c) finds the title and the front matter before it, the back
 * matter step (back_matter.c) the clutter after the speech. The lines left
 * as LINE_TEXT become the numbered paragraphs, whose headings structure.c
 * finds. Every step is linear in the text. */
#ifndef PIZHU_SPEECH_LINES_H
#define PIZHU_SPEECH_LINES_H

#include <stddef.h>
#include <string.h>

#include "base/mapping.h"
#include "speech/clean.h"

enum line_role {
	LINE_TEXT = 0, /* a paragraph of the speech */
	LINE_TITLE,    /* part of the title */
	LINE_FRONT,    /* hidden clutter before the speech (or amid it: 下转第七版) */
	LINE_BACK,     /* hidden clutter after the speech */
	LINE_GONE,     /* joined onto the line before it */
};

struct lines {
	char *text;		 /* the cleaned text the lines point into */
	struct mapping *mapping; /* that holds text (base/mapping.h), or NULL */
	struct text_line *line;
	size_t count;
	unsigned char *role; /* enum line_role, one per line */
	unsigned char
	    *level; /* heading level the markup gives (Markdown #, a reader's hint), or 0 */
	unsigned char *hint; /* enum document_role a format reader gave, DOCUMENT_TEXT if none */
};

/* Characters a title line may have at most. */
#define TITLE_MAX_CHARACTERS 100

/* A title line this short ends a word cut at the line end (策划 / 书): it
 * joins the line before it without a space. */
#define TITLE_CUT_WORD_CHARACTERS 3

static inline const char *line_text(const struct lines *lines, size_t i)
{
	mapping_read(lines->mapping, lines->line[i].length);
	return lines->text + lines->line[i].offset;
}

/* Inline: called with string literals on every line, their lengths
 * fold into constants. */
static inline int text_starts_with(const char *text, size_t length, const char *prefix)
{
	size_t prefix_length = strlen(prefix);
	return length >= prefix_length && memcmp(text, prefix, prefix_length) == 0;
}

static inline int text_ends_with(const char *text, size_t length, const char *suffix)
{
	size_t suffix_length = strlen(suffix);
	return length >= suffix_length &&
	       memcmp(text + length - suffix_length, suffix, suffix_length) == 0;
}

int text_contains(const char *text, size_t length, const char *word);

/* The code point that ends text[0..length) and its size in bytes, or -1. */
long text_last_codepoint(const char *text, size_t length, size_t *size);

/* 1 when text[0..length) has at most `most` characters; reads no further
 * than it must, so a 10 MB line costs nothing. */
int text_at_most(const char *text, size_t length, size_t most);

/* 1 when the text ends a sentence: 。！？；… (and a closing quote after one). */
int text_ends_sentence(const char *text, size_t length);

/* 1 for a salutation that opens a speech: a short line ending in ： (or ！)
 * that addresses people (同志们：, 各位代表：, 尊敬的…：, 女士们、先生们：). */
int line_is_salutation(const char *text, size_t length);

/* 1 for a line that could be a title: not too long, no sentence end, no
 * heading marker or chapter number, not a salutation. */
int line_could_be_title(const char *text, size_t length);

/* 1 for the shapes titles take: 在…上的讲话, …的报告, …致辞, 讲话提纲,
 * …的意见, …的通知 — what a slogan or a brand name never ends with. */
int line_has_title_shape(const char *text, size_t length);

/* 1 for the lines that sit between a title and the speech: a subtitle
 * (——在…上), a date ((2025年1月1日), 2025-01-01), a speaker (省长 张三). */
int line_is_title_furniture(const char *text, size_t length);

/* Moves bytes [at + count, end of line) of line i back to `at`, shortening
 * the line by `count` bytes; the bytes freed at its end become spaces so
 * the text stays valid UTF-8. */
void line_delete(struct lines *lines, size_t i, size_t at, size_t count);

#endif
