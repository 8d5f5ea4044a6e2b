"""The one JSON reader of every way in that takes JSON: the API's parser (every endpoint, the
assessment included), ``manage.py assess --json`` and the facts a question form carries.

Strict (RFC 8259: no NaN or Infinity), and every way it can fail — empty, not JSON, NaN,
nested too deep, not UTF-8, a number too long — is a ValueError with a Chinese message.
"""

from __future__ import annotations

import json

MSG_EMPTY = "没有收到任何内容：请发送一个 JSON 对象。"


def load_json(text: str | bytes, *, empty_message: str = MSG_EMPTY) -> object:
    """The parsed value, or ValueError with a message to show (``empty_message`` when there
    is nothing but whitespace)."""
    if not text.strip():
        raise ValueError(empty_message)
    try:
        return json.loads(text, parse_constant=_reject_constant)
    except _NotStrictJSON as error:
        raise ValueError(str(error)) from None
    except RecursionError:
        raise ValueError("JSON 嵌套层数过多") from None
    except UnicodeDecodeError:
        raise ValueError("请求体不是 UTF-8 编码的文本") from None
    except json.JSONDecodeError as error:
        raise ValueError(
            f"不是有效的 JSON（第 {error.lineno} 行第 {error.colno} 列：{error.msg}）"
        ) from None
    except ValueError:  # e.g. an integer of more than 4300 digits
        raise ValueError("不是有效的 JSON：数字过长") from None


class _NotStrictJSON(ValueError):
    pass


def _reject_constant(name: str) -> object:
    raise _NotStrictJSON(f"不是有效的 JSON：JSON 中没有 {name}，请写成有限的数字")
