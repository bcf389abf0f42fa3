"""Where an action comes from, in two directions: a source named in a page's address (``?source=
skm_element&ref=12&element=waktu``, the links "plan an action" on the SKM results, the complaint
categories, a recommendation) resolved to the unit's own record; and an action's source in
words, for staff (with the record) and for the public (never a person's data: a single
complaint shows only its category)."""

from dataclasses import dataclass
from typing import Any

from django.http import Http404
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from .models import Action, Source
from .services import SourceRef


@dataclass(frozen=True)
class SourceLink:
    """A source as the address of the planning page carries it."""

    kind: str
    ref: str = ""
    element: str = ""

    def query(self) -> str:
        from urllib.parse import urlencode

        values = {"source": self.kind, "ref": self.ref, "element": self.element}
        return "?" + urlencode({k: v for k, v in values.items() if v})


def _pk(ref: str) -> int:
    if not ref.isdigit() or len(ref) > 12:
        raise Http404
    return int(ref)


def resolve(unit: Any, link: SourceLink) -> SourceRef:
    """The unit's own record behind a link; a 404 when the unit has no such record (a link to
    another unit's record finds nothing)."""
    from django.shortcuts import get_object_or_404

    kind = link.kind
    if kind not in Source.values:
        raise Http404
    if kind == Source.SKM_ELEMENT:
        from pantau.satisfaction.models import SurveyPeriod

        period = get_object_or_404(SurveyPeriod, unit=unit, pk=_pk(link.ref))
        return SourceRef(kind, period=period, element_key=link.element[:60])
    if kind == Source.COMPLAINT_PATTERN:
        from pantau.complaints.selectors import categories_for

        category = get_object_or_404(categories_for(unit=unit), code=link.ref[:40])
        return SourceRef(kind, category=category)
    if kind == Source.COMPLAINT:
        from pantau.complaints.models import Complaint

        complaint = get_object_or_404(
            Complaint.objects.select_related("category"), unit=unit, tracking_number=link.ref[:40]
        )
        return SourceRef(kind, complaint=complaint)
    if kind == Source.RECOMMENDATION:
        from pantau.evaluations.models import Recommendation

        recommendation = get_object_or_404(
            Recommendation.objects.select_related("aspect", "lokus__round"),
            lokus__unit=unit,
            pk=_pk(link.ref),
        )
        return SourceRef(kind, recommendation=recommendation)
    if kind == Source.AGREEMENT:
        from pantau.standards.models import Agreement

        agreement = get_object_or_404(
            Agreement.objects.select_related("forum"), forum__unit=unit, pk=_pk(link.ref)
        )
        return SourceRef(kind, agreement=agreement)
    if kind == Source.STUDY_GAP:
        from django.db.models import Q

        from pantau.studies.models import Study

        study = get_object_or_404(
            Study.objects.filter(Q(unit=unit) | Q(groups__unit=unit)).distinct(), pk=_pk(link.ref)
        )
        return SourceRef(kind, study=study, element_key=link.element[:60])
    return SourceRef(kind)


def element_label(period: Any, key: str) -> str:
    """An SKM element as people read it ("U3 Waktu penyelesaian"); the key if the period's
    questionnaire no longer has it."""
    from pantau.satisfaction.selectors import scored_items

    for item in scored_items(period):  # cached per questionnaire version
        if item.key == key:
            return f"{item.code} {item.shown_label}"
    return key


def describe(source: SourceRef | Action, *, public: bool = False) -> str:
    """The source in words. ``public``: only what the public may read (a complaint's category,
    never its number or text; a finding's kind, not the observer's note)."""
    kind = source.source if isinstance(source, Action) else source.kind
    if kind == Source.SKM_ELEMENT and source.period is not None:
        return _("SKM %(period)s: %(element)s") % {
            "period": source.period.label,
            "element": element_label(source.period, source.element_key),
        }
    if kind == Source.COMPLAINT_PATTERN and source.category is not None:
        return _("Complaints about %(category)s") % {"category": source.category.label}
    if kind == Source.COMPLAINT and source.complaint is not None:
        category = source.complaint.category
        if public:
            return (
                _("A complaint about %(category)s") % {"category": category.label}
                if category
                else _("A complaint")
            )
        return _("Report %(number)s") % {"number": source.complaint.tracking_number}
    if kind == Source.RECOMMENDATION and source.recommendation is not None:
        recommendation = source.recommendation
        return _("PEKPPP %(year)s recommendation on %(aspect)s") % {
            "year": recommendation.lokus.round.year,
            "aspect": recommendation.aspect.name,
        }
    if kind == Source.AGREEMENT and source.agreement is not None:
        forum = source.agreement.forum
        return _("Agreement of the public consultation forum of %(date)s") % {
            "date": date_format(forum.held_on, "j F Y")
        }
    if kind == Source.STUDY_GAP and source.study is not None:
        return _("Perception study “%(title)s”") % {"title": source.study.title}
    if kind == Source.MYSTERY_SHOPPING:
        return str(Source.MYSTERY_SHOPPING.label)
    return str(Source(kind).label) if kind in Source.values else kind
