#!/bin/sh
# A broker's research note as PDF (tests/tools/make_pdf.py --report): its
# headings set in the text's own size but in an accent colour are
# headings; the sidebar beside the text (analyst, related reports, a
# numbered list) is front matter, neither text nor headings; the text's
# lines beside it read on as paragraphs; a coloured link is no heading.
. "$(dirname "$0")/../lib.sh"
export PIZHU_DB="$TEST_DIR/library.db"
D="$TEST_DIR/files"
mkdir -p "$D"

cat >"$D/report.txt" <<'TEXT'
某某股份：扩产金刚线，强化三元布局
|证券分析师
|张某某
|编号：S0000000000001
|相关研究
|1.《某某股份：深度报告》
|，2022.4.29
|2.《光伏设备：扩产提速》
|，2022.4.10
|3.《某某股份：签订合同》
|，2022.3.9
#投资要点
事件：公司拟与县人民政府签署金刚线项目投资协议书，项目一期计划建设年产四千万千米金刚线产能，预计一期总投资额约六亿元，后续项目尚未具体约定。
顺应下游需求扩张，金刚线产能快速扩产，保证公司内供和外销。光伏金刚线需求提升源于两方面：一是产业链景气度高涨，二是细线化趋势加速，带动线耗提升。
#风险提示
硅片扩产不及预期，公司代工业务利润波动风险，市场竞争加剧风险。
@点击查看往期报告
本报告的往期版本可在公司网站查阅，所载数据以最新一期为准。
TEXT
python3 "$SOURCE/tests/tools/make_pdf.py" "$D/report.pdf" --report <"$D/report.txt"

"$PIZHU" outline --tsv "$D/report.pdf" | cut -f1,3 >"$D/outline"
is "$(cat "$D/outline")" "$(printf '0\t某某股份：扩产金刚线，强化三元布局\n1\t投资要点\n1\t风险提示')" \
	"the coloured headings are the outline; the sidebar's numbered list and a link are not"
"$PIZHU" cat "$D/report.pdf" >"$D/text"
! grep -qE '相关研究|深度报告|张某某' "$D/text"
ok $? "the sidebar is not in the text"
grep -qx '事件：公司拟与县人民政府签署金刚线项目投资协议书，项目一期计划建设年产四千万千米金刚线产能，预计一期总投资额约六亿元，后续项目尚未具体约定。' "$D/text"
ok $? "the text's lines beside the sidebar are one paragraph"

done_testing
