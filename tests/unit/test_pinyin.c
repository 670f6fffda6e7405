/* base/pinyin: the order of titles — Han characters by pinyin, numbers by
 * value, letters in any case — and that it is a total order on any bytes. */
#include <stdlib.h>

#include "base/buffer.h"
#include "base/pinyin.h"
#include "tap.h"

static int order(const char *a, const char *b)
{
	return pinyin_compare(a, strlen(a), b, strlen(b));
}

static int by_pinyin(const void *a, const void *b)
{
	return order(*(const char *const *)a, *(const char *const *)b);
}

static int sign(int value)
{
	return (value > 0) - (value < 0);
}

/* The order of two keys as SQLite orders BLOBs: by their bytes, a key
 * that starts the other first. */
static int key_order(const struct buffer *a, const struct buffer *b)
{
	size_t common = a->length < b->length ? a->length : b->length;
	int order = memcmp(a->data, b->data, common);
	if (order)
		return sign(order);
	return (a->length > b->length) - (a->length < b->length);
}

/* pinyin_key's byte order is pinyin_compare's order, on every pair of a
 * varied set: Han, numbers (with leading zeros, long ones, at either
 * end), Latin in both cases, symbols, prefixes, empty and broken UTF-8. */
static void keys_sort_as_compare(void)
{
	const char *texts[] = {
	    "",
	    "0",
	    "00",
	    "007",
	    "7",
	    "9号文件",
	    "10号文件",
	    "第9次",
	    "第10次",
	    "第09次",
	    "第九次",
	    "在全市第9次党代会上的讲话",
	    "在全市第10次党代会上的讲话",
	    "在全市第100次党代会上的讲话",
	    "在全市第9次",
	    "在全市第9",
	    "2025年",
	    "2026年",
	    "2026年政府工作报告",
	    "12345678901234567890123",
	    "12345678901234567890124",
	    "9",
	    "阿",
	    "阿坝州调研讲话",
	    "北京",
	    "北京市工作会议讲话",
	    "上海",
	    "中国",
	    "中央",
	    "政府工作报告",
	    "重要讲话",
	    "讲话",
	    "讲话稿",
	    "Annual report",
	    "annual report",
	    "alpha",
	    "Beta",
	    "G20峰会讲话",
	    "G7峰会讲话",
	    "《政府工作报告》",
	    "“十四五”规划",
	    "十四五规划",
	    "a1",
	    "a1b",
	    "a01",
	    "a",
	    "A",
	    "𠀀",
	    "㐀",
	    "한국",
	    "\xff\xfe",
	    "\xff",
	    "\xe4\xb8",
	};
	size_t count = sizeof texts / sizeof texts[0];
	struct buffer keys[sizeof texts / sizeof texts[0]] = {{0}};
	for (size_t i = 0; i < count; i++)
		pinyin_key(texts[i], strlen(texts[i]), &keys[i]);
	size_t disagree = 0;
	for (size_t i = 0; i < count; i++)
		for (size_t j = 0; j < count; j++)
			if (key_order(&keys[i], &keys[j]) != sign(order(texts[i], texts[j]))) {
				if (!disagree)
					printf("# keys disagree on %zu and %zu\n", i, j);
				disagree++;
			}
	is_int((int)disagree, 0, "the keys' byte order is the pinyin order on all %zu pairs",
	       count * count);
	struct buffer key = {0};
	pinyin_key("第10次", strlen("第10次"), &key);
	ok(key.length > strlen("第10次") &&
	       memcmp(key.data + key.length - strlen("第10次"), "第10次", strlen("第10次")) == 0,
	   "a key ends with its text, which breaks ties");
	buffer_free(&key);
	for (size_t i = 0; i < count; i++)
		buffer_free(&keys[i]);
}

int main(void)
{
	ok(order("阿", "北") < 0, "阿 (a) before 北 (bei)");
	ok(order("北京", "上海") < 0, "北京 before 上海");
	ok(order("政府工作报告", "在全市会议上的讲话") > 0, "政 (zheng) after 在 (zai)");
	ok(order("中国", "中央") < 0, "a shared first character: the second decides");
	ok(order("第9次", "第10次") < 0, "第9次 before 第10次: numbers by value");
	ok(order("2026年", "2025年") > 0, "2026 after 2025");
	ok(order("第09次", "第9次") != 0, "leading zeros: equal value, still a total order");
	ok(order("alpha", "Beta") < 0, "letters ignore case");
	ok(order("Beta", "阿") < 0, "letters before Han");
	ok(order("9号文件", "阿") < 0, "numbers first");
	ok(order("讲话", "讲话") == 0, "equal texts");
	ok(order("讲话", "讲话稿") < 0, "a prefix comes first");
	ok(order("\xff\xfe", "\xff") > 0 && order("\xff", "\xff\xfe") < 0,
	   "bytes that are not UTF-8 are ordered too");
	ok(order("𠀀", "阿") > 0, "a rare character without pinyin after the common ones");

	const char *titles[] = {
	    "政府工作报告",   "在全市第10次党代会上的讲话", "在全市第9次党代会上的讲话",
	    "阿坝州调研讲话", "北京市工作会议讲话",	    "Annual report",
	    "春节团拜会讲话"};
	qsort(titles, 7, sizeof titles[0], by_pinyin);
	is_string(titles[0], "Annual report", "sorted: Latin first");
	is_string(titles[1], "阿坝州调研讲话", "then a");
	is_string(titles[2], "北京市工作会议讲话", "then bei");
	is_string(titles[3], "春节团拜会讲话", "then chun");
	is_string(titles[4], "在全市第9次党代会上的讲话", "then zai, 9");
	is_string(titles[5], "在全市第10次党代会上的讲话", "then zai, 10");
	is_string(titles[6], "政府工作报告", "then zheng");
	keys_sort_as_compare();
	return tap_done();
}
