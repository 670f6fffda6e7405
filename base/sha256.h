/* sha256.h — SHA-256 digests, for content and paragraph hashes. */
#ifndef PIZHU_BASE_SHA256_H
#define PIZHU_BASE_SHA256_H

#include <stddef.h>
#include <stdint.h>

#define SHA256_DIGEST_SIZE 32
#define SHA256_HEX_SIZE	   (2 * SHA256_DIGEST_SIZE + 1)

void sha256(const void *data, size_t length, unsigned char digest[SHA256_DIGEST_SIZE]);

/* The same digest of data given in pieces (a file read a chunk at a time). */
struct sha256 {
	uint32_t state[8];
	unsigned char block[64];
	size_t used; /* bytes in block */
	uint64_t length;
};
void sha256_begin(struct sha256 *context);
void sha256_add(struct sha256 *context, const void *data, size_t length);
void sha256_end(struct sha256 *context, unsigned char digest[SHA256_DIGEST_SIZE]);

/* A digest as 64 lowercase hex digits and a NUL. */
void sha256_digest_hex(const unsigned char digest[SHA256_DIGEST_SIZE], char hex[SHA256_HEX_SIZE]);

/* The digest as 64 lowercase hex digits and a NUL. */
void sha256_hex(const void *data, size_t length, char hex[SHA256_HEX_SIZE]);

/* The first 8 bytes of the digest as a signed 64-bit integer (big-endian),
 * a compact hash that fits an SQLite INTEGER column. */
int64_t sha256_int64(const void *data, size_t length);

#endif
