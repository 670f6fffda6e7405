#include "speech/title.h"

#include <string.h>

#include "base/utf8.h"
#include "formats/document.h"
#include "speech/front_matter.h"
#include "speech/heading.h"

enum {
	/* How far into the text the title may be: past an advertising block
	 * or a page's menus of a hundred lines and more, not into the speech. */
	HEAD_LINES = 200,
	/* Lines of prose before the salutation search gives up: a block of
	 * advertising has a line or two, a speech's opening more. */
	HEAD_PROSE_LINES = 3,
	PROSE_MIN_CHARACTERS = 30,
	TITLE_CONTINUATION_MAX_CHARACTERS = 40,
	/* A cover's line naming only the document's kind: 编制说明, 策划书. */
	KIND_LINE_MAX_CHARACTERS = 4,
	/* Lines of a cover that name the document above its kind line. */
	COVER_NAME_MAX_LINES = 3,
	SITE_MAX_CHARACTERS = 30,
	SPEAKER_MAX_CHARACTERS = 5, /* 李克强, 国务院总理 */
	NAME_MAX_CHARACTERS = 4,    /* 张三, 欧阳小明 */
	/* How far past the title a website's page controls may still sit. */
	AFTER_TITLE_SCAN_LINES = 12,
};

/* What a title candidate earns. */
enum {
	SCORE_SHAPE = 4,	/* 在…上的讲话, …报告 */
	SCORE_MARKDOWN = 5,	/* # 标题 */
	SCORE_NEAREST = 3,	/* only furniture between it and the speech */
	SCORE_FURNISHED = 2,	/* a subtitle, date or speaker right under it */
	SCORE_BLOCK_START = 1,	/* first line, or a blank-line gap above it */
	SCORE_SITE_PENALTY = 1, /* a page's <title> line: its headline is likely repeated */
	SCORE_REPEATED = 4,	/* said twice: the page's <title> and its headline */
};

static int usable(const struct lines *lines, size_t i)
{
	return lines->role[i] == LINE_TEXT;
}

static int boilerplate(const struct lines *lines, size_t i)
{
	return front_matter_line(line_text(lines, i), lines->line[i].length);
}

static int has_marker(const struct lines *lines, size_t i)
{
	struct heading_marker marker;
	return heading_marker_parse(line_text(lines, i), lines->line[i].length, &marker);
}

/* A line of prose: a sentence of some length, or a long line with the
 * commas of sentences (a menu run together into one long line has none). */
static int is_prose(const struct lines *lines, size_t i)
{
	const char *text = line_text(lines, i);
	size_t length = lines->line[i].length;
	if (!text_contains(text, length, "，") && !text_contains(text, length, "。") &&
	    !text_ends_sentence(text, length))
		return 0;
	return !text_at_most(text, length, TITLE_MAX_CHARACTERS) ||
	       (text_ends_sentence(text, length) &&
		!text_at_most(text, length, PROSE_MIN_CHARACTERS));
}

/* Prose that starts the speech: followed by more of it (prose, a
 * heading, a salutation) rather than by a page's short lines, as a
 * notice amid the menus is (您的浏览器版本过低…). */
static int opens_prose(const struct lines *lines, size_t i)
{
	if (!is_prose(lines, i))
		return 0;
	size_t next = i + 1;
	while (next < lines->count && !usable(lines, next))
		next++;
	return next >= lines->count || is_prose(lines, next) || has_marker(lines, next) ||
	       line_is_salutation(line_text(lines, next), lines->line[next].length);
}

/* 1 for a name of two to four ideographs right under a title-like line
 * (no gap) and right above a salutation (春季工作部署 / 张三 / 同志们：). */
static int name_before_salutation(const struct lines *lines, size_t i)
{
	const char *text = line_text(lines, i);
	size_t length = lines->line[i].length;
	if (i == 0 || i + 1 >= lines->count || length < 2 * 3 || length > NAME_MAX_CHARACTERS * 3 ||
	    lines->line[i].blank_before > 0 || !usable(lines, i - 1) || !usable(lines, i + 1))
		return 0;
	for (size_t at = 0; at < length; at += 3) {
		size_t step;
		long codepoint = utf8_decode((const unsigned char *)text + at, length - at, &step);
		if (step != 3 || codepoint < 0x4E00 || codepoint > 0x9FFF)
			return 0;
	}
	const char *above = line_text(lines, i - 1);
	return line_is_salutation(line_text(lines, i + 1), lines->line[i + 1].length) &&
	       line_could_be_title(above, lines->line[i - 1].length) && !boilerplate(lines, i - 1);
}

