/* help.h — the help screen: every key of the command table with the
 * pane it works in, generated, so it cannot drift from the keys. */
#ifndef PIZHU_TUI_HELP_H
#define PIZHU_TUI_HELP_H

/* Shows it until q, Esc or ?; returns early when *stop is set. */
void help_show(volatile const int *stop);

#endif
