"""Every field in which Pantau keeps personal data, with its purpose and how long it is kept.

The law on personal data protection (UU 27/2022) asks a controller to know what it processes, why,
and for how long. This registry is the one place that says so in code: the retention job reads it
(``services.apply_retention``), and a test walks every model and fails when a field that looks
personal (a name, an e-mail address, a telephone number, an identity number, an address) is
neither here nor in ``NOT_PERSONAL`` with a reason.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from pantau.common.text import Text


@dataclass(frozen=True)
class Unconfirmed:
    """A sign-up confirmed by a mailed link (double opt-in): a record whose ``confirmed`` date-time
    is still empty ``days_setting`` days after ``since`` is deleted by the retention job."""

    confirmed: str
    since: str
    days_setting: str


@dataclass(frozen=True)
class PersonalFields:
    model: str  # "app_label.ModelName"
    fields: tuple[str, ...]
    category: Text
    purpose: Text
    retention: Text
    # For the retention job: months after ``retention_after`` (a date-time field, or a lookup
    # through a relation such as "complaint__closed_at") when the fields are erased; None when they
    # are kept as long as the record (staff accounts, minutes).
    retention_setting: str | None = None
    retention_after: str | None = None
    # How they are erased: "blank" empties the fields and keeps the record; "delete" removes a
    # record that is nothing but the personal data (a follower's address).
    erase: str = "blank"
    unconfirmed: Unconfirmed | None = None


REGISTRY: tuple[PersonalFields, ...] = (
    PersonalFields(
        model="api.IdempotentRequest",
        fields=("body",),
        category=_("the answer to a write an API client sent with an Idempotency-Key"),
        purpose=_("answering the same request sent again without doing it twice"),
        retention=_("deleted 24 hours after the request (pantau.api.idempotency)"),
    ),
    PersonalFields(
        model="complaints.Complaint",
        fields=("reporter_name", "reporter_email", "reporter_phone"),
        category=_("identity and contact of a reporter"),
        purpose=_("answering the reporter and letting them follow their report"),
        retention=_("blanked the set number of months after the report is closed or archived"),
        retention_setting="PANTAU_RETENTION_REPORTER_MONTHS",
        retention_after="closed_at",
    ),
    PersonalFields(
        model="complaints.Complaint",
        fields=("latitude", "longitude"),
        category=_("the point a reporter marked, which may be their home"),
        purpose=_("finding the place a report is about"),
        retention=_(
            "blanked with the reporter's identity, the set number of months after the report is closed or archived"
        ),
        retention_setting="PANTAU_RETENTION_REPORTER_MONTHS",
        retention_after="closed_at",
    ),
    PersonalFields(
        model="organisations.VisitRequest",
        fields=("name", "phone", "address", "village", "details"),
        category=_("identity, contact and address of a resident asking for a home visit"),
        purpose=_("visiting a resident who cannot come to the counter (jemput bola)"),
        retention=_("blanked the set number of months after the request"),
        retention_setting="PANTAU_RETENTION_VISIT_MONTHS",
        retention_after="created_at",
    ),
    PersonalFields(
        model="complaints.ReportFollower",
        fields=("email",),
        category=_("e-mail address of someone following a public report"),
        purpose=_("telling a follower when a public report moves on, after they confirmed"),
        retention=_(
            "deleted when the follower stops following, when it is not confirmed within a few "
            "days, and the set number of months after the report is closed or archived"
        ),
        retention_setting="PANTAU_RETENTION_FOLLOWER_MONTHS",
        retention_after="complaint__closed_at",
        erase="delete",
        unconfirmed=Unconfirmed(
            confirmed="confirmed_at", since="asked_at", days_setting="PANTAU_FOLLOW_CONFIRM_DAYS"
        ),
    ),
    PersonalFields(
        model="complaints.Attachment",
        fields=("original_name",),
        category=_("file names chosen by a reporter"),
        purpose=_("showing the staff handling the report what was attached"),
        retention=_("as long as the report"),
    ),
    PersonalFields(
        model="accounts.User",
        fields=("username", "first_name", "last_name", "email", "phone"),
        category=_("identity and contact of a staff member"),
        purpose=_("signing in, assigning work and recording who did what"),
        retention=_("as long as the account exists"),
    ),
    PersonalFields(
        model="standards.Participant",
        fields=("name",),
        category=_("identity and contact of a forum participant"),
        purpose=_("inviting to a public consultation forum and its minutes (berita acara)"),
        retention=_("kept with the forum's minutes, an official record"),
    ),
    PersonalFields(
        model="privacy.SubjectRequest",
        fields=("name", "email", "phone"),
        category=_("identity and contact of a person asking about their data"),
        purpose=_("answering a request to see, correct or erase one's own data"),
        retention=_("kept as the record that the request was answered"),
    ),
    PersonalFields(
        model="standards.Maklumat",
        fields=("signatory_name",),
        category=_("name of the official who signs the service pledge"),
        purpose=_("publishing the service pledge (Maklumat Pelayanan), signed in office"),
        retention=_("published; kept as an official record"),
    ),
    PersonalFields(
        model="innovations.Innovation",
        fields=("team",),
        category=_("names of the officials in an innovation's team"),
        purpose=_(
            "knowing who runs a unit's innovation (PEKPPP evidence); never shown in the public catalogue"
        ),
        retention=_("kept as long as the innovation's record"),
    ),
    PersonalFields(
        model="observations.ItemNote",
        fields=("note", "photo"),
        category=_(
            "an observer's note and photo of a service visit, which may show or name an officer"
        ),
        purpose=_(
            "evidence of what a mystery-shopping visit found, for the unit's improvement; "
            "observers are told to photograph displays, never faces"
        ),
        retention=_("kept as long as the visit's record; never published"),
    ),
)

# Fields whose names look personal but hold no one's personal data, and why.
NOT_PERSONAL: dict[str, str] = {
    "organisations.Agency.name": "the name of a government body",
    "organisations.Agency.short_name": "the short name of a government body",
    "organisations.ServiceMall.name": "the name of a public service mall",
    "organisations.ServiceMall.address": "the address of a public office",
    "organisations.ServiceUnit.name": "the name of a service unit",
    "organisations.UnitSearchDocument.name": "a service unit's name, lower-cased for search",
    "organisations.ServiceUnit.address": "the address of a public office",
    "organisations.Service.name": "the name of a public service",
    "surveys.Instrument.name": "the name of a questionnaire",
    "complaints.DayOff.name": "the name of a public holiday",
    "complaints.Category.name": "the name of a complaint category",
    "complaints.Category.name_en": "the English name of a complaint category",
    "standards.ComponentFile.original_name": "a file a unit attached to its service standard",
    "standards.Publication.evidence_name": "a file a unit published as evidence",
    "standards.ForumFile.original_name": "a file of a forum's minutes, uploaded by staff",
    "surveys.ImportBatch.file_name": "the name of a file of questionnaires staff imported",
    "evaluations.EvaluationInstrument.name": "the name of a PEKPPP instrument",
    "evaluations.Aspect.name": "the name of a PEKPPP aspect",
    "evaluations.Indicator.name": "the name of a PEKPPP indicator",
    "evaluations.Round.name": "the name of an evaluation round",
    "evaluations.Evidence.original_name": "a file a unit uploaded as evidence",
    "evaluations.FollowUpDocument.original_name": "a file a unit uploaded as follow-up",
    "improvements.EvidenceFile.original_name": "a file staff uploaded as evidence of an action",
    "kpis.Indicator.name": "the name of a unit's KPI",
    "kpis.Measurement.evidence_name": "a file staff uploaded as evidence of a KPI's value",
    "innovations.EvidenceFile.original_name": "a file staff uploaded as evidence of an innovation",
    "api.ApiToken.name": "the label an integrator gave a token",
    "observations.ItemNote.file_name": "the name of a photo an observer uploaded",
}


def entries_for(model_label: str) -> list[PersonalFields]:
    return [entry for entry in REGISTRY if entry.model.lower() == model_label.lower()]
