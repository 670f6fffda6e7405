/* Decoding into a mapping a chunk at a time (decode_text_mapped) gives
 * what decoding in one piece in memory (decode_text) gives: the same
 * text, encoding, replaced bytes and refusals, for every chunk size from
 * one byte, so that every sequence of these inputs (GB18030 characters of
 * 2 and 4 bytes, UTF-16 surrogate pairs, lone halves and odd last bytes,
 * UTF-8 sequences whole, cut and damaged) is cut by a chunk's end at
 * each of its bytes. */
#include <stdlib.h>
#include <string.h>

#include "base/buffer.h"
#include "base/mapping.h"
#include "speech/decode.h"
#include "tap.h"

/* Whether decoding bytes in `chunk`-byte steps into a mapping gives what
 * `whole` (decode_text's outcome, `whole_status`) is. */
static int same_decoding(const unsigned char *bytes, size_t length, struct mapping *input,
			 size_t chunk, int whole_status, const struct decoded_text *whole,
			 const struct error *whole_error)
{
	struct decoded_text streamed;
	struct error error = {{0}};
	const struct decode_output output = {.chunk = chunk};
	int status = decode_text_mapped(bytes, length, input, &output, &streamed, &error);
	if (status != whole_status)
		return 0;
	if (status != 0)
		return strcmp(error.message, whole_error->message) == 0;
	int same = streamed.length == whole->length &&
		   memcmp(streamed.text, whole->text, whole->length) == 0 &&
		   strcmp(streamed.encoding, whole->encoding) == 0 &&
		   streamed.replaced_bytes == whole->replaced_bytes &&
		   /* Converted text goes to a mapping, else it is not copied. */
		   (streamed.mapping != NULL) == (whole->owned != NULL) && streamed.owned == NULL;
	decoded_text_free(&streamed);
	return same;
}

/* Compares for chunks of 1 to 12 bytes and one larger than the input;
 * `expect` is whether decode_text takes the input. */
static void check(const char *name, const char *text, size_t length, int expect)
{
	const unsigned char *bytes = (const unsigned char *)text;
	struct decoded_text whole;
	struct error whole_error = {{0}};
	int whole_status = decode_text(bytes, length, &whole, &whole_error);
	is_int(whole_status == 0, expect, "%s: %s in one piece", name,
	       expect ? "decoded" : "refused");
	size_t wrong = 0;
	for (size_t chunk = 1; chunk <= 12; chunk++)
		if (!same_decoding(bytes, length, NULL, chunk, whole_status, &whole,
				   &whole_error)) {
			printf("#   differs in chunks of %zu bytes\n", chunk);
			wrong++;
		}
	if (!same_decoding(bytes, length, NULL, length + 1, whole_status, &whole, &whole_error))
		wrong++;
	is_int(wrong, 0, "%s: the same a chunk at a time", name);
	if (whole_status == 0)
		decoded_text_free(&whole);
}

/* text repeated to `size` bytes or more, in a mapping and decoded with
 * the default chunk: the passes give pages back on both sides. */
static void check_large(const char *name, const char *prefix, const char *text, size_t size)
{
	struct buffer content = {0};
	buffer_append_string(&content, prefix);
	while (content.length < size)
		buffer_append_string(&content, text);
	struct mapping input;
	struct error error;
	if (!ok(mapping_create(NULL, content.length, &input, &error) == 0, "%s: a mapping", name)) {
		buffer_free(&content);
		return;
	}
	memcpy(input.data, content.data, content.length);
	const unsigned char *bytes = (const unsigned char *)content.data;
	struct decoded_text whole;
	struct error whole_error = {{0}};
	int whole_status = decode_text(bytes, content.length, &whole, &whole_error);
	ok(whole_status == 0, "%s: decoded in one piece", name);
	ok(same_decoding((const unsigned char *)input.data, content.length, &input, 0, whole_status,
			 &whole, &whole_error),
	   "%s: the same from a mapping, %zu bytes a chunk", name, (size_t)DECODE_CHUNK_BYTES);
	if (whole_status == 0)
		decoded_text_free(&whole);
	mapping_close(&input);
	buffer_free(&content);
}

#define CHECK(name, bytes, expect) check(name, bytes, sizeof bytes - 1, expect)

