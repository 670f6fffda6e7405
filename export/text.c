#include <errno.h>
#include <string.h>

#include "base/i18n.h"
#include "base/utf8.h"
#include "export/internal.h"

void export_clean(const char *text, int keep_lines, struct buffer *out)
{
	const unsigned char *bytes = (const unsigned char *)text;
	size_t length = strlen(text);
	for (size_t i = 0; i < length;) {
		size_t size;
		long codepoint = utf8_decode(bytes + i, length - i, &size);
		if (codepoint == '\r' && i + 1 < length && bytes[i + 1] == '\n') {
			i++; /* CRLF is one line end */
			continue;
		}
		int line_end = codepoint == '\n' || codepoint == '\r' || codepoint == 0x2028 ||
			       codepoint == 0x2029;
		if (line_end)
			buffer_append_byte(out, keep_lines ? '\n' : ' ');
		else if (codepoint == '\t')
			buffer_append_byte(out, ' ');
		else if (codepoint >= 0 && codepoint < 0x20)
			buffer_append_codepoint(out, 0x2400 + (unsigned)codepoint);
		else if (codepoint == 0x7F)
			buffer_append_codepoint(out, 0x2421);
		else if (utf8_is_bidi_control(codepoint))
			; /* left out: it could reorder what the reader sees */
		else if (codepoint < 0 || (codepoint >= 0x80 && codepoint < 0xA0) ||
			 codepoint == 0xFFFE || codepoint == 0xFFFF)
			buffer_append_codepoint(out, UTF8_REPLACEMENT);
		else
			buffer_append(out, bytes + i, size);
		i += size;
	}
	buffer_string(out);
}

void export_append_metadata(struct buffer *out, const struct store_excerpt *excerpt,
			    const char *open, const char *close,
			    void (*append)(struct buffer *out, const char *text, int first))
{
	const char *fields[] = {excerpt->date, excerpt->speaker, excerpt->occasion,
				excerpt->source};
	int any = 0;
	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
		if (!fields[i] || !*fields[i])
			continue;
		/* TRANSLATORS: between an excerpt's date, speaker, occasion and source. */
		buffer_append_string(out, any ? _("; ") : open);
		append(out, fields[i], !any && !*open);
		any = 1;
	}
	if (any)
		buffer_append_string(out, close);
}

int export_finish(FILE *out, struct error *error)
{
	if (fflush(out) != 0 || ferror(out))
		return error_set(error, _("cannot write: %s"), i18n_strerror(errno ? errno : EIO));
	return 0;
}
