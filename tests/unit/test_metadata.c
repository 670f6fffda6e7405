/* Guessing a speech's date, speaker, occasion and source; reading dates. */
#include "base/buffer.h"
#include "base/file.h"
#include "speech/date.h"
#include "speech/metadata.h"
#include "speech/speech.h"
#include "tap.h"

static int guess_text(const char *text, struct speech_metadata *metadata)
{
	struct speech speech;
	struct error error = {{0}};
	if (speech_parse((const unsigned char *)text, strlen(text), "fallback", &speech, &error) !=
	    0) {
		printf("#   parse error: %s\n", error.message);
		memset(metadata, 0, sizeof *metadata);
		return -1;
	}
	metadata_guess(&speech, metadata);
	speech_free(&speech);
	return 0;
}

static void expect(const char *text, const char *date, const char *speaker, const char *occasion,
		   const char *source, const char *name)
{
	struct speech_metadata metadata;
	guess_text(text, &metadata);
	is_string(metadata.date, date, "%s: date", name);
	is_string(metadata.speaker, speaker, "%s: speaker", name);
	is_string(metadata.occasion, occasion, "%s: occasion", name);
	is_string(metadata.source, source, "%s: source", name);
	metadata_free(&metadata);
}

static void made_up_speeches(void)
{
	expect("在区委全体会议暨经济工作会议上的讲话\n同志们：\n今天开会。\n", NULL, NULL,
	       "区委全体会议暨经济工作会议", NULL, "title 在…上的讲话");
	expect("在全市经济工作会议上的讲话\n（2026年1月8日）\n王小明\n同志们：\n今天开会。\n",
	       "2026-01-08", "王小明", "全市经济工作会议", NULL, "bracketed date and a lone name");
	expect("政府工作报告\n——2026年2月5日在某省第十四届人民代表大会第四次会议上\n"
	       "时间：2026-02-11\n省人民政府省长 王某某\n各位代表：\n现在报告工作。\n",
	       "2026-02-05", "省人民政府省长 王某某", "某省第十四届人民代表大会第四次会议", NULL,
	       "the date of the speech wins over the page's timestamp");
	expect("政府工作报告\n时间：2026-02-11\n各位代表：\n现在报告工作。\n", "2026-02-11", NULL,
	       NULL, NULL, "a timestamp alone is taken");
	expect("政府工作报告\n2026-01-31 07:00:44\n——二〇二六年一月二十七日在某省人代会上\n"
	       "自治区主席 韦 韬\n各位代表：\n现在报告工作。\n",
	       "2026-01-27", "自治区主席 韦韬", "某省人代会", NULL,
	       "Chinese numerals; spaces inside a name dropped");
	expect("政府工作报告\n——2026年1月26日在某省第十四届\n人民代表大会第五次会议上\n"
	       "某省省长　李某\n各位代表：\n现在报告工作。\n",
	       "2026-01-26", "某省省长 李某", "某省第十四届人民代表大会第五次会议", NULL,
	       "an occasion over two lines");
	expect("政府工作报告\n2026年1月27日在某省人民代表大会第四次会议上 某省省长 赵某\n"
	       "各位代表：\n现在报告工作。\n",
	       "2026-01-27", "某省省长 赵某", "某省人民代表大会第四次会议", NULL,
	       "the speaker after the occasion on the same line");
	expect("政府工作报告\n——2017年3月5日在全国人民代表大会上\n国务院总理\n李某某\n"
	       "各位代表：\n现在报告工作。\n",
	       "2017-03-05", "国务院总理 李某某", "全国人民代表大会", NULL,
	       "an office line, then the name");
	expect("关于做好民生工作的意见\n（2018年1月2日）\n实施乡村振兴战略，是党的十九大作出的重"
	       "大决策部署。\n",
	       "2018-01-02", NULL, NULL, NULL, "a document with a date and no speaker");
	expect("决议\n（2022年3月11日某届人民代表大会第五次会议通过）\n会议听取了报告。\n",
	       "2022-03-11", NULL, NULL, NULL, "a bracketed date with more after it");
	expect("仅供学习 禁止外传\n来源：某某日报\n在全区工作会议上的讲话\n同志们：\n今天开会。\n",
	       NULL, NULL, "全区工作会议", "某某日报", "the source from the front matter");
}

