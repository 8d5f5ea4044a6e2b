"""Forms of the Q&A pages. They validate input; the services do the writing."""

from __future__ import annotations

from typing import Any

from django import forms

from assessment.engine import Facts, InvalidFacts, assess, parse_facts
from assessment.json import load_json
from consult.models import (
    ANSWER_BODY_MIN_LENGTH,
    LICENSE_NUMBER_VALIDATOR,
    MAX_ID,
    Answer,
    Category,
    LawyerProfile,
    Question,
)
from search.query import parse_query
from search.segmenter import MAX_QUERY_CHARS
from statutes.citations import format_citation, resolve_citations
from statutes.models import Article
from statutes.search import looks_like_reference

# Said under the fields whose text is masked on publication (consult.services.masking), so
# that a writer without JavaScript knows it before publishing too.
MASKING_HELP = (
    "身份证号、手机号、固定电话、银行卡号、电子邮箱、车牌号和精确到门牌的地址会在发布时"
    "自动打码（例如 138****5678），原文不会保存；最好不要填写。"
)
CITATION_HELP = (
    "每行一条，写法律简称和条号，例如“刑法 253-1”“民法典 第一千零七十九条”"
    "“法释〔2017〕10号 5”。可留空。"
)


class AssessmentFactsField(forms.CharField):
    """The facts of an assessment the asker chose to attach, as the contract's JSON."""

    widget = forms.HiddenInput

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(required=False, max_length=5000, **kwargs)

    def clean(self, value: Any) -> Facts | None:
        text = super().clean(value)
        if not text:
            return None
        try:
            # load_json turns every failure, "[[[[…" nested too deep included, into ValueError.
            return parse_facts(load_json(text))
        except (ValueError, InvalidFacts):
            raise forms.ValidationError("附带的评估数据无效，请回到评估工具重新评估。") from None


