/* Wrapping paragraphs into screen lines, and the per-width layout cache. */
#include <time.h>
#include <unigbrk.h>

#include "base/buffer.h"
#include "base/file.h"
#include "speech/speech.h"
#include "tui/model/layout.h"
#include "tui/model/layout_cache.h"
#include "base/width.h"
#include "tap.h"

/* A wrap drawn as text: each line's indent as spaces, lines joined by "\n".
 * The caller frees it. */
static char *drawn(const char *text, int width, int indent, int ambiguous_wide)
{
	struct layout_options options = {width, indent, ambiguous_wide};
	size_t count;
	struct layout_line *lines = layout_wrap(text, strlen(text), &options, &count);
	struct buffer out = {0};
	for (size_t i = 0; i < count; i++) {
		if (i > 0)
			buffer_append_byte(&out, '\n');
		for (int column = 0; column < lines[i].indent; column++)
			buffer_append_byte(&out, ' ');
		buffer_append(&out, text + lines[i].offset, lines[i].length);
	}
	free(lines);
	buffer_string(&out);
	return out.data;
}

#define wraps(text, width, indent, ambiguous_wide, expected, ...)                                  \
	do {                                                                                       \
		char *wrap_got = drawn(text, width, indent, ambiguous_wide);                       \
		is_string(wrap_got, expected, __VA_ARGS__);                                        \
		free(wrap_got);                                                                    \
	} while (0)

/* What every wrap must satisfy: lines cover the text in order with only
 * spaces between them; no line starts or ends with a space (but at the
 * paragraph's start) or splits a grapheme cluster; each line's width is its
 * text_width(); indent + width fits, except a line of one cluster that is
 * alone wider than the whole line. Returns the first broken rule, or NULL. */
static const char *broken_rule(const char *text, size_t length,
			       const struct layout_options *options,
			       const struct layout_line *lines, size_t count, char *clusters)
{
	if (count == 0 || lines[0].offset != 0)
		return "lines start at the text's start";
	size_t covered = 0;
	for (size_t i = 0; i < count; i++) {
		const struct layout_line *line = &lines[i];
		if (line->offset < covered || line->offset + line->length > length)
			return "lines in order, inside the text";
		for (size_t k = covered; k < line->offset; k++)
			if (text[k] != ' ')
				return "only spaces between lines";
		const char *start = text + line->offset, *end = start + line->length;
		if (line->length > 0 && (end[-1] == ' ' || (i > 0 && start[0] == ' ')))
			return "no space at a line's edge";
		if (!clusters[line->offset] || (line->offset + line->length < length &&
						!clusters[line->offset + line->length]))
			return "no grapheme cluster split";
		if (line->width != text_width(start, line->length, options->ambiguous_wide))
			return "width is text_width()";
		if (i > 0 && line->indent != 0)
			return "only the first line is indented";
		int fits = line->indent + line->width <= (options->width < 1 ? 1 : options->width);
		int one_cluster = (const char *)u8_grapheme_next((const uint8_t *)start,
								 (const uint8_t *)end) == end;
		if (!fits && !(one_cluster && line->indent == 0))
			return "indent + width fits the line";
		covered = line->offset + line->length;
	}
	for (size_t k = covered; k < length; k++)
		if (text[k] != ' ')
			return "only spaces after the last line";
	return NULL;
}

/* Whether a line starts with punctuation that must not start one, or ends
 * with punctuation that must not end one (UTF-8 prefixes compared). */
static int starts_badly(const char *line, size_t length)
{
	static const char *const closing[] = {"，", "。", "、", "；", "：", "？", "！", "”",
					      "’",  "）", "」", "』", "》", "】", "〕", ","};
	for (size_t i = 0; i < sizeof closing / sizeof *closing; i++)
		if (length >= strlen(closing[i]) &&
		    memcmp(line, closing[i], strlen(closing[i])) == 0)
			return 1;
	return 0;
}

static int ends_badly(const char *line, size_t length)
{
	static const char *const opening[] = {"“", "‘", "（", "「", "『", "《", "【", "〔"};
	for (size_t i = 0; i < sizeof opening / sizeof *opening; i++) {
		size_t size = strlen(opening[i]);
		if (length >= size && memcmp(line + length - size, opening[i], size) == 0)
			return 1;
	}
	return 0;
}

/* Wraps text and returns the first rule of broken_rule() it breaks, or of
 * the punctuation rules when `punctuation` is set (text with no
 * unbreakable run wider than the line); NULL when it keeps them all. */
