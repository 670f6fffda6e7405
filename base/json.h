/* json.h — writing JSON strings, for the JSON Lines export and the
 * recovery files of removed speeches. */
#ifndef PIZHU_BASE_JSON_H
#define PIZHU_BASE_JSON_H

#include "base/buffer.h"

/* Appends text (UTF-8) as a JSON string, or null for NULL: quotes and
 * backslashes escaped, LF, CR and tab as \n \r \t, other C0, DEL, C1
 * and U+2028/U+2029 (which break JavaScript that embeds JSON) as \u
 * escapes, and bytes that are not UTF-8 as \ufffd, so that every parser
 * reads it and no control character is written raw. */
void json_append_string(struct buffer *out, const char *text);

/* Appends ,"name":value for an object being written. */
void json_append_field(struct buffer *out, const char *name, const char *value);

#endif
