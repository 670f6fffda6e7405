/* metadata.h — guessing a speech's date, speaker, occasion and source
 * from its opening lines (its byline). Dates are read by speech/date.h.
 *
 * The guess looks only at the title, the short lines after it (the byline
 * block that ends at the salutation, the first heading or the first long
 * line) and the front matter. It is conservative: a field it is not sure
 * of stays NULL, because a wrong speaker is worse than none.
 *
 * - date: a line that is a date (（2017年10月18日）), or a date followed by
 *   the occasion (——2026年2月5日在…会议上); else a timestamp line
 *   (时间：2026-02-11, 2026-01-31 07:00:44), in any form date.h reads;
 *   ISO YYYY-MM-DD, or YYYY-MM, YYYY.
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

#endif