/* Lines that look a little like metadata and are not. */
static void not_metadata(void)
{
	expect("关于经济工作的讲话\n2025年是极不平凡的一年。\n同志们：\n今天开会。\n", NULL, NULL,
	       NULL, NULL, "a year opening a sentence is no date");
	expect("关于经济工作的讲话\n党建工作\n同志们：\n今天开会。\n", NULL, NULL, NULL, NULL,
	       "a short line that is no name");
	expect("关于经济工作的讲话\n大力发展\n同志们：\n今天开会。\n", NULL, NULL, NULL, NULL,
	       "four characters are no lone name");
	expect("在党中央领导下奋勇前进\n同志们：\n今天开会。\n", NULL, NULL, NULL, NULL,
	       "在…下 is no occasion");
	expect("在上海工作的体会\n同志们：\n今天开会。\n", NULL, NULL, NULL, NULL,
	       "在上海 is no occasion");
	expect("讲话\n——2026年13月5日在某会议上\n同志们：\n今天开会。\n", NULL, NULL, NULL, NULL,
	       "month 13 is no date (and the line is not read further)");
	expect("讲话\n2026年2月30日\n同志们：\n今天开会。\n", NULL, NULL, NULL, NULL,
	       "30 February is no date");
	expect("讲话\n同志们：\n王小明\n今天开会。\n", NULL, NULL, NULL, NULL,
	       "nothing is read past the salutation");
	expect(
	    "讲话\n今天我们在这里召开会议，主要任务是对全年工作进行安排部署，动员全区上下不忘初心、"
	    "牢记使命，振奋精神。\n王小明\n",
	    NULL, NULL, NULL, NULL, "nothing is read past a long line");
}

static void normalize(const char *text, const char *expected)
{
	char iso[DATE_ISO_SIZE] = "";
	int valid = date_normalize(text, strlen(text), iso);
	if (expected)
		is_string(valid ? iso : NULL, expected, "date '%s'", text);
	else
		ok(!valid, "'%s' is not a date", text);
}

static void dates(void)
{
	normalize("2026-01-08", "2026-01-08");
	normalize(" 2026-1-8 ", "2026-01-08");
	normalize("2026-02", "2026-02");
	normalize("2026", "2026");
	normalize("2026年1月8日", "2026-01-08");
	normalize("2026年1月", "2026-01");
	normalize("2026年", "2026");
	normalize("二〇二六年一月二十七日", "2026-01-27");
	normalize("一九五七年十二月三十一日", "1957-12-31");
	normalize("１９５５年６月２６日", "1955-06-26");
	normalize("2024-02-29", "2024-02-29");
	normalize("2023-02-29", NULL);
	normalize("2026-13", NULL);
	normalize("2026-01-32", NULL);
	normalize("26-01-08", NULL);
	normalize("20260108", NULL);
	normalize("2026-01-08x", NULL);
	normalize("", NULL);
	normalize("yesterday", NULL);
}

static void corpus_file(const char *relative, const char *date, const char *speaker,
			const char *occasion, const char *source)
{
	char path[1024];
	if (!tap_corpus_path(relative, path, sizeof path)) {
		tap_skip("no ../shared/corpus");
		return;
	}
	unsigned char *bytes;
	size_t length;
	struct error error;
	struct speech speech;
	if (file_read(path, &bytes, &length, &error) != 0 ||
	    speech_parse(bytes, length, "fallback", &speech, &error) != 0) {
		ok(0, "%s parses", relative);
		return;
	}
	free(bytes);
	struct speech_metadata metadata;
	metadata_guess(&speech, &metadata);
	is_string(metadata.date, date, "%s: date", relative);
	is_string(metadata.speaker, speaker, "%s: speaker", relative);
	is_string(metadata.occasion, occasion, "%s: occasion", relative);
	is_string(metadata.source, source, "%s: source", relative);
	metadata_free(&metadata);
	speech_free(&speech);
}

