"""Reading assessment facts sent as JSON: strict, and with a clear Chinese error for each way
it can fail (empty, not JSON, NaN, nested too deep, not UTF-8)."""

from __future__ import annotations

import json

from statutes.assessment.facts import NON_FIELD_ERRORS

MSG_EMPTY = (
    '没有收到任何内容：请发送一个 JSON 对象，例如 {"records": {"track": 30, "lodging": 300}}'
)


def load_json(text: str | bytes) -> object:
    """Strict JSON (RFC 8259: no NaN or Infinity), or ValueError with a Chinese message.

    Shared by the API, ``manage.py assess --json`` and the question form's attached facts, so
    all accept exactly the same input.
    """
    if not text.strip():
        raise ValueError(MSG_EMPTY)
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


def error_body(message: str) -> dict[str, list[str]]:
    """The 400 body for a problem with the input as a whole."""
    return {NON_FIELD_ERRORS: [message]}
