"""The identifier detector on its own (no database)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from privacy.checks import id_check_char, luhn_valid, valid_id18
from privacy.identifiers import Kind, find_identifiers, mask_text

ISSUE_TEXT = (
    "身份证号 11010519491231002X，手机 13812345678，银行卡 6222020200112233445，"
    "邮箱 zhang.san@example.com，车牌 京A12345"
)


def kinds(text: str) -> list[str]:
    return [finding.kind.value for finding in find_identifiers(text)]


def test_the_issues_example_is_masked_in_full() -> None:
    result = mask_text(ISSUE_TEXT)
    assert result.text == (
        "身份证号 110105********002X，手机 138****5678，银行卡 6222***********3445，"
        "邮箱 z***@example.com，车牌 京A***45"
    )
    assert [f.kind for f in result.findings] == [
        Kind.ID_CARD,
        Kind.MOBILE,
        Kind.BANK_CARD,
        Kind.EMAIL,
        Kind.PLATE,
    ]


def test_findings_carry_the_masked_form_and_never_the_raw_value() -> None:
    for finding in find_identifiers(ISSUE_TEXT):
        assert "*" in finding.masked
        assert finding.masked != ISSUE_TEXT[finding.start : finding.end]
        assert not hasattr(finding, "value")


def test_the_id_check_character_follows_gb_11643() -> None:
    assert id_check_char("11010519491231002") == "X"
    assert valid_id18("11010519491231002X")
    assert valid_id18("11010519491231002x")


@pytest.mark.parametrize(
    "number",
    [
        "110105194912310021",  # wrong check character
        "110105194913310029",  # month 13
        "990105194912310020",  # no such region
        "110105189912310027",  # born before 1900
    ],
)
def test_an_id_like_number_that_fails_a_check_is_left_alone(number: str) -> None:
    assert not valid_id18(number)
    assert kinds(f"号码{number}") == []


def test_the_old_15_digit_id_is_masked_only_after_a_word_saying_so() -> None:
    assert mask_text("身份证号码110105491231002").text == "身份证号码110105*****1002"
    assert kinds("序号110105491231002") == []


@pytest.mark.parametrize(
    "written",
    [
        "13812345678",
        "138 1234 5678",
        "138-1234-5678",
        "+86 13812345678",
        "+8613812345678",
        "0086-13812345678",
        "１３８１２３４５６７８",
    ],
)
def test_a_mobile_number_is_found_however_it_is_written(written: str) -> None:
    result = mask_text(f"我的手机{written}，请回电")
    assert [f.kind for f in result.findings] == [Kind.MOBILE]
    assert "138****5678" in result.text
    assert "1234" not in result.text


@pytest.mark.parametrize(
    "text",
    [
        "号码10012345678",
        "号码12812345678",
        "订单号13812345678",
        "金额13812345678元",
        "1381234567",  # ten digits
        "138123456789",  # twelve
        "卡号 6222 1381 2345 6781",  # a group inside a longer number
    ],
)
def test_a_number_that_only_looks_like_a_mobile_is_not_one(text: str) -> None:
    assert Kind.MOBILE not in [f.kind for f in find_identifiers(text)]


def test_landlines_need_an_area_code_that_exists() -> None:
    assert mask_text("电话010-87654321").text == "电话010-****4321"
    assert mask_text("座机（0755）8888 6666").text == "座机0755-****6666"
    assert kinds("编号011-87654321") == []
    assert kinds("号码 87654321") == []


def test_a_run_together_landline_is_masked_only_after_a_phone_word() -> None:
    assert kinds("电话01087654321") == ["固定电话"]
    assert kinds("凭证01087654321") == []


def test_a_card_number_needs_luhn_and_a_card_prefix_unless_a_word_says_card() -> None:
    card = "6222020200112233446"
    assert luhn_valid(card)
    assert kinds(f"转给{card}") == ["银行卡号"]
    assert kinds(f"编码{card[:-1]}5") == []  # Luhn fails, no card word
    assert kinds(f"卡号{card[:-1]}5") == ["银行卡号"]  # mistyped, but said to be a card
    assert kinds(f"订单号{card}") == []  # Luhn passes by chance in an order number
    assert kinds("系统数字9222020200112233443") == []  # no issuer starts with 9 here


def test_a_grouped_card_number_is_masked_as_one() -> None:
    result = mask_text("卡号 6222 0202 0011 2233 446")
    assert result.text == "卡号 6222***********3446"


def test_emails_keep_their_domain_and_first_letter() -> None:
    assert mask_text("发到li.na88@mail.example.cn谢谢").text == "发到l***@mail.example.cn谢谢"
    assert kinds("微博@法律援助中心") == []


def test_an_email_made_of_digits_is_an_email_not_a_phone() -> None:
    assert kinds("13812345678@example.com") == ["电子邮箱"]


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("车牌京A12345", "车牌京A***45"),
        ("车牌粤B·D12345", "车牌粤B****45"),
        ("车牌沪C 12345", "车牌沪C***45"),
        ("车牌苏e12345", "车牌苏E***45"),
    ],
)
def test_licence_plates(text: str, masked: str) -> None:
    assert mask_text(text).text == masked


@pytest.mark.parametrize(
    "text", ["京ICP备12345678号", "沪B2-20070080", "京A级景区", "沪深300", "京沪高铁G123次"]
)
def test_what_merely_starts_like_a_plate_is_not_one(text: str) -> None:
    assert kinds(text) == []


def test_an_exact_address_keeps_its_road_and_loses_its_numbers() -> None:
    result = mask_text("住在北京市朝阳区建设路58号3号楼2单元1202室，")
    assert result.text == "住在北京市朝阳区建设路***，"
    assert mask_text("家在阳光小区3栋2单元501室").text == "家在阳光小区***"


def test_a_road_or_building_without_a_door_is_no_exact_address() -> None:
    assert kinds("公司在建国路上") == []
    assert kinds("阳光小区3栋的业主") == []
    assert kinds("地铁4号线人民路站") == []


@pytest.mark.parametrize(
    "text",
    [
        "刑法第二百五十三条之一",
        "法释〔2017〕10号第五条",
        "(2023)京0105刑初123号",
        "罚款5000元",
        "2023年12月31日",
        "20231231",
        "律师执业证号11101201800000001",
        "统一社会信用代码91110105MA01ABCD2X",
    ],
)
def test_statutes_cases_amounts_dates_and_licences_are_untouched(text: str) -> None:
    assert mask_text(text).text == text


def test_text_already_masked_is_left_alone() -> None:
    masked = mask_text(ISSUE_TEXT).text
    assert mask_text(masked) == mask_text(masked)
    assert mask_text(masked).findings == ()
    assert mask_text(masked).text == masked


def test_masking_maps_positions_in_the_original_text_with_full_width_digits() -> None:
    text = "甲１３８１２３４５６７８乙"
    (finding,) = find_identifiers(text)
    assert text[finding.start : finding.end] == "１３８１２３４５６７８"
    assert mask_text(text).text == "甲138****5678乙"


def test_long_text_is_handled_in_linear_time() -> None:
    text = ("这是一段很长的描述，没有任何号码。" * 300) + "手机13812345678"
    assert kinds(text) == ["手机号"]
    assert kinds("1" * 5000) == []
    assert kinds("路" * 5000 + "1号") == []


# Pieces people write around and between identifiers; hypothesis strings them together.
PIECES = [
    "我的",
    "手机",
    "身份证号",
    "卡号",
    "订单号",
    "电话",
    "邮箱",
    "车牌",
    "住在",
    "，",
    " ",
    "-",
    "+86",
    "号",
    "室",
    "元",
    "11010519491231002X",
    "13812345678",
    "6222020200112233446",
    "010-87654321",
    "a@example.com",
    "京A12345",
    "建设路58号3号楼1202室",
    "138****5678",
]
texts = st.lists(
    st.one_of(st.sampled_from(PIECES), st.text(alphabet="0123456789 -.", max_size=25)),
    max_size=12,
).map("".join)


@given(texts)
@settings(max_examples=300, deadline=None)
def test_masked_text_is_never_longer_and_masking_it_again_changes_nothing(text: str) -> None:
    masked = mask_text(text).text
    assert len(masked) <= len(text)
    assert mask_text(masked).text == masked


def test_an_address_running_into_a_phone_number_masks_both_and_stays_masked() -> None:
    masked = mask_text("建设路58号3号楼1202室010-87654321").text
    assert masked == "建设路***010-****4321"
    assert mask_text(masked).text == masked


def test_an_address_running_into_a_mobile_number_masks_both_and_stays_masked() -> None:
    masked = mask_text("建设路58号3号楼1202室13812345678号").text
    assert masked == "建设路***138****5678号"
    assert mask_text(masked).text == masked


def test_a_card_word_brought_near_by_a_masked_address_is_judged_in_the_first_masking() -> None:
    # Found by hypothesis: 卡号 is 16 characters before the card as written, beyond the
    # look-back, and 8 once the address is masked; masking once must already mask the card.
    text = "卡号建设路58号3号楼1202室1381234567800000"

    result = mask_text(text)

    assert result.text == "卡号建设路***1381********0000"
    assert [finding.kind for finding in result.findings] == [Kind.ADDRESS, Kind.BANK_CARD]
    assert text[result.findings[1].start : result.findings[1].end] == "1381234567800000"
    assert mask_text(result.text).text == result.text
