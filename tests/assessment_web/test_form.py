"""The tool page: a form that explains itself, and a result people can read and follow."""

from __future__ import annotations

import json
import re
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from assessment.engine import FIELD_HELP, FIELD_LABELS, parse_facts
from assessment.engine.facts import FIELD_NAMES
from assessment.engine.fields import FLAG_FIELDS, MONEY_FIELDS, RECORD_FIELDS
from assessment.forms import AssessmentForm, count_from_text
from tests.assessment_web.ways import TOOL_URL, form_data
from tests.matching import must_search

pytestmark = pytest.mark.django_db

SEED = {"conduct": "provide", "records": {"track": 30, "lodging": 300}}


def test_the_url_is_named() -> None:
    assert reverse("tools:pi-crime-assessment") == TOOL_URL


def test_the_form_has_a_field_for_every_fact_of_the_contract() -> None:
    contract = (set(FIELD_NAMES) - {"records"}) | set(RECORD_FIELDS)
    assert set(AssessmentForm.base_fields) == contract
    assert {"conduct", *RECORD_FIELDS, *MONEY_FIELDS, *FLAG_FIELDS} == contract


def test_typed_counts_are_read_without_coercion() -> None:
    assert count_from_text("30") == 30
    assert count_from_text("3.5") == Decimal("3.5")  # left for the engine to refuse, not rounded
    assert count_from_text("abc") == "abc"
    assert count_from_text("３０") == "３０"  # full-width digits are not silently read


def test_the_page_explains_every_field(client: Client) -> None:
    response = client.get(TOOL_URL)
    assert response.status_code == 200
    page = response.content.decode()
    for name in (*RECORD_FIELDS, *MONEY_FIELDS, *FLAG_FIELDS):
        key = f"records.{name}" if name in RECORD_FIELDS else name
        assert FIELD_LABELS[key] in page
        assert FIELD_HELP[key] in page
    # What counts as which kind, and 解释第十一条's counting rules.
    assert "手机定位" in page and "入住登记信息" in page
    assert "条数不重复计算" in page and "累计计算" in page
    assert "不构成法律意见" in page
    assert "填写事实后，这里会显示" in page


def test_the_prior_punishment_group_is_not_called_a_criminal_record(client: Client) -> None:
    # It holds 二年内受过行政处罚 too (解释第五条第一款第九项), which is no "前科".
    legends = [legend for legend, _ in AssessmentForm().fieldsets()]
    assert "前科" not in legends
    assert "此前受过的处罚" in legends
    page = client.get(TOOL_URL).content.decode()
    assert "<legend>前科</legend>" not in page


def test_number_fields_are_text_with_an_inputmode(client: Client) -> None:
    page = client.get(TOOL_URL).content.decode()
    assert 'type="number"' not in page  # a browser would send "" for what it cannot parse
    track = must_search(r'<input[^>]*name="track"[^>]*>', page)[0]
    assert 'inputmode="numeric"' in track
    gain = must_search(r'<input[^>]*name="illegal_gain"[^>]*>', page)[0]
    assert 'inputmode="decimal"' in gain


def test_the_nav_links_to_the_tool(client: Client) -> None:
    page = client.get(reverse("consult:home")).content.decode()
    assert f'href="{TOOL_URL}">情节评估</a>' in page


def test_posting_the_seed_facts_shows_level_sentence_and_grounds(client: Client) -> None:
    response = client.post(TOOL_URL, form_data(SEED))
    assert response.status_code == 200
    page = response.content.decode()
    assert 'class="assessment-level level-serious">情节严重<' in page
    assert "处三年以下有期徒刑或者拘役，并处或者单处罚金" in page
    assert "按比例合计 1.2（30/50 + 300/500 + 0/5000） ≥ 1" in page
    assert "不构成法律意见" in page
    assert "解释第五条第一款第十项" in page  # the caveats
    # The values stay in the form, to adjust and try again.
    assert re.search(r'<input[^>]*name="track"[^>]*value="30"', page)


def test_every_ground_links_to_its_article_and_paragraph(client: Client) -> None:
    facts = {"records": {"track": 500}, "obtained_in_duty": True, "illegal_gain": "100"}
    page = client.post(TOOL_URL, form_data(facts)).content.decode()
    links = {
        "解释第五条第一款第三项": "/statutes/pi-crime-interpretation-2017/5/#p1-i3",
        "解释第五条第一款第八项": "/statutes/pi-crime-interpretation-2017/5/#p1-i8",
        "解释第五条第二款第三项": "/statutes/pi-crime-interpretation-2017/5/#p2-i3",
        "刑法第二百五十三条之一第二款": "/statutes/criminal-law/253-1/#p2",
        "刑法第二百五十三条之一第一款": "/statutes/criminal-law/253-1/#p1",
        "解释第十二条": "/statutes/pi-crime-interpretation-2017/12/",
    }
    for provision, url in links.items():
        assert f'<a href="{url}" class="provision">{provision}</a>' in page


