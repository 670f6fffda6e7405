#include "base/sha256.h"

#include <string.h>

/* glibc's <sys/platform/x86.h> (2.33 and later) answers from what the
 * dynamic loader learnt at start: asking the processor again (cpuid) is a
 * trip to the hypervisor in a virtual machine (a perf profile of pizhu's
 * first paint on the bench machine put ~40 us on it). */
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__)) && defined(__has_include)
#if __has_include(<sys/platform/x86.h>)
#include <sys/platform/x86.h>
/* 2.32 has the header without CPU_FEATURE_ACTIVE. */
#if defined(CPU_FEATURE_ACTIVE)
#include <immintrin.h>
#define SHA256_EXTENSIONS 1
#endif
#endif
#endif

static const uint32_t round_constants[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

static uint32_t rotate_right(uint32_t value, int bits)
{
	return (value >> bits) | (value << (32 - bits));
}

static void compress(uint32_t state[8], const unsigned char block[64])
{
	uint32_t w[64];
	for (int i = 0; i < 16; i++)
		w[i] = (uint32_t)block[4 * i] << 24 | (uint32_t)block[4 * i + 1] << 16 |
		       (uint32_t)block[4 * i + 2] << 8 | (uint32_t)block[4 * i + 3];
	for (int i = 16; i < 64; i++) {
		uint32_t s0 =
		    rotate_right(w[i - 15], 7) ^ rotate_right(w[i - 15], 18) ^ (w[i - 15] >> 3);
		uint32_t s1 =
		    rotate_right(w[i - 2], 17) ^ rotate_right(w[i - 2], 19) ^ (w[i - 2] >> 10);
		w[i] = w[i - 16] + s0 + w[i - 7] + s1;
	}
	uint32_t a = state[0], b = state[1], c = state[2], d = state[3];
	uint32_t e = state[4], f = state[5], g = state[6], h = state[7];
	for (int i = 0; i < 64; i++) {
		uint32_t s1 = rotate_right(e, 6) ^ rotate_right(e, 11) ^ rotate_right(e, 25);
		uint32_t choice = (e & f) ^ (~e & g);
		uint32_t t1 = h + s1 + choice + round_constants[i] + w[i];
		uint32_t s0 = rotate_right(a, 2) ^ rotate_right(a, 13) ^ rotate_right(a, 22);
		uint32_t majority = (a & b) ^ (a & c) ^ (b & c);
		uint32_t t2 = s0 + majority;
		h = g;
		g = f;
		f = e;
		e = d + t1;
		d = c;
		c = b;
		b = a;
		a = t1 + t2;
	}
	state[0] += a;
	state[1] += b;
	state[2] += c;
	state[3] += d;
	state[4] += e;
	state[5] += f;
	state[6] += g;
	state[7] += h;
}

/* compress() over `count` blocks one after the other. */
static void compress_blocks(uint32_t state[8], const unsigned char *blocks, size_t count)
{
	for (size_t i = 0; i < count; i++)
		compress(state, blocks + 64 * i);
}

#ifdef SHA256_EXTENSIONS
/* The same with the processor's SHA extensions (x86 SHA-NI): a library
 * lookup hashes the whole file before the first paint, and these take
 * a twentieth of the time of compress(). The state is kept in the
 * registers as the instructions want it, ABEF and CDGH; each
 * sha256rnds2 does two rounds, sha256msg1 and sha256msg2 extend the
 * message schedule four words at a time. */
__attribute__((target("sha,sse4.1,ssse3"))) static void
compress_blocks_extended(uint32_t state[8], const unsigned char *blocks, size_t count)
{
	const __m128i byte_order = _mm_set_epi64x(0x0c0d0e0f08090a0bLL, 0x0405060700010203LL);
	__m128i dcba = _mm_loadu_si128((const __m128i *)&state[0]);
	__m128i hgfe = _mm_loadu_si128((const __m128i *)&state[4]);
	__m128i cdab = _mm_shuffle_epi32(dcba, 0xB1);
	__m128i efgh = _mm_shuffle_epi32(hgfe, 0x1B);
	__m128i abef = _mm_alignr_epi8(cdab, efgh, 8);
	__m128i cdgh = _mm_blend_epi16(efgh, cdab, 0xF0);
	for (size_t block = 0; block < count; block++, blocks += 64) {
		__m128i abef_before = abef, cdgh_before = cdgh;
		__m128i words[4]; /* words[g % 4]: schedule words 4g .. 4g+3 */
		for (int g = 0; g < 4; g++)
			words[g] = _mm_shuffle_epi8(
			    _mm_loadu_si128((const __m128i *)(blocks + 16 * g)), byte_order);
#pragma GCC unroll 16
		for (int g = 0; g < 16; g++) {
			__m128i message = _mm_add_epi32(
			    words[g % 4],
			    _mm_loadu_si128((const __m128i *)&round_constants[4 * g]));
			cdgh = _mm_sha256rnds2_epu32(cdgh, abef, message);
			if (g < 12) {
				/* Words 4g+16 .. 4g+19 take the place of 4g .. 4g+3. */
				__m128i w7 =
				    _mm_alignr_epi8(words[(g + 3) % 4], words[(g + 2) % 4], 4);
				__m128i sum = _mm_add_epi32(
				    _mm_sha256msg1_epu32(words[g % 4], words[(g + 1) % 4]), w7);
				words[g % 4] = _mm_sha256msg2_epu32(sum, words[(g + 3) % 4]);
			}
			abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_shuffle_epi32(message, 0x0E));
		}
		abef = _mm_add_epi32(abef, abef_before);
		cdgh = _mm_add_epi32(cdgh, cdgh_before);
	}
	__m128i feba = _mm_shuffle_epi32(abef, 0x1B);
	__m128i dchg = _mm_shuffle_epi32(cdgh, 0xB1);
	_mm_storeu_si128((__m128i *)&state[0], _mm_blend_epi16(feba, dchg, 0xF0));
	_mm_storeu_si128((__m128i *)&state[4], _mm_alignr_epi8(dchg, feba, 8));
}

