#include "speech/source.h"

#include <stdlib.h>
#include <string.h>

#include "formats/read.h"

static int parse_document(const struct format_reader *reader, const unsigned char *bytes,
			  size_t length, const char *fallback_title, struct speech *speech,
			  struct error *error)
{
	struct document document;
	memset(&document, 0, sizeof document);
	memset(speech, 0, sizeof *speech);
	if (reader->read(bytes, length, &document, error) != 0) {
		document_free(&document);
		return -1;
	}
	if (!document.format)
		document.format = reader->name;
	int status = speech_parse_document(&document, fallback_title, speech, error);
	if (status == 0)
		speech->format = document.format;
	document_free(&document);
	return status;
}

int speech_parse_file(const char *name, const unsigned char *bytes, size_t length,
		      const char *fallback_title, struct speech *speech, struct error *error)
{
	const struct format_reader *reader = format_detect(bytes, length, name);
	if (!reader) {
		memset(speech, 0, sizeof *speech);
		return error_set(error, "%s", FORMAT_UNREADABLE);
	}
	if (reader->read)
		return parse_document(reader, bytes, length, fallback_title, speech, error);
	if (speech_parse(bytes, length, fallback_title, speech, error) != 0)
		return -1;
	speech->format = reader->name;
	return 0;
}

int speech_parse_file_in_place(const char *name, unsigned char *bytes, size_t length,
			       const char *fallback_title, struct speech *speech,
			       struct error *error)
{
	const struct format_reader *reader = format_detect(bytes, length, name);
	if (!reader || reader->read) {
		int status = speech_parse_file(name, bytes, length, fallback_title, speech, error);
		free(bytes);
		return status;
	}
	if (speech_parse_in_place(bytes, length, fallback_title, speech, error) != 0)
		return -1;
	speech->format = reader->name;
	return 0;
}

int speech_file_is_text(const char *name, const unsigned char *bytes, size_t length)
{
	const struct format_reader *reader = format_detect(bytes, length, name);
	return reader && !reader->read;
}
