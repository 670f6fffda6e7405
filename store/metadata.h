/* metadata.h — a speech's date, speaker, occasion and source.
 *
 * Import fills them with what speech/metadata.h guesses from the text.
 * What the user sets here wins: a field set (or cleared) by the user is
 * remembered as theirs, and a new version of the speech keeps it, while
 * the fields the user never touched are guessed again from the new text.
 * Metadata changes are not part of the annotation history (not undoable). */
#ifndef PIZHU_STORE_METADATA_H
#define PIZHU_STORE_METADATA_H

#include <stdint.h>

#include "store/store.h"

/* Bits of store_document.metadata_user_set. */
enum store_metadata_bit {
	STORE_METADATA_DATE = 1,
	STORE_METADATA_SPEAKER = 2,
	STORE_METADATA_OCCASION = 4,
	STORE_METADATA_SOURCE = 8,
};

/* Each field: NULL leaves it as it is, "" clears it, else sets it. Values
 * are trimmed of surrounding spaces and must be one line. A date may be
 * written as YYYY-MM-DD, YYYY-MM, YYYY or in Chinese (2026年1月8日) and is
 * stored in ISO form. */
struct store_metadata_change {
	const char *date;
	const char *speaker;
	const char *occasion;
	const char *source;
};

/* Applies the change to speech id in one transaction; a bad value changes
 * nothing and the message names the field. */
int store_metadata_set(struct store *store, int64_t id, const struct store_metadata_change *change,
		       struct error *error);

#endif
