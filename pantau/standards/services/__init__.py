"""Writes of service standards, pledges, forums and publication records: one function per business
action, keyword-only, the acting user passed, in a transaction, recorded in the audit trail.

- ``versions``: the standard's versions and their workflow (the transition table).
- ``pledges``: the service pledge (maklumat) and publication records.
- ``forums``: public consultation forums.
"""

from .forums import (
    add_participant,
    attach_forum_file,
    mark_forum_held,
    remove_participant,
    save_agreement,
    save_forum,
    set_attendance,
)
from .pledges import (
    DEFAULT_PLEDGE,
    PLEDGE_FIELDS,
    delete_publication,
    new_maklumat_text,
    publish_maklumat,
    record_publication,
    save_maklumat_draft,
)
from .versions import (
    CONTENT_FIELDS,
    LINE_NOTE_MAX,
    LINE_TEXT_MAX,
    TRANSITIONS,
    Upload,
    allowed_actions,
    attach_component_file,
    check_content,
    discard_draft,
    missing_components,
    publish_version,
    record_discussion,
    remove_component_file,
    reopen_draft,
    set_version,
    start_version,
    update_version,
)

__all__ = [
    "CONTENT_FIELDS",
    "LINE_NOTE_MAX",
    "LINE_TEXT_MAX",
    "DEFAULT_PLEDGE",
    "PLEDGE_FIELDS",
    "TRANSITIONS",
    "Upload",
    "add_participant",
    "allowed_actions",
    "attach_component_file",
    "attach_forum_file",
    "check_content",
    "delete_publication",
    "discard_draft",
    "mark_forum_held",
    "missing_components",
    "new_maklumat_text",
    "publish_maklumat",
    "publish_version",
    "record_discussion",
    "record_publication",
    "remove_component_file",
    "remove_participant",
    "reopen_draft",
    "save_agreement",
    "save_forum",
    "save_maklumat_draft",
    "set_attendance",
    "set_version",
    "start_version",
    "update_version",
]