/* A subtitle or date or speaker line, or the second line of a subtitle
 * (——2026年1月26日在某省第十四届 / 人民代表大会第五次会议上). */
static int furniture(const struct lines *lines, size_t i)
{
	const char *text = line_text(lines, i);
	size_t length = lines->line[i].length;
	if (line_is_title_furniture(text, length) || name_before_salutation(lines, i))
		return 1;
	/* A speaker's name or post under a date, a subtitle or another such
	 * line (——…在…上 / 国务院总理 / 李克强). */
	if (text_at_most(text, length, SPEAKER_MAX_CHARACTERS) && i > 0 && usable(lines, i - 1) &&
	    furniture(lines, i - 1))
		return 1;
	return i > 0 && lines->role[i - 1] == LINE_TEXT &&
	       text_starts_with(line_text(lines, i - 1), lines->line[i - 1].length, "——") &&
	       !text_ends_sentence(line_text(lines, i - 1), lines->line[i - 1].length) &&
	       text_at_most(text, length, TITLE_CONTINUATION_MAX_CHARACTERS) &&
	       !text_ends_sentence(text, length) && !line_is_salutation(text, length);
}

static int candidate(const struct lines *lines, size_t i)
{
	const char *text = line_text(lines, i);
	size_t length = lines->line[i].length;
	/* A Markdown ## line or a reader's heading below level 1 is a
	 * heading, not the title. */
	if (!usable(lines, i) || lines->level[i] > 1 || !line_could_be_title(text, length) ||
	    boilerplate(lines, i) || furniture(lines, i))
		return 0;
	/* One character is a title only as an ideograph (not ×, a page's
	 * close button). */
	size_t step;
	long first = utf8_decode((const unsigned char *)text, length, &step);
	if (step == length && !(first >= 0x4E00 && first <= 0x9FFF))
		return 0;
	/* 大 中 小 among page controls are fragments of them; 讲话 alone is
	 * a title. */
	return !front_matter_fragment(text, length) ||
	       !((i > 0 && usable(lines, i - 1) && boilerplate(lines, i - 1)) ||
		 (i + 1 < lines->count && usable(lines, i + 1) && boilerplate(lines, i + 1)));
}

/* Where the speech proper starts: the first salutation before any
 * numbered heading; else the first heading or line of prose. */
static size_t find_anchor(const struct lines *lines, size_t limit)
{
	size_t prose = 0;
	for (size_t i = 0; i < limit && prose < HEAD_PROSE_LINES; i++) {
		if (!usable(lines, i) || boilerplate(lines, i))
			continue;
		if (line_is_salutation(line_text(lines, i), lines->line[i].length))
			return i;
		if (has_marker(lines, i))
			break;
		prose += is_prose(lines, i);
	}
	for (size_t i = 0; i < limit; i++) {
		if (!usable(lines, i) || boilerplate(lines, i))
			continue;
		if (has_marker(lines, i) || opens_prose(lines, i) ||
		    line_is_salutation(line_text(lines, i), lines->line[i].length))
			return i;
	}
	return limit;
}

/* 1 when another line before the anchor says the same as line i (itself,
 * or with a site's name after it). */
static int repeated(const struct lines *lines, size_t i, size_t anchor)
{
	const char *text = line_text(lines, i);
	size_t length = title_without_site(text, lines->line[i].length);
	for (size_t j = 0; j < anchor; j++) {
		if (j == i)
			continue;
		const char *other = line_text(lines, j);
		size_t kept = title_without_site(other, lines->line[j].length);
		if (kept == length && memcmp(other, text, length) == 0)
			return 1;
	}
	return 0;
}

/* The best title candidate before the anchor, or `anchor` for none. */
static size_t best_candidate(const struct lines *lines, size_t anchor)
{
	size_t best = anchor;
	int best_score = -100;
	int nearest_open = 1; /* no candidate seen yet walking up from the anchor */
	for (size_t i = anchor; i-- > 0;) {
		if (!candidate(lines, i)) {
			/* Anything but furniture and clutter between a line and
			 * the anchor means it is not the nearest. */
			if (usable(lines, i) && !furniture(lines, i) && !boilerplate(lines, i) &&
			    !front_matter_fragment(line_text(lines, i), lines->line[i].length))
				nearest_open = 0;
			continue;
		}
		const char *text = line_text(lines, i);
		size_t length = lines->line[i].length;
		int score = 0;
		if (line_has_title_shape(text, length))
			score += SCORE_SHAPE;
		if (lines->level[i] == 1)
			score += SCORE_MARKDOWN;
		if (nearest_open)
			score += SCORE_NEAREST;
		nearest_open = 0;
		if (i + 1 < anchor && usable(lines, i + 1) && furniture(lines, i + 1))
			score += SCORE_FURNISHED;
		if (i == 0 || lines->line[i].blank_before > 0 || !usable(lines, i - 1) ||
		    boilerplate(lines, i - 1))
			score += SCORE_BLOCK_START;
		if (title_without_site(text, length) < length)
			score -= SCORE_SITE_PENALTY;
		if (repeated(lines, i, anchor))
			score += SCORE_REPEATED;
		if (score > best_score) {
			best_score = score;
			best = i;
		}
	}
	return best;
}

