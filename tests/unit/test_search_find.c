/* store_search_find against the byte-by-byte search it replaced for words
 * without letters (memmem), on texts with bad bytes, NULs and letters. */
#include "store/search.h"
#include "tap.h"

static char fold(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

static int continues(const char *text, size_t length, size_t at)
{
	return at < length && ((unsigned char)text[at] & 0xC0) == 0x80;
}

/* The definition: the first offset at or after from where word matches,
 * ASCII letters folded, starting and ending on character boundaries. */
static long reference(const char *text, size_t length, size_t from, const char *word)
{
	size_t word_length = strlen(word);
	if (word_length == 0 || word_length > length)
		return -1;
	for (size_t i = from; i + word_length <= length; i++) {
		if (continues(text, length, i) || continues(text, length, i + word_length))
			continue;
		size_t j = 0;
		while (j < word_length && fold(text[i + j]) == fold(word[j]))
			j++;
		if (j == word_length)
			return (long)i;
	}
	return -1;
}

/* Pieces that make texts and words overlap often. */
static const char *const pieces[] = {"民", "生", "民生", "\xe6\xb0", "\x91", "\x80",	"\xe7",
				     "a",  "A",	 "1",	 "\0",	     ",",    "\xc2\x9b"};
enum { PIECES = sizeof pieces / sizeof *pieces };

static unsigned state = 2024;

static size_t random_text(char *text, size_t pieces_wanted)
{
	size_t length = 0;
	for (size_t n = 0; n < pieces_wanted; n++) {
		state = state * 1103515245u + 12345u;
		const char *piece = pieces[(state >> 16) % PIECES];
		size_t piece_length = piece[0] ? strlen(piece) : 1; /* "\0" is one NUL */
		memcpy(text + length, piece, piece_length);
		length += piece_length;
	}
	return length;
}

int main(void)
{
	unsigned differ = 0, found = 0;
	for (int round = 0; round < 20000; round++) {
		char text[256], word[32];
		size_t length = random_text(text, 1 + round % 40);
		size_t word_length = random_text(word, 1 + round % 3);
		word[word_length] = '\0'; /* a NUL inside ends the word, as in C */
		for (size_t from = 0; from <= length; from += 1 + length / 4) {
			long got = store_search_find(text, length, from, word);
			long expected = reference(text, length, from, word);
			differ += got != expected;
			found += expected >= 0;
		}
	}
	ok(differ == 0 && found > 1000, "20000 random texts: %u differ (%u found)", differ, found);

	is_int(store_search_find("民生民生", strlen("民生民生"), 1, "民生"), 6,
	       "from inside a character: the next whole match");
	is_int(store_search_find("\x80民生", strlen("\x80民生"), 0, "\x80民"), -1,
	       "a word that starts with a continuation byte never matches");
	is_int(store_search_find("民生\x80 民生", strlen("民生\x80 民生"), 0, "民生"), 8,
	       "a match followed by a continuation byte is skipped");
	is_int(store_search_find("a\0民生", 8, 0, "民生"), 2, "the text may hold a NUL");
	is_int(store_search_find("民生", strlen("民生"), 7, "民生"), -1, "from past the end");
	return tap_done();
}
