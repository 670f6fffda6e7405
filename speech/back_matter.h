/* back_matter.h — the clutter after a speech: 责任编辑, 来源, 相关新闻 lists,
 * 打印/关闭窗口, a licence trailer (本作品…, Public domain), footer menus.
 *
 * Back matter starts at an opening line near the end. A strong opener (a
 * licence or copyright notice, a 相关新闻 list heading, a menu line) takes
 * everything after it; a weak one (责任编辑, 来源：, 打印) only when what
 * follows is short lines and fragments, never the speech's prose. */
#ifndef PIZHU_SPEECH_BACK_MATTER_H
#define PIZHU_SPEECH_BACK_MATTER_H

#include "speech/lines.h"

/* Marks the back matter of lines after line `body_start` (the first line
 * of the speech proper) LINE_BACK. */
void back_matter_find(struct lines *lines, size_t body_start);

#endif