@pytest.mark.parametrize(
    "url",
    [
        "/statutes/pi-crime-interpretation-2017/5/#p1-i6",
        "/statutes/pi-crime-interpretation-2017/5/#p2-i3",
        "/statutes/pi-crime-interpretation-2017/6/#p1-i1",
        "/statutes/criminal-law/253-1/#p2",
    ],
)
def test_the_links_land_on_a_page_with_that_anchor(client: Client, url: str) -> None:
    path, anchor = url.split("#")
    response = client.get(path)
    assert response.status_code == 200
    assert f'id="{anchor}"' in response.content.decode()


def test_the_bars_show_each_standard_with_a_text_equivalent(client: Client) -> None:
    response = client.post(TOOL_URL, form_data(SEED))
    bars = {bar["key"]: bar for bar in response.context["bars"]}
    page = response.content.decode()
    assert bars["tier_a"]["text"] == (
        "行踪轨迹信息等 30 条，情节严重标准 50 条（解释第五条第一款第三项），已达 60%"
    )
    for bar in bars.values():
        assert f'aria-label="{bar["text"]}"' in page
        assert f"<title>{bar['text']}</title>" in page
    tier_a = must_search(r'data-bar="tier_a".*?</li>', page, re.S)[0]
    assert "30 / 50 条" in tier_a
    assert 'class="bar-fill" x="0" y="0" width="60"' in tier_a
    proportional = must_search(r'data-bar="proportional".*?</li>', page, re.S)[0]
    assert "1.2 / 1" in proportional and "✔ 已达到" in proportional
    assert 'width="100"' in proportional
    # The tenfold line (情节特别严重) is shown, open once 情节严重 is reached.
    assert '<details class="bar-group stage-especially_serious" open>' in page
    assert "30 / 500 条" in page


def test_the_tenfold_bars_stay_folded_below_the_first_line(client: Client) -> None:
    page = client.post(TOOL_URL, form_data({"records": {"track": 3}})).content.decode()
    assert '<details class="bar-group stage-especially_serious">' in page


def test_a_lawful_business_purchase_has_its_own_bar_and_no_tenfold(client: Client) -> None:
    facts = {"conduct": "purchase_for_business", "business_profit": "25000"}
    response = client.post(TOOL_URL, form_data(facts))
    assert [bar["key"] for bar in response.context["bars"]] == ["business_profit"]
    page = response.content.decode()
    assert "25000 / 50000 元" in page
    assert "stage-especially_serious" not in page


def test_an_exclusion_shows_no_bars_and_says_why(client: Client) -> None:
    facts = {"records": {"track": 100}, "anonymized": True}
    response = client.post(TOOL_URL, form_data(facts))
    assert response.context["bars"] == []
    page = response.content.decode()
    assert "不属于“提供公民个人信息”" in page
    assert "assessment-bars" not in page


def test_the_fragment_is_the_result_alone(client: Client) -> None:
    response = client.post(TOOL_URL, form_data(SEED), HTTP_X_REQUESTED_WITH="fetch")
    assert response.status_code == 200
    fragment = response.content.decode()
    assert fragment.lstrip().startswith('<div class="assessment-result"')
    assert "<html" not in fragment and '<form class="assessment-form"' not in fragment
    assert 'data-level="serious"' in fragment and 'data-level-label="情节严重"' in fragment
    assert "assessment-bars" in fragment


def test_the_fragment_lists_errors_and_which_fields_are_wrong(client: Client) -> None:
    data = {**form_data({}), "track": "-1", "illegal_gain": "1,000"}
    response = client.post(TOOL_URL, data, HTTP_X_REQUESTED_WITH="fetch")
    assert response.status_code == 400
    fragment = response.content.decode()
    assert 'data-invalid-fields="assess-track assess-illegal_gain"' in fragment
    assert '<a href="#assess-track">行踪轨迹信息</a>：必须是非负整数，不能为负数' in fragment


def test_the_result_offers_a_signed_in_user_to_attach_it_to_a_question_by_post(
    client: Client, alice
) -> None:
    client.force_login(alice)
    page = client.post(TOOL_URL, form_data(SEED)).content.decode()
    form = must_search(r'<form class="assessment-attach".*?</form>', page, re.S)[0]
    assert f'method="post" action="{reverse("consult:question-create")}"' in form
    assert "带着评估结果去提问" in form
    value = must_search(r'name="assessment_facts" value="([^"]*)"', form)[1]
    facts = json.loads(value.replace("&quot;", '"'))
    assert parse_facts(facts) == parse_facts(SEED)


def test_the_result_include_takes_only_the_contract_dicts() -> None:
    """The question page shows an attached result with this include and these two names."""
    from django.template.loader import render_to_string

    from assessment.engine import assess, progress_bars

    facts = parse_facts(SEED)
    result = assess(facts)
    html = render_to_string(
        "statutes/_assessment_result.html",
        {
            "assessment": result.to_dict(),
            "bars": [b.to_dict() for b in progress_bars(facts, result)],
        },
    )
    assert "情节严重" in html
    assert "/statutes/pi-crime-interpretation-2017/5/#p1-i6" in html
    assert "aria-label=" in html
    assert "带着评估结果去提问" not in html  # only the tool page offers it


def test_a_visitor_is_asked_to_sign_in_before_attaching(client: Client) -> None:
    # The ask page needs an account; a visitor's facts would be lost in the login redirect.
    page = client.post(TOOL_URL, form_data(SEED)).content.decode()
    assert 'class="assessment-attach"' not in page
    assert "请先<a" in page
