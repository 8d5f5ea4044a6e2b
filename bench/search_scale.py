"""Seed PostgreSQL with a million questions and time search, suggestions, related questions and
the question page through the app's own code; prints numbers, asserts nothing.

Usage:  .venv/bin/python bench/search_scale.py [--questions 1000000] [--answers 1500000]
            [--chunk 50000] [--measure-only] [--timeout 5] [--explain N] [--reset]

Uses its own PostgreSQL database (DATABASE_URL, by default
postgres://postgres@127.0.0.1:5432/bench_search), created if missing; --reset drops it and stops.

Text is built from the demo content (consult/demo/questions.toml) and the search word list
(search/data/legal_words.txt): their sentences and clauses are segmented once with
search.segmenter.index_text, then titles, bodies and answers are composed from pieces with
numbers and place names varied, so each search document is the concatenation of its pieces'
words. Rows go in with COPY, in chunks of --chunk questions (with their answers, citations and
search documents), one transaction each, under deterministic ids: an interrupted run (Ctrl-C)
continues with the first missing chunk when run again, and never writes a row twice.
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import importlib
import math
import os
import random
import re
import shutil
import subprocess
import sys
import time
import tomllib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import psycopg
from psycopg import sql

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/bench_search"
DEMO_DIR = ROOT / "consult" / "demo"
LEGAL_WORDS = ROOT / "search" / "data" / "legal_words.txt"
RELEVANCE_CASES = ROOT / "tests" / "search" / "relevance.toml"

# Bump when the generated content changes: a database seeded by another version is refused.
GENERATOR_VERSION = 1
SEED = 20261201
ASKERS = 5000
LAWYERS = 300
MAX_ANSWERS = 3  # per question
MAX_CITATIONS = 2  # per answer
HIDDEN_SHARE = 0.01
ANONYMOUS_SHARE = 0.15
ACCEPTED_SHARE = 0.4  # of questions with a visible answer
CITING_SHARE = 0.5  # of answers
BODY_CHARS = (80, 600)
ANSWER_CHARS = (60, 1200)
# The questions' creation times spread evenly over these three years, oldest id first.
SPAN_END = datetime.datetime(2026, 11, 30, tzinfo=datetime.UTC)
SPAN = datetime.timedelta(days=3 * 365)
MIN_FREE_GB = 20

TABLE = "consult_questionsearchdocument"
GIN_INDEX = f"{TABLE}_document_gin"
META_TABLE = "bench_search_seed"

QUERY_COUNT = 200
RELATED_COUNT = 200
PAGE_COUNT = 50
TARGETS_MS = {"search": 50.0, "suggestions": 30.0, "related": 20.0}

# Category slugs, most asked about first: the topic mix falls off as 1 / rank ** ZIPF_S.
POPULARITY = [
    "marriage-family",
    "labor",
    "traffic-accident",
    "contract",
    "real-estate",
    "criminal",
    "consumer",
    "company",
    "administrative",
    "personal-information",
    "intellectual-property",
    "tax-finance",
]
ZIPF_S = 0.9
# Sections of legal_words.txt → the categories whose text uses their words.
SECTION_CATEGORIES = {
    "刑事": ["criminal"],
    "婚姻家庭": ["marriage-family"],
    "劳动": ["labor"],
    "房产与租赁": ["real-estate"],
    "合同与债务": ["contract", "tax-finance"],
    "交通事故": ["traffic-accident"],
    "消费者": ["consumer"],
    "行政与治安": ["administrative"],
    "知识产权与公司": ["intellectual-property", "company"],
    "个人信息保护": ["personal-information"],
}
EVERYDAY_SECTION = "日常说法"

_PLACE_NAMES = (
    "北京 上海 广州 深圳 杭州 成都 武汉 西安 南京 重庆 天津 苏州 长沙 郑州 青岛 沈阳 昆明 合肥 "
    "福州 济南 南宁 贵阳 石家庄 哈尔滨 太原 南昌 兰州 厦门 东莞 佛山 温州 无锡 宁波 大连 珠海 "
    "海口 三亚 洛阳 徐州 烟台 潍坊 保定 邯郸 赣州 泉州 绍兴 台州 嘉兴 惠州 中山"
)
PLACES = _PLACE_NAMES.split()
_NUMERALS = (
    "两 三 五 六 八 十 二十 三十 五十 一百 两百 五百 一千 三千 五千 八千 一万 两万 五万 十万"
)
CN_NUMERALS = _NUMERALS.split()
SMALL_NUMERALS = "两 三 四 五 六 八 十"  # of years, months, days, times
AGES = "十六 十八 二十 二十五 三十 三十五 四十 五十 六十"
SURNAMES = (
    "王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 林 罗 高 郑 梁 谢 宋 唐 许 韩 冯 邓 曹"
)
GIVEN = "明 华 静 丽 强 伟 芳 敏 军 杰 娟 涛 超 勇 艳 磊 洋 婷 雪 慧 宇 鹏 晨 颖 浩 思 雨 欣 博 琳"
FIRMS = "正和 衡平 明德 致远 天诚 中信 同力 德恒 金石 安杰 汇业 君泽 大成 锦天 星瀚"

OPENERS = [
    "律师您好，",
    "请问律师，",
    "想咨询一下，",
    "急！",
    "我是{place}人，",
    "我在{place}打工，",
    "{year}年的时候，",
    "事情是这样的，",
]
DETAILS = [
    "这件事前后拖了{num_cn}个月。",
    "涉及的钱大概有{num_ar}元。",
    "对方是{place}的。",
    "我手里有聊天记录和转账记录。",
    "我查了一下，好像跟{term}有关。",
    "之前也找过当地派出所，说这个不归他们管。",
    "家里人都很着急，不知道找谁。",
    "事情发生在{year}年{month}月。",
    "我们是在{place}签的字。",
    "已经找对方协商了好几次，都没有结果。",
    "对方说要告我，我有点害怕。",
    "网上说法不一，想听听专业的意见。",
]
CLOSERS = [
    "请问该怎么办？",
    "这种情况我该怎么维权？",
    "麻烦律师帮忙分析一下，谢谢！",
    "在线等，挺急的。",
    "想知道{term}这块法律上是怎么规定的。",
    "我需要准备哪些材料？",
    "打官司的话胜算大吗？",
]
TITLE_TEMPLATES = [
    "{term}怎么处理？",
    "{place}{term}纠纷，该找谁？",
    "关于{term}的问题",
    "遇到{term}怎么办？",
    "{term}能赔多少钱？",
    "{term}需要什么证据？",
]
TITLE_PREFIXES = ["急！", "求助：", "{place}："]
ANSWER_OPENERS = ["您好，", "根据您的描述，", "这个问题分几点来看。", "感谢信任。"]
ANSWER_CLOSERS = [
    "以上仅供参考，具体还要结合证据判断。",
    "建议您先固定证据，必要时委托律师处理。",
    "如还有疑问，可以带上材料到当地法律援助中心咨询。",
    "可以先协商，协商不成再起诉，注意诉讼时效。",
]
QUERY_TEMPLATES = [
    "{everyday}怎么办",
    "{place}{term}",
    "{term}{ask}",
    "{everyday} {term}",
    "被{everyday}了{ask}",
    "{everyday}{everyday}{ask}",
    "我在{place}{everyday}，{ask}",
    "{term} {term} {place}",
]
ASKS = ["怎么办", "犯法吗", "能赔多少", "要坐牢吗", "可以起诉吗", "找谁", "违法吗", "怎么维权"]


# ---------------------------------------------------------------- text pieces


@dataclass(frozen=True)
class Piece:
    """A stretch of text and the words the index stores for it (index_text, computed once)."""

    text: str
    words: str


# A template: pieces and slot names ("place", "num_cn", …), filled in at composition time.
Template = tuple[Piece | str, ...]


@dataclass
class CategoryText:
    slug: str
    titles: list[Template] = field(default_factory=list)
    title_heads: list[Template] = field(default_factory=list)
    title_tails: list[Template] = field(default_factory=list)
    sentences: list[Template] = field(default_factory=list)
    answer_openers: list[Template] = field(default_factory=list)
    answer_sentences: list[Template] = field(default_factory=list)
    fills: dict[str, list[Piece]] = field(default_factory=dict)
    articles: list[int] = field(default_factory=list)


@dataclass
class Corpus:
    categories: dict[str, CategoryText]
    openers: list[Template]
    details: list[Template]
    closers: list[Template]
    title_templates: list[Template]
    title_prefixes: list[Template]
    answer_openers: list[Template]
    answer_closers: list[Template]


class Segmenter:
    """index_text, once per distinct text."""

    def __init__(self) -> None:
        from search.segmenter import index_text

        self._index_text = index_text
        self._pieces: dict[str, Piece] = {}

    def piece(self, text: str) -> Piece:
        if text not in self._pieces:
            self._pieces[text] = Piece(text, self._index_text(text))
        return self._pieces[text]

    def __len__(self) -> int:
        return len(self._pieces)


_PLACEHOLDER = re.compile(r"\{(\w+)\}")
# A whole Chinese numeral (not a lone 一 as in 一个人, not the inside of 第二百五十三).
_NUMERAL = (
    "(?<![第一二三四五六七八九十两百千万])"
    "(?:[二两三四五六七八九十百千万][一二三四五六七八九十两百千万]*|一[二三四五六七八九十两百千万]+)"
)
_NUMBERS_AND_PLACES = re.compile(
    r"(?P<year>20[0-2]\d)(?=年)"
    r"|(?P<num_ar>\d+(?:\.\d+)?)"
    rf"|(?P<place>{'|'.join(sorted(PLACES, key=len, reverse=True))})"
    rf"|(?P<num_age>{_NUMERAL})(?=岁)"
    rf"|(?P<num_small>{_NUMERAL})(?=个月|年|天|倍|次)"
    rf"|(?P<num_cn>{_NUMERAL})(?=元|块|条)"
)
_SENTENCE = re.compile(r"[^。！？!?\n]+[。！？!?]*")


def template_of(text: str, seg: Segmenter, *, vary: re.Pattern[str] | None = None) -> Template:
    """ "{place}" placeholders become slots; with `vary`, so do the numbers and places it finds."""
    parts: list[Piece | str] = []
    for index, chunk in enumerate(_PLACEHOLDER.split(text)):
        if index % 2:
            parts.append(chunk)
            continue
        position = 0
        for match in vary.finditer(chunk) if vary else ():
            if match.start() > position:
                parts.append(seg.piece(chunk[position : match.start()]))
            parts.append(str(match.lastgroup))
            position = match.end()
        if position < len(chunk):
            parts.append(seg.piece(chunk[position:]))
    return tuple(parts)


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE.findall(text) if len(s.strip()) > 1]


def read_word_sections() -> dict[str, list[str]]:
    """legal_words.txt: section heading (the "# …" line, first word) → its words."""
    sections: dict[str, list[str]] = {}
    current = ""
    for line in LEGAL_WORDS.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            current = line.lstrip("# ").split("（")[0].strip()
            continue
        word = line.split("#", 1)[0].strip()
        if word:
            sections.setdefault(current, []).append(word)
    return sections


def generic_fills(seg: Segmenter, rng: random.Random) -> dict[str, list[Piece]]:
    numbers = sorted({rng.choice([1, 10, 100, 1000]) * rng.randint(1, 99) for _ in range(400)})
    return {
        "place": [seg.piece(p) for p in PLACES],
        "num_cn": [seg.piece(n) for n in CN_NUMERALS],
        "num_small": [seg.piece(n) for n in SMALL_NUMERALS.split()],
        "num_age": [seg.piece(n) for n in AGES.split()],
        "num_ar": [Piece(str(n), str(n)) for n in numbers],
        "year": [Piece(str(y), str(y)) for y in range(2015, 2027)],
        "month": [Piece(str(m), str(m)) for m in range(1, 13)],
    }


def build_corpus(seg: Segmenter) -> Corpus:
    demo = tomllib.loads((DEMO_DIR / "questions.toml").read_text(encoding="utf-8"))["question"]
    sections = read_word_sections()
    fills = generic_fills(seg, random.Random(SEED))
    categories = {slug: CategoryText(slug) for slug in POPULARITY}
    every_word = [word for words in sections.values() for word in words]
    for section, slugs in SECTION_CATEGORIES.items():
        terms = [seg.piece(word) for word in sections.get(section) or every_word]
        for slug in slugs:
            categories[slug].fills = {**fills, "term": terms}
    vary = _NUMBERS_AND_PLACES
    for item in demo:
        text = categories[item["category"]]
        title = item["title"]
        text.titles.append(template_of(title, seg, vary=vary))
        head, comma, tail = title.rpartition("，")
        if comma:
            text.title_heads.append(template_of(head + comma, seg, vary=vary))
            text.title_tails.append(template_of(tail, seg, vary=vary))
        text.sentences.extend(template_of(s, seg, vary=vary) for s in sentences(item["body"]))
        for answer in item.get("answer", []):
            # Answers keep their numbers: they cite statute articles by number.
            first, *rest = sentences(answer["body"])
            text.answer_openers.append(template_of(first, seg))
            text.answer_sentences.extend(template_of(s, seg) for s in rest)

    def templates(items: list[str]) -> list[Template]:
        return [template_of(t, seg) for t in items]

    return Corpus(
        categories=categories,
        openers=templates(OPENERS),
        details=templates(DETAILS),
        closers=templates(CLOSERS),
        title_templates=templates(TITLE_TEMPLATES),
        title_prefixes=templates(TITLE_PREFIXES),
        answer_openers=templates(ANSWER_OPENERS),
        answer_closers=templates(ANSWER_CLOSERS),
    )


class Writer:
    """A text being composed and its words, side by side."""

    __slots__ = ("chars", "fills", "rng", "text", "used", "words")

    def __init__(self, rng: random.Random, fills: dict[str, list[Piece]]) -> None:
        self.rng = rng
        self.fills = fills
        self.text: list[str] = []
        self.words: list[str] = []
        self.chars = 0
        self.used: set[int] = set()

    def add(self, template: Template) -> None:
        self.used.add(id(template))
        for part in template:
            piece = part if isinstance(part, Piece) else self.rng.choice(self.fills[part])
            self.text.append(piece.text)
            if piece.words:
                self.words.append(piece.words)
            self.chars += len(piece.text)

    def length_of(self, template: Template) -> int:
        """Length of the template's fixed text (slots count as 2 characters)."""
        return sum(len(p.text) if isinstance(p, Piece) else 2 for p in template)

    def result(self) -> tuple[str, str]:
        return "".join(self.text), " ".join(self.words)