class AddressedLawyerField(forms.ModelChoiceField):
    """ "向TA提问": the lawyer's id, carried from /questions/ask/?lawyer=<id> in a hidden field."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(
            queryset=LawyerProfile.objects.verified(),
            required=False,
            widget=forms.HiddenInput,
            error_messages={"invalid_choice": "没有这位认证律师，请回到律师页面重新选择。"},
            **kwargs,
        )

    def to_python(self, value: Any) -> Any:
        text = str(value or "").strip()
        # An id beyond 64 bits makes SQLite raise OverflowError (a 500): refuse it first.
        if text and not (text.isascii() and text.isdigit() and int(text) <= MAX_ID):
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            )
        return super().to_python(value)


class QuestionForm(forms.ModelForm):
    # Optional for the type checker: QuestionEditForm removes them (None, Django's way).
    assessment_facts: AssessmentFactsField | None = AssessmentFactsField()
    addressed_to: AddressedLawyerField | None = AddressedLawyerField()

    class Meta:
        model = Question
        fields = ["title", "category", "region", "body", "is_anonymous"]
        labels = {"is_anonymous": "匿名提问（页面上显示为“匿名用户”）"}
        help_texts = {
            "title": "一句话说清您的问题，5 到 100 个字。",
            "region": "选填，例如“北京市朝阳区”：当地律师会先看到您的问题。不要写街道门牌。",
            "body": "说明事情经过、您关心的问题。" + MASKING_HELP,
        }
        widgets = {"body": forms.Textarea(attrs={"rows": 8})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        category = self.fields["category"]
        if isinstance(category, forms.ModelChoiceField):  # it is: the model's ForeignKey
            category.queryset = Category.objects.all()
            category.empty_label = "请选择分类"

    # The least a title and a body must say is the model's rule (consult.models), checked by
    # the ModelForm's full_clean() as by the services' and the admin's.

    @classmethod
    def from_assessment(cls, facts_text: str) -> QuestionForm:
        """The empty form an asker arriving from the tool starts with: the facts attached, the
        category about the crime (if the site has one) and a title they may keep or change."""
        initial: dict[str, Any] = {"assessment_facts": facts_text}
        try:
            facts = parse_facts(load_json(facts_text))
        except (ValueError, InvalidFacts):
            return cls(initial=initial)  # the hidden field reports it on publishing
        category = Category.objects.filter(concerns_pi_crime=True).order_by("position").first()
        if category is not None:
            initial["category"] = category.pk
        initial["title"] = suggested_title(assess(facts).to_dict()["level_label"])
        return cls(initial=initial)


def suggested_title(level_label: str) -> str:
    return f"侵犯公民个人信息的情节评估为“{level_label}”，可能承担什么责任？"


class QuestionEditForm(QuestionForm):
    # An attached assessment is part of asking: editing may only take it away. The lawyer
    # asked is part of asking too: editing keeps them.
    assessment_facts = None
    addressed_to = None
    remove_assessment = forms.BooleanField(
        label="移除附带的情节评估（问题页将不再显示它）", required=False
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not (self.instance and self.instance.assessment_facts):
            del self.fields["remove_assessment"]


class CitationsField(forms.CharField):
    """Lines of citations, cleaned into a list of Articles."""

    widget = forms.Textarea(attrs={"rows": 3})

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        kwargs.setdefault("label", "引用法条")
        kwargs.setdefault("help_text", CITATION_HELP)
        kwargs.setdefault("max_length", 1000)
        super().__init__(**kwargs)

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, list | tuple) and all(isinstance(a, Article) for a in value):
            return "\n".join(format_citation(a) for a in value)
        return value

    def clean(self, value: Any) -> list[Article]:
        text = super().clean(value)
        articles, errors = resolve_citations(text or "")
        if errors:
            raise forms.ValidationError([str(error) for error in errors])
        return articles


class AnswerForm(forms.Form):
    # Not a ModelForm (the question and the lawyer come from the page): the model's rule for
    # the least an answer says, so that the page refuses what answer_create() would.
    body = forms.CharField(
        label="您的回答",
        help_text=MASKING_HELP,
        widget=forms.Textarea(attrs={"rows": 10}),
        max_length=Answer._meta.get_field("body").max_length,
        validators=[ANSWER_BODY_MIN_LENGTH],
    )
    cited_articles = CitationsField()


class CategoriesField(forms.ModelMultipleChoiceField):
    """Categories chosen by id. Django checks the ids with one `pk IN (...)` query, and on SQLite
    an id beyond 64 bits makes that query raise OverflowError (a 500): refuse it first."""

    def _check_values(self, value: Any) -> Any:
        for pk in value:
            text = str(pk)
            if not (text.isascii() and text.isdigit() and int(text) <= MAX_ID):
                raise forms.ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": pk},
                )
        # Django's own check, private and missing from django-stubs.
        return super()._check_values(value)  # type: ignore[misc]


class LawyerApplicationForm(forms.ModelForm):
    class Meta:
        model = LawyerProfile
        fields = ["real_name", "license_number", "law_firm", "region", "practice_areas", "bio"]
        help_texts = {
            "license_number": "律师执业证上的 17 位执业证号，仅用于审核，不会公开。",
            "region": "例如：北京市朝阳区",
            "practice_areas": "可多选。",
        }
        field_classes = {"practice_areas": CategoriesField}
        widgets = {
            "practice_areas": forms.CheckboxSelectMultiple,
            "bio": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["license_number"].validators = [LICENSE_NUMBER_VALIDATOR]
        practice_areas = self.fields["practice_areas"]
        assert isinstance(practice_areas, CategoriesField)  # Meta.field_classes
        practice_areas.queryset = Category.objects.all()
        self.fields["practice_areas"].error_messages["required"] = "请至少选择一个擅长领域。"

    def clean_license_number(self) -> str:
        # Whether the number is already on file is not said here (it would tell anyone whose
        # numbers are registered): the application goes into review and the admin sees the
        # duplicate; only one lawyer per number can be verified (consult.services.lawyers).
        return self.cleaned_data["license_number"].strip()

    def validate_unique(self) -> None:
        # The one uniqueness rule (one verified lawyer per number) is the admin's to apply.
        pass


class SearchForm(forms.Form):
    """The search box: what to look for, and where (questions or statute articles)."""

    q = forms.CharField(
        label="关键词",
        max_length=MAX_QUERY_CHARS,
        error_messages={
            "required": "请输入要搜索的内容，例如“押金不退”或“试用期被辞退”。",
            "max_length": f"搜索内容最多 {MAX_QUERY_CHARS} 个字，请只写最关键的部分。",
            "null_characters_not_allowed": "搜索内容含有无法识别的字符，请重新输入。",
        },
    )
    tab = forms.ChoiceField(
        choices=(("questions", "问题"), ("statutes", "法条")),
        required=False,
        error_messages={"invalid_choice": "搜索范围只能是“问题”或“法条”。"},
    )

    def clean_q(self) -> str:
        query = self.cleaned_data["q"]
        if not parse_query(query) and not looks_like_reference(query):
            raise forms.ValidationError(
                "请写出具体遇到的事情，例如“押金不退”“试用期被辞退”；只有问句词或符号无法搜索。",
                code="no_words",
            )
        return query

    def clean_tab(self) -> str:
        return self.cleaned_data["tab"] or "questions"


class QuestionDeleteForm(forms.Form):
    """The asker's confirmation, with why: the reason is kept for staff beside the question."""

    reason = forms.CharField(
        label="删除原因",
        max_length=200,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="仅管理员可见，例如“问题已解决”或“包含个人信息”。",
        error_messages={"required": "请填写删除原因。", "max_length": "删除原因最多 200 个字。"},
    )

    def clean_reason(self) -> str:
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError("请填写删除原因。")
        return reason


