"""The lessons' law links (``law_links`` in notebooks/lessons/source/*.yaml) point only at confirmed addresses,
and a lesson that cites a Labour Code article with a confirmed page links that page.

The confirmed addresses and how each was checked: notebooks/lessons/law_links.yaml and LAW_LINKS.md.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
LESSONS = ROOT / "notebooks" / "lessons"
DATA = yaml.safe_load((LESSONS / "law_links.yaml").read_text(encoding="utf-8"))
ARTICLES: dict[str, dict[str, str]] = DATA["articles"]
DOCUMENTS: dict[str, str] = DATA["documents"]
SOURCES = {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((LESSONS / "source").glob("*.yaml"))}
RUSSIAN = sorted(name for name in SOURCES if name.isdigit())
ARTICLE_PAGE = re.compile(r"https://www\.consultant\.ru/document/cons_doc_LAW_34683/[0-9a-f]{40}/")

# "ст. 129, 135", "ст. 36–41", "ст. 136 ч. 6", "ст. 84.1, 127 и 140": the article numbers after "ст."; a part or
# point ("ч. 6", "п. 2", "пп. 4") is skipped, a range of whole numbers is expanded.
_ITEM = r"(?:(?:ч|п|пп|абз)\.\s*)?\d+(?:\.\d+)?"
_AFTER = re.compile(rf"ст\.\s*({_ITEM}(?:[\s,;и–\-]+{_ITEM})*)")
_TOKEN = re.compile(r"(?:(ч|пп|п|абз)\.\s*)?(\d+(?:\.\d+)?)(?:\s*[–-]\s*(\d+(?:\.\d+)?))?")


def cited_articles(text: str) -> set[str]:
    """The article numbers that ``text`` cites with "ст."."""
    found: set[str] = set()
    for run in _AFTER.finditer(text):
        for part, first, last in _TOKEN.findall(run.group(1)):
            if part:
                continue
            if last and first.isdigit() and last.isdigit() and int(first) < int(last) <= int(first) + 20:
                found.update(str(k) for k in range(int(first), int(last) + 1))
            else:
                found.add(first)
    return found


def _texts(node: Any, skip: str = "law_links") -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [t for key, value in node.items() if key != skip for t in _texts(value, skip)]
    if isinstance(node, list):
        return [t for item in node for t in _texts(item, skip)]
    return []


def test_cited_articles_reads_lists_ranges_and_parts() -> None:
    assert cited_articles("(ТК РФ ст. 129, 135 и 136 ч. 6)") == {"129", "135", "136"}
    assert cited_articles("ст. 36–41") == {"36", "37", "38", "39", "40", "41"}
    assert cited_articles("ст. 84.1, 140; КоАП ст. 5.27 ч. 6") == {"84.1", "140", "5.27"}
    assert cited_articles("НК РФ ст. 218 п. 1 пп. 4") == {"218"}
    assert cited_articles("статьи нет") == set()


def test_confirmed_articles_are_article_pages_each_its_own() -> None:
    urls = [entry["url"] for entry in ARTICLES.values()]
    assert len(urls) == len(set(urls)), "two articles share one address"
    for key, entry in ARTICLES.items():
        assert re.fullmatch(r"ТК \d+(\.\d+)?", key), key
        assert ARTICLE_PAGE.fullmatch(entry["url"]), (key, entry["url"])
        assert entry["title"] and entry["en"], key
        assert entry["checked"] and set(entry["checked"]) <= set(DATA["checked_sources"]), (key, entry["checked"])
    assert not set(urls) & set(DOCUMENTS), "an article page is also listed as a whole document"


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_every_link_is_confirmed_or_a_known_document(name: str) -> None:
    known = {entry["url"] for entry in ARTICLES.values()} | set(DOCUMENTS)
    urls = [link["url"] for link in SOURCES[name]["law_links"]]
    assert len(urls) == len(set(urls)), f"lesson {name} links one address twice"
    unknown = [url for url in urls if url not in known]
    assert not unknown, f"lesson {name}: not in notebooks/lessons/law_links.yaml: {unknown}"


@pytest.mark.parametrize("name", RUSSIAN)
def test_lesson_links_the_articles_it_teaches(name: str) -> None:
    src = SOURCES[name]
    cited = {n for text in _texts(src) for n in cited_articles(text)}
    linked = {link["url"] for link in src["law_links"]}
    missing = sorted(
        (key for key, entry in ARTICLES.items() if key.split()[1] in cited and entry["url"] not in linked),
        key=lambda key: float(key.split()[1]),
    )
    assert not missing, f"lesson {name} cites these articles but does not link their pages: {missing}"


@pytest.mark.parametrize("name", RUSSIAN)
def test_article_links_name_their_article(name: str) -> None:
    by_url = {entry["url"]: key for key, entry in ARTICLES.items()}
    for link in SOURCES[name]["law_links"]:
        key = by_url.get(link["url"])
        if key is None:
            continue
        number = key.split()[1]
        assert f"ст. {number}" in link["label"]["ru"], (name, key, link["label"]["ru"])
        assert f"art. {number}" in link["label"]["en"], (name, key, link["label"]["en"])
