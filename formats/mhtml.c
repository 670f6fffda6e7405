#include "formats/mhtml.h"

#include <string.h>
#include <strings.h>

/* The headers of a message or part: bytes up to the first blank line. */
struct headers {
	const char *start;
	size_t length;
};

/* Where the headers at text end (after the blank line), or NULL. */
static const char *end_of_headers(const char *text, const char *end)
{
	for (const char *p = text; p < end; p++) {
		if (*p != '\n')
			continue;
		if (p + 1 < end && p[1] == '\n')
			return p + 2;
		if (p + 2 < end && p[1] == '\r' && p[2] == '\n')
			return p + 3;
	}
	return NULL;
}

/* The value of header `name` (unfolded lines are not joined: the values
 * read here sit on their first line or on continuation lines after it,
 * which are searched too), as a pointer into the headers and a length. */
static const char *header(struct headers headers, const char *name, size_t *length)
{
	size_t n = strlen(name);
	const char *end = headers.start + headers.length;
	for (const char *line = headers.start; line < end;) {
		const char *stop = memchr(line, '\n', (size_t)(end - line));
		if (!stop)
			stop = end;
		if ((size_t)(stop - line) > n && strncasecmp(line, name, n) == 0 &&
		    line[n] == ':') {
			const char *value = line + n + 1;
			/* Take continuation lines (starting with white space) along. */
			const char *last = stop;
			while (last + 1 < end && (last[1] == ' ' || last[1] == '\t')) {
				const char *next = memchr(last + 1, '\n', (size_t)(end - last - 1));
				last = next ? next : end;
			}
			while (value < last && (*value == ' ' || *value == '\t'))
				value++;
			*length = (size_t)(last - value);
			return value;
		}
		line = stop + 1;
	}
	return NULL;
}

/* A parameter of a header value (`boundary="…"`, `charset=…`), or NULL. */
static const char *parameter(const char *value, size_t length, const char *name,
			     size_t *parameter_length)
{
	size_t n = strlen(name);
	for (size_t i = 0; i + n < length; i++) {
		if (strncasecmp(value + i, name, n) != 0 || value[i + n] != '=')
			continue;
		if (i > 0 && value[i - 1] != ';' && value[i - 1] != ' ' && value[i - 1] != '\t' &&
		    value[i - 1] != '\n')
			continue;
		const char *start = value + i + n + 1, *end = value + length;
		int quoted = start < end && *start == '"';
		if (quoted)
			start++;
		const char *stop = start;
		while (stop < end && (quoted ? *stop != '"' : !strchr(" \t\r\n;", *stop)))
			stop++;
		*parameter_length = (size_t)(stop - start);
		return start;
	}
	return NULL;
}

static int hex(char c)
{
	return c >= '0' && c <= '9'   ? c - '0'
	       : c >= 'A' && c <= 'F' ? c - 'A' + 10
	       : c >= 'a' && c <= 'f' ? c - 'a' + 10
				      : -1;
}

static void quoted_printable(const char *text, size_t length, struct buffer *out)
{
	for (size_t i = 0; i < length; i++) {
		if (text[i] != '=') {
			buffer_append_byte(out, text[i]);
			continue;
		}
		if (i + 1 < length && text[i + 1] == '\n') { /* soft line break */
			i += 1;
		} else if (i + 2 < length && text[i + 1] == '\r' && text[i + 2] == '\n') {
			i += 2;
		} else if (i + 2 < length && hex(text[i + 1]) >= 0 && hex(text[i + 2]) >= 0) {
			buffer_append_byte(out, (char)(hex(text[i + 1]) * 16 + hex(text[i + 2])));
			i += 2;
		} else {
			buffer_append_byte(out, '=');
		}
	}
}

static int base64_value(char c)
{
	return c >= 'A' && c <= 'Z'   ? c - 'A'
	       : c >= 'a' && c <= 'z' ? c - 'a' + 26
	       : c >= '0' && c <= '9' ? c - '0' + 52
	       : c == '+'	      ? 62
	       : c == '/'	      ? 63
				      : -1;
}

