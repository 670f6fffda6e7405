/* base/pinyin: the order of titles — Han characters by pinyin, numbers by
 * value, letters in any case — and that it is a total order on any bytes. */
#include <stdlib.h>

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
	return tap_done();
}
