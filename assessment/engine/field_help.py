"""Chinese labels and help for every input field.

Keys are the field names of the contract; record kinds are keyed ``records.<kind>`` (e.g.
``records.track``), the same keys ``InvalidFacts.errors`` uses, so a form can put a label,
its help and its errors side by side.
"""

from __future__ import annotations

from assessment.engine.kinds import RECORD_KINDS
from assessment.engine.law_texts import ARTICLE11

# 第三项 is a closed list of four kinds (no "等"), unlike 第四项 ("…交易信息等其他可能影响
# 人身、财产安全的"), so the tier A note must not suggest that other kinds join it.
_TIER_NOTE = {
    "A": "属于解释第五条第一款第三项：行踪轨迹信息、通信内容、征信信息、财产信息四类合计"
    " 50 条以上即情节严重；本项只有这四类，其他信息不归入本项。",
    "B": "属于解释第五条第一款第四项：住宿信息、通信记录、健康生理信息、交易信息等合计"
    " 500 条以上即情节严重。",
    "C": "属于解释第五条第一款第五项，5000 条以上即情节严重；为合法经营活动而非法购买、"
    "收受的，适用解释第六条，不按条数认定。",
}
_COUNT_NOTE = "条数按解释第十一条计算，见“信息条数”的说明。"

_KIND_HELP = {
    # Practice reads 行踪轨迹信息 narrowly (50 条 is a tenth of 第四项's standard); whether
    # ride-hailing or ticket records count is decided both ways, so they are not examples.
    "track": "能够直接定位特定人所在位置、反映其行动轨迹的信息，例如手机定位、GPS 定位、"
    "车辆行驶轨迹、实时位置等。司法实践对本类从严掌握：酒店入住登记属于住宿信息（第四项）；"
    "打车、订票等出行记录能否认定为行踪轨迹信息，各地法院认定不一，拿不准时请咨询律师。",
    "communication_content": "通信的具体内容，例如短信、电子邮件、聊天记录、通话录音的内容。"
    "通话时间、对方号码等不是“内容”，请填入“通信记录”。",
    "credit": "反映信用状况的信息，例如个人信用报告、借贷和还款记录、逾期记录等。",
    "property": "反映财产状况的信息，例如银行账户及余额、存款、证券、房产、车辆等财产信息。",
    "lodging": "酒店、宾馆等的入住登记信息，例如入住人、入住时间、房间号。入住记录虽然也能"
    "反映某人某时在某处，但解释把它单列为住宿信息（第四项，500 条），不按行踪轨迹信息"
    "（第三项，50 条）计算。",
    "communication_record": "通话、短信的记录（时间、对方号码、时长等），不包括通信的具体内容。",
    "health": "病历、体检报告、疾病史、基因、生育等健康生理信息。",
    "transaction": "网购订单、收货信息、消费记录、交易流水等交易信息。",
    "other_safety": "住宿信息、通信记录、健康生理信息、交易信息以外，泄露后同样可能影响人身、"
    "财产安全的信息；是否属于本类要结合具体情况判断，拿不准时可咨询律师。",
    "general": "不属于以上各类的公民个人信息，例如姓名、身份证件号码、电话号码、住址等一般信息。",
}

FIELD_LABELS: dict[str, str] = {
    "conduct": "行为方式",
    "records": "信息条数",
    **{f"records.{kind.key}": kind.label for kind in RECORD_KINDS},
    "illegal_gain": "违法所得（元）",
    "business_profit": "利用非法购买、收受的信息获利（元）",
    "obtained_in_duty": "信息是在履行职责或者提供服务过程中获得的",
    "track_used_in_crime": "出售或者提供的行踪轨迹信息被他人用于犯罪",
    "knew_recipient_criminal": "知道或者应当知道对方利用公民个人信息实施犯罪，仍向其出售或者提供",
    "prior_criminal_record": "曾因侵犯公民个人信息受过刑事处罚",
    "prior_admin_penalty_2y": "二年内因侵犯公民个人信息受过行政处罚",
    "victim_severe_harm": "造成被害人死亡、重伤、精神失常或者被绑架等严重后果",
    "major_loss_or_bad_influence": "造成重大经济损失或者恶劣社会影响",
    "first_offense": "初犯",
    "returned_all_gains": "已全部退赃",
    "remorse": "确有悔罪表现",
    "unit": "单位犯罪",
    "anonymized": "提供的信息经过处理，无法识别特定个人且不能复原",
}

