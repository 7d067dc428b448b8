"""From a result to a claim: a draft letter the member can sign — a written request to the employer,
an application to the labour disputes commission (КТС, ТК РФ ст. 385–390) or a complaint to the state
labour inspectorate (ГИТ, ТК РФ ст. 353, 356, 357) — prefilled with the amounts, dates and articles of
the calculation on the page, as a DOCX download and as a printable section of the page.

An app gives a :class:`Claim` (what is claimed: facts with amounts and dates, the articles); the member
types the names and addresses into the :class:`ClaimPanel`. It is a draft to check, not legal advice,
and the page says so."""

from __future__ import annotations

import base64
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

import ipywidgets as W

from calc.core.i18n import _
from calc.core.text import Text, day, money, tr
from payroll_ui.kit.html import esc
from payroll_ui.kit.texts import log

ADDRESSEES = ("employer", "ktc", "git")

TXT: dict[str, Text] = {
    "panel": _("Draft a letter from this result"),
    "to": _("Send to"),
    "to_employer": _("the employer (written request)"),
    "to_ktc": _("the labour disputes commission (КТС)"),
    "to_git": _("the state labour inspectorate (ГИТ, complaint)"),
    "name": _("Your full name"),
    "position": _("Your position"),
    "employer": _("Employer (organisation)"),
    "head": _("Head of the organisation (name)"),
    "address": _("Your address or e-mail for the answer"),
    "git_region": _("Inspectorate (region)"),
    "make": _("Make the letter (DOCX)"),
    "download": _("Download the letter (DOCX)"),
    "print": _("Print the letter"),
    "draft_note": _(
        "This is a draft to check, not legal advice. Check every figure and fact against your documents before "
        "you sign it; your trade union's lawyer can help.",
    ),
    "blank": _("________________"),
    # the letter
    "title_employer": _("Written request"),
    "title_ktc": _("Application on an individual labour dispute"),
    "title_git": _("Complaint"),
    "addr_employer": _("To the head of {employer}, {head}"),
    "addr_ktc": _("To the labour disputes commission of {employer}"),
    "addr_git": _("To the State Labour Inspectorate: {region}"),
    "from": _("from {name}, {position}, {employer}; address for the answer: {address}"),
    "intro": _("I work at {employer} as {position}. By my calculation, {subject}:"),
    "basis": _("Legal basis: {articles}."),
    "ask_employer": _(
        "I ask you to pay me the amounts above and to give me a written answer to this request. I reserve the right "
        "to apply to the labour disputes commission, the state labour inspectorate or the court.",
    ),
    "ask_ktc": _(
        "The dispute has not been settled by my direct negotiation with the employer. I ask the commission to "
        "consider this individual labour dispute (Labour Code art. 385–390) within ten calendar days and to "
        "decide that the employer pays me the amounts above.",
    ),
    "ask_git": _(
        "I ask the inspectorate to check whether {employer} complies with the labour law in this respect "
        "(Labour Code art. 353, 356, 357), to order the employer to pay me the amounts above and to bring those "
        "responsible to account (Code of Administrative Offences art. 5.27). I ask that the source of this "
        "complaint is not disclosed to the employer (Labour Code art. 358).",
    ),
    "attach": _("Attached: the calculation (a copy of this page), copies of the payslips."),
    "sign": _("Date: ____________    Signature: ____________ / {name}"),
    "computed": _("The calculation was made with the union's payroll calculator, rules valid as of {checked}."),
}


@dataclass(frozen=True)
class Fact:
    """One line of the claim: a label and an amount (₽), a date or a text."""

    label: Text
    value: Decimal | date | str | Text

    def shown(self, lang: str) -> str:
        if isinstance(self.value, Decimal | int):
            return money(Decimal(self.value), lang)
        if isinstance(self.value, date):
            return day(self.value, lang)
        return tr(self.value, lang)


@dataclass(frozen=True)
class Claim:
    """What a letter claims: ``subject`` completes "By my calculation, …", then the facts and the articles."""

    kind: str
    subject: Text
    facts: Sequence[Fact]
    articles: Sequence[Text]
    extra: Sequence[Text] = field(default_factory=tuple)


@dataclass(frozen=True)
class Parties:
    """The names and addresses typed by the member (blank lines where left empty)."""

    name: str = ""
    position: str = ""
    employer: str = ""
    head: str = ""
    address: str = ""
    region: str = ""