static const char *wrap_breaks_rule(const char *text, size_t length,
				    const struct layout_options *options, int punctuation,
				    size_t *count)
{
	struct layout_line *lines = layout_wrap(text, length, options, count);
	char *clusters = xmalloc(length + 1);
	u8_grapheme_breaks((const uint8_t *)text, length, clusters);
	clusters[0] = 1;
	const char *rule = broken_rule(text, length, options, lines, *count, clusters);
	for (size_t i = 0; i < *count && punctuation && !rule; i++) {
		const char *line = text + lines[i].offset;
		if (i > 0 && starts_badly(line, lines[i].length))
			rule = "no closing punctuation starts a line";
		else if (i + 1 < *count && ends_badly(line, lines[i].length))
			rule = "no opening punctuation ends a line";
	}
	free(clusters);
	free(lines);
	return rule;
}

/* One test of wrap_breaks_rule(); returns the number of lines. */
static size_t checks(const char *text, size_t length, int width, int indent, int ambiguous_wide,
		     int punctuation, const char *name)
{
	struct layout_options options = {width, indent, ambiguous_wide};
	size_t count;
	const char *rule = wrap_breaks_rule(text, length, &options, punctuation, &count);
	ok(rule == NULL, "%s: width %d%s: %zu lines keep the rules%s%s", name, width,
	   ambiguous_wide ? " (ambiguous wide)" : "", count, rule ? "; broken: " : "",
	   rule ? rule : "");
	return count;
}

static const char speech[] =
    "同志们：今年以来，全区上下坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实"
    "“十四五”规划，GDP增长3.9%，达到1234.5亿元。我们要坚持“稳中求进”工作总基调，"
    "（一）抓项目、（二）促投资、（三）保民生；要在《政府工作报告》中明确：“一切为了人民”！"
    "城乡居民人均可支配收入分别增长5.2%和7.1%……我们必须清醒地看到——困难和挑战依然不少。";

static void cjk(void)
{
	static const int widths[] = {10, 20, 41, 80};
	for (size_t i = 0; i < sizeof widths / sizeof *widths; i++) {
		checks(speech, strlen(speech), widths[i], 2, 0, 1, "speech paragraph");
		checks(speech, strlen(speech), widths[i], 2, 1, 1, "speech paragraph");
	}
	/* Ideographs alone fill every line but the last, and an odd width
	 * leaves its last column empty rather than split a character. */
	const char *ideographs = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥天地玄黄宇宙洪荒";
	wraps(ideographs, 20, 0, 0,
	      "甲乙丙丁戊己庚辛壬癸\n子丑寅卯辰巳午未申酉\n戌亥天地玄黄宇宙洪荒",
	      "ideographs fill 20 columns");
	wraps(ideographs, 21, 0, 0,
	      "甲乙丙丁戊己庚辛壬癸\n子丑寅卯辰巳午未申酉\n戌亥天地玄黄宇宙洪荒",
	      "width 21: ten ideographs, the 21st column empty");
	wraps(ideographs, 41, 0, 0,
	      "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉\n戌亥天地玄黄宇宙洪荒",
	      "width 41: twenty ideographs");
	/* 落|实 and 为了|人 are the last breaks that fit: “ holds on to the
	 * character before it (UAX #14 class QU), and （一） is one run. */
	wraps(speech + strlen("同志们："), 80, 2, 0,
	      "  今年以来，全区上下坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落\n"
	      "实“十四五”规划，GDP增长3.9%，达到1234.5亿元。我们要坚持“稳中求进”工作总基调，\n"
	      "（一）抓项目、（二）促投资、（三）保民生；要在《政府工作报告》中明确：“一切为了\n"
	      "人民”！城乡居民人均可支配收入分别增长5.2%和7.1%……我们必须清醒地看到——困难和挑战\n"
	      "依然不少。",
	      "speech paragraph at 80 columns");
}

