#include "formats/date.h"

#include <stdio.h>
#include <string.h>

#include "base/buffer.h"

char *date_find(const char *text, size_t length)
{
	for (size_t i = 0; i + 8 <= length; i++) {
		const char *p = text + i;
		if (!(p[0] >= '1' && p[0] <= '2' && p[1] >= '0' && p[1] <= '9' && p[2] >= '0' &&
		      p[2] <= '9' && p[3] >= '0' && p[3] <= '9'))
			continue;
		if (i > 0 && text[i - 1] >= '0' && text[i - 1] <= '9')
			continue;
		const char *end = text + length;
		const char *q = p + 4;
		size_t separator = 0;
		if (q < end && (*q == '-' || *q == '/' || *q == '.'))
			separator = 1;
		else if (end - q >= 3 && memcmp(q, "年", 3) == 0)
			separator = 3;
		if (!separator)
			continue;
		q += separator;
		int month = 0, day = 0, digits = 0;
		while (q < end && *q >= '0' && *q <= '9' && digits < 2)
			month = month * 10 + (*q++ - '0'), digits++;
		if (!digits || q >= end)
			continue;
		if (separator == 3) {
			if (end - q < 3 || memcmp(q, "月", 3) != 0)
				continue;
			q += 3;
		} else if (*q != p[4]) {
			continue;
		} else {
			q++;
		}
		digits = 0;
		while (q < end && *q >= '0' && *q <= '9' && digits < 2)
			day = day * 10 + (*q++ - '0'), digits++;
		if (!digits || month < 1 || month > 12 || day < 1 || day > 31)
			continue;
		char *date = xmalloc(11);
		snprintf(date, 11, "%.4s-%02d-%02d", p, month, day);
		return date;
	}
	return NULL;
}
