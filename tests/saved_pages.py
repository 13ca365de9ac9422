"""Saved web pages for the tests and the bench: real articles wrapped in page chrome.

The articles are in ``tests/pages/`` (headline, byline, then paragraphs, blank-line
separated; see its README for where each comes from). Each ``LAYOUTS`` function
wraps one in the markup of a kind of news site as saved from a browser: a cookie
banner, menus, a search form, share buttons, a "read more" box and advertisements
inside the body, "most read" lists, reader comments, a footer. What a reader of the
article sees as the article is ``article_text``: the main-text extractor must give
exactly that.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from pathlib import Path

PAGES = Path(__file__).resolve().parent / "pages"


@dataclass(frozen=True)
class Article:
    name: str
    headline: str
    byline: str
    paragraphs: tuple[str, ...]
    comments: tuple[tuple[str, tuple[str, ...]], ...] = ()


def load_articles() -> list[Article]:
    out = []
    for path in sorted(PAGES.glob("*.txt")):
        if path.stem.endswith("_comments"):
            continue
        headline, byline, *paragraphs = path.read_text("utf-8").strip().split("\n\n")
        comments_path = path.with_name(f"{path.stem}_comments.txt")
        comments = _comments(comments_path.read_text("utf-8")) if comments_path.exists() else ()
        out.append(Article(path.stem, headline, byline, tuple(paragraphs), comments))
    return out


def _comments(text: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    found = []
    for block in re.split(r"^\s*•\s*", text, flags=re.M)[1:]:
        head, _, body = block.partition("\n")
        lines = tuple(line.strip() for line in body.splitlines() if line.strip())
        found.append((head.removesuffix(" says:").strip(), lines))
    return tuple(found)


def article_text(article: Article) -> str:
    """What the page shows as the article: headline, byline, paragraphs."""
    return "\n\n".join([article.headline, article.byline, *article.paragraphs])


def _e(text: str) -> str:
    return escape(text, quote=False)


_MENU = "Home World UK Politics Business Technology Science Health Sport Culture Opinion".split()
_MOST_READ = (
    "Storm closes roads across the north as rivers rise",
    "Council approves new budget after a long night of talks",
    "Ten things you did not know about the city's oldest bridge",
    "Transfer news: every deal from the final day of the window",
    "Watch: the moment a kite surfer rescued a stranded seal",
)
_HEAD = (
    '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
    "<title>{title} | {site}</title>"
    '<meta name="viewport" content="width=device-width, initial-scale=1">'
    '<meta property="og:title" content="{title}">'
    '<link rel="stylesheet" href="./{site_id}_files/main.css">'
    "<style>.cookie{{position:fixed;bottom:0}} .share a{{margin:0 4px}}</style>"
    "<script>window.dataLayer=window.dataLayer||[];function gtag(){{dataLayer.push(arguments)}}"
    "gtag('js',new Date());</script></head>\n"
)
_COOKIES = (
    '<div class="cookie-banner" id="consent"><p>We use cookies to improve your experience, '
    "to personalise content and ads and to analyse our traffic. By clicking Accept all you "
    "agree to the storing of cookies on your device.</p><button>Accept all</button> "
    '<a href="/privacy">Manage preferences</a></div>\n'
)


def _menu(tag: str = "nav") -> str:
    items = "".join(f'<li><a href="/{name.lower()}">{name}</a></li>' for name in _MENU)
    return f'<{tag} class="main-menu"><ul>{items}</ul></{tag}>'


def _share() -> str:
    return (
        '<div class="share"><span>Share this article</span> <a href="#fb">Facebook</a> '
        '<a href="#tw">Twitter</a> <a href="#wa">WhatsApp</a> <a href="#mail">Email</a> '
        '<a href="#copy">Copy link</a></div>'
    )


def _most_read(tag: str, heading: str = "Most read") -> str:
    items = "".join(f'<li><a href="/story/{n}">{_e(t)}</a></li>' for n, t in enumerate(_MOST_READ))
    return f'<{tag} class="most-read"><h2>{heading}</h2><ol>{items}</ol></{tag}>'


def _comments_html(article: Article) -> str:
    if not article.comments:
        return ""
    rows = "".join(
        f'<li class="comment"><div class="comment-author"><cite>{_e(author)}</cite> says:</div>'
        f'<div class="comment-meta"><a href="#c{n}">June 10, 2014 at 4:{10 + n} pm</a></div>'
        + "".join(f"<p>{_e(line)}</p>" for line in lines)
        + '<div class="reply"><a href="#reply">Reply</a></div></li>'
        for n, (author, lines) in enumerate(article.comments)
    )
    return (
        f'<div id="comments"><h3>{len(article.comments)} Comments</h3><ol>{rows}</ol>'
        '<form id="respond"><h3>Leave a Reply</h3><label>Name <input name="author"></label>'
        "<textarea></textarea><button>Post Comment</button></form></div>"
    )


def _footer(tag: str = "footer") -> str:
    links = " | ".join(
        f'<a href="/{w.lower()}">{w}</a>' for w in ("About", "Contact", "Privacy", "Terms", "Jobs")
    )
    return (
        f'<{tag} class="site-footer"><p>{links}</p><p>© 2026 The Daily Record Ltd. All rights '
        f"reserved. Registered in England and Wales.</p></{tag}>"
    )


def news_site(article: Article) -> str:
    """HTML5 landmarks: header, nav, main, article with a related box inside the body."""
    paragraphs = [f"<p>{_e(p)}</p>" for p in article.paragraphs]
    related = (
        '<aside class="related"><h3>Read more</h3><ul>'
        + "".join(f'<li><a href="/r/{n}">{_e(t)}</a></li>' for n, t in enumerate(_MOST_READ[:3]))
        + "</ul></aside>"
    )
    paragraphs.insert(min(2, len(paragraphs)), related)
    return (
        _HEAD.format(title=_e(article.headline), site="The Daily Record", site_id="record")
        + "<body>"
        + _COOKIES
        + '<header class="masthead"><a class="logo" href="/">The Daily Record</a>'
        + '<form role="search"><input type="search" placeholder="Search"><button>Go</button>'
        + "</form>"
        + _menu()
        + '<a class="subscribe" href="/subscribe">Subscribe</a> <a href="/login">Sign in</a>'
        + "</header>\n<main><article>"
        + '<nav class="breadcrumb"><a href="/">Home</a> › <a href="/world">World</a></nav>'
        + f"<h1>{_e(article.headline)}</h1>"
        + f'<p class="byline">{_e(article.byline)}</p>'
        + _share()
        + '<figure><img src="./record_files/lead.jpg" alt=""></figure>'
        + '<div class="article-body">'
        + "\n".join(paragraphs)
        + "</div>"
        + '<div class="tags">Topics: <a href="/t/a">World</a> <a href="/t/b">News</a></div>'
        + _share()
        + "</article>"
        + _most_read("section")
        + _comments_html(article)
        + "</main>\n"
        + _footer()
        + '<script src="./record_files/app.js"></script></body></html>\n'
    )


def blog(article: Article) -> str:
    """A blog theme of nested divs (no landmarks): sidebar widgets and comments."""
    widgets = (
        '<div id="secondary" class="widget-area">'
        '<div class="widget"><h3>Recent Posts</h3><ul>'
        + "".join(f'<li><a href="/p/{n}">{_e(t)}</a></li>' for n, t in enumerate(_MOST_READ))
        + "</ul></div>"
        '<div class="widget"><h3>Archives</h3><ul>'
        + "".join(f'<li><a href="/{m}">{m} 2014</a></li>' for m in ("June", "May", "April"))
        + "</ul></div>"
        '<div class="widget"><h3>Newsletter</h3><p>Get our daily briefing by e-mail.</p>'
        '<form><input type="email"><button>Subscribe</button></form></div></div>'
    )
    body = "\n".join(f"<p>{_e(p)}</p>" for p in article.paragraphs)
    return (
        _HEAD.format(title=_e(article.headline), site="Long Watch", site_id="blog")
        + '<body class="single"><div id="page"><div id="masthead"><div class="site-title">'
        + '<a href="/">Long Watch</a></div><div class="site-description">News and analysis'
        + "</div>"
        + _menu("div")
        + '</div><div id="content"><div id="primary"><div class="post type-post">'
        + f'<h1 class="entry-title">{_e(article.headline)}</h1>'
        + f'<div class="entry-meta">{_e(article.byline)}</div>'
        + f'<div class="entry-content">{body}'
        + '<div class="sharedaddy"><h3>Share this:</h3><ul><li><a href="#t">Twitter</a></li>'
        + '<li><a href="#f">Facebook</a></li><li><a href="#p">Print</a></li></ul></div>'
        + "</div>"
        + '<div class="entry-footer">Posted in <a href="/c/iraq">Iraq</a> | '
        + '<a href="#comments">Comments</a></div></div>'
        + '<div class="nav-links"><a href="/prev">« Previous post</a> '
        + '<a href="/next">Next post »</a></div>'
        + _comments_html(article)
        + "</div>"
        + widgets
        + "</div>"
        + _footer("div")
        + "</div></body></html>\n"
    )


def table_layout(article: Article) -> str:
    """An old site: layout tables, <font>, paragraphs separated by <br><br>."""
    left = "".join(f'<a href="/{n.lower()}">{n}</a><br>' for n in _MENU)
    right = "".join(f'<p><a href="/s/{n}">{_e(t)}</a></p>' for n, t in enumerate(_MOST_READ))
    body = "<br>\n<br>\n".join(_e(p) for p in article.paragraphs)
    return (
        "<html><head><title>"
        + _e(article.headline)
        + '</title></head><body bgcolor="#ffffff"><table width="100%"><tr>'
        + '<td colspan="3"><img src="logo.gif" alt="The Courier"> <font size="1">'
        + 'Tuesday | <a href="/weather">Weather</a> | <a href="/subscribe">Subscribe</a></font>'
        + '</td></tr><tr><td width="150" valign="top" class="nav">'
        + left
        + '</td><td valign="top"><font face="Arial" size="5"><b>'
        + _e(article.headline)
        + "</b></font><br><font size='2'><i>"
        + _e(article.byline)
        + "</i></font><br><br>\n<font face='Times'>"
        + body
        + '</font><br><br><a href="/print">Printer-friendly version</a> | '
        + '<a href="/email">E-mail this story</a></td><td width="200" valign="top">'
        + "<b>Top stories</b>"
        + right
        + "<p>ADVERTISEMENT</p></td></tr>"
        + '<tr><td colspan="3"><font size="1">Copyright 2026 The Courier. '
        + '<a href="/privacy">Privacy</a></font></td></tr></table></body></html>\n'
    )


def div_soup(article: Article) -> str:
    """A script-built page: hashed class names, ads, a newsletter box and "Read more"
    lines between the paragraphs."""
    parts = []
    for n, p in enumerate(article.paragraphs):
        parts.append(f'<div class="c-9f2a"><p class="css-1x8e">{_e(p)}</p></div>')
        if n == 1:
            parts.append('<div class="ad-slot"><span>Advertisement</span></div>')
        if n == 2:
            parts.append(
                '<div class="c-nl"><h4>Sign up to First Edition</h4><p>Our free morning '
                'e-mail, every weekday.</p><input type="email"><button>Sign up</button></div>'
            )
        if n == 3:
            parts.append(
                '<p class="css-1x8e"><strong>Read more: </strong>'
                f'<a href="/s/1">{_e(_MOST_READ[1])}</a></p>'
            )
    return (
        _HEAD.format(title=_e(article.headline), site="Metro Now", site_id="metro")
        + '<body><div id="__next"><div class="c-a1">'
        + _COOKIES
        + '<div class="c-top"><div class="c-logo"><a href="/">Metro Now</a></div>'
        + _menu("div")
        + "</div>"
        + '<div class="c-b2"><div class="c-c3"><div class="c-hd">'
        + f'<h1 class="css-h1">{_e(article.headline)}</h1>'
        + f'<div class="css-by"><span>{_e(article.byline)}</span></div></div>'
        + _share()
        + '<div class="c-body">'
        + "".join(parts)
        + "</div>"
        + '<div class="c-more"><h3>More on this story</h3>'
        + "".join(f'<div><a href="/m/{n}">{_e(t)}</a></div>' for n, t in enumerate(_MOST_READ))
        + "</div></div>"
        + _most_read("div", "Trending")
        + "</div>"
        + _footer("div")
        + '</div></div><script>self.__next_f.push([1,"..."])</script></body></html>\n'
    )


LAYOUTS: dict[str, Callable[[Article], str]] = {
    "news_site": news_site,
    "blog": blog,
    "table_layout": table_layout,
    "div_soup": div_soup,
}


def mhtml(html: str, url: str = "https://www.example.com/story") -> bytes:
    """A page saved as MHTML (Chrome's "Webpage, single file"): quoted-printable HTML."""
    import quopri

    body = quopri.encodestring(html.encode("utf-8")).decode("ascii")
    return (
        "From: <Saved by Blink>\r\n"
        f"Snapshot-Content-Location: {url}\r\n"
        "Subject: Saved page\r\n"
        "MIME-Version: 1.0\r\n"
        'Content-Type: multipart/related;\r\n\ttype="text/html";\r\n'
        '\tboundary="----MultipartBoundary--abc123----"\r\n\r\n\r\n'
        "------MultipartBoundary--abc123----\r\n"
        "Content-Type: text/html\r\n"
        "Content-ID: <frame-1@mhtml.blink>\r\n"
        "Content-Transfer-Encoding: quoted-printable\r\n"
        f"Content-Location: {url}\r\n\r\n"
        + body.replace("\n", "\r\n")
        + "\r\n\r\n------MultipartBoundary--abc123----\r\n"
        "Content-Type: text/css\r\nContent-Location: https://www.example.com/main.css\r\n\r\n"
        "body{margin:0}\r\n\r\n"
        "------MultipartBoundary--abc123------\r\n"
    ).encode("ascii")