static void punctuation(void)
{
	/* A naive wrap at 8 columns would start line 2 with the punctuation. */
	static const char *const closing[] = {"，", "。", "、", "；", "：", "？", "！",
					      "）", "」", "』", "》", "】", "〕"};
	for (size_t i = 0; i < sizeof closing / sizeof *closing; i++) {
		char text[64], expected[64];
		snprintf(text, sizeof text, "一二三四%s五六", closing[i]);
		snprintf(expected, sizeof expected, "一二三\n四%s五六", closing[i]);
		wraps(text, 8, 0, 0, expected, "%s does not start a line", closing[i]);
	}
	/* A naive wrap at 8 columns would end line 1 with it. */
	static const char *const opening[] = {"（", "「", "『", "《", "【", "〔"};
	for (size_t i = 0; i < sizeof opening / sizeof *opening; i++) {
		char text[64], expected[64];
		snprintf(text, sizeof text, "一二三%s四五六", opening[i]);
		snprintf(expected, sizeof expected, "一二三\n%s四五六", opening[i]);
		wraps(text, 8, 0, 0, expected, "%s does not end a line", opening[i]);
	}
	/* UAX #14 keeps “ ” ‘ ’ (class QU) to the characters on both sides. */
	wraps("一二三“四五六", 8, 0, 0, "一二\n三“四五\n六", "“ does not end a line");
	wraps("一二三‘四五六", 8, 0, 0, "一二\n三‘四五\n六", "‘ does not end a line");
	wraps("“甲乙丙”丁戊", 7, 0, 0, "“甲乙\n丙”丁戊", "” does not start a line");
	/* Across a space UAX #14 alone allows these; the post-pass does not. */
	wraps("甲乙丙 “ 丁戊己", 10, 0, 0, "甲乙丙\n“ 丁戊己", "“ and a space do not end a line");
	wraps("甲乙丙 ”丁戊", 6, 0, 0, "甲乙\n丙 ”丁\n戊", "a space then ” does not start a line");
	wraps("甲乙丙（ 丁戊", 9, 0, 0, "甲乙丙\n（ 丁戊", "（ and a space do not end a line");
	/* Between the two, a line may break anywhere it is allowed. */
	wraps("一二，三四。五六", 6, 0, 0, "一二，\n三四。\n五六", "breaks after ， and 。");
}

static void latin(void)
{
	wraps("the quick brown fox", 10, 0, 0, "the quick\nbrown fox", "English breaks at spaces");
	wraps("一二三四五GDP增长", 12, 0, 0, "一二三四五\nGDP增长", "an English word stays whole");
	wraps("增长率为3.9%，高于", 11, 0, 0, "增长率为\n3.9%，高于", "3.9%%， stays whole");
	wraps("总额1234.5亿元", 8, 0, 0, "总额\n1234.5亿\n元", "1234.5 stays whole");
	wraps("abc def", 4, 0, 0, "abc\ndef", "the space at a break is dropped");
	wraps("ab   cd", 3, 0, 0, "ab\ncd", "several spaces at a break are dropped");
	wraps("a b", 3, 0, 0, "a b", "an inner space counts");
	wraps("一二 ab", 8, 0, 0, "一二 ab", "mixed text on one line");
	/* A run wider than the line is cut at the last cluster that fits. */
	char run[201];
	memset(run, 'a', 200);
	run[200] = '\0';
	is_int(checks(run, 200, 30, 0, 0, 0, "200-character run"), 7,
	       "a 200-column run at 30 columns takes 7 lines");
	wraps("aaaaaaaaaaaa", 10, 0, 0, "aaaaaaaaaa\naa", "an overlong word is cut at the width");
	wraps("aaaaaaaaa，", 10, 0, 0, "aaaaaaaa\na，", "a cut keeps ， off a line's start");
	const char *url = "详见https://example.com/reports/2024/annual/summary-of-work.html页面";
	checks(url, strlen(url), 20, 2, 0, 0, "a URL");
	checks(url, strlen(url), 7, 0, 0, 0, "a URL");
}

static void ambiguous(void)
{
	const char *text = "“甲乙”，丙丁";
	wraps(text, 8, 0, 0, "“甲乙”，\n丙丁", "quotes narrow: one line holds “甲乙”，");
	wraps(text, 8, 0, 1, "“甲\n乙”，丙\n丁", "quotes wide: the same text needs three lines");
	struct layout_options narrow = {8, 0, 0}, wide = {8, 0, 1};
	size_t count;
	struct layout_line *lines = layout_wrap(text, strlen(text), &narrow, &count);
	is_int(lines[0].width, 8, "narrow quotes: first line 8 columns");
	free(lines);
	lines = layout_wrap(text, strlen(text), &wide, &count);
	is_int(lines[0].width, 4, "wide quotes: first line 4 columns");
	free(lines);
}

