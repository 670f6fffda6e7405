#!/bin/sh
# One speech in every format gives one outline: the same text as .txt,
# .docx (typed numbers, and Word's automatic numbers with a Title style),
# .html and .md (headings in markup) and .pdf (laid out as printed) must
# give the same `pizhu outline --tsv` (labels compared without
# whitespace) and the same text (`pizhu cat`).
. "$(dirname "$0")/../lib.sh"
export PIZHU_DB="$TEST_DIR/library.db"
D="$TEST_DIR/files"
mkdir -p "$D"

cat >"$D/speech.txt" <<'TEXT'
在全县乡村振兴工作会议上的讲话
同志们：
今天召开全县乡村振兴工作会议，主要任务是总结去年工作，分析当前形势，部署今年重点任务。刚才，几个乡镇作了交流发言，讲得都很好，请大家认真学习借鉴。下面，我讲三点意见。
一、提高认识，增强做好乡村振兴工作的责任感
过去一年，全县上下齐心协力，粮食生产再获丰收，农民收入稳步增长，农村面貌持续改善。成绩来之不易，我们要倍加珍惜。同时也要看到，农业基础还不稳固，城乡发展差距依然较大。
（一）巩固拓展脱贫攻坚成果
要健全防止返贫动态监测和帮扶机制，对易返贫致贫人口早发现、早干预、早帮扶，坚决守住不发生规模性返贫的底线。
（二）稳住粮食生产基本盘
要严格落实耕地保护制度，加快高标准农田建设，确保粮食播种面积和产量稳中有增。
二、突出重点，扎实推进乡村产业发展
产业兴旺是乡村振兴的重点。要立足资源禀赋，做强特色种养，发展农产品加工，拓展乡村旅游，让农民更多分享产业增值收益。
三、加强领导，确保各项任务落到实处
各级党委政府要把乡村振兴摆在重要位置，主要负责同志要亲自抓，分管负责同志要具体抓，层层压实责任，以优异成绩迎接上级检查。
谢谢大家！
TEXT

python3 "$SOURCE/tests/tools/make_docx.py" "$D/typed.docx" <"$D/speech.txt"
python3 "$SOURCE/tests/tools/make_docx.py" "$D/numbered.docx" --numbered --title <"$D/speech.txt"
python3 "$SOURCE/tests/tools/make_pdf.py" "$D/speech.pdf" <"$D/speech.txt"
# Markup: the title an <h1>/#, 一、 an <h2>/##, （一） an <h3>/###.
awk 'NR == 1 { printf "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>%s - 某县人民政府</title></head>\n<body><h1>%s</h1>\n", $0, $0; next }
	/^[一二三四五六七八九十]+、/ { print "<h2>" $0 "</h2>"; next }
	/^（[一二三四五六七八九十]+）/ { print "<h3>" $0 "</h3>"; next }
	{ print "<p>" $0 "</p>" }
	END { print "</body></html>" }' "$D/speech.txt" >"$D/speech.html"
awk 'NR == 1 { print "# " $0 "\n"; next }
	/^[一二三四五六七八九十]+、/ { print "## " $0 "\n"; next }
	/^（[一二三四五六七八九十]+）/ { print "### " $0 "\n"; next }
	{ print $0 "\n" }' "$D/speech.txt" >"$D/speech.md"

outline() { "$PIZHU" outline --tsv "$1" | tr -d ' \t　'; }
text_outline=$(outline "$D/speech.txt")
is "$(printf '%s\n' "$text_outline" | wc -l | tr -d ' ')" 6 "the text has a title and five headings"
for file in typed.docx numbered.docx speech.html speech.md speech.pdf; do
	is "$(outline "$D/$file")" "$text_outline" "$file: the text's outline"
	is "$("$PIZHU" cat "$D/$file")" "$("$PIZHU" cat "$D/speech.txt")" "$file: the text's paragraphs"
done

done_testing