static void base64(const char *text, size_t length, struct buffer *out)
{
	unsigned bits = 0;
	int count = 0;
	for (size_t i = 0; i < length; i++) {
		int value = base64_value(text[i]);
		if (value < 0)
			continue; /* line ends, padding */
		bits = (bits << 6) | (unsigned)value;
		count += 6;
		if (count >= 8) {
			count -= 8;
			buffer_append_byte(out, (char)((bits >> count) & 0xFF));
		}
	}
}

int mhtml_detect(const unsigned char *bytes, size_t length, const char *extension)
{
	(void)extension;
	const char *text = (const char *)bytes, *end = text + (length < 8192 ? length : 8192);
	const char *body = end_of_headers(text, end);
	if (!body || memchr(text, 0, (size_t)(body - text)))
		return 0;
	struct headers headers = {text, (size_t)(body - text)};
	size_t version_length, type_length;
	const char *type = header(headers, "Content-Type", &type_length);
	return header(headers, "MIME-Version", &version_length) && type && type_length >= 10 &&
	       strncasecmp(type, "multipart/", 10) == 0;
}

int mhtml_page(const unsigned char *bytes, size_t length, struct buffer *html, char **location)
{
	*location = NULL;
	if (!mhtml_detect(bytes, length, NULL))
		return 0;
	const char *text = (const char *)bytes, *end = text + length;
	const char *body = end_of_headers(text, end);
	struct headers headers = {text, (size_t)(body - text)};
	size_t type_length, boundary_length;
	const char *type = header(headers, "Content-Type", &type_length);
	const char *boundary = parameter(type, type_length, "boundary", &boundary_length);
	if (!boundary || boundary_length == 0 || boundary_length > 200)
		return 0;
	char delimiter[210] = "--";
	memcpy(delimiter + 2, boundary, boundary_length);
	size_t delimiter_length = boundary_length + 2;
	size_t location_length;
	const char *address = header(headers, "Snapshot-Content-Location", &location_length);
	for (const char *part = memmem(body, (size_t)(end - body), delimiter, delimiter_length);
	     part;) {
		const char *part_headers = memchr(part, '\n', (size_t)(end - part));
		if (!part_headers)
			break;
		part_headers++;
		const char *content = end_of_headers(part_headers, end);
		if (!content)
			break;
		const char *next =
		    memmem(content, (size_t)(end - content), delimiter, delimiter_length);
		const char *content_end = next ? next : end;
		struct headers part_header = {part_headers, (size_t)(content - part_headers)};
		size_t part_type_length, encoding_length = 0, charset_length = 0;
		const char *part_type = header(part_header, "Content-Type", &part_type_length);
		if (part_type && part_type_length >= 9 &&
		    strncasecmp(part_type, "text/html", 9) == 0) {
			const char *encoding =
			    header(part_header, "Content-Transfer-Encoding", &encoding_length);
			const char *charset =
			    parameter(part_type, part_type_length, "charset", &charset_length);
			if (charset && charset_length > 0 && charset_length < 40) {
				buffer_append_string(html, "<meta charset=\"");
				buffer_append(html, charset, charset_length);
				buffer_append_string(html, "\">");
			}
			size_t content_length = (size_t)(content_end - content);
			if (encoding && encoding_length >= 16 &&
			    strncasecmp(encoding, "quoted-printable", 16) == 0)
				quoted_printable(content, content_length, html);
			else if (encoding && encoding_length >= 6 &&
				 strncasecmp(encoding, "base64", 6) == 0)
				base64(content, content_length, html);
			else
				buffer_append(html, content, content_length);
			if (!address)
				address = header(part_header, "Content-Location", &location_length);
			if (address && location_length > 0 && location_length < 2048) {
				while (location_length > 0 &&
				       (address[location_length - 1] == '\r' ||
					address[location_length - 1] == ' '))
					location_length--;
				*location = xstrndup(address, location_length);
			}
			return 1;
		}
		part = next;
	}
	return 0;
}
