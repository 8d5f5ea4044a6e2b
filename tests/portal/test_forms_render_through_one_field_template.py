"""Every form field renders through templates/django/forms/field.html (the project's
FORM_RENDERER), whose help texts are escaped like any other text."""

from __future__ import annotations

import pytest
from django import forms
from django.contrib.auth.forms import SetPasswordForm
from django.test import Client
from django.urls import reverse

from accounts.models import User


class NoteForm(forms.Form):
    note = forms.CharField(label="备注", help_text="<b>不要</b>填写身份证号")
    agree = forms.BooleanField(label="同意", help_text="勾选表示同意")
    colours = forms.MultipleChoiceField(
        label="颜色", choices=[("r", "红"), ("g", "绿")], widget=forms.CheckboxSelectMultiple
    )


def test_a_help_text_with_markup_is_escaped() -> None:
    html = NoteForm()["note"].as_field_group()
    assert "&lt;b&gt;不要&lt;/b&gt;填写身份证号" in html
    assert "<b>" not in html


def test_a_field_with_an_error_points_its_widget_at_the_help_and_the_error() -> None:
    html = NoteForm({})["note"].as_field_group()
    assert 'aria-invalid="true"' in html
    assert 'aria-describedby="id_note_helptext id_note_error"' in html
    assert 'id="id_note_helptext"' in html
    assert (
        '<div id="id_note_error"><p class="error" role="alert">该字段是必填项。</p></div>' in html
    )
    assert '<div class="field has-error">' in html


def test_a_checkbox_has_its_label_after_it_and_several_choices_a_fieldset() -> None:
    form = NoteForm()
    assert form["agree"].as_field_group().startswith('<div class="field check">')
    colours = form["colours"].as_field_group()
    assert colours.startswith('<fieldset class="field choices">')
    assert "<legend>颜色" in colours


def test_djangos_own_password_help_keeps_its_list() -> None:
    # Django marks it safe itself: escaping by default still leaves the list a list.
    html = SetPasswordForm(User(username="x"))["new_password1"].as_field_group()
    assert '<div class="help" id="id_new_password1_helptext"><ul><li>' in html


@pytest.mark.django_db
def test_the_sign_up_page_renders_its_fields_through_the_template(client: Client) -> None:
    page = client.get(reverse("accounts:signup")).content.decode()
    assert '<label for="id_username">' in page
    assert 'aria-describedby="id_username_helptext"' in page
