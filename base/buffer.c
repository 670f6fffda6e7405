#include "base/buffer.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void (*out_of_memory_hook)(void *context);
static void *out_of_memory_context;

void out_of_memory_hook_set(void (*hook)(void *context), void *context)
{
	out_of_memory_hook = hook;
	out_of_memory_context = context;
}

static void out_of_memory(size_t size)
{
	/* Taken before the call: a hook that runs out of memory itself comes
	 * back here and exits rather than looping. */
	void (*hook)(void *context) = out_of_memory_hook;
	out_of_memory_hook = NULL;
	if (hook)
		hook(out_of_memory_context);
	/* After the hook, so the message lands on the restored screen. */
	fprintf(stderr, "pizhu: out of memory (%zu bytes)\n", size);
	exit(1);
}

void *xmalloc(size_t size)
{
	void *pointer = malloc(size ? size : 1);
	if (!pointer)
		out_of_memory(size);
	return pointer;
}

void *xcalloc(size_t count, size_t size)
{
	void *pointer = calloc(count ? count : 1, size ? size : 1);
	if (!pointer)
		out_of_memory(count * size);
	return pointer;
}

void *xrealloc(void *pointer, size_t size)
{
	void *grown = realloc(pointer, size ? size : 1);
	if (!grown)
		out_of_memory(size);
	return grown;
}

void *xgrow(void *array, size_t *capacity, size_t needed, size_t size)
{
	if (needed <= *capacity)
		return array;
	size_t grown = *capacity ? *capacity : 16;
	while (grown < needed)
		grown = grown > SIZE_MAX / 2 ? needed : grown * 2;
	/* An array whose size in bytes does not fit a size_t cannot be had. */
	if (grown > SIZE_MAX / size)
		out_of_memory(SIZE_MAX);
	*capacity = grown;
	return xrealloc(array, grown * size);
}

char *xstrdup(const char *text)
{
	return xstrndup(text, strlen(text));
}

char *xstrndup(const char *text, size_t length)
{
	char *copy = xmalloc(length + 1);
	memcpy(copy, text, length);
	copy[length] = '\0';
	return copy;
}

void buffer_reserve(struct buffer *buffer, size_t extra)
{
	if (extra > SIZE_MAX - buffer->length - 1)
		out_of_memory(SIZE_MAX);
	buffer->data = xgrow(buffer->data, &buffer->capacity, buffer->length + extra + 1, 1);
}

void buffer_append(struct buffer *buffer, const void *bytes, size_t length)
{
	buffer_reserve(buffer, length);
	/* memmove: the bytes may lie further on in the buffer itself, as
	 * when cleaning text in place. */
	if (length)
		memmove(buffer->data + buffer->length, bytes, length);
	buffer->length += length;
}

void buffer_append_byte(struct buffer *buffer, char byte)
{
	buffer_append(buffer, &byte, 1);
}

void buffer_append_string(struct buffer *buffer, const char *text)
{
	buffer_append(buffer, text, strlen(text));
}

void buffer_printf(struct buffer *buffer, const char *format, ...)
{
	va_list arguments;
	va_start(arguments, format);
	int needed = vsnprintf(NULL, 0, format, arguments);
	va_end(arguments);
	if (needed <= 0)
		return;
	buffer_reserve(buffer, (size_t)needed);
	va_start(arguments, format);
	vsnprintf(buffer->data + buffer->length, (size_t)needed + 1, format, arguments);
	va_end(arguments);
	buffer->length += (size_t)needed;
}

void buffer_append_codepoint(struct buffer *buffer, unsigned codepoint)
{
	char bytes[4];
	size_t length;
	if (codepoint < 0x80) {
		bytes[0] = (char)codepoint;
		length = 1;
	} else if (codepoint < 0x800) {
		bytes[0] = (char)(0xC0 | (codepoint >> 6));
		bytes[1] = (char)(0x80 | (codepoint & 0x3F));
		length = 2;
	} else if (codepoint < 0x10000) {
		bytes[0] = (char)(0xE0 | (codepoint >> 12));
		bytes[1] = (char)(0x80 | ((codepoint >> 6) & 0x3F));
		bytes[2] = (char)(0x80 | (codepoint & 0x3F));
		length = 3;
	} else {
		bytes[0] = (char)(0xF0 | (codepoint >> 18));
		bytes[1] = (char)(0x80 | ((codepoint >> 12) & 0x3F));
		bytes[2] = (char)(0x80 | ((codepoint >> 6) & 0x3F));
		bytes[3] = (char)(0x80 | (codepoint & 0x3F));
		length = 4;
	}
	buffer_append(buffer, bytes, length);
}

char *buffer_string(struct buffer *buffer)
{
	buffer_reserve(buffer, 0);
	buffer->data[buffer->length] = '\0';
	return buffer->data;
}

void buffer_free(struct buffer *buffer)
{
	free(buffer->data);
	buffer->data = NULL;
	buffer->length = buffer->capacity = 0;
}
