/* mapping.h — text too large to hold, kept in a temporary file and read
 * through a memory mapping whose resident pages are given back as it is
 * read, so that a file of any size keeps only a few hundred kilobytes of
 * itself in memory.
 *
 * Giving pages back (MADV_DONTNEED) never changes what the mapping reads:
 * it is a shared mapping of a file only pizhu knows, so a page given back
 * is read again from the page cache or the disk, written pages included.
 * It may therefore happen at any moment, from any thread, while pointers
 * into the mapping are held: it only costs the next read a page fault.
 * The file has no name (it is gone when the mapping is closed or the
 * process ends) and its blocks are allocated when it is made, so that a
 * full disk fails mapping_create rather than a later write. */
#ifndef PIZHU_BASE_MAPPING_H
#define PIZHU_BASE_MAPPING_H

#include <stdatomic.h>
#include <stddef.h>

#include "base/error.h"

/* What a mapping keeps resident before it gives its pages back. */
enum { MAPPING_RESIDENT_BYTES = 512 * 1024 };

struct mapping {
	char *data;	    /* the mapped bytes */
	size_t length;	    /* of the file */
	atomic_size_t read; /* bytes read since the pages were last given back */
	size_t given_back;  /* linear passes: pages before this offset were given back */
};

/* Maps a new temporary file of `length` bytes (zeros) for reading and
 * writing, in `directory`, else (NULL, or no file can be made there) in
 * $TMPDIR, else /tmp. */
int mapping_create(const char *directory, size_t length, struct mapping *mapping,
		   struct error *error);

/* Counts `length` bytes read (or written) anywhere in the mapping, and the
 * page they start on; past MAPPING_RESIDENT_BYTES since the last time,
 * gives every resident page back. For reads in no particular order (paragraphs by number).
 * Thread-safe. A NULL mapping (text in memory) is allowed. */
void mapping_read(struct mapping *mapping, size_t length);

/* A linear pass (reading or writing) has reached `position`: gives back
 * the pages more than MAPPING_RESIDENT_BYTES behind it. Cheap enough to
 * call for every line. A NULL mapping is allowed. One thread only. */
void mapping_give_back_before(struct mapping *mapping,
			      size_t offset); /* mapping_passed's slow path */
static inline void mapping_passed(struct mapping *mapping, const void *position)
{
	if (!mapping)
		return;
	size_t offset = (size_t)((const char *)position - mapping->data);
	if (offset >= mapping->given_back + 2 * (size_t)MAPPING_RESIDENT_BYTES &&
	    offset <= mapping->length)
		mapping_give_back_before(mapping, offset - MAPPING_RESIDENT_BYTES);
}

/* Gives every resident page back (after a pass). A NULL mapping is
 * allowed. */
void mapping_give_back(struct mapping *mapping);

/* Unmaps and closes; the mapping is empty afterwards. */
void mapping_close(struct mapping *mapping);

#endif