/* Facts read off these files by eye. */
static void corpus(void)
{
	corpus_file("provincial-2026/gov-report-2026-anhui.txt", "2026-02-05",
		    "省人民政府省长 王清宪", "安徽省第十四届人民代表大会第四次会议", "安徽日报");
	corpus_file("provincial-2026/gov-report-2026-beijing.txt", "2026-01-25", "北京市市长 殷勇",
		    "北京市第十六届人民代表大会第四次会议", "北京日报");
	corpus_file("provincial-2026/gov-report-2026-gansu.txt", "2026-01-27", "甘肃省省长 任振鹤",
		    "甘肃省十四届人民代表大会第四次会议", "甘肃日报");
	corpus_file("provincial-2026/gov-report-2026-guangdong.txt", "2026-01-26",
		    "广东省省长 孟凡利", "广东省第十四届人民代表大会第五次会议", NULL);
	corpus_file("provincial-2026/gov-report-2026-guangxi.txt", "2026-02-02", "自治区主席 韦韬",
		    "广西壮族自治区第十四届人民代表大会第五次会议", "广西日报");
	corpus_file("provincial-2026/gov-report-2026-hunan.txt", "2026-02-03", "毛伟明",
		    "湖南省第十四届人民代表大会第四次会议", "湖南日报");
	corpus_file("provincial-2026/gov-report-2026-qinghai.txt", "2026-01-27", "省长 罗东川",
		    "青海省第十四届人民代表大会第四次会议", "青海日报");
	corpus_file("provincial-2026/gov-report-2026-shaanxi.txt", "2026-01-27", "陕西省省长 赵刚",
		    "陕西省第十四届人民代表大会第四次会议", NULL);
	corpus_file("provincial-2026/gov-report-2026-sichuan.txt", "2026-02-03",
		    "四川省人民政府省长 施小琳", "四川省第十四届人民代表大会第五次会议", NULL);
	corpus_file("provincial-2026/gov-report-2026-xinjiang.txt", "2026-01-27",
		    "自治区主席 艾尔肯·吐尼亚孜", "新疆维吾尔自治区第十四届人民代表大会第四次会议",
		    "新疆日报");
	corpus_file("provincial-2026/gov-report-2026-ningxia.txt", "2026-02-03",
		    "自治区人民政府主席 张雨浦", "宁夏回族自治区第十三届人民代表大会第四次会议",
		    NULL);
	corpus_file("provincial-2026/gov-report-2026-yunnan.txt", "2026-01-28", "省长 王予波",
		    "云南省第十四届人民代表大会第四次会议", "云南日报");
	corpus_file("cpc-congress/cpc-congress-19-report.txt", "2017-10-18", "习近平",
		    "中国共产党第十九次全国代表大会", NULL);
	corpus_file("national/gov-report-2017.txt", "2017-03-05", "国务院总理 李克强",
		    "第十二届全国人民代表大会第五次会议", NULL);
	corpus_file("national/gov-report-2024.txt", "2024-03-05", "国务院总理 李强",
		    "第十四届全国人民代表大会第二次会议", NULL);
	corpus_file("provincial-2026/gov-report-2026-xizang.txt", "2026-01-31",
		    "自治区主席 嘎玛泽登", "西藏自治区第十二届人民代表大会第四次会议", "西藏日报");
	corpus_file("national/gov-report-1957.txt", "1957-06-26", "周恩来",
		    "第一届全国人民代表大会第四次会議", NULL);
	corpus_file("national/npc-resolution-on-gov-report-13-5.txt", "2022-03-11", NULL, NULL,
		    NULL);
	corpus_file("national/gov-report-2019.txt", NULL, NULL, NULL, NULL);
	corpus_file("raw/central-doc-2018-rural-revitalization-utf8-crlf.txt", "2018-01-02", NULL,
		    NULL, NULL);
	corpus_file("seeds/speech-b.txt", NULL, NULL, "区委全体会议暨经济工作会议", NULL);
	corpus_file("seeds/speech-a.txt", NULL, NULL,
		    "“守初心、担使命，抓转型、促发展”主题实践活动动员会", NULL);
}

int main(void)
{
	made_up_speeches();
	not_metadata();
	dates();
	corpus();
	return tap_done();
}
