"""``render_verdict``: the result as plain Chinese text, for the command line."""

from __future__ import annotations

from assessment.engine.decimals import format_number
from assessment.engine.result import STANDARD_LABELS, Result


def render_verdict(result: Result) -> str:
    """A readable multi-line verdict naming the provision behind every statement."""
    lines = [
        f"评估结论：{result.level_label}",
        f"行为：{result.conduct_label}（{result.conduct_provision}）",
        f"适用标准：{STANDARD_LABELS[result.standard]}",
        f"按比例合计：{format_number(result.proportional_sum)}（解释第五条第一款第六项）",
    ]
    if result.unit:
        lines.append("主体：单位犯罪（解释第七条、刑法第二百五十三条之一第四款）")
    if result.exclusions:
        lines += ["", "不构成“提供公民个人信息”的理由："]
        lines += [f"  · {note.provision}：{note.text}" for note in result.exclusions]
    lines.append("")
    if result.grounds:
        lines.append("依据（已满足的规定）：")
        for number, ground in enumerate(result.grounds, start=1):
            lines.append(f"  {number}. {ground.provision}：{ground.text}")
            lines.append(f"     事实：{ground.facts}")
    else:
        lines.append("依据：没有满足任何可自动判断的情节严重标准。")
    if result.sentence:
        lines += ["", f"法定刑：{result.sentence}（{result.sentence_provision}）"]
    if result.aggravations:
        lines.append("从重处罚：")
        lines += [f"  · {note.provision}：{note.text}" for note in result.aggravations]
    if result.leniency:
        lines.append(f"从宽：{result.leniency.provision}：{result.leniency.text}")
    if result.fine_range:
        lines.append(f"罚金：{result.fine_range.provision}：{result.fine_range.text}")
    lines += ["", "提示："]
    lines += [f"  · {caveat}" for caveat in result.caveats]
    return "\n".join(lines) + "\n"
