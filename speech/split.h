/* split.h — a speech pasted with its line breaks lost: one line holding
 * most of the text is split where the text allows.
 *
 * Split points: runs of white space that stood for paragraph indents
 * (two spaces or more, or an ideographic space) or a space after a
 * sentence end; a sentence end (。！？；) followed by a heading marker (一、
 * （一） 第一部分 1、 （1）); before and after a salutation near the start
 * (…的讲话同志们：今天…). Linear in the line. */
#ifndef PIZHU_SPEECH_SPLIT_H
#define PIZHU_SPEECH_SPLIT_H

#include "speech/lines.h"

/* Replaces lines->line when a line holds most of the text and is long
 * (run on); roles and levels are not allocated yet. */
void split_run_on_lines(struct lines *lines);

#endif