FIELD_HELP: dict[str, str] = {
    "conduct": (
        "出售或者提供：把公民个人信息卖给、交给特定的人，或者在网上等公开发布（解释第三条），"
        "包括未经本人同意把合法收集的信息提供给他人。"
        "非法获取：窃取，或者违反国家有关规定购买、收受、交换，或者在履行职责、提供服务过程中"
        "违规收集（解释第四条）。"
        "为合法经营活动而非法购买、收受：为了正当经营（例如营销）买来或收下信息，其中"
        "解释第五条第一款第三项、第四项以外的一般信息适用解释第六条的专门标准；之后又卖出"
        "或提供的，请选“出售或者提供”（解释第六条第二款）。"
    ),
    "records": (
        "按种类分别填写条数；同一条记录只填入一类。"
        f"条数的计算（解释第十一条）：{ARTICLE11}。"
        "也就是说：先非法获取再出售的同一批信息只算一次；同一批信息分别卖给或提供给不同的单位"
        "或个人，有几个接收方就累计计算几次；批量信息按查获的数量直接认定，除非有证据证明"
        "不真实或者重复。"
    ),
    **{
        f"records.{kind.key}": f"{_KIND_HELP[kind.key]}{_TIER_NOTE[kind.tier]}{_COUNT_NOTE}"
        for kind in RECORD_KINDS
    },
    "illegal_gain": (
        "因非法获取、出售或者提供公民个人信息实际得到的钱款，单位为元，最多两位小数，"
        "例如 5000 或 5000.50。5000 元以上即情节严重（解释第五条第一款第七项）；"
        "罚金一般为违法所得的一到五倍（解释第十二条）。"
    ),
    "business_profit": (
        "只在“为合法经营活动而非法购买、收受”时填写：利用买来或收下的信息开展经营获得的利润，"
        "单位为元。5 万元以上即情节严重（解释第六条第一款第一项）。"
    ),
    "obtained_in_duty": (
        "例如银行、医院、电信、快递、物业、学校等单位的工作人员，把工作中获得的信息卖给或提供给"
        "他人。出售或者提供这类信息，条数、金额标准减半（解释第五条第一款第八项），"
        "并依法从重处罚（刑法第二百五十三条之一第二款）。"
    ),
    "track_used_in_crime": "出售或者提供行踪轨迹信息，被他人用于犯罪的，不论条数，即情节严重"
    "（解释第五条第一款第一项）。",
    "knew_recipient_criminal": "知道或者应当知道他人利用公民个人信息实施犯罪，仍向其出售或者"
    "提供的，不论条数，即情节严重（解释第五条第一款第二项）。",
    "prior_criminal_record": "曾因侵犯公民个人信息受过刑事处罚，又实施的，即情节严重"
    "（解释第五条第一款第九项；合法经营购买为解释第六条第一款第二项）。",
    "prior_admin_penalty_2y": "二年内因侵犯公民个人信息受过行政处罚（例如罚款、拘留），又实施的，"
    "即情节严重（解释第五条第一款第九项；合法经营购买为解释第六条第一款第二项）。",
    "victim_severe_harm": "造成被害人死亡、重伤、精神失常或者被绑架等严重后果的，"
    "属于情节特别严重（解释第五条第二款第一项）。",
    "major_loss_or_bad_influence": "造成重大经济损失或者恶劣社会影响的，属于情节特别严重"
    "（解释第五条第二款第二项）。",
    "first_offense": "以前没有犯过罪；曾因侵犯公民个人信息受过刑事处罚的不是初犯（二年内受过"
    "行政处罚的不影响）。与“全部退赃”“确有悔罪表现”同时具备，且不属于情节特别严重的，"
    "可以认定为情节轻微（解释第十条）。",
    "returned_all_gains": "已经退还全部违法所得（解释第十条）。",
    "remorse": "认罪认罚、真诚悔罪等确有悔罪表现（解释第十条）。",
    "unit": "以公司、企业等单位名义、为单位利益实施的。适用与个人相同的标准，对单位判处罚金，"
    "并处罚直接负责的主管人员和其他直接责任人员（解释第七条、刑法第二百五十三条之一第四款）。",
    "anonymized": "只对“出售或者提供”有意义：信息经过处理，无法识别特定个人且不能复原的，"
    "不属于“提供公民个人信息”（解释第三条第二款）。仅去掉姓名但仍能识别或复原的，不要勾选。",
}