def compose_title(rng: random.Random, corpus: Corpus, text: CategoryText) -> tuple[str, str]:
    out = Writer(rng, text.fills)
    if rng.random() < 0.1:
        out.add(rng.choice(corpus.title_prefixes))
    roll = rng.random()
    if roll < 0.5 or not text.title_heads:
        out.add(rng.choice(text.titles))
    elif roll < 0.85:
        out.add(rng.choice(text.title_heads))
        out.add(rng.choice(text.title_tails))
    else:
        out.add(rng.choice(corpus.title_templates))
    return out.result()


def target_length(rng: random.Random, median: float, bounds: tuple[int, int]) -> int:
    return int(min(max(rng.lognormvariate(math.log(median), 0.55), bounds[0]), bounds[1]))


def fill_to(out: Writer, pick: Callable[[], Template], target: int, limit: int) -> None:
    """Add picked sentences until the text reaches target; never past limit (a few tries)."""
    misses = 0
    while out.chars < target and misses < 5:
        template = pick()
        if id(template) in out.used or out.chars + out.length_of(template) > limit:
            misses += 1
            continue
        out.add(template)


def compose_body(rng: random.Random, corpus: Corpus, text: CategoryText) -> tuple[str, str]:
    out = Writer(rng, text.fills)
    target = target_length(rng, 180, BODY_CHARS)
    if rng.random() < 0.4:
        out.add(rng.choice(corpus.openers))

    def pick() -> Template:
        roll = rng.random()
        if roll < 0.15:
            return rng.choice(corpus.details)
        if roll < 0.22:
            return rng.choice(corpus.categories[rng.choice(POPULARITY)].sentences)
        return rng.choice(text.sentences)

    fill_to(out, pick, target - 15, BODY_CHARS[1] - 20)
    if rng.random() < 0.5 or out.chars < BODY_CHARS[0]:
        out.add(rng.choice(corpus.closers))
    fill_to(out, pick, BODY_CHARS[0], BODY_CHARS[1])
    return out.result()


