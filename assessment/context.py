"""Template context for an assessment result: the contract's output and its bars.

Shared by the tool page and by a question page showing the assessment its asker attached.
"""

from __future__ import annotations

from typing import Any

from assessment.engine import Facts, assess, progress_bars


def assessment_context(facts: Facts) -> dict[str, Any]:
    result = assess(facts)
    return {
        "assessment": result.to_dict(),
        "bars": [bar.to_dict() for bar in progress_bars(facts, result)],
    }