/* A page's headline often names the document more fully than the title
 * the document itself carries (2026年某省政府工作报告 over 政府工作报告):
 * an earlier candidate that contains the title and says more wins. */
static size_t fuller_headline(const struct lines *lines, size_t title)
{
	const char *text = line_text(lines, title);
	size_t length = lines->line[title].length;
	for (size_t i = 0; i < title; i++) {
		if (!candidate(lines, i))
			continue;
		const char *other = line_text(lines, i);
		size_t kept = title_without_site(other, lines->line[i].length);
		if (kept > length && memmem(other, kept, text, length) != NULL)
			return i;
	}
	return title;
}

static int subtitle_at(const struct lines *lines, size_t i)
{
	return i < lines->count && usable(lines, i) &&
	       text_starts_with(line_text(lines, i), lines->line[i].length, "——");
}

static int continuation(const struct lines *lines, size_t i)
{
	const char *text = line_text(lines, i);
	size_t length = lines->line[i].length;
	return usable(lines, i) && line_could_be_title(text, length) && !boilerplate(lines, i) &&
	       text_at_most(text, length, TITLE_CONTINUATION_MAX_CHARACTERS) &&
	       !text_contains(text, length, "：") && !text_contains(text, length, ":");
}

/* Marks boilerplate from `first` on as front matter: boilerplate lines and
 * the short fragments between them (大 中 小). With `after_title`, other
 * lines stay paragraphs (a date under the title) and the scan goes on for
 * a few lines, else it stops at the first of them. */
static void take_front_matter(struct lines *lines, size_t first, int after_title)
{
	int in_block = 0;
	size_t limit = after_title ? first + AFTER_TITLE_SCAN_LINES : lines->count;
	for (size_t i = first; i < lines->count && i < limit; i++) {
		if (!usable(lines, i))
			continue;
		const char *text = line_text(lines, i);
		size_t length = lines->line[i].length;
		int opens_speech = line_is_salutation(text, length) || has_marker(lines, i);
		int clutter = boilerplate(lines, i) ||
			      (in_block && !opens_speech && front_matter_fragment(text, length));
		if (!clutter && opens_speech)
			break;
		if (clutter) {
			lines->role[i] = LINE_FRONT;
			in_block = 1;
		} else if (after_title && text_at_most(text, length, TITLE_MAX_CHARACTERS)) {
			in_block = 0;
		} else {
			break;
		}
	}
}

/* Bytes of a standard's number at the start of a cover line, with the
 * spaces after it (NB/T 20442.6－2017 , GB/T 1.1-2020 , NB/T XXXX－20YY ):
 * capital letters, an optional /T, then a code of digits (or the X and Y
 * of a draft's placeholder) and . - － —, before a space and Chinese text
 * or alone on the line; 0 for none. */
static size_t standard_number(const char *text, size_t length)
{
	size_t at = 0;
	while (at < length && text[at] >= 'A' && text[at] <= 'Z')
		at++;
	if (at == 0 || at > 4)
		return 0;
	if (at + 1 < length && text[at] == '/' && text[at + 1] >= 'A' && text[at + 1] <= 'Z')
		at += 2;
	if (at >= length || text[at] != ' ')
		return 0;
	while (at < length && text[at] == ' ')
		at++;
	size_t code = at;
	int digits = 0;
	while (at < length) {
		char c = text[at];
		if ((c >= '0' && c <= '9') || c == 'X' || c == 'Y') {
			digits = 1;
			at++;
		} else if (c == '.' || c == '-' || c == '/') {
			at++;
		} else if (text_starts_with(text + at, length - at, "－") ||
			   text_starts_with(text + at, length - at, "—")) {
			at += 3;
		} else {
			break;
		}
	}
	if (!digits || at == code || (at < length && text[at] != ' '))
		return 0;
	while (at < length && text[at] == ' ')
		at++;
	return at == length || (unsigned char)text[at] >= 0x80 ? at : 0;
}

