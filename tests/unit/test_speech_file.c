/* Reading a speech file through a mapping (speech_file_read with a
 * threshold of 0, so that every file takes that path) gives the same
 * speech, paragraph for paragraph, as reading it into memory; the mapping
 * reads back what was written after its pages are given back. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buffer.h"
#include "base/file.h"
#include "base/mapping.h"
#include "base/sha256.h"
#include "speech/source.h"
#include "tap.h"

static int same_spans(const struct speech *a, const struct text_span *sa, size_t ca,
		      const struct speech *b, const struct text_span *sb, size_t cb)
{
	if (ca != cb)
		return 0;
	for (size_t i = 0; i < ca; i++)
		if (sa[i].length != sb[i].length ||
		    memcmp(a->text + sa[i].offset, b->text + sb[i].offset, sa[i].length) != 0)
			return 0;
	return 1;
}

/* Whether the two speeches are the same model (texts compared, not
 * offsets). */
static int same_speech(const struct speech *a, const struct speech *b)
{
	if (a->paragraph_count != b->paragraph_count || a->outline_count != b->outline_count ||
	    strcmp(a->encoding, b->encoding) != 0 || a->replaced_bytes != b->replaced_bytes ||
	    a->title_found != b->title_found ||
	    strcmp(a->format ? a->format : "", b->format ? b->format : "") != 0)
		return 0;
	for (size_t i = 0; i < a->paragraph_count; i++) {
		const struct paragraph *p = &a->paragraphs[i], *q = &b->paragraphs[i];
		if (p->length != q->length || p->label_length != q->label_length ||
		    p->section != q->section || p->role != q->role || p->rank != q->rank ||
		    p->depth != q->depth ||
		    memcmp(paragraph_text(a, i), paragraph_text(b, i), p->length) != 0)
			return 0;
	}
	for (size_t i = 0; i < a->outline_count; i++)
		if (memcmp(&a->outline[i], &b->outline[i], sizeof a->outline[i]) != 0)
			return 0;
	return same_spans(a, a->front_matter, a->front_matter_count, b, b->front_matter,
			  b->front_matter_count) &&
	       same_spans(a, a->back_matter, a->back_matter_count, b, b->back_matter,
			  b->back_matter_count);
}

/* Parses path both ways and compares. */
static void check_file(const char *path)
{
	struct error error;
	unsigned char *bytes;
	size_t length;
	if (!ok(file_read(path, &bytes, &length, &error) == 0, "read %s", path))
		return;
	struct speech expected;
	int expected_status = speech_parse_file(path, bytes, length, "fallback", &expected, &error);
	char hash[SHA256_HEX_SIZE];
	sha256_hex(bytes, length, hash);
	free(bytes);

	struct speech_file file;
	if (!ok(speech_file_read(path, NULL, 0, &file, &error) == 0, "mapped read %s", path))
		return;
	ok(file.mapping != NULL, "%s is mapped", path);
	is_string(file.hash, hash, "%s: the hash as it is read", path);
	struct speech got;
	int status = speech_file_parse(&file, path, NULL, "fallback", &got, &error);
	speech_file_free(&file);
	is_int(status, expected_status, "%s parses (or fails) as from memory", path);
	if (status == 0 && expected_status == 0) {
		ok(same_speech(&got, &expected), "%s: the same speech", path);
		speech_free(&got);
	}
	if (expected_status == 0)
		speech_free(&expected);
}

static void check_mapping(void)
{
	struct mapping mapping;
	struct error error;
	size_t size = 4 * MAPPING_RESIDENT_BYTES;
	if (!ok(mapping_create(NULL, size, &mapping, &error) == 0, "a temporary mapping"))
		return;
	for (size_t i = 0; i < size; i++) {
		mapping.data[i] = (char)(i * 7 + 1);
		mapping_passed(&mapping, mapping.data + i);
	}
	ok(mapping.given_back > 0, "a pass gives back the pages behind it");
	mapping_give_back(&mapping);
	for (size_t i = 0; i < size; i += 4096)
		mapping_read(&mapping, 4096);
	size_t wrong = 0;
	for (size_t i = 0; i < size; i++)
		wrong += mapping.data[i] != (char)(i * 7 + 1);
	is_int(wrong, 0, "pages given back read what was written");
	mapping_read(NULL, 10);
	mapping_passed(NULL, "");
	mapping_give_back(NULL);
	mapping_close(&mapping);
	ok(mapping.data == NULL, "closed");
}

/* Text that cleaning makes longer (control characters), text in GB18030
 * or UTF-16 and damaged UTF-8 take the path through a second mapping. */
static void check_written(const char *name, const char *content, size_t length)
{
	char path[] = "/tmp/pizhu-test-speech-file-XXXXXX";
	int descriptor = mkstemp(path);
	FILE *out = fdopen(descriptor, "wb");
	fwrite(content, 1, length, out);
	fclose(out);
	check_file(path);
	remove(path);
	(void)name;
}

int main(void)
{
	check_mapping();
	check_file("tests/fixtures/speech.txt");
	check_file("tests/fixtures/short-speech.txt");
	check_file("tests/fixtures/export-hazards.txt");
	check_file("tests/fixtures/speech.pdf");
	static const char controls[] =
	    "标题\n\n一、第一部分\n正文\x01有控制字符\x7f。\n\t二、第二部分\r\n正文。\n";
	check_written("controls", controls, sizeof controls - 1);
	/* 讲话 / 一、总体 / 正文。 in GB18030 */
	static const char gb[] =
	    "\xbd\xb2\xbb\xb0\n\xd2\xbb\xa1\xa2\xd7\xdc\xcc\xe5\n\xd5\xfd\xce\xc4\xa1\xa3\n";
	check_written("gb18030", gb, sizeof gb - 1);
	/* 讲话 / 一、总体\x01 in UTF-16LE, damaged UTF-8 with a control
	 * character (converted, then cleaned into a third mapping). */
	static const char utf16[] = "\xFF\xFE\xB2\x8B\xDD\x8B\n\0\0N\x01\x30\x3B\x60\x53\x4F\x01\0";
	check_written("utf16le", utf16, sizeof utf16 - 1);
	static const char damaged[] = "讲话\n一、总体\xFF\n正文\x01。\n";
	check_written("damaged", damaged, sizeof damaged - 1);
	check_written("empty", "", 0);
	check_written("binary", "a\0b", 3);

	char path[4096];
	if (!tap_corpus_path("SOURCES.md", path, sizeof path)) {
		tap_skip("../shared/corpus is absent");
		return tap_done();
	}
	*strrchr(path, '/') = '\0';
	static const char *const folders[] = {"national", "provincial-2026", "cpc-congress"};
	for (size_t f = 0; f < sizeof folders / sizeof folders[0]; f++) {
		struct buffer folder = {0};
		buffer_printf(&folder, "%s/%s", path, folders[f]);
		DIR *directory = opendir(folder.data);
		struct dirent *entry;
		while (directory && (entry = readdir(directory))) {
			const char *dot = strrchr(entry->d_name, '.');
			if (!dot || strcmp(dot, ".txt") != 0)
				continue;
			struct buffer file = {0};
			buffer_printf(&file, "%s/%s", folder.data, entry->d_name);
			check_file(file.data);
			buffer_free(&file);
		}
		if (directory)
			closedir(directory);
		buffer_free(&folder);
	}
	return tap_done();
}
