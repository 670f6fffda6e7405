#include "speech/front_matter.h"

#include <string.h>

#include "base/utf8.h"

/* Longer lines are prose even when they mention one of the words. */
enum {
	BOILERPLATE_MAX_CHARACTERS = 60,
	FRAGMENT_MAX_CHARACTERS = 4,
	MENU_MIN_ITEMS = 4,
	MENU_ITEM_MAX_CHARACTERS = 8,
	BREADCRUMB_MIN_ITEMS = 3,
	LABEL_LINE_MAX_CHARACTERS = 30,
};

static const char *const boilerplate_words[] = {
    "仅供",	 "禁止外传",  "严禁转载", "会员",     "QQ",	  "qq",	      "微信",
    "公众号",	 "订阅",      "扫码",	  "扫一扫",   "二维码",	  "关注我们", "版权",
    "Copyright", "copyright", "©",	  "转载",     "免责声明", "字号",     "字体",
    "分享",	 "下载",      "打印",	  "全屏",     "收藏",	  "点击",     "阅读原文",
    "责任编辑",	 "来源：",    "来源:",	  "http",     "www.",	  ".com",     "文库",
    "VIP",	 "投稿",      "关闭窗口", "返回顶部", "纠错",	  "浏览次数", "阅读量",
    "您的位置",	 "当前位置",  "首页",	  "发表时间", "发布时间", "记者",
};

static int has_letters(const char *line, size_t length)
{
	const unsigned char *bytes = (const unsigned char *)line;
	size_t offset = 0;
	while (offset < length) {
		size_t step;
		long codepoint = utf8_decode(bytes + offset, length - offset, &step);
		int punctuation = (codepoint < 0x80 &&
				   !((codepoint | 0x20) >= 'a' && (codepoint | 0x20) <= 'z') &&
				   !(codepoint >= '0' && codepoint <= '9')) ||
				  (codepoint >= 0x3000 && codepoint <= 0x303F) ||
				  (codepoint >= 0xFF00 && codepoint <= 0xFF0F) ||
				  (codepoint >= 0xFF1A && codepoint <= 0xFF20) ||
				  (codepoint >= 0x2010 && codepoint <= 0x205F);
		if (!punctuation)
			return 1;
		offset += step;
	}
	return 0;
}

/* The length of the separator at line[0..length) between menu items (a
 * run of spaces, |, ｜, ·, >, ＞, », /), or 0. Sets *points when it is one
 * that points onwards (a breadcrumb's >). */
static size_t separator_at(const char *line, size_t length, int *points)
{
	static const char *const separators[] = {" ",  "　", "|",  "｜", "·", "丨", "/",
						 "／", ">",  "＞", "»",	 "›", "•"};
	size_t at = 0;
	for (int again = 1; again;) {
		again = 0;
		for (size_t i = 0; i < sizeof separators / sizeof separators[0]; i++) {
			size_t size = strlen(separators[i]);
			if (length - at >= size && memcmp(line + at, separators[i], size) == 0) {
				if (i >= 8 && i <= 11)
					*points = 1;
				at += size;
				again = 1;
			}
		}
	}
	return at;
}

/* A letter, a digit or an ideograph: what a menu item's word is made of
 * (a table's marks, × or √, are not). */
static int word_character(long codepoint)
{
	return (codepoint < 0x80 && (((codepoint | 0x20) >= 'a' && (codepoint | 0x20) <= 'z') ||
				     (codepoint >= '0' && codepoint <= '9'))) ||
	       (codepoint >= 0x3400 && codepoint <= 0x9FFF) ||
	       (codepoint >= 0xF900 && codepoint <= 0xFAFF) || codepoint >= 0x20000;
}

int front_matter_menu(const char *line, size_t length)
{
	if (length > 4 * BOILERPLATE_MAX_CHARACTERS * 2)
		return 0;
	size_t items = 0, item_characters = 0, latin_items = 0;
	int points = 0, single_space = 0, previous_latin = 0, latin_spaced_apart = 0;
	int item_has_word = 0;
	for (size_t at = 0; at < length;) {
		size_t separator = separator_at(line + at, length - at, &points);
		if (separator > 0) {
			single_space = separator == 1 && line[at] == ' ';
			at += separator;
			item_characters = 0;
			continue;
		}
		size_t step;
		long codepoint = utf8_decode((const unsigned char *)line + at, length - at, &step);
		/* A sentence is not a menu. */
		if (codepoint == 0x3002 || codepoint == 0xFF0C || codepoint == 0xFF1B)
			return 0;
		/* An item counts once it holds a word: a row of a table's
		 * marks (SF2 × × × ×) is no menu. */
		if (item_characters == 0)
			item_has_word = 0;
		if (!item_has_word && word_character(codepoint)) {
			item_has_word = 1;
			int latin = item_characters == 0 && (codepoint | 0x20) >= 'a' &&
				    (codepoint | 0x20) <= 'z';
			items++;
			latin_items += latin;
			latin_spaced_apart |= latin && previous_latin && !single_space;
			previous_latin = latin;
		}
		if (++item_characters > MENU_ITEM_MAX_CHARACTERS)
			return 0;
		at += step;
	}
	/* Mostly words of a Latin phrase, each one space from the next (a
	 * reference's English title: Periodic Safety Review for Nuclear
	 * Power Plants), are not menu items. */
	if (2 * latin_items > items && !latin_spaced_apart)
		return 0;
	return items >= MENU_MIN_ITEMS || (points && items >= BREADCRUMB_MIN_ITEMS);
}

int front_matter_line(const char *line, size_t length)
{
	if (!has_letters(line, length))
		return 1;
	if (front_matter_menu(line, length))
		return 1;
	if (utf8_count(line, length) > BOILERPLATE_MAX_CHARACTERS)
		return 0;
	for (size_t i = 0; i < sizeof boilerplate_words / sizeof boilerplate_words[0]; i++)
		if (memmem(line, length, boilerplate_words[i], strlen(boilerplate_words[i])))
			return 1;
	/* 来源 : 南方日报, 作者 ：张三 (a space before the colon). */
	static const char *const labels[] = {"来源", "作者", "编辑", "发布"};
	for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++) {
		size_t size = strlen(labels[i]);
		if (length > size && memcmp(line, labels[i], size) == 0 &&
		    (memmem(line + size, length - size, ":", 1) ||
		     memmem(line + size, length - size, "：", strlen("："))) &&
		    utf8_count(line, length) <= LABEL_LINE_MAX_CHARACTERS)
			return 1;
	}
	return 0;
}

int front_matter_fragment(const char *line, size_t length)
{
	return utf8_count(line, length) <= FRAGMENT_MAX_CHARACTERS;
}
