/* front_matter.h — recognising the website boilerplate (advertising,
 * copyright, page controls) that some files carry around their title. */
#ifndef PIZHU_SPEECH_FRONT_MATTER_H
#define PIZHU_SPEECH_FRONT_MATTER_H

#include <stddef.h>

/* 1 when a line reads as boilerplate on its own: a short line naming a
 * page control, a source, a subscription or a copyright notice
 * (下载, 打印, 【字号：, 仅供学习 禁止外传, QQ群, 订阅, 来源：…), a line of
 * brackets and punctuation only, or a menu (front_matter_menu). */
int front_matter_line(const char *line, size_t length);

/* 1 for a navigation menu or breadcrumb: four or more short items on a
 * line (首页 新闻 政务 服务, 首页 > 要闻 > 正文, 网站地图 | 联系我们 | …) and
 * no sentence. */
int front_matter_menu(const char *line, size_t length);

/* 1 when a line is short enough (a few characters: 大, 中, 小, 还原) to
 * belong to a boilerplate block it sits inside. */
int front_matter_fragment(const char *line, size_t length);

#endif
