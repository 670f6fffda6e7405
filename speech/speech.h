/* speech.h — the speech model: a decoded, cleaned speech with its title,
 * front matter, numbered paragraphs, headings and outline tree.
 *
 * All text lives in one buffer; paragraphs are offsets into it. The text of
 * a large file is not held in memory but in a temporary file, mapped
 * (speech_file_parse, source.h): read it through paragraph_text, which
 * counts what is read so that the mapping gives its pages back. Paragraph 0
 * is the title; every other line is numbered from 1 in reading order:
 * body and heading paragraphs, and the lines the parser hides as front or
 * back matter (ads, menus, 责任编辑…), whose role says so. A hidden line
 * keeps its number when the user brings it back (correct.h), so numbers
 * never move. Knows nothing of files, SQLite or curses. */
#ifndef PIZHU_SPEECH_SPEECH_H
#define PIZHU_SPEECH_SPEECH_H

#include <stddef.h>
#include <stdint.h>

#include "base/error.h"
#include "base/mapping.h"
#include "formats/document.h"

enum paragraph_role {
	PARAGRAPH_TITLE,
	PARAGRAPH_HEADING,
	PARAGRAPH_BODY,
	/* Hidden from the text, the outline, search and exports: a line the
	 * parser took for front or back matter (hidden_by_parser), or one the
	 * user moved there (correct.h). */
	PARAGRAPH_FRONT_MATTER,
	PARAGRAPH_BACK_MATTER,
};

/* Ranks order headings, a smaller one heading a larger one
 * (speech/structure.h): from 2 (appendices) to this. */
#define PARAGRAPH_RANK_MAX 40

/* The most text a speech may have; speech_parse refuses more. */
#define SPEECH_MAX_BYTES ((size_t)1 << 30)

/* A long speech has tens of thousands of these, kept while it is read:
 * offsets and sizes are 32-bit (a speech's text is under
 * SPEECH_MAX_BYTES) and the small fields bytes, 20 bytes in all. */
struct paragraph {
	uint32_t offset;       /* into speech.text */
	uint32_t length;       /* bytes */
	uint32_t label_length; /* headings and title: bytes of the label from offset */
	uint32_t section;      /* outline entry of the section this paragraph is in */
	unsigned char role;    /* enum paragraph_role */
	signed char rank;      /* headings: 1..PARAGRAPH_RANK_MAX; 0 for title and body */
	signed char depth;     /* outline depth: 0 title, 1.. headings, 0 body */
	/* 1 for a line the parser hid (front or back matter), whatever the
	 * user's corrections made of it since. */
	unsigned char hidden_by_parser;
};

struct outline_entry {
	size_t paragraph;     /* its heading (or title) paragraph */
	int depth;	      /* 0 for the title */
	long parent;	      /* outline index of the parent, -1 for the title */
	size_t end_paragraph; /* one past the last paragraph of its section */
};

struct text_span {
	size_t offset;
	size_t length;
};

struct speech {
	char *text; /* cleaned UTF-8, one line per paragraph */
	size_t text_length;
	struct mapping *text_mapping; /* that holds text, or NULL when text is memory */
	const char *encoding;	      /* see decode.h */
	const char *format;	      /* the file's format (formats/read.h); NULL: "text" */
	size_t replaced_bytes;	      /* damaged bytes shown as U+FFFD */
	int title_found;	      /* 0 when the title is the fallback name */
	/* Hidden clutter before the speech (ads, menus, a page's <title>
	 * line) and the newspaper notes amid it (（下转第七版）), in order.
	 * A parse numbers these lines as hidden paragraphs too; a speech a
	 * pizhu before that stored has them only here. */
	struct text_span *front_matter;
	size_t front_matter_count;
	/* Hidden clutter after it (责任编辑, 相关新闻, licence trailers, footers). */
	struct text_span *back_matter;
	size_t back_matter_count;
	struct paragraph *paragraphs; /* [0] is the title */
	size_t paragraph_count;
	struct outline_entry *outline; /* [0] is the title */
	size_t outline_count;
};

/* Decodes and parses bytes[0..length). `fallback_title` names a speech
 * whose text has no title line (usually the file name). Fails on text that
 * cannot be decoded or holds no text at all. The structure rules are
 * those of docs/structure.md. */
int speech_parse(const unsigned char *bytes, size_t length, const char *fallback_title,
		 struct speech *speech, struct error *error);

/* speech_parse for bytes from malloc that are not needed afterwards: it
 * takes them over, and cleans the text in their own memory when it can,
 * so that a large file is held once rather than twice. The bytes are
 * freed (or become speech->text) whatever the outcome. */
int speech_parse_in_place(unsigned char *bytes, size_t length, const char *fallback_title,
			  struct speech *speech, struct error *error);

/* The room a mapping needs past the bytes speech_parse_mapped parses: the
 * title may be copied to the end of the text (several title lines joined,
 * or the fallback title, which is a file name). */
#define SPEECH_MAPPED_ROOM ((size_t)64 * 1024)

/* speech_parse_in_place for bytes[0..length) of a mapping from the heap
 * (base/mapping.h) at least length + SPEECH_MAPPED_ROOM long: the text is
 * cleaned in the mapping, which becomes speech->text_mapping, and every
 * pass of the parse gives back the pages behind it, so that a file of any
 * size keeps little of itself in memory, whatever its encoding. Text that
 * is not UTF-8 (or is damaged UTF-8) is converted, a chunk at a time, into
 * a new mapping in `directory` (NULL: $TMPDIR, else /tmp) that takes the
 * file's place (decode.h); text that cleaning makes longer is cleaned
 * into a new mapping there too. The mapping is taken over whatever the
 * outcome. */
int speech_parse_mapped(struct mapping *mapping, size_t length, const char *directory,
			const char *fallback_title, struct speech *speech, struct error *error);

/* Parses a document a format reader made (formats/document.h): its text
 * is UTF-8 already; its hints (title, front and back matter, heading
 * levels) and metadata title are taken into account. A line hinted as the
 * title is the title; front and back hints hide lines; a heading level
 * makes a line a heading (ranked by its marker if it has one, else beside
 * the markers at that level); the metadata title names a speech whose
 * text has no title line, before `fallback_title`. */
int speech_parse_document(const struct document *document, const char *fallback_title,
			  struct speech *speech, struct error *error);

/* The title for a speech without a title line: the file name of path
 * without its directory and extension, as a new string. */
char *speech_fallback_title(const char *path);

void speech_free(struct speech *speech);

static inline const char *paragraph_text(const struct speech *speech, size_t index)
{
	if (speech->text_mapping)
		mapping_read(speech->text_mapping, speech->paragraphs[index].length);
	return speech->text + speech->paragraphs[index].offset;
}

#endif