def compose_answer(rng: random.Random, corpus: Corpus, text: CategoryText) -> tuple[str, str]:
    out = Writer(rng, text.fills)
    target = target_length(rng, 300, ANSWER_CHARS)
    out.add(rng.choice(corpus.answer_openers if rng.random() < 0.3 else text.answer_openers))
    fill_to(out, lambda: rng.choice(text.answer_sentences), target, ANSWER_CHARS[1] - 40)
    if rng.random() < 0.4:
        out.add(rng.choice(corpus.answer_closers))
    return out.result()


# ---------------------------------------------------------------- rows


@dataclass(frozen=True)
class Plan:
    """What the database holds once seeding is complete: ids follow from these numbers."""

    questions: int
    answers: int
    chunk: int

    @property
    def chunks(self) -> int:
        return math.ceil(self.questions / self.chunk)

    def question_range(self, index: int) -> range:
        """Question ids of a chunk (ids start at 1)."""
        return range(index * self.chunk + 1, min((index + 1) * self.chunk, self.questions) + 1)

    def answers_before(self, question_count: int) -> int:
        return self.answers * question_count // self.questions

    def answer_range(self, index: int) -> range:
        ids = self.question_range(index)
        return range(self.answers_before(ids.start - 1) + 1, self.answers_before(ids.stop - 1) + 1)


@dataclass
class Base:
    """The rows every chunk refers to."""

    category_ids: dict[str, int]
    lawyers_by_category: dict[str, list[int]]
    corpus: Corpus


@dataclass
class ChunkRows:
    questions: list[tuple[Any, ...]] = field(default_factory=list)
    answers: list[tuple[Any, ...]] = field(default_factory=list)
    citations: list[tuple[int, int, int, bool]] = field(default_factory=list)
    documents: list[tuple[int, str, str, str]] = field(default_factory=list)


