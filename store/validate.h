/* validate.h — the trust boundary between a library file and the speech
 * model. A library may have been edited or damaged by another tool; every
 * speech rebuilt from it (store_speech_load) is checked here before any
 * caller indexes an array with what it holds, and pizhu check runs the same
 * checks over every speech. */
#ifndef PIZHU_STORE_VALIDATE_H
#define PIZHU_STORE_VALIDATE_H

#include <stddef.h>
#include <stdint.h>

#include "base/error.h"
#include "speech/speech.h"

/* Checks the promises of speech.h that the readers and exports rely on:
 * paragraph 0 is the title and no other is; ranks, depths and labels in
 * range; each paragraph's text is one line of UTF-8 inside the text; each
 * paragraph's section is an outline entry whose range holds it; the
 * outline starts with the title, its entries are in paragraph order, each
 * parent comes before its child (so there is no cycle), is shallower and
 * encloses it, and every heading is one entry. Returns 0, or -1 with the
 * first problem found in *error ("paragraph 3: section 99999 is not an
 * outline entry"), without naming the speech. */
int speech_model_validate(const struct speech *speech, struct error *error);

/* The message for a speech the library holds damaged: names the speech,
 * the problem (already in *error) and pizhu check. Returns -1. */
int store_damaged_speech(int64_t id, struct error *error);

#endif