static void mark_title(struct lines *lines, size_t first, size_t count, struct title_found *found)
{
	for (size_t i = 0; i < first; i++)
		if (usable(lines, i))
			lines->role[i] = LINE_FRONT;
	for (size_t i = first; i < first + count; i++)
		lines->role[i] = LINE_TITLE;
	found->line = first;
	found->count = count;
	found->length = lines->line[first].length;
	if (count == 1)
		found->length = title_without_site(line_text(lines, first), found->length);
	size_t number = standard_number(line_text(lines, first), found->length);
	if (number < found->length) {
		found->skip = number;
		found->length -= number;
	}
	take_front_matter(lines, first + count, 1);
}

/* A cover line naming only the document's kind (编制说明, 策划书, 报告). */
static int kind_line(const struct lines *lines, size_t i)
{
	const char *text = line_text(lines, i);
	size_t length = lines->line[i].length;
	return text_at_most(text, length, KIND_LINE_MAX_CHARACTERS) &&
	       line_has_title_shape(text, length);
}

/* The first line of the name a cover sets above its kind line (核电厂…
 * 第12部分：设计 / 编制说明, or a name over two lines, a gap, 策划书):
 * the title-like lines right above it, without a gap between them; the
 * kind line itself when there are none. */
static size_t cover_name_start(const struct lines *lines, size_t kind)
{
	size_t first = kind;
	while (first > 0 && kind - first < COVER_NAME_MAX_LINES) {
		size_t above = first - 1;
		const char *text = line_text(lines, above);
		size_t length = lines->line[above].length;
		if (first != kind && lines->line[first].blank_before > 0)
			break;
		if (!usable(lines, above) || lines->level[above] > 1 ||
		    !line_could_be_title(text, length) || boilerplate(lines, above) ||
		    furniture(lines, above) || kind_line(lines, above) ||
		    standard_number(text, length) == length)
			break;
		first = above;
	}
	return first;
}

/* Bytes of the white space at text[0..length) (ASCII spaces, U+3000,
 * U+2000–U+200B), or 0. */
static size_t space_at(const char *text, size_t length)
{
	if (text[0] == ' ')
		return 1;
	size_t step;
	long codepoint = utf8_decode((const unsigned char *)text, length, &step);
	return codepoint == 0x3000 || (codepoint >= 0x2000 && codepoint <= 0x200B) ? step : 0;
}

/* Whether text[0..length) is the lines first..last (inclusive) read
 * together, white space ignored. */
static int same_words(const struct lines *lines, const char *text, size_t length, size_t first,
		      size_t last)
{
	size_t at = 0;
	for (size_t line = first; line <= last; line++) {
		const char *other = line_text(lines, line);
		size_t other_length = lines->line[line].length;
		for (size_t o = 0; o < other_length;) {
			size_t space = space_at(other + o, other_length - o);
			if (space) {
				o += space;
				continue;
			}
			while (at < length && (space = space_at(text + at, length - at)) > 0)
				at += space;
			if (at >= length || text[at] != other[o])
				return 0;
			at++;
			o++;
		}
	}
	size_t space;
	while (at < length && (space = space_at(text + at, length - at)) > 0)
		at += space;
	return at == length;
}

/* A standard or report names itself on its cover (核电厂定期安全评价 /
 * 第1部分：通用要求) and again, as a level-1 heading after its 前言 and
 * 引言, before its first clause: the cover's lines are the title and the
 * repeat is hidden with the front matter. Returns 1 when found. */
static int repeated_cover_name(struct lines *lines, size_t limit, struct title_found *found)
{
	for (size_t i = 1; i < limit; i++) {
		if (lines->level[i] != 1 || !usable(lines, i))
			continue;
		const char *text = line_text(lines, i);
		size_t length = lines->line[i].length;
		if (!line_could_be_title(text, length))
			continue;
		for (size_t j = 0; j < i; j++) {
			if (!usable(lines, j) || lines->level[j] != 0)
				continue;
			size_t count = 0;
			if (same_words(lines, text, length, j, j))
				count = 1;
			else if (j + 1 < i && usable(lines, j + 1) && lines->level[j + 1] == 0 &&
				 lines->line[j + 1].blank_before == 0 &&
				 same_words(lines, text, length, j, j + 1))
				count = 2;
			/* Headings between them (目次, 前言): not a page's <title>
			 * line over its headline. */
			size_t headings = 0;
			for (size_t k = j + count; k < i; k++)
				headings += lines->level[k] > 0;
			if (!count || headings == 0)
				continue;
			mark_title(lines, j, count, found);
			lines->role[i] = LINE_FRONT;
			return 1;
		}
	}
	return 0;
}

