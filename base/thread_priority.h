/* thread_priority.h — a worker thread that gives way to the screen.
 *
 * The library's import and the reader's background import run on threads
 * of their own; on a machine with few cores their reading, hashing,
 * parsing and indexing would otherwise take the time that drawing needs.
 * Linux sets a thread's nice value by its id; elsewhere, or where that
 * fails, the thread merely runs at the screen's priority. */
#ifndef PIZHU_BASE_THREAD_PRIORITY_H
#define PIZHU_BASE_THREAD_PRIORITY_H

/* Lowers the calling thread's priority to nice value `niceness` (1–19). */
void thread_priority_lower(int niceness);

#endif
