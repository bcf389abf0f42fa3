"""GOV.UK's error pattern on the complaint form (issue 19): an empty form comes back with
"Galat: " before the page title and a summary at the top linking every problem to its field."""

import re

from .test_views import _post


def test_an_empty_report_gets_a_summary_linking_each_field(client, unit_a):
    response = _post(client, unit_a, subject="", description="", kind="")
    body = response.content.decode()
    title = re.search(r"<title>(.*?)</title>", body, re.S).group(1)
    assert title.strip().startswith("Galat:")
    summary = re.search(
        r"<div class=\"error-summary\"[^>]*data-error-summary>(.*?)</div>", body, re.S
    )
    assert summary, "the summary is at the top of the form"
    links = re.findall(r'<a href="#([^"]+)">([^<]+)</a>', summary.group(1))
    targets = {target for target, _text in links}
    assert {"id_subject", "id_description", "id_kind_0"} <= targets
    for target in targets:
        assert f'id="{target}"' in body  # every link reaches its field
    assert 'tabindex="-1"' in summary.group(0) and "js/errors.js" in body


def test_a_page_without_errors_has_neither(client, unit_a):
    body = client.get("/lapor/").content.decode()
    assert "data-error-summary" not in body and "Galat:" not in body