static void combining(void)
{
	const char *cafe = "cafe\xCC\x81 au lait";
	wraps(cafe, 5, 0, 0, "cafe\xCC\x81\nau\nlait", "café in 5 columns: é counts 1");
	struct layout_options options = {80, 0, 0};
	size_t count;
	struct layout_line *lines = layout_wrap(cafe, strlen(cafe), &options, &count);
	is_int(lines[0].width, 12, "e + U+0301 is one column");
	free(lines);
	/* Twenty é cut at 7 columns: every cut falls between clusters. */
	struct buffer run = {0};
	for (int i = 0; i < 20; i++)
		buffer_append_string(&run, "e\xCC\x81");
	wraps(buffer_string(&run), 7, 0, 0,
	      "e\xCC\x81"
	      "e\xCC\x81"
	      "e\xCC\x81"
	      "e\xCC\x81"
	      "e\xCC\x81"
	      "e\xCC\x81"
	      "e\xCC\x81\n"
	      "e\xCC\x81"
	      "e\xCC\x81"
	      "e\xCC\x81"
	      "e\xCC\x81"
	      "e\xCC\x81"
	      "e\xCC\x81"
	      "e\xCC\x81\n"
	      "e\xCC\x81"
	      "e\xCC\x81"
	      "e\xCC\x81"
	      "e\xCC\x81"
	      "e\xCC\x81"
	      "e\xCC\x81",
	      "a cut keeps each combining mark with its base");
	checks(run.data, run.length, 7, 0, 0, 0, "combining run");
	wraps("e\xCC\x81x", 1, 0, 0, "e\xCC\x81\nx", "width 1: e + U+0301 together");
	wraps("中\xCC\x81文", 2, 0, 0, "中\xCC\x81\n文", "a mark stays with its ideograph");
	buffer_free(&run);
}

static void narrow(void)
{
	wraps("中文", 1, 0, 0, "中\n文", "width 1: a 2-column character alone on each line");
	wraps("ab", 1, 0, 0, "a\nb", "width 1: ASCII");
	wraps("中文a，b", 1, 0, 0, "中\n文\na\n，\nb", "width 1: progress with anything");
	checks("中文a，b", strlen("中文a，b"), 1, 2, 0, 0, "width 1 with an indent");
	wraps("中文", 2, 0, 0, "中\n文", "width 2: one ideograph a line");
	wraps("a中", 2, 0, 0, "a\n中", "width 2: half a column is left empty");
	wraps("中文", 2, 2, 0, "中\n文", "width 2: an indent with no room is dropped");
	wraps("中文", 0, 0, 0, "中\n文", "width 0 counts as 1");
	wraps("中文", -5, 0, 0, "中\n文", "a negative width counts as 1");
	wraps("中，文。", 2, 0, 0, "中\n，\n文\n。",
	      "width 2: ， must start a line when nothing else fits");
}

static void edges(void)
{
	struct layout_options options = {10, 2, 0};
	size_t count;
	struct layout_line *lines = layout_wrap("", 0, &options, &count);
	is_int(count, 1, "empty text: one line");
	ok(lines[0].offset == 0 && lines[0].length == 0 && lines[0].width == 0,
	   "empty text: an empty line");
	free(lines);
	wraps("   ", 10, 0, 0, "", "spaces only: one empty line");
	wraps("甲\n乙", 10, 0, 0, "甲\n乙", "a newline is a mandatory break");
	wraps("甲\r\n乙", 10, 0, 0, "甲\n乙", "CR LF is one mandatory break");
	wraps("甲\n\n乙", 10, 0, 0, "甲\n\n乙", "two newlines make an empty line");
}

static void indent(void)
{
	wraps("一二三四五六七八九十", 10, 2, 0, "  一二三四\n五六七八九\n十",
	      "first-line indent of 2");
	wraps("一二三四五六七八九十", 10, 4, 0, "    一二三\n四五六七八\n九十",
	      "first-line indent of 4");
	wraps("abcdefghi 中", 10, 2, 0, "abcdefghi\n中",
	      "indent dropped when the first word fits only without it");
	wraps("abcdefghijkl", 10, 2, 0, "  abcdefgh\nijkl",
	      "indent kept when the word fits nowhere");
	wraps("一二三", 10, 20, 0, "一二三", "an indent wider than the line is dropped");
	wraps("一二", 10, -3, 0, "一二", "a negative indent counts as 0");
}

/* A paragraph of 10 MB: linear time (a quadratic pass would not finish). */
static void big(void)
{
	size_t size = 10 * 1000 * 1000, unit = strlen(speech);
	char *text = xmalloc(size);
	size_t length = 0;
	for (; length + unit <= size; length += unit)
		memcpy(text + length, speech, unit);
	clock_t begun = clock();
	size_t count = checks(text, length, 80, 2, 0, 0, "10 MB of speech");
	double seconds = (double)(clock() - begun) / CLOCKS_PER_SEC;
	ok(count > length / 240, "10 MB of speech: %zu lines in %.2f s", count, seconds);
	memset(text, 'x', size);
	begun = clock();
	count = checks(text, size, 80, 0, 0, 0, "10 MB without a break opportunity");
	seconds = (double)(clock() - begun) / CLOCKS_PER_SEC;
	is_int(count, size / 80, "10 MB without a break: cut into 80-column lines in %.2f s",
	       seconds);
	free(text);
}