class LawyerProfileEditForm(LawyerApplicationForm):
    """A verified lawyer's own profile: the same fields as the application."""

    class Meta(LawyerApplicationForm.Meta):
        help_texts = {
            **LawyerApplicationForm.Meta.help_texts,
            "real_name": "修改姓名需要管理员重新审核，审核期间不能回答问题。",
            "license_number": "不会公开。修改执业证号需要管理员重新审核，审核期间不能回答问题。",
        }


class WorkspaceFilterForm(forms.Form):
    """The filters of 待回答: a category, a region and keywords (both searched in the text)."""

    category = forms.ModelChoiceField(
        label="分类",
        queryset=Category.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label="全部分类",
        error_messages={"invalid_choice": "没有这个分类，请重新选择。"},
    )
    region = forms.CharField(
        label="地区",
        required=False,
        max_length=20,
        help_text="问题里提到的地名，例如“北京”。",
        error_messages={
            "max_length": "地区最多 20 个字。",
            "null_characters_not_allowed": "地区含有无法识别的字符，请重新输入。",
        },
    )
    q = forms.CharField(
        label="关键词",
        required=False,
        max_length=MAX_QUERY_CHARS,
        error_messages={
            "max_length": f"关键词最多 {MAX_QUERY_CHARS} 个字。",
            "null_characters_not_allowed": "关键词含有无法识别的字符，请重新输入。",
        },
    )

    @property
    def search_text(self) -> str:
        """Region and keywords as one search: questions name places in their text."""
        data = self.cleaned_data
        return " ".join(part for part in (data.get("region", ""), data.get("q", "")) if part)


class FollowUpForm(forms.Form):
    body = forms.CharField(
        label="追问",
        help_text=MASKING_HELP,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        error_messages={
            "required": "请填写追问的内容。",
            "max_length": "追问最多 1000 个字。",
            "null_characters_not_allowed": "内容含有无法识别的字符，请重新输入。",
        },
    )
