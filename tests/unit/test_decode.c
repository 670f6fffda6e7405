/* Decoding: each encoding, BOMs, damaged UTF-8, binary. */
#include "speech/decode.h"
#include "tap.h"

static void decodes(const char *bytes, size_t length, const char *expected_text,
		    const char *expected_encoding, size_t expected_replaced, const char *name)
{
	struct decoded_text decoded;
	struct error error = {{0}};
	int status = decode_text((const unsigned char *)bytes, length, &decoded, &error);
	if (!ok(status == 0, "%s: decodes", name)) {
		printf("#   error: %s\n", error.message);
		return;
	}
	is_span(decoded.text, decoded.length, expected_text, "%s: text", name);
	is_string(decoded.encoding, expected_encoding, "%s: encoding", name);
	is_int(decoded.replaced_bytes, expected_replaced, "%s: replaced bytes", name);
	decoded_text_free(&decoded);
}

static void refuses(const char *bytes, size_t length, const char *message, const char *name)
{
	struct decoded_text decoded;
	struct error error = {{0}};
	int status = decode_text((const unsigned char *)bytes, length, &decoded, &error);
	ok(status != 0, "%s: refused", name);
	is_string(error.message, message, "%s: message", name);
}

int main(void)
{
	decodes("同志们：", strlen("同志们："), "同志们：", "UTF-8", 0, "plain UTF-8");
	decodes("\xEF\xBB\xBF同志们", strlen("\xEF\xBB\xBF同志们"), "同志们", "UTF-8 BOM", 0,
		"UTF-8 with BOM");
	decodes("", 0, "", "UTF-8", 0, "empty input");
	decodes("abc", 3, "abc", "UTF-8", 0, "ASCII");
	struct decoded_text borrowed;
	const char valid[] = "同志们";
	decode_text((const unsigned char *)valid, sizeof valid - 1, &borrowed, NULL);
	ok(borrowed.text == valid && borrowed.owned == NULL, "valid UTF-8 is not copied");
	decoded_text_free(&borrowed);

	/* 中文讲话 in GB18030. */
	const char gb[] = "\xD6\xD0\xCE\xC4\xBD\xB2\xBB\xB0";
	decodes(gb, sizeof gb - 1, "中文讲话", "GB18030", 0, "GB18030");
	/* 一、民生 in GBK (a subset of GB18030), with ASCII around it. */
	const char gbk[] = "1. \xD2\xBB\xA1\xA2\xC3\xF1\xC9\xFA\n";
	decodes(gbk, sizeof gbk - 1, "1. 一、民生\n", "GB18030", 0, "GBK with ASCII");

	const char utf16le[] = "\xFF\xFE\x2D\x4E\x87\x65\n\x00";
	decodes(utf16le, sizeof utf16le - 1, "中文\n", "UTF-16LE", 0, "UTF-16LE with BOM");
	const char utf16be[] = "\xFE\xFF\x4E\x2D\x65\x87";
	decodes(utf16be, sizeof utf16be - 1, "中文", "UTF-16BE", 0, "UTF-16BE with BOM");
	const char utf16_odd[] = "\xFF\xFE\x2D\x4E\x87";
	decodes(utf16_odd, sizeof utf16_odd - 1, "中\xEF\xBF\xBD", "UTF-16LE", 1,
		"truncated UTF-16: the odd byte is U+FFFD");
	/* A lone surrogate (high, then low alone) in UTF-16: U+FFFD each, not
	 * the whole file refused. */
	const char lone[] = "\xFF\xFE\x2D\x4E\x00\xD8\x0A\x00\x00\xDC\x87\x65";
	decodes(lone, sizeof lone - 1, "中\xEF\xBF\xBD\n\xEF\xBF\xBD文", "UTF-16LE", 4,
		"lone UTF-16 surrogates become U+FFFD");
	const char only_damage[] = "\xFF\xFE\x00";
	refuses(only_damage, sizeof only_damage - 1, "not valid UTF-16LE text",
		"UTF-16 with nothing but an odd byte");
	const char pair[] = "\xFE\xFF\xD8\x3D\xDE\x00";
	decodes(pair, sizeof pair - 1, "\xF0\x9F\x98\x80", "UTF-16BE", 0, "a surrogate pair");
	/* A UTF-16 BOM before UTF-8 text: read as UTF-8, the encoding says so. */
	const char wrong_bom[] = "\xFF\xFE讲话\n正文。\n";
	decodes(wrong_bom, sizeof wrong_bom - 1, "讲话\n正文。\n", DECODE_UTF8_AFTER_UTF16_BOM, 0,
		"UTF-16LE BOM before UTF-8");
	const char wrong_bom_be[] = "\xFE\xFF讲话";
	decodes(wrong_bom_be, sizeof wrong_bom_be - 1, "讲话", DECODE_UTF8_AFTER_UTF16_BOM, 0,
		"UTF-16BE BOM before UTF-8");

	/* A damaged download: a long UTF-8 text with two bad bytes. */
	const char damaged[] =
	    "在区委全体会议上的讲话\xFF同志们：今天我们召开会议\x80，研究部署工作。";
	decodes(damaged, sizeof damaged - 1,
		"在区委全体会议上的讲话\xEF\xBF\xBD同志们：今天我们召开会议\xEF\xBF\xBD，研究部署工"
		"作。",
		"UTF-8", 2, "damaged UTF-8 is not read as GB18030");
	/* A truncated sequence at the very end. */
	const char cut[] = "讲话\xE8\xAE";
	decodes(cut, sizeof cut - 1, "讲话\xEF\xBF\xBD\xEF\xBF\xBD", "UTF-8", 2,
		"sequence cut at end");
	/* Overlong encoding of '/' and a UTF-16 surrogate are invalid. */
	const char overlong[] = "讲话讲话讲话讲话\xC0\xAF\xED\xA0\x80";
	decodes(overlong, sizeof overlong - 1,
		"讲话讲话讲话讲话\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD",
		"UTF-8", 5, "overlong and surrogate sequences");

	const char binary[] = "PK\x03\x04\x00\x00";
	refuses(binary, sizeof binary - 1, "binary file (contains NUL bytes)", "NUL bytes");
	/* Latin-1 text is neither UTF-8 nor GB18030. */
	const char latin1[] = "caf\xE9 cr\xE8"
			      "me br\xFB"
			      "l\xE9"
			      "e";
	refuses(latin1, sizeof latin1 - 1, "not UTF-8 or GB18030 text", "Latin-1 refused");
	return tap_done();
}