def columns(names: str) -> tuple[str, ...]:
    return tuple(names.split())


QUESTION_COLUMNS = columns(
    "id author_id category_id title body is_anonymous is_hidden hidden_reason created_at "
    "updated_at is_demo answer_count helpful_count best_answer_excerpt"
)
ANSWER_COLUMNS = columns(
    "id question_id lawyer_id body is_accepted accepted_at is_hidden hidden_reason created_at "
    "updated_at is_demo helpful_count"
)
CITATION_COLUMNS = columns("id answer_id article_id detected")
DOCUMENT_COLUMNS = columns("question_id terms_a terms_b terms_c")
USER_COLUMNS = columns(
    "id password is_superuser username first_name last_name email is_staff is_active "
    "date_joined email_notifications is_demo"
)
LAWYER_COLUMNS = columns(
    "id user_id real_name license_number law_firm region bio status status_changed_at "
    "status_note applied_at is_demo helped_count"
)
PRACTICE_COLUMNS = columns("id lawyerprofile_id category_id")


def topic_weights() -> list[float]:
    weights = [1 / (rank + 1) ** ZIPF_S for rank in range(len(POPULARITY))]
    total = sum(weights)
    return [sum(weights[: n + 1]) / total for n in range(len(weights))]


def answer_counts(rng: random.Random, questions: int, total: int) -> list[int]:
    """0–MAX_ANSWERS answers per question (binomial), adjusted to add up to exactly total."""
    share = total / questions / MAX_ANSWERS
    counts = [sum(rng.random() < share for _ in range(MAX_ANSWERS)) for _ in range(questions)]
    surplus = sum(counts) - total
    while surplus:
        n = rng.randrange(questions)
        if surplus > 0 and counts[n] > 0:
            counts[n] -= 1
            surplus -= 1
        elif surplus < 0 and counts[n] < MAX_ANSWERS:
            counts[n] += 1
            surplus += 1
    return counts


def created_at(question_id: int, plan: Plan, rng: random.Random) -> datetime.datetime:
    step = SPAN / plan.questions
    return SPAN_END - SPAN + step * (question_id - 1) + step * rng.random()


def chunk_rows(index: int, plan: Plan, base: Base) -> ChunkRows:
    """Every row of one chunk; the same rows whenever it is generated."""
    rng = random.Random(f"{SEED}:{index}")
    cumulative = topic_weights()
    corpus = base.corpus
    ids = plan.question_range(index)
    answer_ids = iter(plan.answer_range(index))
    counts = answer_counts(rng, len(ids), len(plan.answer_range(index)))
    rows = ChunkRows()
    for question_id, count in zip(ids, counts, strict=True):
        slug = rng.choices(POPULARITY, cum_weights=cumulative)[0]
        text = corpus.categories[slug]
        title, title_words = compose_title(rng, corpus, text)
        body, body_words = compose_body(rng, corpus, text)
        asked = created_at(question_id, plan, rng)
        hidden = rng.random() < HIDDEN_SHARE
        rows.questions.append(
            (
                question_id,
                rng.randrange(ASKERS) + 1,
                base.category_ids[slug],
                title,
                body,
                rng.random() < ANONYMOUS_SHARE,
                hidden,
                "含有联系方式或广告" if hidden else "",
                asked,
                asked,
                False,
                0,  # stored counters and excerpt: filled by `recount` once every chunk is in
                0,
                "",
            )
        )
        answer_words = add_answers(rows, rng, base, text, question_id, asked, count, answer_ids)
        rows.documents.append((question_id, title_words, body_words, " ".join(answer_words)))
    if next(answer_ids, None) is not None:
        raise RuntimeError(f"chunk {index}: answer ids left over")
    return rows


def add_answers(
    rows: ChunkRows,
    rng: random.Random,
    base: Base,
    text: CategoryText,
    question_id: int,
    asked: datetime.datetime,
    count: int,
    answer_ids: Iterator[int],
) -> list[str]:
    """Append the question's answers (and their citations); return the visible ones' words."""
    if not count:
        return []
    lawyers = rng.sample(base.lawyers_by_category[text.slug], count)
    hidden = [rng.random() < HIDDEN_SHARE for _ in lawyers]
    visible = [n for n, h in enumerate(hidden) if not h]
    accepted = rng.choice(visible) if visible and rng.random() < ACCEPTED_SHARE else None
    words = []
    answered = asked
    for n, lawyer_id in enumerate(lawyers):
        answer_id = next(answer_ids)
        body, body_words = compose_answer(rng, base.corpus, text)
        answered += datetime.timedelta(hours=rng.uniform(0.5, 48))
        rows.answers.append(
            (
                answer_id,
                question_id,
                lawyer_id,
                body,
                n == accepted,
                answered + datetime.timedelta(hours=rng.uniform(1, 72)) if n == accepted else None,
                hidden[n],
                "与问题无关" if hidden[n] else "",
                answered,
                answered,
                False,
                0,
            )
        )
        if not hidden[n]:
            words.append(body_words)
        if text.articles and rng.random() < CITING_SHARE:
            cited = rng.sample(text.articles, min(len(text.articles), rng.randint(1, 2)))
            rows.citations.extend(
                ((answer_id - 1) * MAX_CITATIONS + slot + 1, answer_id, article, False)
                for slot, article in enumerate(cited)
            )
    return words


# ---------------------------------------------------------------- database


def database_url() -> str:
    return os.environ.setdefault("DATABASE_URL", DEFAULT_DATABASE_URL)


def maintenance_url(url: str) -> tuple[str, str]:
    """The URL of the server's `postgres` database, and the bench database's name."""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path="/postgres")), parts.path.lstrip("/")


