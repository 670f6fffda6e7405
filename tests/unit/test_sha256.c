/* SHA-256 against the FIPS 180-2 test vectors. */
#include "base/sha256.h"
#include "tap.h"

static void hashes(const char *input, const char *expected, const char *name)
{
	char hex[SHA256_HEX_SIZE];
	sha256_hex(input, strlen(input), hex);
	is_string(hex, expected, "%s", name);
}

int main(void)
{
	hashes("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "empty");
	hashes("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", "abc");
	hashes("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
	       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
	       "two blocks (56 bytes)");
	char million[1000001];
	memset(million, 'a', 1000000);
	million[1000000] = '\0';
	hashes(million, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0",
	       "a million a");
	is_int(sha256_int64("abc", 3), (int64_t)0xba7816bf8f01cfeaULL, "first 8 bytes as int64");
	return tap_done();
}
