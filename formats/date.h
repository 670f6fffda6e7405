/* date.h — the date a document gives in its own words. */
#ifndef PIZHU_FORMATS_DATE_H
#define PIZHU_FORMATS_DATE_H

#include <stddef.h>

/* The first date in text[0..length) (2024-05-09, 2024年5月9日, 2024/5/9,
 * 2024.05.09, with its month and day checked) as a new "YYYY-MM-DD"
 * string, or NULL when there is none. */
char *date_find(const char *text, size_t length);

#endif
