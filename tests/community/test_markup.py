"""Markdown rendering and mention extraction."""

from community.markup import extract_mentions, render_markdown


def test_markdown_basics_survive_sanitising():
    html = render_markdown("**bold** *it* `code`\n\n> quoted\n\n- a\n- b")
    for tag in ("<strong>", "<em>", "<code>", "<blockquote>", "<ul>", "<li>"):
        assert tag in html


def test_headings_are_demoted_to_text_and_images_dropped():
    html = render_markdown("# Big\n\n![x](https://example.com/x.png)")
    assert "<h1>" not in html and "<img" not in html and "Big" in html


def test_mentions_ignore_email_addresses_and_code():
    assert extract_mentions("hi @Grace-Lin, mail bob@example.com, `@not_me` ```\n@nor_me\n```") == {
        "grace-lin"
    }


def test_mentions_in_chinese_text_need_no_spaces_and_may_use_the_full_width_at():
    text = "请问@wang-li有推荐吗？也问问＠grace-lin。邮件 bob@example.com 不算。"
    assert extract_mentions(text) == {"wang-li", "grace-lin"}
    html = render_markdown(text)
    assert '请问<a class="mention" href="/community/members/wang-li/"' in html
    full_width = '也问问<a class="mention" href="/community/members/grace-lin/" rel="nofollow ugc noopener">'
    assert f"{full_width}@grace-lin</a>。" in html
