#include "speech/markup.h"

#include <stdlib.h>
#include <string.h>

#include "base/buffer.h"
#include "base/utf8.h"
#include "speech/heading.h"

enum {
	MARKDOWN_MAX_LEVEL = 6,
	WRAPPED_HEADING_MAX_CHARACTERS = 40,
	/* A word a cover spaces out one character a line: 策 / 划 / 书. */
	SPACED_WORD_MAX_CHARACTERS = 8,
	WRAPPED_TAIL_MAX_CHARACTERS = 25,
	FRAGMENT_MAX_CHARACTERS = 20, /* a link's text broken onto its own line */
	MARKER_ALONE_MAX_BYTES = 24,  /* （二十一） */
};

/* Bytes of a leading "## " (hashes and the spaces after them), storing
 * the number of hashes in *level; 0 when the line is no Markdown heading.
 * "#标题" without the space counts too: Chinese notes often omit it. */
static size_t heading_prefix(const char *text, size_t length, int *level)
{
	size_t hashes = 0;
	while (hashes < length && text[hashes] == '#')
		hashes++;
	if (hashes == 0 || hashes > MARKDOWN_MAX_LEVEL || hashes == length)
		return 0;
	unsigned char next = (unsigned char)text[hashes];
	if (next != ' ' && next < 0x80)
		return 0; /* #1, #include, #hashtag in ASCII */
	size_t end = hashes;
	while (end < length && text[end] == ' ')
		end++;
	*level = (int)hashes;
	return end < length ? end : 0;
}

static void strip_heading(struct lines *lines, size_t i, int in_markdown)
{
	struct text_line *line = &lines->line[i];
	const char *text = line_text(lines, i);
	int level;
	size_t prefix = heading_prefix(text, line->length, &level);
	if (prefix > 0) {
		size_t length = line->length - prefix;
		/* Closing hashes: ## 一、总体要求 ## */
		while (length > 0 &&
		       (text[prefix + length - 1] == '#' || text[prefix + length - 1] == ' '))
			length--;
		if (length == 0)
			return; /* a line of hashes stays text */
		line->offset += prefix;
		line->length = length;
		if (lines->level[i] == 0)
			lines->level[i] = (unsigned char)level;
	} else if (in_markdown && text_starts_with(text, line->length, "> ") && line->length > 2) {
		line->offset += 2;
		line->length -= 2;
	}
}

/* **一、总体要求** or **一、总体要求**。正文: the two pairs of stars go. */
static void strip_bold(struct lines *lines, size_t i)
{
	struct text_line *line = &lines->line[i];
	const char *text = line_text(lines, i);
	if (line->length < 5 || !text_starts_with(text, line->length, "**"))
		return;
	const char *close = memmem(text + 2, line->length - 2, "**", 2);
	if (!close || close == text + 2)
		return;
	size_t close_at = (size_t)(close - text);
	line_delete(lines, i, close_at, 2);
	line->offset += 2;
	line->length -= 2;
}

/* Bytes of a continuation note at text: （上接第一版）, (下转第7版),
 * （紧接第二版）; 0 when there is none. */
static size_t continuation_note(const char *text, size_t length)
{
	static const char *const opens[] = {"（", "("};
	static const char *const verbs[] = {"上接", "下转", "紧接", "接", "转", "续"};
	static const char *const closes[] = {"）", ")"};
	size_t at = 0;
	for (size_t i = 0; i < 2 && at == 0; i++)
		if (text_starts_with(text, length, opens[i]))
			at = strlen(opens[i]);
	if (at == 0)
		return 0;
	size_t verb = 0;
	for (size_t i = 0; i < sizeof verbs / sizeof verbs[0] && verb == 0; i++)
		if (text_starts_with(text + at, length - at, verbs[i]))
			verb = strlen(verbs[i]);
	if (verb == 0)
		return 0;
	at += verb;
	if (text_starts_with(text + at, length - at, "第"))
		at += strlen("第");
	size_t numeral;
	if (chinese_numeral_parse(text + at, length - at, &numeral) > 0) {
		at += numeral;
	} else {
		size_t digits = 0;
		while (at + digits < length && text[at + digits] >= '0' && text[at + digits] <= '9')
			digits++;
		if (digits == 0)
			return 0;
		at += digits;
	}
	if (!text_starts_with(text + at, length - at, "版"))
		return 0;
	at += strlen("版");
	for (size_t i = 0; i < 2; i++)
		if (text_starts_with(text + at, length - at, closes[i]))
			return at + strlen(closes[i]);
	return 0;
}