def ensure_database(url: str) -> None:
    admin, name = maintenance_url(url)
    with psycopg.connect(admin, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
            print(f"created database {name}")


def drop_database(url: str) -> None:
    admin, name = maintenance_url(url)
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )
    print(f"dropped database {name}")


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    # The development settings, as before DEBUG defaulted to false.
    os.environ.setdefault("DEBUG", "true")
    # The bench measures the pages, not the rate limits.
    os.environ["RATELIMIT_ENABLE"] = "false"
    for scope in ("ANON", "USER"):
        os.environ[f"THROTTLE_{scope}"] = "1000000/min"
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    settings.ALLOWED_HOSTS = ["*"]
    call_command("migrate", verbosity=0)
    with open(os.devnull, "w") as quiet:
        call_command("import_laws", verbosity=0, stdout=quiet)
        from search.synonyms import SHIPPED

        if SHIPPED.exists():
            call_command("load_synonyms", stdout=quiet)
    # Load the app's search code now: one snapshot of it serves the whole run.
    for module in ("search.segmenter", "consult.search", "consult.related", "consult.views"):
        importlib.import_module(module)


def copy_rows(
    cursor: psycopg.Cursor, table: str, columns: Sequence[str], rows: Sequence[tuple]
) -> None:
    statement = sql.SQL("COPY {} ({}) FROM STDIN").format(
        sql.Identifier(table),
        sql.SQL(", ").join(map(sql.Identifier, columns)),
    )
    with cursor.copy(statement) as copy:
        for row in rows:
            copy.write_row(row)


def corpus_fingerprint() -> str:
    """A digest of the word list and of what index_text makes of the demo questions: it changes
    with the source texts, the segmenter or its dictionary (documents segmented by another
    segmenter would not match today's queries the same way)."""
    from search.segmenter import index_text

    demo = tomllib.loads((DEMO_DIR / "questions.toml").read_text(encoding="utf-8"))["question"]
    words = [index_text(f"{item['title']}\n{item['body']}") for item in demo]
    words.append(LEGAL_WORDS.read_text(encoding="utf-8"))
    return hashlib.sha256("\n".join(words).encode()).hexdigest()[:12]


def check_plan(conn: psycopg.Connection, plan: Plan, fingerprint: str) -> None:
    """Remember the plan on the first run; refuse to continue a database seeded to another."""
    conn.execute(
        f"""CREATE TABLE IF NOT EXISTS {META_TABLE} (
            questions bigint NOT NULL, answers bigint NOT NULL, chunk integer NOT NULL,
            generator integer NOT NULL, corpus text NOT NULL, gin_indexdef text)"""
    )
    row = conn.execute(
        f"SELECT questions, answers, chunk, generator, corpus FROM {META_TABLE}"  # noqa: S608 — a constant name
    ).fetchone()
    wanted = (plan.questions, plan.answers, plan.chunk, GENERATOR_VERSION, fingerprint)
    if row is None:
        conn.execute(f"INSERT INTO {META_TABLE} VALUES (%s, %s, %s, %s, %s, NULL)", wanted)  # noqa: S608
    elif tuple(row) != wanted:
        raise SystemExit(
            f"the bench database was seeded with questions={row[0]} answers={row[1]} "
            f"chunk={row[2]} (generator {row[3]}, corpus {row[4]}; this run: corpus "
            f"{fingerprint}): run with those options, or --reset first"
        )


def one_row(cursor: psycopg.Cursor[Any]) -> tuple[Any, ...]:
    """The row of a query that always returns one (a count, a size, a setting)."""
    row = cursor.fetchone()
    if row is None:
        raise RuntimeError("the query returned no row")
    return row


def warn_if_stale(conn: psycopg.Connection, fingerprint: str) -> None:
    """--measure-only: say so when the texts or the segmenter changed since seeding."""
    exists = one_row(conn.execute("SELECT to_regclass(%s)", [META_TABLE]))[0]
    row = conn.execute(f"SELECT corpus FROM {META_TABLE}").fetchone() if exists else None  # noqa: S608
    if row is None:
        raise SystemExit("nothing seeded yet: run without --measure-only first")
    if row[0] != fingerprint:
        print(
            f"WARNING: seeded with corpus {row[0]}, the texts and segmenter now give "
            f"{fingerprint}: --reset and seed again for comparable numbers"
        )


def complete_chunks(conn: psycopg.Connection, plan: Plan) -> set[int]:
    """Chunks whose rows are all there (each chunk is written in one transaction)."""
    done = set()
    for index in range(plan.chunks):
        ids = plan.question_range(index)
        (count,) = one_row(
            conn.execute(
                "SELECT count(*) FROM consult_question WHERE id BETWEEN %s AND %s",
                [ids.start, ids.stop - 1],
            )
        )
        if count == len(ids):
            done.add(index)
        elif count:
            raise SystemExit(f"chunk {index} holds {count} of {len(ids)} questions; --reset")
    return done


def setup_base(conn: psycopg.Connection, corpus: Corpus) -> Base:
    """Categories (the demo's twelve), askers and verified lawyers, once; cited articles."""
    from django.contrib.auth.hashers import make_password

    from consult.models import Category

    categories = tomllib.loads((DEMO_DIR / "categories.toml").read_text(encoding="utf-8"))
    category_ids = {}
    for position, item in enumerate(categories["category"]):
        category, _ = Category.objects.update_or_create(
            slug=item["slug"],
            defaults={
                "name": item["name"],
                "description": item.get("description", ""),
                "position": position,
                "concerns_pi_crime": item.get("concerns_pi_crime", False),
            },
        )
        category_ids[item["slug"]] = category.pk
    areas = lawyer_areas()
    exists = conn.execute("SELECT 1 FROM consult_lawyerprofile WHERE id = %s", [LAWYERS])
    if not exists.fetchone():
        with conn.transaction(), conn.cursor() as cursor:
            rows = people_rows(make_password(None), areas, category_ids)
            copy_rows(cursor, "accounts_user", USER_COLUMNS, rows["users"])
            copy_rows(cursor, "consult_lawyerprofile", LAWYER_COLUMNS, rows["lawyers"])
            copy_rows(
                cursor, "consult_lawyerprofile_practice_areas", PRACTICE_COLUMNS, rows["areas"]
            )
    by_category: dict[str, list[int]] = {slug: [] for slug in POPULARITY}
    for lawyer, slugs in enumerate(areas, start=1):
        for slug in slugs:
            by_category[slug].append(lawyer)
    attach_articles(corpus)
    return Base(category_ids, by_category, corpus)


