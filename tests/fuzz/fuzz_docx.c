/* fuzz_docx.c — the .docx reader on any bytes.
 *
 * An input that is a zip (PK…) is read as a .docx as it is: the package
 * layer (libzip within package.h's limits). Any other input is the XML
 * of word/document.xml, then after a NUL byte word/numbering.xml, then
 * after another word/styles.xml, packed here into a zip, so that
 * mutations reach the XML walker and the numbering instead of breaking
 * the zip's checksums. docx_read either fails with a message or gives
 * valid UTF-8 text without control characters but '\n', one hint per
 * line with a known role and level, which the parser then takes. */
#include <string.h>
#include <zip.h>

#include "base/utf8.h"
#include "formats/docx.h"
#include "formats/read.h"
#include "speech/speech.h"
#include "tests/fuzz/fuzz.h"

/* The input's parts packed into a zip in new memory. */
static unsigned char *pack(const uint8_t *data, size_t size, size_t *length)
{
	static const char *const names[] = {"word/document.xml", "word/numbering.xml",
					    "word/styles.xml"};
	zip_error_t problem;
	zip_error_init(&problem);
	zip_source_t *source = zip_source_buffer_create(NULL, 0, 0, &problem);
	zip_source_keep(source);
	zip_t *zip = zip_open_from_source(source, ZIP_TRUNCATE, &problem);
	size_t start = 0;
	for (size_t part = 0; part < 3 && start <= size; part++) {
		const uint8_t *end = memchr(data + start, 0, size - start);
		size_t part_size = end ? (size_t)(end - (data + start)) : size - start;
		zip_source_t *bytes = zip_source_buffer(zip, data + start, part_size, 0);
		zip_int64_t index = zip_file_add(zip, names[part], bytes, 0);
		zip_set_file_compression(zip, (zip_uint64_t)index, ZIP_CM_STORE, 0);
		start += part_size + 1;
		if (!end)
			break;
	}
	zip_close(zip);
	zip_source_open(source);
	zip_source_seek(source, 0, SEEK_END);
	*length = (size_t)zip_source_tell(source);
	zip_source_seek(source, 0, SEEK_SET);
	unsigned char *bytes = malloc(*length ? *length : 1);
	zip_source_read(source, bytes, *length);
	zip_source_close(source);
	zip_source_free(source);
	zip_error_fini(&problem);
	return bytes;
}

static void check_document(const struct document *document)
{
	fuzz_assert(document->text != NULL);
	fuzz_assert(strcmp(document->format, "docx") == 0);
	size_t lines = 0;
	const unsigned char *text = (const unsigned char *)document->text;
	for (size_t i = 0; i < document->length;) {
		size_t step;
		long codepoint = utf8_decode(text + i, document->length - i, &step);
		fuzz_assert(codepoint >= 0);
		fuzz_assert(codepoint >= 0x20 || codepoint == '\n');
		fuzz_assert(codepoint != 0x7F);
		lines += codepoint == '\n';
		i += step;
	}
	fuzz_assert(document->hint_count == lines);
	for (size_t i = 0; i < document->hint_count; i++) {
		fuzz_assert(document->hints[i].role <= DOCUMENT_BACK);
		fuzz_assert(document->hints[i].heading_level <= 9);
	}
	struct speech speech;
	struct error error = {{0}};
	if (speech_parse_document(document, "fallback", &speech, &error) == 0)
		speech_free(&speech);
	else
		fuzz_assert(error.message[0] != '\0');
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	int zipped = format_is_zip(data, size);
	size_t length = size;
	unsigned char *bytes = zipped ? NULL : pack(data, size, &length);
	struct document document;
	struct error error = {{0}};
	if (docx_read(zipped ? data : bytes, length, &document, &error) == 0) {
		check_document(&document);
		document_free(&document);
	} else
		fuzz_assert(error.message[0] != '\0');
	free(bytes);
	return 0;
}