def _or_blank(s: str, lang: str) -> str:
    return s.strip() or tr(TXT["blank"], lang)


def letter(claim: Claim, to: str, parties: Parties, lang: str, checked: date) -> list[tuple[str, str]]:
    """The letter as (style, text) paragraphs: ``addr``, ``title``, ``p``, ``fact``, ``sign``."""
    b = {k: _or_blank(getattr(parties, k), lang) for k in ("name", "position", "employer", "head", "address", "region")}
    out = [
        ("addr", tr(TXT[f"addr_{to}"], lang).format(**b)),
        ("addr", tr(TXT["from"], lang).format(**b)),
        ("title", tr(TXT[f"title_{to}"], lang)),
        ("p", tr(TXT["intro"], lang).format(subject=tr(claim.subject, lang), **b)),
    ]
    out += [("fact", f"{tr(f.label, lang)}: {f.shown(lang)}") for f in claim.facts]
    out += [("p", tr(x, lang)) for x in claim.extra]
    out.append(("p", tr(TXT["basis"], lang).format(articles="; ".join(tr(a, lang) for a in claim.articles))))
    out.append(("p", tr(TXT[f"ask_{to}"], lang).format(**b)))
    out.append(("p", tr(TXT["attach"], lang)))
    out.append(("small", tr(TXT["computed"], lang).format(checked=day(checked, lang))))
    out.append(("sign", tr(TXT["sign"], lang).format(**b)))
    return out


def letter_html(paragraphs: Sequence[tuple[str, str]]) -> str:
    """The letter as a printable page section (``.pa-letter``)."""
    parts = []
    for style, text in paragraphs:
        if style == "title":
            parts.append(f"<h3>{esc(text)}</h3>")
        elif style == "addr":
            parts.append(f'<p class="addr">{esc(text)}</p>')
        elif style == "fact":
            parts.append(f"<li>{esc(text)}</li>")
        else:
            parts.append(f'<p class="{style}">{esc(text)}</p>')
    body, html_out, in_list = parts, [], False
    for p in body:  # facts in one list
        if p.startswith("<li>") and not in_list:
            html_out.append("<ul>")
            in_list = True
        if not p.startswith("<li>") and in_list:
            html_out.append("</ul>")
            in_list = False
        html_out.append(p)
    if in_list:
        html_out.append("</ul>")
    return f'<div class="pa-letter">{"".join(html_out)}</div>'


def letter_docx(paragraphs: Sequence[tuple[str, str]]) -> bytes:
    """The letter as a Word document (python-docx)."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    doc = Document()
    doc.styles["Normal"].font.name = "Times New Roman"
    doc.styles["Normal"].font.size = Pt(12)
    for style, text in paragraphs:
        if style == "title":
            p = doc.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            p.add_run(text).bold = True
        elif style == "addr":
            p = doc.add_paragraph(text)
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        elif style == "fact":
            doc.add_paragraph(text, style="List Bullet")
        elif style == "small":
            p = doc.add_paragraph()
            run = p.add_run(text)
            run.italic = True
            run.font.size = Pt(9)
        else:
            doc.add_paragraph(text)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


LETTER_CSS = """
<style>
.payroll-app .pa-letter {border: 1px solid #d0d7de; padding: 12px 18px; background: #fff; max-width: 720px;
  font-family: "Times New Roman", serif; font-size: 14px;}
