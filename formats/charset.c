#include "formats/charset.h"

#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <uchardet/uchardet.h>

#include "base/buffer.h"
#include "base/i18n.h"
#include "base/library_loader.h"
#include "base/utf8.h"

/* Browsers look for a declaration in the first 1024 bytes; saved pages put
 * scripts and comments first often enough that a wider window is kinder. */
#define DECLARATION_WINDOW 16384

/* Charset names as pages write them, and what they are read as. */
static const struct {
	const char *name, *iconv;
} known_charsets[] = {
    {"utf-8", "UTF-8"},
    {"utf8", "UTF-8"},
    {"gb2312", "GB18030"},
    {"gbk", "GB18030"},
    {"gb18030", "GB18030"},
    {"x-gbk", "GB18030"},
    {"gb_2312-80", "GB18030"},
    {"cp936", "GB18030"},
    {"big5", "BIG5-HKSCS"},
    {"big5-hkscs", "BIG5-HKSCS"},
    {"iso-8859-1", "WINDOWS-1252"},
    {"latin1", "WINDOWS-1252"},
    {"us-ascii", "WINDOWS-1252"},
    {"windows-1252", "WINDOWS-1252"},
    {"shift_jis", "SHIFT_JIS"},
    {"euc-jp", "EUC-JP"},
    {"euc-kr", "EUC-KR"},
    {"utf-16le", "UTF-16LE"},
    {"utf-16be", "UTF-16BE"},
};

static const char *charset_from_name(const char *name, size_t length)
{
	for (size_t i = 0; i < sizeof known_charsets / sizeof *known_charsets; i++)
		if (strlen(known_charsets[i].name) == length &&
		    strncasecmp(known_charsets[i].name, name, length) == 0)
			return known_charsets[i].iconv;
	return NULL;
}

static int is_name_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '-' || c == '_' || c == ':' || c == '.';
}

const char *charset_declared(const unsigned char *bytes, size_t length)
{
	static const char key[] = "charset";
	size_t window = length < DECLARATION_WINDOW ? length : DECLARATION_WINDOW;
	for (size_t i = 0; i + sizeof key - 1 < window; i++) {
		if (strncasecmp((const char *)bytes + i, key, sizeof key - 1) != 0)
			continue;
		size_t j = i + sizeof key - 1;
		while (j < window && (bytes[j] == ' ' || bytes[j] == '\t'))
			j++;
		if (j >= window || bytes[j] != '=')
			continue;
		j++;
		while (j < window && (bytes[j] == ' ' || bytes[j] == '"' || bytes[j] == '\''))
			j++;
		size_t start = j;
		while (j < window && is_name_byte(bytes[j]))
			j++;
		const char *charset = charset_from_name((const char *)bytes + start, j - start);
		if (charset)
			return charset;
	}
	return NULL;
}

/* Counts the multi-byte sequences and invalid bytes of UTF-8 text. */
static void utf8_census(const unsigned char *bytes, size_t length, size_t *multibyte,
			size_t *invalid)
{
	*multibyte = *invalid = 0;
	for (size_t i = 0; i < length;) {
		if (bytes[i] < 0x80) {
			i++;
			continue;
		}
		size_t step;
		if (utf8_decode(bytes + i, length - i, &step) < 0)
			(*invalid)++;
		else
			(*multibyte)++;
		i += step;
	}
}

/* Converts with iconv, each byte it cannot convert becoming U+FFFD. */
static int convert(const unsigned char *bytes, size_t length, const char *charset,
		   struct charset_text *out)
{
	iconv_t converter = iconv_open("UTF-8", charset);
	if (converter == (iconv_t)-1)
		return -1;
	struct buffer text = {0};
	buffer_reserve(&text, length + length / 2 + 16);
	char *in = (char *)bytes;
	size_t in_left = length;
	size_t replaced = 0;
	while (in_left > 0) {
		buffer_reserve(&text, in_left * 2 + 16);
		char *target = text.data + text.length;
		size_t target_left = text.capacity - text.length - 1;
		size_t result = iconv(converter, &in, &in_left, &target, &target_left);
		text.length = (size_t)(target - text.data);
		if (result != (size_t)-1)
			break;
		if (errno == E2BIG)
			continue;
		/* EILSEQ or EINVAL (truncated at the end): skip one byte. */
		buffer_append_codepoint(&text, UTF8_REPLACEMENT);
		replaced++;
		in++;
		in_left--;
		iconv(converter, NULL, NULL, NULL, NULL);
	}
	iconv_close(converter);
	out->text = buffer_string(&text);
	out->length = text.length;
	out->encoding = charset;
	out->replaced = replaced;
	return 0;
}

