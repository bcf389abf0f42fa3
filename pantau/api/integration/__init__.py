"""Integration tokens (issue 20): an agency, or the national level, issues a read-only token for
a connector (SP4N-LAPOR!, SIPP) that reads the complaints, SKM results and PEKPPP results of every
unit in its scope, never reporters' personal data.

``permissions`` says who may issue one and what a request carrying one reaches, ``selectors``
what it reads (the one place that decides an integration token's visibility), ``services`` issues
and revokes. The endpoints are ``pantau.api.endpoints.exports``; the staff page is
``pantau.api.views`` (``integration_tokens``). Decision record: docs/decisions/0039."""
