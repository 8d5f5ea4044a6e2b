"""Assessment of 侵犯公民个人信息罪 (刑法第二百五十三条之一; 法释〔2017〕10号).

Pure Python, no Django: frozen dataclasses in and out, Decimal for money, every threshold with
its provision (``thresholds.py``). The CLI, the API and the web form all call::

    facts = parse_facts(data)          # raises InvalidFacts(.errors) on bad input
    result = assess(facts)
    result.to_dict()                   # the contract's output JSON
    progress_bars(facts, result)       # bars for the picture
    render_verdict(result)             # plain Chinese text for the CLI
"""

from statutes.assessment.engine import assess
from statutes.assessment.facts import Facts, InvalidFacts, Records, parse_facts
from statutes.assessment.field_help import FIELD_HELP, FIELD_LABELS
from statutes.assessment.kinds import CONDUCTS, RECORD_KINDS, Conduct, RecordKind
from statutes.assessment.progress import Bar, progress_bars
from statutes.assessment.provisions import ProvisionRef, format_provision, parse_provision
from statutes.assessment.result import LEVEL_LABELS, FineRange, Ground, Note, Result
from statutes.assessment.verdict_text import render_verdict

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
