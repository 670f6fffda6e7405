/* clipboard.h — copying text to the terminal's clipboard with OSC 52,
 * which works in tmux (set-clipboard on) and over SSH. The text goes out
 * base64-encoded, so nothing in it can act as a control sequence. */
#ifndef PIZHU_TUI_CLIPBOARD_H
#define PIZHU_TUI_CLIPBOARD_H

#include <stddef.h>

#include "base/buffer.h"

/* Appends the base64 form of bytes[0..length). */
void base64_encode(const unsigned char *bytes, size_t length, struct buffer *out);

/* Writes the OSC 52 sequence that puts text into the clipboard. */
void clipboard_copy(const char *text, size_t length);

#endif