static int marked_title(struct lines *lines, struct title_found *found)
{
	for (size_t i = 0; i < lines->count; i++) {
		if (lines->hint[i] != DOCUMENT_TITLE || !usable(lines, i))
			continue;
		size_t count = i + 1 < lines->count && lines->hint[i + 1] == DOCUMENT_TITLE ? 2 : 1;
		mark_title(lines, i, count, found);
		return 1;
	}
	return 0;
}

void title_find(struct lines *lines, struct title_found *found)
{
	memset(found, 0, sizeof *found);
	if (marked_title(lines, found))
		return;
	size_t limit = lines->count < HEAD_LINES ? lines->count : HEAD_LINES;
	if (repeated_cover_name(lines, limit, found))
		return;
	size_t anchor = find_anchor(lines, limit);
	size_t title = anchor < limit ? best_candidate(lines, anchor) : limit;
	if (title < anchor)
		title = fuller_headline(lines, title);
	if (title >= anchor) {
		/* No anchor in reach, or nothing title-like before it: the
		 * first title-like line after the boilerplate at the start. */
		take_front_matter(lines, 0, 0);
		size_t first = 0;
		while (first < lines->count && !usable(lines, first))
			first++;
		if (first >= lines->count || !candidate(lines, first) ||
		    (anchor < limit && first >= anchor))
			return;
		title = first;
	}
	size_t count = 1;
	if (kind_line(lines, title)) {
		size_t name = cover_name_start(lines, title);
		count = title - name + 1;
		title = name;
		mark_title(lines, title, count, found);
		return;
	}
	size_t first_text = 0;
	while (first_text < title && !usable(lines, first_text))
		first_text++;
	if (title > 0 && subtitle_at(lines, title + 1) && continuation(lines, title - 1) &&
	    !furniture(lines, title - 1) &&
	    (lines->line[title].blank_before == 0 || title - 1 == first_text) &&
	    (title - 1 == first_text ||
	     !line_has_title_shape(line_text(lines, title), lines->line[title].length))) {
		title--;
		count = 2;
	} else if (title + 2 < lines->count && continuation(lines, title + 1) &&
		   !furniture(lines, title + 1) && subtitle_at(lines, title + 2)) {
		count = 2;
	}
	mark_title(lines, title, count, found);
}

/* 1 when text reads as a website's name: 新华网, 某某日报, 人民政府门户网站. */
static int site_name(const char *text, size_t length)
{
	static const char *const endings[] = {"网", "网站", "报", "频道", "客户端", "官网"};
	for (size_t i = 0; i < sizeof endings / sizeof endings[0]; i++)
		if (text_ends_with(text, length, endings[i]))
			return 1;
	return 0;
}

/* 1 when text could be a site's or column's name: it has Chinese in it
 * or a dot (xinhuanet.com), unlike a plain word (100%_done). */
static int names_a_site(const char *text, size_t length)
{
	for (size_t at = 0; at < length;) {
		size_t step;
		long codepoint = utf8_decode((const unsigned char *)text + at, length - at, &step);
		if ((codepoint >= 0x4E00 && codepoint <= 0x9FFF) || codepoint == '.')
			return 1;
		at += step;
	}
	return 0;
}

size_t title_without_site(const char *text, size_t length)
{
	static const char *const separators[] = {"_", "|", "｜", " - ", " — ", " – ", "--"};
	/* The first separator that leaves a headline before it and only
	 * short names (站名, 栏目_站名) after it. */
	for (size_t at = 0; at < length; at++) {
		for (size_t s = 0; s < sizeof separators / sizeof separators[0]; s++) {
			if (!text_starts_with(text + at, length - at, separators[s]))
				continue;
			size_t rest = at + strlen(separators[s]);
			size_t head = at;
			while (head > 0 && text[head - 1] == ' ')
				head--;
			if (head == 0 || text_at_most(text, head, 3) || rest >= length ||
			    !text_at_most(text + rest, length - rest, SITE_MAX_CHARACTERS) ||
			    text_ends_sentence(text + rest, length - rest) ||
			    !names_a_site(text + rest, length - rest))
				continue;
			return head;
		}
		/* …促进长治久安-新华网: a bare hyphen only before a site's name. */
		if (text[at] == '-' && at > 0 && at + 1 < length &&
		    text_at_most(text + at + 1, length - at - 1, SITE_MAX_CHARACTERS) &&
		    site_name(text + at + 1, length - at - 1) && !text_at_most(text, at, 3))
			return at;
	}
	return length;
}