def lawyer_areas() -> list[list[str]]:
    """Each lawyer's practice areas: one in turn (every category gets its share), 0–2 more."""
    rng = random.Random(f"{SEED}:lawyers")
    return [
        list(
            dict.fromkeys(
                [POPULARITY[n % len(POPULARITY)], *rng.sample(POPULARITY, rng.randint(0, 2))]
            )
        )
        for n in range(LAWYERS)
    ]


def people_rows(
    password: str, areas: list[list[str]], category_ids: dict[str, int]
) -> dict[str, list[tuple]]:
    rng = random.Random(f"{SEED}:people")
    joined = SPAN_END - SPAN - datetime.timedelta(days=30)
    users = [
        (n, password, False, f"bench-user-{n}", "", "", "", False, True, joined, True, False)
        for n in range(1, ASKERS + 1)
    ]
    lawyers: list[tuple] = []
    practice: list[tuple] = []
    for n, slugs in enumerate(areas, start=1):
        user_id = ASKERS + n
        name = rng.choice(SURNAMES.split()) + "".join(rng.sample(GIVEN.split(), 2))
        city = rng.choice(PLACES)
        users.append(
            (
                user_id,
                password,
                False,
                f"bench-lawyer-{n}",
                "",
                "",
                "",
                False,
                True,
                joined,
                True,
                False,
            )
        )
        lawyers.append(
            (
                n,
                user_id,
                name,
                f"9{n:016d}",
                f"{city}{rng.choice(FIRMS.split())}律师事务所",
                f"{city}市",
                "",
                "verified",
                joined,
                "压测数据",
                joined,
                False,
                0,
            )
        )
        practice.extend(
            ((n - 1) * 3 + slot + 1, n, category_ids[slug]) for slot, slug in enumerate(slugs)
        )
    return {"users": users, "lawyers": lawyers, "areas": practice}


def attach_articles(corpus: Corpus) -> None:
    """The articles the demo answers of each category cite: the pool its answers cite from."""
    from statutes.models import Article

    demo = tomllib.loads((DEMO_DIR / "questions.toml").read_text(encoding="utf-8"))["question"]
    for item in demo:
        text = corpus.categories[item["category"]]
        for answer in item.get("answer", []):
            for cite in answer.get("cites", []):
                number, _, suffix = str(cite["article"]).partition("-")
                article = Article.objects.filter(
                    version__slug=cite["law"], number=int(number), suffix=int(suffix or 0)
                ).first()
                if article is not None and article.pk not in text.articles:
                    text.articles.append(article.pk)


def write_chunk(conn: psycopg.Connection, rows: ChunkRows) -> None:
    with conn.transaction(), conn.cursor() as cursor:
        copy_rows(cursor, "consult_question", QUESTION_COLUMNS, rows.questions)
        copy_rows(cursor, "consult_answer", ANSWER_COLUMNS, rows.answers)
        copy_rows(cursor, "consult_answercitation", CITATION_COLUMNS, rows.citations)
        copy_rows(cursor, TABLE, DOCUMENT_COLUMNS, rows.documents)


def free_gb(conn: psycopg.Connection) -> float:
    (directory,) = one_row(conn.execute("SHOW data_directory"))
    path = directory if Path(directory).exists() else "/"
    return shutil.disk_usage(path).free / 2**30


def database_bytes(conn: psycopg.Connection) -> int:
    return one_row(conn.execute("SELECT pg_database_size(current_database())"))[0]


def drop_gin_index(conn: psycopg.Connection) -> None:
    """Drop the search index for the bulk load, remembering its definition to rebuild it."""
    row = conn.execute("SELECT indexdef FROM pg_indexes WHERE indexname = %s", [GIN_INDEX])
    definition = row.fetchone()
    if definition:
        conn.execute(f"UPDATE {META_TABLE} SET gin_indexdef = %s", definition)  # noqa: S608
        conn.execute(f"DROP INDEX {GIN_INDEX}")


def build_gin_index(conn: psycopg.Connection) -> None:
    """Create the search index if it is missing, and report its build time and sizes."""
    present = conn.execute("SELECT 1 FROM pg_indexes WHERE indexname = %s", [GIN_INDEX])
    if not present.fetchone():
        (definition,) = one_row(conn.execute(f"SELECT gin_indexdef FROM {META_TABLE}"))  # noqa: S608
        conn.execute("SET maintenance_work_mem = '1GB'")
        start = time.perf_counter()
        conn.execute(definition)
        print(f"GIN index built in {time.perf_counter() - start:.1f} s (maintenance_work_mem 1GB)")
    sizes = one_row(
        conn.execute(
            "SELECT pg_relation_size(%s), pg_relation_size(%s), pg_total_relation_size(%s)",
            [GIN_INDEX, TABLE, TABLE],
        )
    )
    print(
        f"GIN index {sizes[0] / 2**20:.0f} MiB; {TABLE} table {sizes[1] / 2**20:.0f} MiB, "
        f"{sizes[2] / 2**20:.0f} MiB with TOAST and indexes"
    )


def recount_stored_counters() -> None:
    """Rows went in by COPY with zero counters: the site's own idempotent recount fills them."""
    from django.core.management import call_command

    start = time.perf_counter()
    call_command("recount")
    print(f"stored counters recounted in {time.perf_counter() - start:.1f} s")


def reset_sequences() -> None:
    from django.core.management.color import no_style
    from django.db import connection
    from django.db.models import Model

    from accounts.models import User
    from consult.models import Answer, AnswerCitation, LawyerProfile, Question

    models: list[type[Model]] = [
        User,
        LawyerProfile,
        LawyerProfile.practice_areas.through,
        Question,
        Answer,
    ]
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), [*models, AnswerCitation]):
            cursor.execute(statement)