/* Every paragraph of the seed speeches keeps every rule. */
static void corpus(void)
{
	static const char *const seeds[] = {"seeds/speech-a.txt", "seeds/speech-b.txt",
					    "seeds/speech-c.txt"};
	for (size_t s = 0; s < sizeof seeds / sizeof *seeds; s++) {
		char path[4096];
		unsigned char *bytes;
		size_t length;
		struct error error;
		struct speech parsed;
		if (!tap_corpus_path(seeds[s], path, sizeof path) ||
		    file_read(path, &bytes, &length, &error) != 0) {
			tap_skip("../shared/corpus absent");
			continue;
		}
		int status = speech_parse(bytes, length, "seed", &parsed, &error);
		free(bytes);
		if (!ok(status == 0, "%s parses", seeds[s]))
			continue;
		static const int widths[] = {10, 20, 41, 80};
		for (size_t w = 0; w < sizeof widths / sizeof *widths; w++)
			for (int wide = 0; wide <= 1; wide++) {
				struct layout_options options = {widths[w], 2, wide};
				const char *rule = NULL;
				size_t p = 0, count;
				for (; p < parsed.paragraph_count && !rule; p++)
					rule = wrap_breaks_rule(paragraph_text(&parsed, p),
								parsed.paragraphs[p].length,
								&options, 1, &count);
				ok(!rule, "%s at width %d%s: %zu paragraphs keep the rules%s%s",
				   seeds[s], widths[w], wide ? " (ambiguous wide)" : "", p,
				   rule ? "; broken: " : "", rule ? rule : "");
			}
		speech_free(&parsed);
	}
}

/* Lines of a paragraph through the cache (laid out when first asked). */
static size_t cached_height(struct layout_cache *cache, size_t index, const char *text,
			    size_t length, int is_body)
{
	size_t count;
	layout_cache_lines(cache, index, text, length, is_body, &count);
	return count;
}

static void cache(void)
{
	const char *texts[] = {"一、标题", "一二三四五六七八九十一二三四五六七八九十", "短"};
	struct layout_options options = {10, 2, 0};
	struct layout_cache cache;
	layout_cache_init(&cache, 3, &options);
	size_t count;
	const struct layout_line *body =
	    layout_cache_lines(&cache, 1, texts[1], strlen(texts[1]), 1, &count);
	is_int(count, 5, "body paragraph at 10 columns: 5 lines");
	is_int(body[0].indent, 2, "body paragraph: first line indented");
	const struct layout_line *heading =
	    layout_cache_lines(&cache, 0, texts[0], strlen(texts[0]), 0, &count);
	is_int(heading[0].indent, 0, "heading: not indented");
	ok(layout_cache_lines(&cache, 1, texts[1], strlen(texts[1]), 1, &count) == body,
	   "second request served from the cache");
	is_int(cached_height(&cache, 1, texts[1], strlen(texts[1]), 1), 5,
	       "height of a cached paragraph");
	is_int(cached_height(&cache, 2, texts[2], strlen(texts[2]), 1), 1,
	       "height lays out a paragraph not yet seen");
	is_int(layout_cache_set_options(&cache, &options), 0, "same options: nothing dropped");
	ok(layout_cache_lines(&cache, 1, texts[1], strlen(texts[1]), 1, &count) == body,
	   "same options: layout kept");
	struct layout_options wider = {20, 2, 0};
	is_int(layout_cache_set_options(&cache, &wider), 1, "new width: layouts dropped");
	is_int(cached_height(&cache, 1, texts[1], strlen(texts[1]), 1), 3,
	       "at 20 columns the body paragraph takes 3 lines");
	struct layout_options widest = {42, 2, 0};
	layout_cache_set_options(&cache, &widest);
	is_int(cached_height(&cache, 1, texts[1], strlen(texts[1]), 1), 1,
	       "at 42 columns it takes 1 line");
	struct layout_options no_indent = {42, 0, 0};
	is_int(layout_cache_set_options(&cache, &no_indent), 1, "new indent: layouts dropped");
	is_int(layout_cache_lines(&cache, 1, texts[1], strlen(texts[1]), 1, &count)[0].indent, 0,
	       "the new indent applies");
	struct layout_options wide = {42, 0, 1};
	is_int(layout_cache_set_options(&cache, &wide), 1, "ambiguous width: layouts dropped");
	layout_cache_free(&cache);
}

int main(void)
{
	cjk();
	punctuation();
	latin();
	ambiguous();
	combining();
	narrow();
	edges();
	indent();
	big();
	corpus();
	cache();
	return tap_done();
}
