#include "speech/back_matter.h"

#include <string.h>

#include "formats/document.h"
#include "speech/front_matter.h"
#include "speech/heading.h"

enum {
	BACK_SCAN_LINES = 80,		      /* back matter sits in the last lines */
	OPENER_MAX_CHARACTERS = 40,	      /* 责任编辑：张三 is short; prose is not */
	LIST_HEADING_MAX_CHARACTERS = 12,     /* 相关新闻： */
	TRAILER_LINE_MAX_CHARACTERS = 40,     /* what may follow a weak opener */
	TRAILER_SENTENCE_MAX_CHARACTERS = 12, /* （完）, 谢谢！ — not a paragraph */
};

/* The text of a line without the brackets around page furniture:
 * 【责任编辑：张三】, [打印], （来源：新华社）. */
static const char *unbracketed(const char *text, size_t *length)
{
	static const char *const opens[] = {"【", "[", "（", "(", "〔"};
	for (size_t i = 0; i < sizeof opens / sizeof opens[0]; i++)
		if (text_starts_with(text, *length, opens[i])) {
			*length -= strlen(opens[i]);
			return text + strlen(opens[i]);
		}
	return text;
}

static int starts_with_any(const char *text, size_t length, const char *const *words, size_t count)
{
	for (size_t i = 0; i < count; i++)
		if (text_starts_with(text, length, words[i]))
			return 1;
	return 0;
}

/* A line that takes everything after it: a licence, a copyright, a list
 * of other articles, a footer menu. */
static int strong_opener(const char *text, size_t length)
{
	static const char *const licences[] = {
	    "本作品", "这部作品", "這部作品", "此作品",	  "Public domain", "Copyright", "copyright",
	    "©",      "版权所有", "版權所有", "版权声明", "免责声明",	   "本文版权"};
	/* 相关新闻, 相关附件>>, 延伸阅读: a list of other pages. */
	static const char *const lists[] = {"相关",	"延伸阅读", "推荐阅读", "热点推荐",
					    "往期回顾", "更多阅读", "猜你喜欢", "热门文章"};
	text = unbracketed(text, &length);
	if (starts_with_any(text, length, licences, sizeof licences / sizeof licences[0]))
		return 1;
	if (starts_with_any(text, length, lists, sizeof lists / sizeof lists[0]))
		return text_at_most(text, length, LIST_HEADING_MAX_CHARACTERS);
	return front_matter_menu(text, length);
}

/* A line of page furniture that ends a page, but may also stand near its
 * top: back matter only when nothing but short lines follows. */
static int weak_opener(const char *text, size_t length)
{
	static const char *const words[] = {
	    "责任编辑", "编辑：",   "编辑:",	"来源：",   "来源:",	"稿源",	  "作者：",
	    "审核",	"校对",	    "打印",	"关闭",	    "分享",	"扫一扫", "返回",
	    "上一篇",	"下一篇",   "网站地图", "联系我们", "主办",	"承办",	  "原标题",
	    "原文链接", "本文来源", "（完）",	"(完)",	    "【纠错】", "点击",	  "http"};
	if (!text_at_most(text, length, OPENER_MAX_CHARACTERS))
		return 0;
	if (starts_with_any(text, length, words, sizeof words / sizeof words[0]))
		return 1;
	text = unbracketed(text, &length);
	return starts_with_any(text, length, words, sizeof words / sizeof words[0]);
}

/* What may follow a weak opener: short lines and the fragments a scraper
 * leaves (，… 》… ↑), never a paragraph of the speech. */
static int trailer_line(const char *text, size_t length)
{
	static const char *const fragments[] = {"，", "。", "、", "》", "）", "↑", "[", "]", "；"};
	if (text_at_most(text, length, TRAILER_LINE_MAX_CHARACTERS) &&
	    (!text_ends_sentence(text, length) ||
	     text_at_most(text, length, TRAILER_SENTENCE_MAX_CHARACTERS)))
		return 1;
	return starts_with_any(text, length, fragments, sizeof fragments / sizeof fragments[0]) ||
	       front_matter_line(text, length);
}

void back_matter_find(struct lines *lines, size_t body_start)
{
	size_t first = lines->count > BACK_SCAN_LINES ? lines->count - BACK_SCAN_LINES : 0;
	if (first <= body_start)
		first = body_start + 1;
	/* The first strong opener takes the rest of the file. */
	size_t strong = lines->count;
	for (size_t i = first; i < lines->count && strong == lines->count; i++)
		if (lines->role[i] == LINE_TEXT &&
		    (lines->hint[i] == DOCUMENT_BACK ||
		     strong_opener(line_text(lines, i), lines->line[i].length)))
			strong = i;
	/* Up to it, whether every line after i is trailer-like, walking up. */
	size_t trailer_from = strong;
	while (trailer_from > first && (lines->role[trailer_from - 1] != LINE_TEXT ||
					trailer_line(line_text(lines, trailer_from - 1),
						     lines->line[trailer_from - 1].length)))
		trailer_from--;
	size_t start = strong;
	for (size_t i = first; i < strong && start == strong; i++)
		if (lines->role[i] == LINE_TEXT && i + 1 >= trailer_from &&
		    weak_opener(line_text(lines, i), lines->line[i].length))
			start = i;
	for (size_t i = start; i < lines->count; i++)
		if (lines->role[i] == LINE_TEXT)
			lines->role[i] = LINE_BACK;
}