/* UTF-8 as it is, each invalid byte becoming U+FFFD. */
static void copy_utf8(const unsigned char *bytes, size_t length, struct charset_text *out)
{
	struct buffer text = {0};
	buffer_reserve(&text, length + 1);
	size_t replaced = 0;
	for (size_t i = 0; i < length;) {
		size_t run = utf8_plain_length((const char *)bytes + i, length - i);
		buffer_append(&text, bytes + i, run);
		i += run;
		if (i >= length)
			break;
		size_t step;
		if (utf8_decode(bytes + i, length - i, &step) < 0) {
			buffer_append_codepoint(&text, UTF8_REPLACEMENT);
			replaced++;
		} else {
			buffer_append(&text, bytes + i, step); /* a control character: kept */
		}
		i += step;
	}
	out->text = buffer_string(&text);
	out->length = text.length;
	out->encoding = "UTF-8";
	out->replaced = replaced;
}

/* uchardet, a C++ library that brings libstdc++ (≈0.9 MiB resident), is
 * loaded the first time a page needs its charset guessed, not when pizhu
 * starts; without it there is no guess. */
#ifndef PIZHU_UCHARDET
#define PIZHU_UCHARDET "libuchardet.so.0"
#endif
#define UCHARDET_FUNCTIONS(F)                                                                      \
	F(uchardet_new)                                                                            \
	F(uchardet_handle_data) F(uchardet_data_end) F(uchardet_get_charset) F(uchardet_delete)
static struct {
#define UCHARDET_FIELD(name) __typeof__(name) *name;
	UCHARDET_FUNCTIONS(UCHARDET_FIELD)
#undef UCHARDET_FIELD
} detector_library;
static const struct library_symbol detector_symbols[] = {
#define UCHARDET_SYMBOL(name) {#name, (void **)&detector_library.name},
    UCHARDET_FUNCTIONS(UCHARDET_SYMBOL)
#undef UCHARDET_SYMBOL
};
static struct library_loader detector_loader =
    LIBRARY_LOADER(PIZHU_UCHARDET, detector_symbols, NULL);

static const char *guess(const unsigned char *bytes, size_t length)
{
	if (library_load(&detector_loader))
		return NULL;
	uchardet_t detector = detector_library.uchardet_new();
	if (!detector)
		return NULL;
	const char *charset = NULL;
	if (detector_library.uchardet_handle_data(detector, (const char *)bytes, length) == 0) {
		detector_library.uchardet_data_end(detector);
		const char *name = detector_library.uchardet_get_charset(detector);
		if (name && *name) {
			charset = charset_from_name(name, strlen(name));
			if (!charset) {
				/* A charset iconv knows by uchardet's name, kept static. */
				static const char *const others[] = {
				    "WINDOWS-1251", "KOI8-R", "ISO-8859-2", "WINDOWS-1250",
				    "ISO-8859-5",   "UTF-16", "EUC-TW",	    "ISO-2022-JP"};
				for (size_t i = 0; i < sizeof others / sizeof *others; i++)
					if (strcasecmp(others[i], name) == 0)
						charset = others[i];
			}
		}
	}
	detector_library.uchardet_delete(detector);
	return charset;
}

/* Whether a conversion replaced so much that another charset should be tried. */
static int decoded_badly(const struct charset_text *text)
{
	return text->replaced > 0 && text->replaced * 200 > text->length / 3 + 1;
}

int charset_decode_page(const unsigned char *bytes, size_t length, struct charset_text *out,
			struct error *error)
{
	memset(out, 0, sizeof *out);
	if (length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF) {
		copy_utf8(bytes + 3, length - 3, out);
		return 0;
	}
	if (length >= 2 &&
	    ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF))) {
		const char *charset = bytes[0] == 0xFF ? "UTF-16LE" : "UTF-16BE";
		if (convert(bytes + 2, length - 2, charset, out) == 0)
			return 0;
		return error_set(error, _("cannot convert from %s"), charset);
	}
	size_t multibyte, invalid;
	utf8_census(bytes, length, &multibyte, &invalid);
	/* Real UTF-8 text: a few damaged bytes do not make it another charset. */
	if (invalid == 0 || (multibyte > 0 && invalid * 100 <= multibyte)) {
		copy_utf8(bytes, length, out);
		return 0;
	}
	const char *declared = charset_declared(bytes, length);
	if (declared && strcmp(declared, "UTF-8") != 0 &&
	    convert(bytes, length, declared, out) == 0) {
		if (!decoded_badly(out))
			return 0;
		struct charset_text first = *out;
		const char *guessed = guess(bytes, length);
		if (guessed && strcmp(guessed, declared) != 0 &&
		    convert(bytes, length, guessed, out) == 0 && out->replaced < first.replaced) {
			free(first.text);
			return 0;
		}
		if (out->text != first.text)
			free(out->text);
		*out = first;
		return 0;
	}
	const char *guessed = guess(bytes, length);
	if (guessed && strcmp(guessed, "UTF-8") != 0 && convert(bytes, length, guessed, out) == 0 &&
	    !decoded_badly(out))
		return 0;
	if (out->text)
		free(out->text);
	memset(out, 0, sizeof *out);
	/* Chinese pages without a declaration are GBK far more often than anything else. */
	if (convert(bytes, length, "GB18030", out) == 0)
		return 0;
	copy_utf8(bytes, length, out);
	return 0;
}
