"""Finding personal identifiers in Chinese text and masking them before it is published.

`mask_text("手机13812345678")` gives the text with every identifier replaced by its masked form
("手机138****5678") and the findings: the kind, where it was and the masked form — never the raw
value, so a finding can be shown, logged or returned without leaking what it hides.

What is found, and what is deliberately not:
- 身份证号: 18 characters with a real region, birth date and the GB 11643 check character; the
  old 15-digit form only after words like 身份证 (it has no check digit to go by).
- 手机号: 1[3-9] and 9 more digits, with +86/0086 and spaces or dashes (138 1234 5678).
- 固定电话: an area code that exists (010, 02x, 0xxx) then 7–8 digits, written with a dash,
  space or parentheses; run together (01087654321) only after words like 电话.
- 银行卡号: 16–19 digits (in groups of four or not) after words like 卡号 or 银行卡; with no such
  word, only if they pass the Luhn check and start like a card (62 银联, 4 Visa, 51–55 Mastercard).
- 电子邮箱, 车牌号 (province + letter + 5 characters, new-energy 6), and 详细地址: a road or a
  residential compound followed by house, building, unit or room numbers.
- A number right after words like 订单号, 快递单号, 编号 or followed by 元 is that, not an
  identifier. Statute numbers, case numbers, dates and amounts have no pattern here at all, and
  text already masked (138****5678) has too few digits left to match anything.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import StrEnum

from privacy.checks import luhn_valid, valid_id15, valid_id18


class Kind(StrEnum):
    ID_CARD = "身份证号"
    MOBILE = "手机号"
    LANDLINE = "固定电话"
    BANK_CARD = "银行卡号"
    EMAIL = "电子邮箱"
    PLATE = "车牌号"
    ADDRESS = "详细地址"


@dataclass(frozen=True, slots=True)
class Finding:
    """An identifier at text[start:end], to be replaced by `masked`."""

    kind: Kind
    start: int
    end: int
    masked: str


@dataclass(frozen=True, slots=True)
class MaskResult:
    text: str
    findings: tuple[Finding, ...]


# Full-width digits, letters and the punctuation around numbers become ASCII, one character for
# one, so that positions in the normalised text are positions in the original.
_FULLWIDTH = str.maketrans(
    {
        **{chr(0xFF10 + i): str(i) for i in range(10)},
        **{chr(0xFF21 + i): chr(0x41 + i) for i in range(26)},
        **{chr(0xFF41 + i): chr(0x61 + i) for i in range(26)},
        "＠": "@",
        "．": ".",
        "－": "-",
        "（": "(",
        "）": ")",
        "＋": "+",
        "\u3000": " ",
        "\u00a0": " ",
        "—": "-",
        "‐": "-",
        "–": "-",
    }
)


def normalise(text: str) -> str:
    return text.translate(_FULLWIDTH)


# ---------------------------------------------------------------------------------------------
# Context: the words just before a number say what it is.

_CONTEXT_WINDOW = 12
_NOT_PERSONAL = (
    "订单",
    "单号",
    "运单",
    "快递",
    "物流",
    "编号",
    "流水",
    "交易号",
    "发票",
    "合同号",
    "案号",
    "批号",
    "序列号",
    "工号",
    "学号",
    "型号",
    "证书号",
    "执业证",
    "信用代码",
    "营业执照",
    "税号",
    "账单号",
    "会员号",
    "QQ",
    "qq",
    "货号",
    "条码",
    "车架号",
    "保单号",
    "工单",
    "批准文号",
    "备案号",
    "版本号",
    "登记号",
    "受理号",
)
_CARD_WORDS = (
    "银行卡",
    "卡号",
    "账号",
    "帐号",
    "储蓄卡",
    "信用卡",
    "借记卡",
    "银联",
    "账户",
    "帐户",
    "转账",
    "转帐",
    "汇款",
    "收款",
    "打款",
    "卡",
)
_PHONE_WORDS = ("电话", "座机", "固话", "联系", "致电", "拨打", "热线", "传真", "tel", "Tel", "TEL")
_MOBILE_WORDS = ("手机", "电话", "微信", "联系", "致电", "拨打", "短信")
_ID_WORDS = ("身份证", "证件号", "公民身份号码")


def _context(norm: str, start: int, personal: tuple[str, ...]) -> bool | None:
    """True if the nearest telling word before `start` names a personal identifier, False if
    it names something else (an order, a parcel, a case), None if there is none."""
    window = norm[max(0, start - _CONTEXT_WINDOW) : start]
    best_end, best_len, verdict = -1, 0, None
    for words, meaning in ((personal, True), (_NOT_PERSONAL, False)):
        for word in words:
            at = window.rfind(word)
            if at < 0:
                continue
            end = at + len(word)
            # The nearest word wins; of two ending together ("单号" in "快递单号"), the longer.
            if end > best_end or (end == best_end and len(word) > best_len):
                best_end, best_len, verdict = end, len(word), meaning
    return verdict


def _followed_by_unit(norm: str, end: int) -> bool:
    """A number followed by 元/万/块 is an amount."""
    return norm[end : end + 1] in ("元", "万", "块", "亿", "%")


# ---------------------------------------------------------------------------------------------
# The detectors: each yields findings in the normalised text.

_NOT_ALNUM_BEFORE = r"(?<![0-9A-Za-z])"
_NOT_ALNUM_AFTER = r"(?![0-9A-Za-z])"
# A digit group inside a longer grouped number ("6222 0202 0011 ...") is no phone number.
_NOT_IN_GROUPS_BEFORE = r"(?<!\d[ -])"
_NOT_IN_GROUPS_AFTER = r"(?![ -]\d)"

_ID18 = re.compile(_NOT_ALNUM_BEFORE + r"(\d{6})[ -]?(\d{8})[ -]?(\d{3}[0-9Xx])" + _NOT_ALNUM_AFTER)
_ID15 = re.compile(_NOT_ALNUM_BEFORE + r"\d{15}" + _NOT_ALNUM_AFTER)


def _id_cards(norm: str) -> Iterator[Finding]:
    for match in _ID18.finditer(norm):
        number = "".join(match.groups()).upper()
        if valid_id18(number):
            yield Finding(Kind.ID_CARD, *match.span(), number[:6] + "*" * 8 + number[-4:])
    for match in _ID15.finditer(norm):
        number = match.group()
        if valid_id15(number) and _context(norm, match.start(), _ID_WORDS):
            yield Finding(Kind.ID_CARD, *match.span(), number[:6] + "*" * 5 + number[-4:])


_MOBILE = re.compile(
    _NOT_ALNUM_BEFORE
    + _NOT_IN_GROUPS_BEFORE
    + r"(?<!\d\.)(\+?(?:00)?86[ -]?)?(1[3-9]\d)[ .-]?(\d{4})[ .-]?(\d{4})"
    + _NOT_ALNUM_AFTER
    + _NOT_IN_GROUPS_AFTER
    + r"(?!\.\d)"
)


def _mobiles(norm: str) -> Iterator[Finding]:
    for match in _MOBILE.finditer(norm):
        prefix, head, _, tail = match.groups()
        start = match.start(2)
        if _followed_by_unit(norm, match.end()) or _context(norm, start, _MOBILE_WORDS) is False:
            continue
        # The prefix stays as written: a masked form is never longer than what it replaces,
        # so masked text still fits the field it was typed into.
        yield Finding(Kind.MOBILE, *match.span(), f"{prefix or ''}{head}****{tail}")


_AREA = r"0(?:10|2\d|[3-9]\d{2})"
_LOCAL = r"[2-8]\d{2,3}[ -]?\d{4}"
_LANDLINE = re.compile(
    _NOT_ALNUM_BEFORE
    + rf"(?:\(({_AREA})\)[ ]?|({_AREA})[ -])({_LOCAL})"
    + _NOT_ALNUM_AFTER
    + _NOT_IN_GROUPS_AFTER
)
_LANDLINE_RUN_TOGETHER = re.compile(
    _NOT_ALNUM_BEFORE + rf"({_AREA})([2-8]\d{{6,7}})" + _NOT_ALNUM_AFTER
)


def _masked_landline(area: str, local: str, separator: str) -> str:
    return f"{area}{separator}{'*' * (len(local) - 4)}{local[-4:]}"


def _landlines(norm: str) -> Iterator[Finding]:
    for match in _LANDLINE.finditer(norm):
        area = match.group(1) or match.group(2)
        local = re.sub(r"\D", "", match.group(3))
        if len(local) < 7 or (len(area) == 3 and len(local) != 8):
            continue
        if _followed_by_unit(norm, match.end()) or _context(norm, match.start(), ()) is False:
            continue
        yield Finding(Kind.LANDLINE, *match.span(), _masked_landline(area, local, "-"))
    for match in _LANDLINE_RUN_TOGETHER.finditer(norm):
        area, local = match.groups()
        if len(area) == 3 and len(local) != 8:
            continue
        if _context(norm, match.start(), _PHONE_WORDS):
            yield Finding(Kind.LANDLINE, *match.span(), _masked_landline(area, local, ""))


_CARD = re.compile(
    _NOT_ALNUM_BEFORE
    + _NOT_IN_GROUPS_BEFORE
    + r"\d{4}(?:[ -]?\d{4}){3}(?:[ -]?\d{1,3})?"
    + _NOT_ALNUM_AFTER
    + _NOT_IN_GROUPS_AFTER
)
_CARD_GROUPED = re.compile(r"\d{4}(?:[ -]\d{4}){3}(?:[ -]\d{1,3}|\d{1,3})?")
# Issuer prefixes (ISO/IEC 7812 IIN): 62 中国银联, 4 Visa, 51–55 and 2221–2720 Mastercard,
# 35 JCB. A Luhn-valid number starting so is a card even without a word saying so.
_CARD_PREFIX = re.compile(r"62|4|5[1-5]|2[2-7]|35")


def _bank_cards(norm: str) -> Iterator[Finding]:
    for match in _CARD.finditer(norm):
        written = match.group()
        digits = re.sub(r"\D", "", written)
        if not 16 <= len(digits) <= 19 or _followed_by_unit(norm, match.end()):
            continue
        if not (written.isdigit() or _CARD_GROUPED.fullmatch(written)):
            continue  # dashes and spaces anywhere else: a code of some kind, not a card
        context = _context(norm, match.start(), _CARD_WORDS)
        # Right after 卡号 a card number mistyped by one digit is still the asker's card; with
        # no word to go by, only a valid check digit and an issuer's prefix make it one.
        if context is False or (
            context is None and not (luhn_valid(digits) and _CARD_PREFIX.match(digits))
        ):
            continue
        masked = digits[:4] + "*" * (len(digits) - 8) + digits[-4:]
        yield Finding(Kind.BANK_CARD, *match.span(), masked)


_EMAIL = re.compile(
    r"(?<![A-Za-z0-9._%+@*-])([A-Za-z0-9][A-Za-z0-9._%+-]{0,63})@"
    r"((?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24})"
    r"(?![A-Za-z0-9@-])"
)


def _emails(norm: str) -> Iterator[Finding]:
    for match in _EMAIL.finditer(norm):
        local, domain = match.groups()
        shown = local[0] + "*" * min(3, len(local) - 1) if len(local) > 1 else "*"
        yield Finding(Kind.EMAIL, *match.span(), f"{shown}@{domain}")


_PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"
# GA 36-2018: letters I and O are never used, so they can't be mistaken for 1 and 0.
_PLATE_CHAR = "A-HJ-NP-Za-hj-np-z"
_PLATE = re.compile(
    rf"([{_PROVINCES}])[ ·•・-]?([{_PLATE_CHAR}])[ ·•・-]?([{_PLATE_CHAR}0-9]{{5,6}})"
    r"(?:[挂学警港澳])?" + _NOT_ALNUM_AFTER
)
_NEW_ENERGY = re.compile(r"[DABCEFGHJK][A-HJ-NP-Z0-9]\d{4}|\d{5}[DF]")


def _plates(norm: str) -> Iterator[Finding]:
    for match in _PLATE.finditer(norm):
        province, letter, rest = match.group(1), match.group(2).upper(), match.group(3).upper()
        if len(rest) == 5:
            # Ordinary plates carry at most two letters among their five characters.
            if sum(char.isdigit() for char in rest) < 3:
                continue
        elif not _NEW_ENERGY.fullmatch(rest):
            continue
        masked = province + letter + "*" * (len(rest) - 2) + rest[-2:]
        yield Finding(Kind.PLATE, *match.span(), masked)


_NUM = r"(?:[0-9]+|[一二三四五六七八九十百零〇两]+)"
# A road's or compound's name: Chinese characters, stopping at the district before it and at
# the words that lead into an address (住在, 位于 …).
_NAME_CHAR = r"(?:(?![市区县镇乡省州旗在住于是到的和与址为从向去了])[\u4e00-\u9fff])"
_ROAD = rf"{_NAME_CHAR}{{1,6}}?(?:大街|大道|路|街|巷|胡同|弄)"
_COMPOUND = rf"{_NAME_CHAR}{{1,8}}?(?:小区|花园|公寓|家园|新村|大厦|苑|庭|府|村|里|城)"
_UNIT = rf"(?:{_NUM}|[A-Za-z])(?:号楼|栋|幢|座|单元|层|楼|室|号)"
_ROOM = r"[0-9]{3,4}(?![0-9])"
_ADDRESS = re.compile(
    rf"(?P<road>{_ROAD}){_NUM}(?:号院|号|弄)(?:[ -]?{_UNIT}){{1,4}}(?:[ -]?{_ROOM})?"
    rf"|(?P<compound>{_COMPOUND})[ -]?{_UNIT}(?:[ -]?{_UNIT}){{0,3}}(?:[ -]?{_UNIT}|[ -]?{_ROOM})"
    rf"|(?P<village>{_NAME_CHAR}{{1,6}}?村){_NUM}(?:组|队|社){_NUM}号"
)


def _addresses(norm: str) -> Iterator[Finding]:
    for match in _ADDRESS.finditer(norm):
        name = match.group("road") or match.group("compound") or match.group("village")
        # The road or compound stays readable; the numbers that find a door go.
        yield Finding(Kind.ADDRESS, *match.span(), f"{name}***")


# Where two findings overlap, the earlier detector in this list wins ("13812345678@qq.com" is
# an e-mail address; an ID number is no bank card).
_DETECTORS: tuple[Callable[[str], Iterator[Finding]], ...] = (
    _emails,
    _id_cards,
    _bank_cards,
    _landlines,
    _mobiles,
    _plates,
    _addresses,
)


def find_identifiers(text: str) -> list[Finding]:
    """The identifiers in `text`, in order of position, none overlapping another.

    Each detector sees what the earlier ones found as masked already (stars, the same length),
    as a second masking would see it: an address can't reach into the phone number after it
    ("1202室13812345678") and then be found differently once that number is masked.

    Some masked forms are shorter than what they replace (an address keeps only its road), and
    that can bring a telling word within a detector's look-back of a number it passed over:
    in "卡号建设路58号3号楼1202室1381234567800000" 卡号 is too far from the card until the
    address is masked. So the text is looked at again as it will be published, until nothing
    more is found, and what that finds is mapped back to the original: masking the published
    text again then finds nothing and changes nothing.
    """
    findings = _find(normalise(text))
    for _ in range(_MAX_LOOKS):
        published, spans = _published(text, findings)
        more = [_in_original(found, spans) for found in _find(normalise(published))]
        new = [found for found in more if found is not None]
        if not new:
            break
        findings = sorted([*findings, *new], key=lambda finding: finding.start)
    return findings


# Each look that finds something masks at least one more identifier; three are already rare.
_MAX_LOOKS = 4


def _find(norm: str) -> list[Finding]:
    taken: list[Finding] = []
    for detector in _DETECTORS:
        for finding in detector(_starred(norm, taken)):
            if not any(finding.start < t.end and t.start < finding.end for t in taken):
                taken.append(finding)
    return sorted(taken, key=lambda finding: finding.start)


def _published(text: str, findings: list[Finding]) -> tuple[str, list[tuple[int, int, int]]]:
    """The masked text, and its stretches left as written: (start there, start here, length)."""
    parts: list[str] = []
    spans: list[tuple[int, int, int]] = []
    position = length = 0
    for finding in [*findings, None]:
        end = len(text) if finding is None else finding.start
        spans.append((length, position, end - position))
        parts.append(text[position:end])
        length += end - position
        if finding is not None:
            parts.append(finding.masked)
            length += len(finding.masked)
            position = finding.end
    return "".join(parts), spans


def _in_original(finding: Finding, spans: list[tuple[int, int, int]]) -> Finding | None:
    """A finding in the published text, placed in the original; None if it touches a masked
    form (which no detector matches anyway: too few digits are left)."""
    for published_start, original_start, length in spans:
        if published_start <= finding.start and finding.end <= published_start + length:
            shift = original_start - published_start
            return Finding(finding.kind, finding.start + shift, finding.end + shift, finding.masked)
    return None


def _starred(norm: str, findings: list[Finding]) -> str:
    for finding in findings:
        norm = norm[: finding.start] + "*" * (finding.end - finding.start) + norm[finding.end :]
    return norm


def mask_text(text: str) -> MaskResult:
    findings = find_identifiers(text)
    return MaskResult(_published(text, findings)[0], tuple(findings))
