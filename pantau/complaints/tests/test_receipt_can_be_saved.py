"""While the access code is shown, the citizen can save a receipt on the device (issue 19: the
code was shown once and sent only by e-mail). The file holds the number, the code and where to
follow the report; a reload keeps it for the browser session, and once the browser is closed
(its session cookie gone) the code is no longer on the page, nor in a link."""

import re
from urllib.parse import unquote

from pantau.complaints import services
from pantau.complaints.models import Complaint

from .test_views import _post


def test_the_receipt_file_holds_the_number_and_the_code(client, unit_a):
    response = _post(client, unit_a, reporter_email="")
    page = client.get(response["Location"])
    body = page.content.decode()
    complaint = Complaint.objects.get()
    link = re.search(
        r'<a class="button" download="([^"]+)" href="data:text/plain;charset=utf-8,([^"]+)"', body
    )
    assert link and link.group(1) == f"tanda-terima-{complaint.tracking_number}.txt"
    text = unquote(link.group(2))
    code = page.context["code"]
    assert f"Nomor pelacakan: {complaint.tracking_number}" in text
    assert f"Kode akses: {code}" in text and "/lapor/lacak/" in text
    assert services.check_access_code(complaint, code)  # the code in the file opens the report
    assert code in client.get(response["Location"]).content.decode()  # a reload keeps it
    client.cookies.pop("pantau_tanda_terima")  # the browser was closed
    again = client.get(response["Location"]).content.decode()
    assert code not in again and "data:text/plain" not in again
