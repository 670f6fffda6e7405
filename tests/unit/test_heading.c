/* Heading markers, numerals and labels. */
#include "speech/heading.h"
#include "tap.h"

static void marker(const char *line, int rank, int value, const char *marker_text)
{
	struct heading_marker found;
	int is = heading_marker_parse(line, strlen(line), &found);
	if (!ok(is, "'%s' has a marker", line))
		return;
	is_int(found.rank, rank, "'%s' rank", line);
	is_int(found.value, value, "'%s' value", line);
	is_span(line, found.marker_length, marker_text, "'%s' marker text", line);
}

static void no_marker(const char *line)
{
	struct heading_marker found;
	ok(!heading_marker_parse(line, strlen(line), &found), "'%s' has no marker", line);
}

static void label(const char *line, const char *expected)
{
	is_span(line, heading_label_length(line, strlen(line)), expected, "label of '%s'", line);
}

int main(void)
{
	marker("一、提高政治站位", 4, 1, "一、");
	marker("十二、加强党的领导", 4, 12, "十二、");
	marker("二十、其他", 4, 20, "二十、");
	marker("（一）在谱写中牢记嘱托", 5, 1, "（一）");
	marker("(三)强化责任", 5, 3, "(三)");
	marker("（十一）坚持", 5, 11, "（十一）");
	marker("一是全力抓好各项经济工作。这里", 6, 1, "一是");
	marker("六要壮大主流思想", 6, 6, "六要");
	marker("第一，坚持党的领导", 6, 1, "第一，");
	marker("第十、其他", 6, 10, "第十、");
	marker("1.加强学习", 7, 1, "1.");
	marker("2、完善制度", 7, 2, "2、");
	marker("12．全面推进", 7, 12, "12．");
	marker("３．全角数字", 7, 3, "３．");
	marker("（1）强化", 8, 1, "（1）");
	marker("(2)落实", 8, 2, "(2)");

	marker("第一部分 回顾", 1, 1, "第一部分 ");
	marker("第二章总则", 2, 2, "第二章");
	marker("第三节 要求", 3, 3, "第三节 ");
	marker("第一篇 总论", 1, 1, "第一篇 ");
	marker("1）完善制度", 7, 1, "1）");
	no_marker("第二篇讲话");
	no_marker("四川日报记者");
	no_marker("三峡工程");
	no_marker("2025年是收官之年");
	no_marker("1.5%的增长");
	no_marker("一年来，主要做了以下工作。");
	no_marker("一些地方还存在问题");
	no_marker("第一次全体会议");
	no_marker("一、");
	no_marker("（一）");
	no_marker("同志们：");
	no_marker("在一、二线城市");
	no_marker("0.加强");
	no_marker("（一");

	size_t length;
	is_int(chinese_numeral_parse("九十九", strlen("九十九"), &length), 99, "九十九");
	is_int(chinese_numeral_parse("十", strlen("十"), &length), 10, "十");
	is_int(chinese_numeral_parse("两", strlen("两"), &length), 2, "两");
	is_int(chinese_numeral_parse("我们", strlen("我们"), &length), 0, "not a numeral");

	label("一、提高政治站位，强化使命担当", "一、提高政治站位，强化使命担当");
	label("一是全力抓好各项经济工作。这里，我着重强调", "一是全力抓好各项经济工作");
	label("（一）关于工作：具体如下", "（一）关于工作");
	label("二是为什么？因为", "二是为什么");
	label("三是完成了！", "三是完成了");
	return tap_done();
}
