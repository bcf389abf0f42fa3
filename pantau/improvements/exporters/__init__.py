"""The annual improvement plan and its realisation report as files, one exporter per file (as
pretix does): ``annual_pdf`` (A4, for signing and filing) and ``annual_xlsx`` (for the team's own
sums). Both read the ``annual.AnnualDocument`` the page shows, through ``columns``."""
