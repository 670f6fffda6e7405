/* user_dirs.h — the documents folder of xdg-user-dirs.
 *
 * xdg-user-dirs-update writes ~/.config/user-dirs.dirs, a shell fragment
 * of lines XDG_DOCUMENTS_DIR="$HOME/Documents" (the folder's name is in
 * the user's language: "$HOME/文档"). Only the forms the specification
 * allows are taken: "$HOME/…" or an absolute "/…", in double quotes,
 * with \ escaping the next character. */
#ifndef PIZHU_BASE_USER_DIRS_H
#define PIZHU_BASE_USER_DIRS_H

#include <stddef.h>

#include "base/buffer.h"

/* The last XDG_DOCUMENTS_DIR of the file's text, with $HOME replaced by
 * home, appended to out (NUL-terminated): 1. 0 when there is none, or it
 * is the home folder itself (which means "no documents folder"), out
 * unchanged. */
int user_dirs_documents(const char *text, size_t length, const char *home, struct buffer *out);

/* The documents folder for a save: XDG_DOCUMENTS_DIR of
 * $XDG_CONFIG_HOME/user-dirs.dirs (default ~/.config) when that folder
 * exists, else $HOME, else "." — in out. */
void user_dirs_documents_folder(struct buffer *out);

#endif