static void strip_continuation(struct lines *lines, size_t i)
{
	struct text_line *line = &lines->line[i];
	const char *text = line_text(lines, i);
	size_t note = continuation_note(text, line->length);
	if (note == line->length) {
		lines->role[i] = LINE_FRONT;
		return;
	}
	if (note > 0) {
		line->offset += note;
		line->length -= note;
		text += note;
	}
	/* A note at the end: the last opening bracket starts it. Most lines
	 * do not end with a bracket and cost nothing. */
	if (!text_ends_with(text, line->length, "）") && !text_ends_with(text, line->length, ")"))
		return;
	for (size_t at = line->length; at-- > 0;) {
		if (text[at] != '(' && !text_starts_with(text + at, line->length - at, "（"))
			continue;
		if (continuation_note(text + at, line->length - at) == line->length - at && at > 0)
			line->length = at;
		break;
	}
}

void markup_strip(struct lines *lines)
{
	int in_markdown = 0;
	for (size_t i = 0; i < lines->count && !in_markdown; i++) {
		int level;
		in_markdown =
		    heading_prefix(line_text(lines, i), lines->line[i].length, &level) > 0;
	}
	for (size_t i = 0; i < lines->count; i++) {
		if (lines->role[i] != LINE_TEXT)
			continue;
		strip_heading(lines, i, in_markdown);
		strip_bold(lines, i);
		strip_continuation(lines, i);
	}
}

/* Appends line `from` to line `to` (an earlier line, the text between
 * them only line ends and spaces it leaves). */
static void append_line(struct lines *lines, size_t to, size_t from)
{
	struct text_line *line = &lines->line[to];
	const struct text_line *tail = &lines->line[from];
	char *end = lines->text + line->offset + line->length;
	size_t tail_end = tail->offset + tail->length;
	mapping_read(lines->mapping, tail->length);
	memmove(end, lines->text + tail->offset, tail->length);
	line->length += tail->length;
	memset(lines->text + line->offset + line->length, ' ',
	       tail_end - (line->offset + line->length));
	lines->role[from] = LINE_GONE;
}

/* 1 when a heading line stops mid-phrase: on a word that joins it to
 * what follows. */
static int ends_joining(const char *text, size_t length)
{
	size_t size;
	switch (text_last_codepoint(text, length, &size)) {
	case 0x548C: /* 和 */
	case 0x4E0E: /* 与 */
	case 0x53CA: /* 及, 以及 */
	case 0x3001: /* 、 */
	case 0xFF0C: /* ， */
	case 0x7684: /* 的 */
	case 0x5E76: /* 并 */
	case 0x66A8: /* 暨 */
	case 0x6216: /* 或 */
	case 0x201C: /* “ */
	case 0x300A: /* 《 */
	case 0x540C: /* 同 */
	case 0x8DDF: /* 跟 */
	case 0x4E3A: /* 为 */
	case 0x5728: /* 在 */
		return 1;
	default:
		return 0;
	}
}

void markup_join_wrapped_headings(struct lines *lines)
{
	for (size_t i = 0; i + 1 < lines->count; i++) {
		struct text_line *line = &lines->line[i];
		struct text_line *next = &lines->line[i + 1];
		const char *text = line_text(lines, i);
		const char *tail = line_text(lines, i + 1);
		struct heading_marker marker;
		if (lines->role[i] != LINE_TEXT || lines->role[i + 1] != LINE_TEXT ||
		    next->blank_before > 0 || line->length > 4 * WRAPPED_HEADING_MAX_CHARACTERS)
			continue;
		if (line->length <= MARKER_ALONE_MAX_BYTES &&
		    heading_marker_alone(text, line->length)) {
			/* 二是 / 结构调整不适应…: the marker's text is below it. */
			append_line(lines, i, i + 1);
			i++;
			continue;
		}
		if (lines->level[i + 1] != 0 || !ends_joining(text, line->length) ||
		    !heading_marker_parse(text, line->length, &marker) ||
		    marker.rank == HEADING_RANK_ENUMERATION ||
		    !text_at_most(text, line->length, WRAPPED_HEADING_MAX_CHARACTERS) ||
		    !text_at_most(tail, next->length, WRAPPED_TAIL_MAX_CHARACTERS) ||
		    !line_could_be_title(tail, next->length))
			continue;
		append_line(lines, i, i + 1);
		i++;
	}
}

