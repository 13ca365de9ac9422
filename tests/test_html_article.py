"""Saved web pages: the article (headline, byline, body) without the page's chrome;
``--html-text all`` for all the visible text; ``.mhtml`` pages; bad input as one line.

The pages are real articles (``tests/pages``) wrapped in the chrome of four kinds of
news page (``tests/saved_pages.py``): landmarks with a "read more" box inside the
body, a blog theme of nested divs with comments, an old table layout with ``<br>``
paragraphs, a script-built page with ads and a sign-up box between the paragraphs.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from core.cli import main
from core.errors import DamagedDocumentError
from core.text.document import load_document
from core.text.formats import ReadOptions
from core.text.html_article import article_text as extract_article
from tests.saved_pages import LAYOUTS, Article, article_text, load_articles, mhtml, news_site

ARTICLES = load_articles()
CHROME = ("Accept all", "Manage preferences", "Most read", "Share this", "Sign up", "Reply")


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
@pytest.mark.parametrize("article", ARTICLES, ids=lambda a: a.name)
def test_a_saved_page_reads_as_its_article(tmp_path: Path, article: Article, layout: str) -> None:
    page = tmp_path / "page.html"
    page.write_text(LAYOUTS[layout](article), encoding="utf-8")
    document = load_document(page)
    assert document.source_kind == "html"
    assert document.text == article_text(article)


def test_html_text_all_reads_every_visible_word(tmp_path: Path) -> None:
    article = ARTICLES[0]
    assert article.comments  # the real article comes with its readers' comments
    page = tmp_path / "page.htm"
    page.write_text(LAYOUTS["blog"](article), encoding="utf-8")
    article_only = load_document(page).text
    everything = load_document(page, options=ReadOptions(html_text="all")).text
    assert article.comments[0][1][0] in everything
    assert article.comments[0][1][0] not in article_only
    assert "Recent Posts" in everything and "Recent Posts" not in article_only
    assert all(paragraph in everything for paragraph in article.paragraphs)


def test_a_saved_page_compares_with_the_story_as_equal(tmp_path: Path) -> None:
    article = ARTICLES[1]
    page, story = tmp_path / "page.html", tmp_path / "story.txt"
    page.write_text(LAYOUTS["div_soup"](article), encoding="utf-8")
    story.write_text(article_text(article), encoding="utf-8")
    assert main(["compare", str(story), str(page)]) == 0
    assert main(["compare", str(story), str(page), "--html-text", "all"]) == 1


def test_the_headline_is_the_h1_most_like_the_title() -> None:
    article = ARTICLES[2]
    page = news_site(article).replace(
        '<a class="logo" href="/">The Daily Record</a>', "<h1>The Daily Record</h1>"
    )
    text = extract_article(page)
    assert text == article_text(article)
    # Without an <h1> for the story, the title (without the site's name) heads it.
    no_h1 = page.replace(f"<h1>{article.headline}</h1>", "")
    assert extract_article(no_h1).split("\n\n")[0] == article.headline


def test_a_page_without_an_article_reads_as_its_visible_text() -> None:
    page = (
        "<html><head><title>Contact</title></head><body><nav><a href=/>Home</a></nav>"
        "<p>Write to us.</p><form><input><button>Send</button></form></body></html>"
    )
    assert extract_article(page) == "Contact\n\nHome\n\nWrite to us.\n\nSend"


def test_deep_and_broken_markup_never_raises() -> None:
    article = ARTICLES[3]
    body = "".join(f"<p>{p}" for p in article.paragraphs)  # never closed
    deep = "<div>" * 50_000 + f"<h1>{article.headline}</h1>{body}" + "</div>" * 10
    text = extract_article(deep)
    assert text.split("\n\n") == [article.headline, *article.paragraphs]
    for broken in ("<!--" * 1000, "<a " * 5000, "<div><p>" * 20_000, "<![CDATA[" + "x" * 99):
        assert isinstance(extract_article(broken), str)


def test_unclosed_list_items_and_cells_are_siblings() -> None:
    article = ARTICLES[0]
    menu = "<ul>" + "".join(f"<li><a href=/{n}>Section {n}" for n in range(40)) + "</ul>"
    cells = "".join(f"<td>{p}" for p in article.paragraphs)
    page = f"<title>{article.headline}</title>{menu}<table><tr>{cells}</table>"
    # Each cell is a paragraph of the row: the row is the article, not the menu.
    assert extract_article(page).split("\n\n")[1:] == list(article.paragraphs)


def test_a_page_saved_as_mhtml(tmp_path: Path) -> None:
    article = ARTICLES[0]
    page = tmp_path / "page.mhtml"
    page.write_bytes(mhtml(LAYOUTS["news_site"](article)))
    document = load_document(page)
    assert document.source_kind == "mhtml"
    assert document.text == article_text(article)
    assert document.metadata.title == "Saved page"
    everything = load_document(page, options=ReadOptions(html_text="all")).text
    assert "Most read" in everything


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (
            b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=b\r\n\r\n"
            b"--b\r\nContent-Type: image/png\r\n\r\nxx\r\n--b--\r\n",
            "a web archive without an HTML page in it",
        ),
        (b"", "not a saved web page (no MIME headers)"),
    ],
)
def test_a_bad_mhtml_is_one_line(tmp_path: Path, data: bytes, reason: str) -> None:
    page = tmp_path / "page.mht"
    page.write_bytes(data)
    with pytest.raises(DamagedDocumentError) as caught:
        load_document(page)
    assert str(caught.value) == f"{page}: {reason}"


def test_the_article_of_a_1_mb_page(tmp_path: Path) -> None:
    article = ARTICLES[0]
    body = article.paragraphs * (1_000_000 // sum(map(len, article.paragraphs)))
    page = tmp_path / "big.html"
    page.write_text(news_site(replace(article, paragraphs=body)), encoding="utf-8")
    text = load_document(page).text
    assert text == article_text(replace(article, paragraphs=body))


def test_names_judge_blocks_not_words() -> None:
    article = ARTICLES[1]
    first, *rest = article.paragraphs
    words = first.split()
    comments = '<div id="comments"><p>' + " ".join(ARTICLES[0].comments[2][1]) + "</p></div>"
    # A highlighted word inside a paragraph is text whatever its class says...
    marked = " ".join([*words[:3], f'<span class="comment">{words[3]}</span>', *words[4:]])
    body = "".join(f"<p>{p}</p>" for p in [marked, *rest])
    page = f"<h1>{article.headline}</h1><article>{body}</article>{comments}"
    assert extract_article(page).split("\n\n") == [article.headline, *article.paragraphs]
    # ... and an opinion column's "commentary" is no comment section.
    body = "".join(f"<p>{p}</p>" for p in article.paragraphs)
    page = f'<h1>{article.headline}</h1><div class="commentary">{body}</div>{comments}'
    assert extract_article(page).split("\n\n") == [article.headline, *article.paragraphs]


def test_preformatted_text_keeps_its_lines() -> None:
    article = ARTICLES[2]
    table = "Year  Barrels\n2006  1,200\n2007  1,450"
    body = "".join(f"<p>{p}</p>" for p in article.paragraphs)
    page = f"<h1>{article.headline}</h1><article>{body}<pre>{table}\n</pre></article>"
    assert extract_article(page).split("\n\n")[-1] == table


def test_the_standfirst_and_a_byline_marked_by_itemprop_head_the_body() -> None:
    article = ARTICLES[3]
    dek = article.paragraphs[0].split(". ")[0] + "."  # one sentence, as a standfirst is
    body = article.paragraphs[1:]
    page = (
        f"<title>{article.headline} - Metro</title><header><h1>{article.headline}</h1>"
        f'<p class="dek">{dek}</p><p><span itemprop="author">{article.byline}</span></p>'
        '<p><time datetime="2008-02-18">18 February 2008</time></p></header>'
        '<div class="story">' + "".join(f"<p>{p}</p>" for p in body) + "</div>"
        '<div class="teasers"><h2>Elsewhere</h2><p><a href="/x">A teaser headline that '
        "is a link and nothing more than a link</a></p></div>"
    )
    assert extract_article(page).split("\n\n") == [article.headline, dek, article.byline, *body]
