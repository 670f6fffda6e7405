/* markup.h — what is written around the text rather than in it: Markdown
 * typed into a text file and a newspaper's continuation notes.
 *
 *   # 标题 / ## 一、… / ### （一）…   the #s go; the line gets heading level
 *                                      1..6 (lines->level)
 *   **一、总体要求**                   the **s go (a bold line is a line)
 *   > 来源：…                          the > goes, in a file that uses #
 *   （上接第一版） （下转第七版）        a line of only that is hidden clutter
 *                                      (LINE_FRONT); at a line's start or
 *                                      end the note is cut off */
#ifndef PIZHU_SPEECH_MARKUP_H
#define PIZHU_SPEECH_MARKUP_H

#include "speech/lines.h"

void markup_strip(struct lines *lines);

/* Joins the pieces of a sentence a scraper broke apart, as wiki pages
 * leave them (…所作的 / 政府工作报告 / 。会议…, 法律 / 、 / 法规): a line that
 * starts with closing punctuation belongs to the line before, and so does
 * a short line between it and an unfinished sentence. */
void markup_join_fragments(struct lines *lines);

/* Joins a heading the source wrapped across lines (一、2025年工作回顾和 /
 * 2026年工作安排): a short numbered line ending in a joining word (和 与 及
 * 、 的 …) and a short plain line right under it are one line; the second
 * becomes LINE_GONE. */
void markup_join_wrapped_headings(struct lines *lines);

/* Joins a word a cover spaces out one character a line (策 / 划 / 书): two
 * to eight lines of one ideograph each, no blank line between them but
 * blank lines around them, are one line. */
void markup_join_spaced_letters(struct lines *lines);

#endif
