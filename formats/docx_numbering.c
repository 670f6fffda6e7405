#include "formats/docx_numbering.h"

#include <stdlib.h>
#include <string.h>

#include "formats/ooxml.h"
#include "formats/xml_library.h"

enum suffix {
	SUFFIX_TAB, /* the default */
	SUFFIX_SPACE,
	SUFFIX_NOTHING,
};

struct level {
	int defined;
	long start;
	char format[40]; /* numFmt */
	char *text;	 /* lvlText; NULL when absent */
	enum suffix suffix;
	long restart; /* lvlRestart: -1 default (after any shallower level), 0 never */
	int legal;    /* isLgl: the numbers of every level shown as decimal */
	char *style;  /* pStyle: the paragraph style numbered by this level */
};

struct abstract {
	long id;
	struct level levels[DOCX_LEVELS];
};

struct instance {
	long id;
	long abstract_id;
	long start_override[DOCX_LEVELS]; /* -1 when none */
	struct level override[DOCX_LEVELS];
	long counter[DOCX_LEVELS];
	int counted[DOCX_LEVELS]; /* the level has been used since its last restart */
};

struct docx_numbering {
	struct abstract *abstracts;
	size_t abstract_count;
	struct instance *instances;
	size_t instance_count;
};

/* ---- number formats ------------------------------------------------ */

static void append_decimal(long value, struct buffer *out)
{
	buffer_printf(out, "%ld", value);
}

/* A character of a run of consecutive code points (①…⑳), value 1..count. */
static int append_enclosed(unsigned first, long count, long value, struct buffer *out)
{
	if (value < 1 || value > count)
		return 0;
	buffer_append_codepoint(out, first + (unsigned)(value - 1));
	return 1;
}

static void append_letters(long value, char first, struct buffer *out)
{
	long repeat = (value - 1) / 26 + 1;
	char letter = (char)(first + (value - 1) % 26);
	for (long i = 0; i < repeat && i < 64; i++)
		buffer_append_byte(out, letter);
}

static void append_roman(long value, int upper, struct buffer *out)
{
	static const struct {
		long value;
		const char *lower, *upper;
	} numerals[] = {{1000, "m", "M"}, {900, "cm", "CM"}, {500, "d", "D"}, {400, "cd", "CD"},
			{100, "c", "C"},  {90, "xc", "XC"},  {50, "l", "L"},  {40, "xl", "XL"},
			{10, "x", "X"},	  {9, "ix", "IX"},   {5, "v", "V"},   {4, "iv", "IV"},
			{1, "i", "I"}};
	if (value > 3999) {
		append_decimal(value, out);
		return;
	}
	for (size_t i = 0; i < sizeof numerals / sizeof numerals[0]; i++)
		for (; value >= numerals[i].value; value -= numerals[i].value)
			buffer_append_string(out, upper ? numerals[i].upper : numerals[i].lower);
}

struct counting_digits {
	const char *digit[10]; /* 零 一 … 九 */
	const char *unit[4];   /* "", 十, 百, 千 */
	const char *ten_thousand;
	int bare_ten; /* 10..19 read 十… rather than 一十… */
};

/* value (1..9999) in counting form: 二十一, 一百零五, 三千. */
static void append_counting_group(long value, const struct counting_digits *digits, int leading,
				  struct buffer *out)
{
	int zero = 0, started = 0;
	for (int position = 3; position >= 0; position--) {
		long power = position == 3 ? 1000 : position == 2 ? 100 : position == 1 ? 10 : 1;
		long digit = value / power % 10;
		if (digit == 0) {
			zero = started;
			continue;
		}
		if (zero)
			buffer_append_string(out, digits->digit[0]);
		zero = 0;
		if (!(position == 1 && digit == 1 && !started && leading && digits->bare_ten))
			buffer_append_string(out, digits->digit[digit]);
		buffer_append_string(out, digits->unit[position]);
		started = 1;
	}
}

static void append_counting(long value, const struct counting_digits *digits, struct buffer *out)
{
	if (value <= 0 || value > 99999999) {
		append_decimal(value, out);
		return;
	}
	long high = value / 10000, low = value % 10000;
	if (high) {
		append_counting_group(high, digits, 1, out);
		buffer_append_string(out, digits->ten_thousand);
		if (low && low < 1000)
			buffer_append_string(out, digits->digit[0]);
	}
	if (low)
		append_counting_group(low, digits, !high, out);
}

/* Each decimal digit as an ideograph: 一〇 for 10. */
static void append_digits(long value, const char *const digit[10], struct buffer *out)
{
	char decimal[32];
	snprintf(decimal, sizeof decimal, "%ld", value);
	for (const char *c = decimal; *c; c++)
		if (*c >= '0' && *c <= '9')
			buffer_append_string(out, digit[*c - '0']);
}

