"""Assessment of 侵犯公民个人信息罪 (刑法第二百五十三条之一; 法释〔2017〕10号).

Pure Python, no Django: frozen dataclasses in and out, Decimal for money, every threshold with
its provision (``thresholds.py``). The CLI, the API and the web form all call::

    facts = parse_facts(data)          # raises InvalidFacts(.errors) on bad input
    result = assess(facts)
    result.to_dict()                   # the contract's output JSON
    progress_bars(facts, result)       # bars for the picture
    render_verdict(result)             # plain Chinese text for the CLI
"""

from assessment.engine.engine import assess
from assessment.engine.facts import Facts, InvalidFacts, Records, parse_facts
from assessment.engine.field_help import FIELD_HELP, FIELD_LABELS
from assessment.engine.kinds import CONDUCTS, RECORD_KINDS, Conduct, RecordKind
from assessment.engine.progress import Bar, progress_bars
from assessment.engine.provisions import ProvisionRef, format_provision, parse_provision
from assessment.engine.result import LEVEL_LABELS, FineRange, Ground, Note, Result
from assessment.engine.verdict_text import render_verdict

__all__ = [
    "CONDUCTS",
    "FIELD_HELP",
    "FIELD_LABELS",
    "LEVEL_LABELS",
    "RECORD_KINDS",
    "Bar",
    "Conduct",
    "Facts",
    "FineRange",
    "Ground",
    "InvalidFacts",
    "Note",
    "ProvisionRef",
    "RecordKind",
    "Records",
    "Result",
    "assess",
    "format_provision",
    "parse_facts",
    "parse_provision",
    "progress_bars",
    "render_verdict",
]