/* Whether the processor has the SHA extensions and the SSE they use
 * (valgrind says no, and runs compress()). */
static int has_extensions(void)
{
	return CPU_FEATURE_ACTIVE(SHA) && CPU_FEATURE_ACTIVE(SSSE3) && CPU_FEATURE_ACTIVE(SSE4_1);
}
#endif

static void hash_blocks(uint32_t state[8], const unsigned char *blocks, size_t count)
{
#ifdef SHA256_EXTENSIONS
	if (has_extensions()) {
		compress_blocks_extended(state, blocks, count);
		return;
	}
#endif
	compress_blocks(state, blocks, count);
}

void sha256_begin(struct sha256 *context)
{
	static const uint32_t initial[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
					    0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
	memcpy(context->state, initial, sizeof initial);
	context->used = 0;
	context->length = 0;
}

void sha256_add(struct sha256 *context, const void *data, size_t length)
{
	const unsigned char *bytes = data;
	context->length += length;
	if (context->used) {
		size_t take = 64 - context->used < length ? 64 - context->used : length;
		memcpy(context->block + context->used, bytes, take);
		context->used += take;
		bytes += take;
		length -= take;
		if (context->used < 64)
			return;
		hash_blocks(context->state, context->block, 1);
		context->used = 0;
	}
	size_t whole = length - length % 64;
	hash_blocks(context->state, bytes, whole / 64);
	context->used = length - whole;
	memcpy(context->block, bytes + whole, context->used);
}

void sha256_end(struct sha256 *context, unsigned char digest[SHA256_DIGEST_SIZE])
{
	unsigned char tail[128] = {0};
	size_t rest = context->used;
	memcpy(tail, context->block, rest);
	tail[rest] = 0x80;
	size_t tail_length = rest + 9 <= 64 ? 64 : 128;
	uint64_t bits = context->length * 8;
	for (int i = 0; i < 8; i++)
		tail[tail_length - 1 - i] = (unsigned char)(bits >> (8 * i));
	hash_blocks(context->state, tail, tail_length / 64);
	for (int i = 0; i < 8; i++)
		for (int j = 0; j < 4; j++)
			digest[4 * i + j] = (unsigned char)(context->state[i] >> (24 - 8 * j));
}

void sha256(const void *data, size_t length, unsigned char digest[SHA256_DIGEST_SIZE])
{
	struct sha256 context;
	sha256_begin(&context);
	sha256_add(&context, data, length);
	sha256_end(&context, digest);
}

void sha256_digest_hex(const unsigned char digest[SHA256_DIGEST_SIZE], char hex[SHA256_HEX_SIZE])
{
	static const char digits[] = "0123456789abcdef";
	for (int i = 0; i < SHA256_DIGEST_SIZE; i++) {
		hex[2 * i] = digits[digest[i] >> 4];
		hex[2 * i + 1] = digits[digest[i] & 15];
	}
	hex[2 * SHA256_DIGEST_SIZE] = '\0';
}

void sha256_hex(const void *data, size_t length, char hex[SHA256_HEX_SIZE])
{
	unsigned char digest[SHA256_DIGEST_SIZE];
	sha256(data, length, digest);
	sha256_digest_hex(digest, hex);
}

int64_t sha256_int64(const void *data, size_t length)
{
	unsigned char digest[SHA256_DIGEST_SIZE];
	sha256(data, length, digest);
	uint64_t value = 0;
	for (int i = 0; i < 8; i++)
		value = value << 8 | digest[i];
	return (int64_t)value;
}