/* 1 for a line of one ideograph. */
static int single_ideograph(const struct lines *lines, size_t i)
{
	size_t step;
	long codepoint =
	    utf8_decode((const unsigned char *)line_text(lines, i), lines->line[i].length, &step);
	return lines->role[i] == LINE_TEXT && step == lines->line[i].length &&
	       codepoint >= 0x4E00 && codepoint <= 0x9FFF;
}

void markup_join_spaced_letters(struct lines *lines)
{
	for (size_t i = 0; i + 1 < lines->count; i++) {
		if (!single_ideograph(lines, i) || !single_ideograph(lines, i + 1) ||
		    lines->line[i + 1].blank_before > 0)
			continue;
		size_t end = i + 1;
		while (end < lines->count && single_ideograph(lines, end) &&
		       lines->line[end].blank_before == 0 && end - i < SPACED_WORD_MAX_CHARACTERS)
			end++;
		/* A block of its own, blank lines around it: not 大 / 中 / 小
		 * among a page's font-size controls. */
		int alone = (i == 0 || lines->line[i].blank_before > 0) &&
			    (end >= lines->count || lines->line[end].blank_before > 0);
		for (size_t j = i + 1; j < end && alone; j++)
			append_line(lines, i, j);
		i = end - 1;
	}
}

/* 1 when text starts with punctuation that closes or goes on with a
 * sentence (，。、；：！？》）」』”’): it cannot open a line of its own. */
static int starts_closing(const char *text, size_t length)
{
	size_t step;
	switch (utf8_decode((const unsigned char *)text, length, &step)) {
	case 0xFF0C: /* ， */
	case 0x3002: /* 。 */
	case 0x3001: /* 、 */
	case 0xFF1B: /* ； */
	case 0xFF1A: /* ： */
	case 0xFF01: /* ！ */
	case 0xFF1F: /* ？ */
	case 0x300B: /* 》 */
	case 0xFF09: /* ） */
	case 0x300D: /* 」 */
	case 0x300F: /* 』 */
	case 0x201D: /* ” */
	case 0x2019: /* ’ */
		return 1;
	default:
		return 0;
	}
}

static int joinable(const struct lines *lines, size_t i)
{
	return lines->role[i] == LINE_TEXT && lines->role[i - 1] == LINE_TEXT &&
	       lines->line[i].blank_before == 0;
}

void markup_join_fragments(struct lines *lines)
{
	if (lines->count < 2)
		return;
	unsigned char *join = xcalloc(lines->count, 1);
	for (size_t i = 1; i < lines->count; i++) {
		if (!joinable(lines, i) ||
		    !starts_closing(line_text(lines, i), lines->line[i].length))
			continue;
		join[i] = 1;
		size_t link = i - 1;
		struct heading_marker marker;
		if (link >= 1 && joinable(lines, link) &&
		    text_at_most(line_text(lines, link), lines->line[link].length,
				 FRAGMENT_MAX_CHARACTERS) &&
		    !text_ends_sentence(line_text(lines, link - 1), lines->line[link - 1].length) &&
		    !heading_marker_parse(line_text(lines, link), lines->line[link].length,
					  &marker))
			join[link] = 1;
	}
	size_t owner = 0;
	for (size_t i = 0; i < lines->count; i++) {
		if (join[i])
			append_line(lines, owner, i);
		else if (lines->role[i] == LINE_TEXT)
			owner = i;
	}
	free(join);
}
