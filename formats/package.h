/* package.h — the parts of a zip package (a Word .docx), read from memory
 * with libzip, within limits that a hostile file cannot pass: a part's
 * size as the zip declares it, its compression ratio, and the bytes read
 * from the whole package. A part is never trusted to be as long as it
 * says: reading stops at the declared size. */
#ifndef PIZHU_FORMATS_PACKAGE_H
#define PIZHU_FORMATS_PACKAGE_H

#include <stddef.h>
#include <stdint.h>

#include "base/error.h"

enum {
	/* The most bytes one part may hold, and all the parts read: a
	 * 50 MB speech is about 300 MB of WordprocessingML. */
	PACKAGE_MAX_PART_BYTES = 512 * 1024 * 1024,
	PACKAGE_MAX_TOTAL_BYTES = 768 * 1024 * 1024,
	/* Above this size a part must not have shrunk more than
	 * PACKAGE_MAX_RATIO times: XML compresses ten or twenty times, a
	 * zip bomb a thousand. */
	PACKAGE_RATIO_FROM_BYTES = 16 * 1024 * 1024,
	PACKAGE_MAX_RATIO = 200,
};

struct package;

/* Opens the zip in bytes[0..length), which must outlive the package. */
int package_open(const unsigned char *bytes, size_t length, struct package **package,
		 struct error *error);

/* Reads the part `name` into new memory (NUL-terminated, *size without
 * it). Returns 0, 1 when the package has no such part, -1 on failure. */
int package_read(struct package *package, const char *name, size_t limit, char **data, size_t *size,
		 struct error *error);

void package_close(struct package *package);

#endif
