/* formats_test.h — what the format readers' unit tests share: reading a
 * file, and looking at a document's lines with their hints. */
#ifndef PIZHU_TESTS_FORMATS_TEST_H
#define PIZHU_TESTS_FORMATS_TEST_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "formats/document.h"

/* A file's bytes (from malloc) and length, or NULL. */
static inline unsigned char *read_whole(const char *path, size_t *length)
{
	FILE *file = fopen(path, "rb");
	if (!file)
		return NULL;
	fseek(file, 0, SEEK_END);
	long size = ftell(file);
	fseek(file, 0, SEEK_SET);
	unsigned char *bytes = malloc((size_t)size + 1);
	*length = fread(bytes, 1, (size_t)size, file);
	fclose(file);
	return bytes;
}

/* Line `index` of a document as a new string, or NULL past the end. */
static inline char *document_line(const struct document *document, size_t index)
{
	const char *line = document->text;
	for (size_t i = 0; i < index; i++) {
		line = strchr(line, '\n');
		if (!line)
			return NULL;
		line++;
	}
	const char *end = strchr(line, '\n');
	if (!end || index >= document->hint_count)
		return NULL;
	char *copy = malloc((size_t)(end - line) + 1);
	memcpy(copy, line, (size_t)(end - line));
	copy[end - line] = '\0';
	return copy;
}

/* The index of the first line of `role` equal to text, or -1. */
static inline long find_line(const struct document *document, const char *text, int role)
{
	for (size_t i = 0; i < document->hint_count; i++) {
		char *line = document_line(document, i);
		int same = line && strcmp(line, text) == 0 &&
			   (role < 0 || document->hints[i].role == role);
		free(line);
		if (same)
			return (long)i;
	}
	return -1;
}

#endif