.payroll-app .pa-letter p.addr {text-align: right; margin: 2px 0;}
.payroll-app .pa-letter h3 {text-align: center;}
.payroll-app .pa-letter p.small {font-size: 11px; color: #57606a;}
.payroll-app .pa-claim-note .widget-html-content {background: #fff8e1; border-left: 4px solid #f0b400;
  padding: 4px 8px;}
@media print {
  body.pa-print-letter * {visibility: hidden;}
  body.pa-print-letter .pa-letter, body.pa-print-letter .pa-letter * {visibility: visible;}
  body.pa-print-letter .pa-letter {position: absolute; left: 0; top: 0; border: none;}
}
</style>
"""

PRINT_JS = ("document.body.classList.add('pa-print-letter');window.print();"
            "setTimeout(function(){document.body.classList.remove('pa-print-letter');},500);")


class ClaimPanel:
    """The folding "Draft a letter" section of an app: addressee, names, the letter and its DOCX link.

    ``source()`` returns the :class:`Claim` of the result on the page (None: nothing to claim)."""

    def __init__(self, name: str, source: Callable[[], Claim | None], checked: Callable[[], date]) -> None:
        self.name = name
        self.source = source
        self.checked = checked
        self.lang = "ru"
        self.w_to = W.Dropdown(options=[(k, k) for k in ADDRESSEES], value="employer")
        self.w_to.add_class("in-claim_to")
        self.inputs: dict[str, W.Text] = {}
        self.labels: dict[str, W.HTML] = {}
        rows: list[W.Widget] = []
        self.to_label = W.HTML()
        rows += [self.to_label, self.w_to]
        for key in ("name", "position", "employer", "head", "address", "region"):
            w = W.Text(value="", continuous_update=False)
            w.add_class(f"in-claim_{key}")
            self.inputs[key] = w
            self.labels[key] = W.HTML()
            box = W.VBox([self.labels[key], w])
            box.add_class(f"claim-{key}")
            rows.append(box)
            w.observe(self._changed, names="value")
        self.w_to.observe(self._changed, names="value")
        self.make = W.Button()
        self.make.add_class("pa-claim-make")
        self.make.on_click(self._make)
        self.note = W.HTML()
        self.note.add_class("pa-claim-note")
        self.link = W.HTML()
        self.link.add_class("pa-claim-link")
        self.letter = W.HTML()
        self.letter.add_class("pa-claim-letter")
        left = W.VBox(rows, layout=W.Layout(width="320px"))
        right = W.VBox([self.note, self.make, self.link, self.letter])
        self.inner = W.HBox([left, right], layout=W.Layout(flex_flow="row wrap"))
        self.panel = W.Accordion(children=[W.VBox([W.HTML(LETTER_CSS), self.inner])], selected_index=None)
        self.panel.add_class("pa-claim")
        self.panel.observe(lambda _c: self.update(), names="selected_index")
        self.docx: bytes | None = None

    def parties(self) -> Parties:
        return Parties(**{k: w.value for k, w in self.inputs.items()})

    def set_lang(self, lang: str) -> None:
        self.lang = lang
        self.panel.set_title(0, tr(TXT["panel"], lang))
        self.to_label.value = f"<b>{esc(tr(TXT['to'], lang))}</b>"
        v = self.w_to.value
        self.w_to.options = [(tr(TXT[f"to_{k}"], lang), k) for k in ADDRESSEES]
        self.w_to.value = v
        for key, label in self.labels.items():
            label.value = f"<small><b>{esc(tr(TXT[key if key != 'region' else 'git_region'], lang))}</b></small>"
        self.make.description = tr(TXT["make"], lang)
        self.note.value = esc(tr(TXT["draft_note"], lang))
        self.update()

    def _changed(self, _change: Any) -> None:
        self.inputs["head"].layout.display = "" if self.w_to.value == "employer" else "none"
        self.inputs["region"].layout.display = "" if self.w_to.value == "git" else "none"
        self.update()

    def paragraphs(self) -> list[tuple[str, str]] | None:
        claim = self.source()
        if claim is None:
            return None
        return letter(claim, self.w_to.value, self.parties(), self.lang, self.checked())

    def update(self) -> None:
        """Show the letter of the result on the page (only while the panel is open); the DOCX link is
        made again on request."""
        self.link.value = ""
        self.docx = None
        if self.panel.selected_index != 0:
            return
        try:
            paras = self.paragraphs()
        except Exception:
            log.exception("claim letter failed")
            paras = None
        self.letter.value = letter_html(paras) if paras else ""
        if paras:
            self.letter.value += (f'<button type="button" class="pa-letter-print" onclick="{esc(PRINT_JS)}">'
                                  f"{esc(tr(TXT['print'], self.lang))}</button>")

    def _make(self, _b: Any = None) -> None:
        try:
            paras = self.paragraphs()
            if not paras:
                return
            self.docx = letter_docx(paras)
        except Exception:
            log.exception("DOCX failed")
            return
        data = base64.b64encode(self.docx).decode("ascii")
        mime = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        fname = f"{self.name}-{self.w_to.value}.docx"
        self.link.value = (f'<a class="pa-docx" download="{esc(fname)}" href="data:{mime};base64,{data}">'
                           f"{esc(tr(TXT['download'], self.lang))}</a>")