def seed(url: str, plan: Plan) -> None:
    from tqdm import tqdm

    with psycopg.connect(url, autocommit=True) as conn:
        check_plan(conn, plan, corpus_fingerprint())
        done = complete_chunks(conn, plan)
        start = time.perf_counter()
        seg = Segmenter()
        corpus = build_corpus(seg)
        base = setup_base(conn, corpus)
        print(f"corpus: {len(seg)} pieces segmented in {time.perf_counter() - start:.1f} s")
        pending = [n for n in range(plan.chunks) if n not in done]
        if pending:
            drop_gin_index(conn)
        loaded = sum(len(plan.question_range(n)) for n in done)
        growth = 0
        start = time.perf_counter()
        with tqdm(
            total=plan.questions, initial=loaded, unit="q", unit_scale=True, desc="seeding"
        ) as bar:
            for index in pending:
                if free_gb(conn) - 1.5 * growth / 2**30 < MIN_FREE_GB:
                    raise SystemExit(f"stopped: free space would fall under {MIN_FREE_GB} GB")
                before = database_bytes(conn)
                bar.set_postfix_str(f"chunk {index + 1}/{plan.chunks} generating")
                rows = chunk_rows(index, plan, base)
                bar.set_postfix_str(f"chunk {index + 1}/{plan.chunks} copying")
                write_chunk(conn, rows)
                growth = database_bytes(conn) - before
                bar.update(len(rows.questions))
        if pending:
            seconds = time.perf_counter() - start
            count = sum(len(plan.question_range(n)) for n in pending)
            answers = sum(len(plan.answer_range(n)) for n in pending)
            print(
                f"seeded {count} questions and {answers} answers in {seconds:.0f} s "
                f"({count / seconds:.0f} questions/s, {(count + answers) / seconds:.0f} q+a/s)"
            )
        build_gin_index(conn)
        reset_sequences()
        if pending:
            recount_stored_counters()
        start = time.perf_counter()
        conn.execute("ANALYZE")
        print(f"ANALYZE in {time.perf_counter() - start:.1f} s")
        print(f"database {database_bytes(conn) / 2**30:.1f} GiB, {free_gb(conn):.0f} GB free")


# ---------------------------------------------------------------- measuring


def nearest_rank(timings: list[float], percent: int) -> float:
    ordered = sorted(timings)
    return ordered[max(0, math.ceil(percent / 100 * len(ordered)) - 1)]


def ms(value: float, timeout_ms: int) -> str:
    return f">{timeout_ms}" if math.isinf(value) else f"{value:.1f}"


def report(
    name: str, timings: list[float], timeout_ms: int, percents: Sequence[int] = (50, 95, 99)
) -> None:
    """One line: percentiles in ms (">N" where the statement timeout stopped a query)."""
    line = name + "".join(f" p{p} {ms(nearest_rank(timings, p), timeout_ms)} ms" for p in percents)
    stopped = sum(math.isinf(t) for t in timings)
    if stopped:
        line += f" [{stopped} of {len(timings)} stopped by the {timeout_ms} ms timeout]"
    if name in TARGETS_MS:
        target = TARGETS_MS[name]
        met = nearest_rank(timings, 95) <= target
        line += f"  (target p95 ≤ {target:.0f} ms: {'met' if met else 'MISSED'})"
    print(line)


def timed(function: Callable[[], object]) -> float:
    """Milliseconds the call took; infinity when the statement timeout cancelled a query."""
    from django.db import OperationalError

    start = time.perf_counter()
    try:
        function()
    except OperationalError as error:
        if not isinstance(error.__cause__, psycopg.errors.QueryCanceled):
            raise
        return math.inf
    return (time.perf_counter() - start) * 1000


def fixed_queries() -> list[str]:
    """The relevance set's queries, then colloquial ones made from the word lists."""
    from search.relevance import read_cases

    queries = [case.query for case in read_cases(RELEVANCE_CASES)]
    sections = read_word_sections()
    every_word = [word for words in sections.values() for word in words]
    everyday = next(
        (words for name, words in sections.items() if name.startswith(EVERYDAY_SECTION)),
        every_word,
    )
    terms = [w for section in SECTION_CATEGORIES for w in sections.get(section, [])] or every_word
    rng = random.Random(f"{SEED}:queries")
    fills = {"everyday": everyday, "term": terms, "place": PLACES, "ask": ASKS}
    while len(queries) < QUERY_COUNT:
        template = rng.choice(QUERY_TEMPLATES)
        query = _PLACEHOLDER.sub(lambda m: rng.choice(fills[m.group(1)]), template)
        if query not in queries:
            queries.append(query)
    return queries[:QUERY_COUNT]


def spread_questions(count: int) -> list[Any]:
    """Visible questions at evenly spaced ids: the same ones on every run."""
    from consult.models import Question

    last = Question.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    step = max(1, last // count)
    chosen = []
    for n in range(count):
        visible = Question.objects.visible().select_related("category")
        question = visible.filter(pk__gte=1 + n * step).order_by("pk").first()
        if question is not None:
            chosen.append(question)
    return chosen


def matched_share(queries: list[str]) -> list[float]:
    """Per query, the share of documents it matches (any alternative with all its words), on a
    fixed 2,000-row sample: the rows the database must rank for it."""
    from django.db import connection

    from consult.models import QuestionSearchDocument
    from search.query import parse_query

    percent = min(100.0, 100 * 2000 / max(QuestionSearchDocument.objects.count(), 1))
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT terms_a || ' ' || terms_b || ' ' || terms_c FROM {TABLE} "  # noqa: S608 — a constant name
            "TABLESAMPLE BERNOULLI (%s) REPEATABLE (1)",
            [percent],
        )
        documents = [frozenset(words.split()) for (words,) in cursor.fetchall()]
    shares = []
    for query in queries:
        phrases = parse_query(query).phrases
        hits = sum(any(all(w in d for w in p) for p in phrases) for d in documents)
        shares.append(hits / max(len(documents), 1))
    return shares


def set_statement_timeout(timeout_ms: int) -> None:
    """Every connection of the measuring phase stops a statement after timeout_ms."""
    from django.db import connection
    from django.db.backends.signals import connection_created

    def limit(sender: object, connection: Any, **kwargs: object) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"SET statement_timeout = {timeout_ms:d}")

    connection_created.connect(limit, weak=False)
    connection.close()


def code_version() -> str:
    """The commit measured, and whether the working tree differs from it."""
    try:
        described = subprocess.run(
            ["git", "-C", str(ROOT), "describe", "--always", "--dirty"],
            capture_output=True,
            text=True,
            check=True,
        )
    except (OSError, subprocess.CalledProcessError):
        return "(not a git checkout)"
    return described.stdout.strip()


