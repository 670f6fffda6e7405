/* buffer.h — a growable byte buffer that aborts on allocation failure.
 *
 * Out of memory is the one error pizhu does not try to recover from: every
 * allocation goes through xmalloc/xrealloc, which print and exit. Before
 * they do, they call the out-of-memory hook, through which a front end that
 * has changed the terminal (the full-screen reader) puts it back; base/
 * itself knows nothing of curses. */
#ifndef PIZHU_BASE_BUFFER_H
#define PIZHU_BASE_BUFFER_H

#include <stddef.h>

struct buffer {
	char *data;
	size_t length;
	size_t capacity;
};

/* Sets the function that xmalloc and the others call, with context, once
 * before they exit for want of memory; NULL for none (the default). */
void out_of_memory_hook_set(void (*hook)(void *context), void *context);

void *xmalloc(size_t size);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *pointer, size_t size);
/* Grows an array of `*capacity` elements of `size` bytes so that it holds at
 * least `needed`, doubling, and returns it. */
void *xgrow(void *array, size_t *capacity, size_t needed, size_t size);
char *xstrdup(const char *text);
char *xstrndup(const char *text, size_t length);

void buffer_reserve(struct buffer *buffer, size_t extra);
void buffer_append(struct buffer *buffer, const void *bytes, size_t length);
void buffer_append_byte(struct buffer *buffer, char byte);
void buffer_append_string(struct buffer *buffer, const char *text);
void buffer_printf(struct buffer *buffer, const char *format, ...)
    __attribute__((format(printf, 2, 3)));
/* Appends a code point as UTF-8. */
void buffer_append_codepoint(struct buffer *buffer, unsigned codepoint);
/* Ensures data is NUL-terminated (not counted in length) and returns it. */
char *buffer_string(struct buffer *buffer);
void buffer_free(struct buffer *buffer);

#endif