int main(void)
{
	/* GB18030: A中\n€é, 😀 and Þ (four bytes each), 一, \r\n, U+FFFF
	 * (four bytes), a PUA character. */
	CHECK("GB18030",
	      "A\xD6\xD0\n\xA2\xE3\xA8\xA6\x94\x39\xFC\x36\x81\x30\x89\x37\xD2\xBB\r\n"
	      "\x84\x31\xA4\x39\xA3\xA0\xD6\xD0",
	      1);
	CHECK("GB18030, four-byte characters in a row",
	      "\xD6\xD0\x81\x30\x89\x37\x81\x30\x89\x37\x94\x39\xFC\x36\xD6\xD0", 1);
	CHECK("GB18030 with an invalid byte", "\xD6\xD0\xD6\xD0\x80\xD6\xD0", 0);
	CHECK("GB18030 with an invalid second byte", "\xD6\xD0\xD6\x7F\xD6\xD0\xD6\xD0", 0);
	CHECK("GB18030 with an invalid four-byte sequence", "\xD6\xD0\x81\x30\xFF\x30\xD6\xD0", 0);
	CHECK("GB18030 cut at its end (two-byte)", "\xD6\xD0\xD6\xD0\xD6", 0);
	CHECK("GB18030 cut at its end (four-byte)", "\xD6\xD0\xD6\xD0\x81\x30\x89", 0);
	/* After ten characters, a damaged byte is shown as U+FFFD; two after
	 * ten are too many. */
#define TEN_CHARACTERS                                                                             \
	"\xD6\xD0\xCE\xC4\xBD\xB2\xBB\xB0\xD6\xD0\xCE\xC4\xBD\xB2\xBB\xB0\xD6\xD0\xCE\xC4"
	CHECK("GB18030 cut at its end, after ten characters", TEN_CHARACTERS "\xD6", 1);
	CHECK("GB18030 cut in a four-byte one, after ten", TEN_CHARACTERS "\x81\x30\x89", 0);
	CHECK("GB18030 with CP936's euro sign after ten", TEN_CHARACTERS "\x80\xD6\xD0", 1);
	CHECK("GB18030 with two damaged bytes after ten", TEN_CHARACTERS "\x80\x80\xD6\xD0", 0);
	CHECK("GB18030 with an invalid second byte after ten", TEN_CHARACTERS "\xD6\x7F\xD6\xD0",
	      1);

	/* UTF-16: 中, 😀 (a pair), \n, a lone high half before 文, a lone low
	 * half, a high half at the end and an odd last byte. */
	CHECK("UTF-16LE",
	      "\xFF\xFE\x2D\x4E\x3D\xD8\x00\xDE\x0A\x00\x00\xD8\x87\x65\x00\xDC\x2D\x4E", 1);
	CHECK("UTF-16BE",
	      "\xFE\xFF\x4E\x2D\xD8\x3D\xDE\x00\x00\x0A\xD8\x00\x65\x87\xDC\x00\x4E\x2D", 1);
	CHECK("UTF-16LE ending in a high half", "\xFF\xFE\x2D\x4E\x2D\x4E\x3D\xD8", 1);
	CHECK("UTF-16LE ending in a high half and an odd byte", "\xFF\xFE\x2D\x4E\x3D\xD8\x00", 1);
	CHECK("UTF-16BE with an odd last byte", "\xFE\xFF\x4E\x2D\x65\x87\x4E", 1);
	CHECK("UTF-16LE, pairs in a row", "\xFF\xFE\x3D\xD8\x00\xDE\x3D\xD8\x01\xDE\x0A\x00", 1);
	CHECK("UTF-16LE, nothing but damage", "\xFF\xFE\x00\xDC\x00", 0);
	CHECK("UTF-16 BOM before UTF-8", "\xFF\xFE讲话\n正文。\n", 1);

	/* Damaged UTF-8: a cut sequence before ASCII, a bad byte, an
	 * overlong one, an encoded surrogate, 😀, a lone continuation byte,
	 * and a sequence cut at the end. */
	CHECK(
	    "damaged UTF-8",
	    "讲话\xE8\xAE同志们\xFF：\xC0\xAF\xED\xA0\x80今天\xF0\x9F\x98\x80开会\x80研究\xE8\xAE",
	    1);
	CHECK("UTF-8 with BOM, damaged", "\xEF\xBB\xBF讲话\xF0\x9F\x98同志们", 1);
	CHECK("UTF-8 cut inside its last character", "在区委全体会议上的讲话\xE8", 1);
	CHECK("valid UTF-8", "同志们：\n今天\xF0\x9F\x98\x80", 1);
	CHECK("Latin-1", "caf\xE9 cr\xE8me br\xFBl\xE9", 0);
	check("empty", "", 0, 1);
	check("a UTF-16 BOM alone", "\xFF\xFE", 2, 1);

	/* 在区委全体会议上的讲话 / 一、 in GB18030; the same in UTF-16LE. */
	check_large(
	    "3 MB of GB18030", "",
	    "\xD4\xDA\xC7\xF8\xCE\xAF\xC8\xAB\xCC\xE5\xBB\xE1\xD2\xE9\xC9\xCF\xB5\xC4\xBD\xB2"
	    "\xBB\xB0\n\xD2\xBB\xA1\xA2\x81\x30\x89\x37\n",
	    3 * 1024 * 1024);
	check_large("3 MB of UTF-16LE", "\xFF\xFE", "\x28\x57\x3A\x53\x3D\xD8\x00\xDE\x0A\x00",
		    3 * 1024 * 1024);
	check_large("3 MB of damaged UTF-8", "讲话\xFF", "在区委全体会议上的讲话\n",
		    3 * 1024 * 1024);
	return tap_done();
}