def measure(timeout: float, explain: int) -> None:
    from django.db import connection
    from tqdm import tqdm

    from consult.models import Answer, Question
    from consult.related import forget, related_questions
    from consult.search import question_search, similar_questions
    from search import typos
    from search.models import Synonym
    from search.query import parse_query

    queries = fixed_queries()
    print(f"code {code_version()}")
    print(
        f"questions={Question.objects.count()} answers={Answer.objects.count()} "
        f"synonyms={Synonym.objects.filter(is_active=True).count()} database={connection.vendor}"
    )
    shares = [100 * share for share in matched_share(queries)]
    print(
        "documents matched per query "
        + " ".join(f"p{p} {nearest_rank(shares, p):.0f}%" for p in (50, 95, 99))
    )
    timeout_ms = int(timeout * 1000)
    set_statement_timeout(timeout_ms)
    parse_query("劳动合同 加班费")  # load the dictionary and the synonyms
    typos.load_tables()  # as a server process does when it starts

    def first_results(query: str) -> object:
        return list(question_search(query)[:20])

    def run(
        name: str, calls: list[Callable[[], object]], before: Callable[[int], object] | None = None
    ) -> list[float]:
        timings = []
        for n, call in enumerate(tqdm(calls, desc=name, leave=False)):
            if before is not None:
                before(n)
            timings.append(timed(call))
        return timings

    print(
        f"load average before: {os.getloadavg()[0]:.1f} (2 cores: above ~1, other work shares them)"
    )
    searches = run("search", [partial(first_results, q) for q in queries])
    report("search", searches, timeout_ms)
    suggestions = run("suggestions", [partial(similar_questions, q) for q in queries])
    report("suggestions", suggestions, timeout_ms)
    # Again, as a running server answers them: each word's document frequency is cached for
    # an hour (search.stats), so only the first search with a new word counts it.
    warm = run("search, warm", [partial(first_results, q) for q in queries])
    report("search (word frequencies cached)", warm, timeout_ms)
    warm = run("suggestions, warm", [partial(similar_questions, q) for q in queries])
    report("suggestions (word frequencies cached)", warm, timeout_ms)
    questions = spread_questions(RELATED_COUNT)
    # Uncached: the list is cached per question (consult.related); forgotten before each call.
    related = run(
        "related",
        [partial(related_questions, q) for q in questions],
        before=lambda n: forget(questions[n].pk, recompute=False),
    )
    report("related", related, timeout_ms)
    measure_pages(questions[:: max(1, len(questions) // PAGE_COUNT)][:PAGE_COUNT], timeout_ms)
    print(f"load average after: {os.getloadavg()[0]:.1f}")
    if explain:
        slowest = sorted(zip(searches, queries, strict=True), reverse=True)[:explain]
        explain_slowest(slowest, timeout_ms)


def measure_pages(questions: list[Any], timeout_ms: int) -> None:
    """The question page's server time through the test client, and its SQL query count:
    first with its related questions computed (as after a change), then cached."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from consult.related import forget

    client = Client()
    timed(lambda: client.get(questions[-1].get_absolute_url() + "?warm"))

    def get(url: str) -> None:
        response = client.get(url)
        if response.status_code != 200:
            raise SystemExit(f"{url}: {response.status_code}")

    for question in questions:
        forget(question.pk, recompute=False)
    for name in ("question page (related computed)", "question page (related cached)"):
        if name.endswith("cached)"):
            prime_related(questions, timeout_ms)
        timings, counts = [], []
        for url in [question.get_absolute_url() for question in questions]:
            with CaptureQueriesContext(connection) as captured:
                timings.append(timed(partial(get, url)))
            counts.append(len(captured))
        report(name, timings, timeout_ms, percents=(50, 95))
        queries = f"{min(counts)}" if min(counts) == max(counts) else f"{min(counts)}–{max(counts)}"
        print(f"{name} SQL queries {queries} per page ({len(timings)} pages)")


def prime_related(questions: list[Any], timeout_ms: int) -> None:
    """Cache the questions' related lists, without the statement timeout (they may take long)."""
    from django.db import connection

    from consult.related import related_questions

    with connection.cursor() as cursor:
        cursor.execute("SET statement_timeout = 0")
        for question in questions:
            related_questions(question)
        cursor.execute(f"SET statement_timeout = {timeout_ms:d}")


def explain_slowest(slowest: list[tuple[float, str]], timeout_ms: int) -> None:
    """EXPLAIN (ANALYZE, BUFFERS) the SQL the app sends for the slowest search queries."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from consult.search import question_search

    with connection.cursor() as cursor:
        cursor.execute("SET statement_timeout = 0")
    for took, query in slowest:
        with CaptureQueriesContext(connection) as captured:
            list(question_search(query)[:20])
        sql = captured.captured_queries[-1]["sql"]
        print(f"\n--- {ms(took, timeout_ms)} ms: {query}\n{sql}")
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
            print("\n".join(row[0] for row in cursor.fetchall()))


# ---------------------------------------------------------------- main


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--questions", type=int, default=1_000_000)
    parser.add_argument("--answers", type=int, default=1_500_000)
    parser.add_argument("--chunk", type=int, default=50_000, help="questions per transaction")
    parser.add_argument("--measure-only", action="store_true", help="skip seeding")
    parser.add_argument(
        "--timeout", type=float, default=5.0, help="statement timeout while measuring, seconds"
    )
    parser.add_argument(
        "--explain", type=int, default=0, metavar="N", help="EXPLAIN the N slowest searches"
    )
    parser.add_argument("--reset", action="store_true", help="drop the bench database and stop")
    args = parser.parse_args()
    if not 0 <= args.answers <= MAX_ANSWERS * args.questions or args.questions < 1:
        parser.error(f"need questions ≥ 1 and 0 ≤ answers ≤ {MAX_ANSWERS} × questions")
    url = database_url()
    if args.reset:
        drop_database(url)
        return
    ensure_database(url)
    setup_django()
    if not args.measure_only:
        seed(url, Plan(args.questions, args.answers, args.chunk))
    else:
        with psycopg.connect(url, autocommit=True) as conn:
            warn_if_stale(conn, corpus_fingerprint())
            build_gin_index(conn)
    measure(args.timeout, args.explain)


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        print("\ninterrupted: the chunk in progress was rolled back; run again to continue")
        sys.exit(130)
