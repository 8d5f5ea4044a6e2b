"""The arithmetic that tells an identifier from a number that merely looks like one."""

from __future__ import annotations

import datetime

# GB 11643-1999: the first two digits of a 居民身份证号 name a province-level region. 71 (台湾),
# 81 (香港), 82 (澳门) and 83 (台湾居民居住证) are issued too.
ID_REGIONS = frozenset(
    {
        *range(11, 16),
        *range(21, 24),
        *range(31, 38),
        *range(41, 47),
        *range(50, 55),
        *range(61, 66),
        71,
        81,
        82,
        83,
    }
)
# GB 11643-1999 §8.2: the check character is ISO 7064 MOD 11-2 over the first 17 digits.
ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK_CHARS = "10X98765432"
# Birth years an identifier of a living person can carry: a 2099 "birth date" is a number.
EARLIEST_BIRTH_YEAR = 1900
LATEST_BIRTH_YEAR = 2029


def id_check_char(first17: str) -> str:
    return ID_CHECK_CHARS[sum(int(d) * w for d, w in zip(first17, ID_WEIGHTS, strict=True)) % 11]


def valid_birth_date(year: int, month: int, day: int) -> bool:
    if not EARLIEST_BIRTH_YEAR <= year <= LATEST_BIRTH_YEAR:
        return False
    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return True


def valid_id18(number: str) -> bool:
    """An 18-character 居民身份证号: region, real birth date and the check character."""
    if len(number) != 18 or not number[:17].isdigit():
        return False
    if int(number[:2]) not in ID_REGIONS:
        return False
    if not valid_birth_date(int(number[6:10]), int(number[10:12]), int(number[12:14])):
        return False
    return id_check_char(number[:17]) == number[17].upper()


def valid_id15(number: str) -> bool:
    """The old 15-digit form (19YYMMDD): no check digit, so only region and date can be checked."""
    if len(number) != 15 or not number.isdigit():
        return False
    if int(number[:2]) not in ID_REGIONS:
        return False
    return valid_birth_date(1900 + int(number[6:8]), int(number[8:10]), int(number[10:12]))


def luhn_valid(digits: str) -> bool:
    """ISO/IEC 7812 check digit, which every bank card number carries."""
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char)
        if position % 2:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0