static const struct counting_digits chinese = {
    {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"}, {"", "十", "百", "千"}, "万", 1};
static const struct counting_digits traditional = {
    {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"}, {"", "十", "百", "千"}, "萬", 1};
static const struct counting_digits legal_simplified = {
    {"零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"}, {"", "拾", "佰", "仟"}, "万", 0};
static const struct counting_digits legal_traditional = {
    {"零", "壹", "貳", "參", "肆", "伍", "陸", "柒", "捌", "玖"}, {"", "拾", "佰", "仟"}, "萬", 0};
static const char *const ideograph_digits[10] = {"〇", "一", "二", "三", "四",
						 "五", "六", "七", "八", "九"};
static const char *const stems[10] = {"甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"};
static const char *const branches[12] = {"子", "丑", "寅", "卯", "辰", "巳",
					 "午", "未", "申", "酉", "戌", "亥"};

void docx_format_number(const char *format, long value, struct buffer *out)
{
	if (strcmp(format, "none") == 0 || strcmp(format, "bullet") == 0)
		return;
	if (value <= 0) {
		append_decimal(value, out);
		return;
	}
	if (strcmp(format, "decimalZero") == 0)
		buffer_printf(out, value < 10 ? "0%ld" : "%ld", value);
	else if (strcmp(format, "lowerLetter") == 0)
		append_letters(value, 'a', out);
	else if (strcmp(format, "upperLetter") == 0)
		append_letters(value, 'A', out);
	else if (strcmp(format, "lowerRoman") == 0)
		append_roman(value, 0, out);
	else if (strcmp(format, "upperRoman") == 0)
		append_roman(value, 1, out);
	else if (strcmp(format, "chineseCounting") == 0 ||
		 strcmp(format, "chineseCountingThousand") == 0 ||
		 strcmp(format, "japaneseCounting") == 0)
		append_counting(value, &chinese, out);
	else if (strcmp(format, "taiwaneseCounting") == 0 ||
		 strcmp(format, "taiwaneseCountingThousand") == 0)
		append_counting(value, &traditional, out);
	else if (strcmp(format, "chineseLegalSimplified") == 0)
		append_counting(value, &legal_simplified, out);
	else if (strcmp(format, "ideographLegalTraditional") == 0 ||
		 strcmp(format, "japaneseLegal") == 0)
		append_counting(value, &legal_traditional, out);
	else if (strcmp(format, "ideographDigital") == 0 ||
		 strcmp(format, "taiwaneseDigital") == 0 ||
		 strcmp(format, "japaneseDigitalTenThousand") == 0)
		append_digits(value, ideograph_digits, out);
	else if (strcmp(format, "ideographTraditional") == 0)
		buffer_append_string(out, stems[(value - 1) % 10]);
	else if (strcmp(format, "ideographZodiac") == 0)
		buffer_append_string(out, branches[(value - 1) % 12]);
	else if (strcmp(format, "ideographZodiacTraditional") == 0) {
		buffer_append_string(out, stems[(value - 1) % 10]);
		buffer_append_string(out, branches[(value - 1) % 12]);
	} else if (strcmp(format, "decimalFullWidth") == 0 ||
		   strcmp(format, "decimalFullWidth2") == 0) {
		char decimal[32];
		snprintf(decimal, sizeof decimal, "%ld", value);
		for (const char *c = decimal; *c; c++)
			buffer_append_codepoint(out, 0xFF10 + (unsigned)(*c - '0'));
	} else if ((strcmp(format, "decimalEnclosedCircle") == 0 ||
		    strcmp(format, "decimalEnclosedCircleChinese") == 0) &&
		   append_enclosed(0x2460, 20, value, out))
		return;
	else if (strcmp(format, "decimalEnclosedParen") == 0 &&
		 append_enclosed(0x2474, 20, value, out))
		return;
	else if (strcmp(format, "decimalEnclosedFullstop") == 0 &&
		 append_enclosed(0x2488, 20, value, out))
		return;
	else if (strcmp(format, "ideographEnclosedCircle") == 0 &&
		 append_enclosed(0x3280, 10, value, out))
		return;
	else
		append_decimal(value, out);
}

/* ---- numbering.xml ---------------------------------------------------- */

static void level_clear(struct level *level)
{
	free(level->text);
	free(level->style);
	memset(level, 0, sizeof *level);
}

static char *copy_attribute(const xmlNode *node, const char *name)
{
	char *value = ooxml_attribute(node, name);
	char *copy = value ? xstrdup(value) : NULL;
	xml_library_loaded.free(value);
	return copy;
}

static void read_level(const xmlNode *node, struct level *level)
{
	level_clear(level);
	level->defined = 1;
	level->start = 0; /* Word's default start is 0 */
	level->restart = -1;
	strcpy(level->format, "decimal");
	for (const xmlNode *child = node->children; child; child = child->next) {
		if (ooxml_is(child, "start"))
			level->start = ooxml_number(child, "val", 0);
		else if (ooxml_is(child, "numFmt")) {
			char *format = ooxml_attribute(child, "val");
			if (format && strlen(format) < sizeof level->format)
				strcpy(level->format, format);
			xml_library_loaded.free(format);
		} else if (ooxml_is(child, "lvlText")) {
			free(level->text);
			level->text = copy_attribute(child, "val");
			if (!level->text)
				level->text = xstrdup("");
		} else if (ooxml_is(child, "suff")) {
			char *suffix = ooxml_attribute(child, "val");
			level->suffix = suffix && strcmp(suffix, "space") == 0	   ? SUFFIX_SPACE
					: suffix && strcmp(suffix, "nothing") == 0 ? SUFFIX_NOTHING
										   : SUFFIX_TAB;
			xml_library_loaded.free(suffix);
		} else if (ooxml_is(child, "lvlRestart"))
			level->restart = ooxml_number(child, "val", -1);
		else if (ooxml_is(child, "isLgl"))
			level->legal = ooxml_on(child);
		else if (ooxml_is(child, "pStyle")) {
			free(level->style);
			level->style = copy_attribute(child, "val");
		}
	}
}

static int level_index(const xmlNode *node)
{
	long index = ooxml_number(node, "ilvl", -1);
	return index >= 0 && index < DOCX_LEVELS ? (int)index : -1;
}

static void read_abstract(struct docx_numbering *numbering, const xmlNode *node)
{
	numbering->abstracts = xrealloc(numbering->abstracts, (numbering->abstract_count + 1) *
								  sizeof *numbering->abstracts);
	struct abstract *abstract = &numbering->abstracts[numbering->abstract_count++];
	memset(abstract, 0, sizeof *abstract);
	abstract->id = ooxml_number(node, "abstractNumId", -1);
	for (const xmlNode *child = node->children; child; child = child->next) {
		int index = level_index(child);
		if (ooxml_is(child, "lvl") && index >= 0)
			read_level(child, &abstract->levels[index]);
	}
}

static void read_instance(struct docx_numbering *numbering, const xmlNode *node)
{
	numbering->instances = xrealloc(numbering->instances, (numbering->instance_count + 1) *
								  sizeof *numbering->instances);
	struct instance *instance = &numbering->instances[numbering->instance_count++];
	memset(instance, 0, sizeof *instance);
	instance->id = ooxml_number(node, "numId", -1);
	instance->abstract_id = ooxml_number(ooxml_child(node, "abstractNumId"), "val", -1);
	for (int i = 0; i < DOCX_LEVELS; i++)
		instance->start_override[i] = -1;
	for (const xmlNode *child = node->children; child; child = child->next) {
		int index = level_index(child);
		if (!ooxml_is(child, "lvlOverride") || index < 0)
			continue;
		xmlNodePtr start = ooxml_child(child, "startOverride");
		if (start)
			instance->start_override[index] = ooxml_number(start, "val", 0);
		xmlNodePtr level = ooxml_child(child, "lvl");
		if (level)
			read_level(level, &instance->override[index]);
	}
}

int docx_numbering_load(const char *data, size_t size, struct docx_numbering **result,
			struct error *error)
{
	struct docx_numbering *numbering = xcalloc(1, sizeof *numbering);
	*result = numbering;
	if (!data)
		return 0;
	xmlDocPtr document = ooxml_parse(data, size, "word/numbering.xml", error);
	if (!document)
		return -1;
	for (xmlNodePtr node = xml_library_loaded.xmlDocGetRootElement(document)->children; node;
	     node = node->next)
		if (ooxml_is(node, "abstractNum"))
			read_abstract(numbering, node);
		else if (ooxml_is(node, "num"))
			read_instance(numbering, node);
	xml_library_loaded.xmlFreeDoc(document);
	return 0;
}

void docx_numbering_free(struct docx_numbering *numbering)
{
	if (!numbering)
		return;
	for (size_t i = 0; i < numbering->abstract_count; i++)
		for (int l = 0; l < DOCX_LEVELS; l++)
			level_clear(&numbering->abstracts[i].levels[l]);
	for (size_t i = 0; i < numbering->instance_count; i++)
		for (int l = 0; l < DOCX_LEVELS; l++)
			level_clear(&numbering->instances[i].override[l]);
	free(numbering->abstracts);
	free(numbering->instances);
	free(numbering);
}

/* ---- counting ------------------------------------------------------- */

static struct instance *find_instance(const struct docx_numbering *numbering, long id)
{
	/* The last definition wins, as in Word. */
	for (size_t i = numbering->instance_count; i-- > 0;)
		if (numbering->instances[i].id == id)
			return &numbering->instances[i];
	return NULL;
}

static const struct abstract *find_abstract(const struct docx_numbering *numbering, long id)
{
	for (size_t i = numbering->abstract_count; i-- > 0;)
		if (numbering->abstracts[i].id == id)
			return &numbering->abstracts[i];
	return NULL;
}

/* The definition of a level of an instance: its override, else the
 * abstract list's. */
static const struct level *level_of(const struct docx_numbering *numbering,
				    const struct instance *instance, int index)
{
	if (instance->override[index].defined)
		return &instance->override[index];
	const struct abstract *abstract = find_abstract(numbering, instance->abstract_id);
	return abstract && abstract->levels[index].defined ? &abstract->levels[index] : NULL;
}

static long start_of(const struct docx_numbering *numbering, const struct instance *instance,
		     int index)
{
	if (instance->start_override[index] >= 0)
		return instance->start_override[index];
	const struct level *level = level_of(numbering, instance, index);
	return level ? level->start : 0;
}

int docx_numbering_style_level(const struct docx_numbering *numbering, long num_id,
			       const char *style_id)
{
	const struct instance *instance = find_instance(numbering, num_id);
	if (!instance || !style_id)
		return -1;
	for (int i = 0; i < DOCX_LEVELS; i++) {
		const struct level *level = level_of(numbering, instance, i);
		if (level && level->style && strcmp(level->style, style_id) == 0)
			return i;
	}
	return -1;
}

/* A bullet's symbol from a symbol font (a private-use code point) is
 * shown as a plain bullet. */
static void append_level_text_literal(const char *text, size_t length, struct buffer *out)
{
	const unsigned char *c = (const unsigned char *)text;
	for (size_t i = 0; i < length;) {
		if (c[i] == 0xEE || c[i] == 0xEF) { /* U+E000..U+FFFF */
			unsigned codepoint = ((c[i] & 0x0F) << 12) |
					     (i + 1 < length ? (c[i + 1] & 0x3F) << 6 : 0) |
					     (i + 2 < length ? c[i + 2] & 0x3F : 0);
			if (codepoint >= 0xE000 && codepoint <= 0xF8FF && i + 2 < length) {
				buffer_append_string(out, "•");
				i += 3;
				continue;
			}
		}
		buffer_append_byte(out, text[i]);
		i++;
	}
}

size_t docx_numbering_next(struct docx_numbering *numbering, long num_id, int index,
			   struct buffer *out)
{
	if (num_id <= 0 || index < 0 || index >= DOCX_LEVELS)
		return 0;
	struct instance *instance = find_instance(numbering, num_id);
	const struct level *level = instance ? level_of(numbering, instance, index) : NULL;
	if (!level)
		return 0;
	if (instance->counted[index])
		instance->counter[index]++;
	else
		instance->counter[index] = start_of(numbering, instance, index);
	instance->counted[index] = 1;
	/* Deeper levels start again, unless their lvlRestart says when. */
	for (int deeper = index + 1; deeper < DOCX_LEVELS; deeper++) {
		const struct level *definition = level_of(numbering, instance, deeper);
		long restart = definition ? definition->restart : -1;
		if (restart < 0 || (restart > 0 && index < restart))
			instance->counted[deeper] = 0;
	}
	if (!level->text || !*level->text)
		return 0;
	size_t before = out->length;
	const char *text = level->text;
	for (const char *c = text; *c;) {
		if (c[0] == '%' && c[1] >= '1' && c[1] <= '9') {
			int referenced = c[1] - '1';
			const struct level *shown = level_of(numbering, instance, referenced);
			long value = instance->counted[referenced]
					 ? instance->counter[referenced]
					 : start_of(numbering, instance, referenced);
			const char *format = shown ? shown->format : "decimal";
			if (level->legal && strcmp(format, "none") != 0)
				format = "decimal";
			docx_format_number(format, value, out);
			c += 2;
			continue;
		}
		const char *next = strchr(c + 1, '%');
		size_t length = next ? (size_t)(next - c) : strlen(c);
		append_level_text_literal(c, length, out);
		c += length;
	}
	if (out->length > before) {
		char last = out->data[out->length - 1];
		int word = (last >= '0' && last <= '9') || (last >= 'a' && last <= 'z') ||
			   (last >= 'A' && last <= 'Z');
		if (level->suffix == SUFFIX_SPACE || (level->suffix == SUFFIX_TAB && word))
			buffer_append_byte(out, ' ');
	}
	return out->length - before;
}
