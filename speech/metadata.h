/* metadata.h — guessing a speech's date, speaker, occasion and source
 * from its opening lines, and reading dates written in any of the forms
 * speeches use.
 *
 * The guess looks only at the title, the short lines after it (the byline
 * block that ends at the salutation, the first heading or the first long
 * line) and the front matter. It is conservative: a field it is not sure
 * of stays NULL, because a wrong speaker is worse than none.
 *
 * - date: a line that is a date (（2017年10月18日）), or a date followed by
 *   the occasion (——2026年2月5日在…会议上); else a timestamp line
 *   (时间：2026-02-11, 2026-01-31 07:00:44). Arabic, fullwidth and Chinese
 *   numerals (二〇二六年一月二十七日); ISO YYYY-MM-DD, or YYYY-MM, YYYY.
 * - occasion: 在…上 in the title (在…会议上的讲话) or a byline line; the
 *   part between 在 and 上 must name a meeting (ends in 会, 议, 式, 坛 …).
 * - speaker: an office and a name (省长 王清宪, 北京市市长 殷勇, or an office
 *   line followed by a name line), or a lone name of 2-3 characters under
 *   a known surname right after the title, date or occasion (习近平).
 *   Spaces inside a name (韦 韬, 习　近　平) are dropped.
 * - source: 来源：XX in the front matter or the byline.
 *
 * Pure functions: no files, no SQL. */
#ifndef PIZHU_SPEECH_METADATA_H
#define PIZHU_SPEECH_METADATA_H

#include <stddef.h>

#include "speech/speech.h"

/* Room for "YYYY-MM-DD" and its NUL. */
enum { METADATA_DATE_SIZE = 11 };

struct speech_metadata {
	char *date; /* YYYY-MM-DD, YYYY-MM or YYYY */
	char *speaker;
	char *occasion;
	char *source;
};

/* Fills each field that the text makes clear with a new string, the others
 * with NULL. */
void metadata_guess(const struct speech *speech, struct speech_metadata *metadata);

void metadata_free(struct speech_metadata *metadata);

/* Reads text[0..length), surrounding spaces aside, as one date in any form
 * the guess knows (2026-01-08, 2026年1月8日, 二〇二六年一月八日, 2026-01,
 * 2026) and writes it as ISO 8601 into iso. Returns 1 for a valid date
 * (a real day of a real month, year 1000 to 2999), else 0. */
int metadata_date_normalize(const char *text, size_t length, char iso[METADATA_DATE_SIZE]);

#endif
