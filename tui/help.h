/* help.h — the help screen: every key of every view and dialog, from the
 * command table, with the name a bind line gives each command. */
#ifndef PIZHU_TUI_HELP_H
#define PIZHU_TUI_HELP_H

#include "tui/view.h"

/* Opens the help screen over the stack. */
struct view *help_open(struct view_driver *driver, struct error *error);

#endif
