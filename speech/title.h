/* title.h — finding the title among a speech's first lines, and the front
 * matter (advertising, menus, a page's <title> line) before it.
 *
 * The speech proper starts at an anchor: the first salutation (同志们：,
 * 各位代表：) or, without one, the first numbered heading or line of prose.
 * The title is the title-like line before the anchor that best fits:
 * its shape (在…上的讲话, …报告), being nearest the anchor with only a
 * subtitle, date or speaker between, a blank-line gap above it. What comes
 * before the title is front matter, whatever it says; boilerplate between
 * the title and the anchor too. A title a format reader marked
 * (DOCUMENT_TITLE) wins. */
#ifndef PIZHU_SPEECH_TITLE_H
#define PIZHU_SPEECH_TITLE_H

#include "speech/lines.h"

struct title_found {
	size_t line;   /* its first line, when count > 0 */
	size_t count;  /* 0 (none) or the number of lines (the title and the
			* lines it is set over) */
	size_t skip;   /* bytes cut from the first line's start: a standard's
			* number (NB/T 20442.6－2017) on a cover */
	size_t length; /* bytes of the first line kept after them: a site's
			* name cut off */
};

/* Marks the title lines LINE_TITLE and the front matter LINE_FRONT. */
void title_find(struct lines *lines, struct title_found *found);

/* Bytes of a page's <title> line to keep: without the site appended to
 * it (…_某某日报网, … - 某某市人民政府门户网站, …|站名, …--栏目-站名). */
size_t title_without_site(const char *text, size_t length);

#endif
