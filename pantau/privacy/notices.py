"""The privacy notice of each purpose for which Pantau collects personal data (UU 27/2022 Pasal 20
and 21: the lawful basis, the purpose, the data, who receives it, how long it is kept, and the
data subject's rights). One page per purpose, linked from each form that collects it."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from pantau.common.text import Text


@dataclass(frozen=True)
class Notice:
    slug: str
    title: Text
    purpose: Text
    lawful_basis: Text
    collected: tuple[Text, ...]
    not_collected: Text
    who_sees: tuple[Text, ...]
    retention: Text


NOTICES: dict[str, Notice] = {
    notice.slug: notice
    for notice in (
        Notice(
            slug="pengaduan",
            title=_("Complaints, aspirations and information requests"),
            purpose=_(
                "To handle your report: route it to the unit that can act, answer you, and let you "
                "follow it with its tracking number and access code."
            ),
            lawful_basis=_(
                "Carrying out a public service duty (UU 25/2009 on public services and Perpres "
                "76/2013 on complaint handling), and your consent for the contact details you "
                "choose to give."
            ),
            collected=(
                _("what you write in the report and the files you attach;"),
                _("your name, e-mail address and telephone number, only if you give them;"),
                _("nothing about who you are when you report anonymously."),
            ),
            not_collected=_(
                "We do not ask for your identity number (NIK). Do not write it, or anyone's "
                "telephone number, in the report: the public register shows a summary from which "
                "such numbers and names are removed."
            ),
            who_sees=(
                _("the officers of the unit handling the report and its complaint coordinator;"),
                _("nobody at the unit sees who you are when you report anonymously;"),
                _("a confidential report is never shown in public."),
            ),
            retention=_(
                "Your name, e-mail address and telephone number are erased a set time after the "
                "report is closed (24 months unless the unit's agency sets otherwise); the report "
                "itself is kept as a public service record."
            ),
        ),
        Notice(
            slug="ikuti-laporan",
            title=_("Following a public report by e-mail"),
            purpose=_(
                "To send you an e-mail when a public report you chose to follow changes status or "
                "its unit publishes an answer."
            ),
            lawful_basis=_(
                "Your consent, given when you confirm through the link we send; you withdraw it "
                "with the link in any of our mails."
            ),
            collected=(
                _("your e-mail address and which report you follow;"),
                _("when you asked and when you confirmed."),
            ),
            not_collected=_(
                "We ask for nothing else, and our mails carry only the report's number, unit and "
                "status, never anything about the person who reported it."
            ),
            who_sees=(
                _("nobody at the unit sees your address: its officers see only how many follow;"),
                _("the page never says whether an address already follows a report."),
            ),
            retention=_(
                "Your address is deleted when you stop following, when you do not confirm within "
                "a few days, and some months after the report is closed or archived."
            ),
        ),
        Notice(
            slug="survei",
            title=_("Satisfaction surveys (SKM)"),
            purpose=_(
                "To measure how satisfied people are with a service (PermenPANRB 14/2017) and to "
                "publish the result and the unit's follow-up."
            ),
            lawful_basis=_("Carrying out a public service duty; answering is voluntary."),
            collected=(
                _("your answers and suggestion;"),
                _("age group, sex, education and occupation, as the regulation's form asks;"),
                _("no name, no contact details and no identity number."),
            ),
            not_collected=_(
                "Only a salted fingerprint of your connection is kept for a short time to stop "
                "the same answers being sent many times; it cannot tell who you are."
            ),
            who_sees=(
                _("the unit and its evaluators see the answers, never who gave them;"),
                _("the public sees only totals."),
            ),
            retention=_("Answers are kept as the statistical record of the survey period."),
        ),
        Notice(
            slug="studi",
            title=_("Perception studies"),
            purpose=_(
                "To compare how service recipients and service providers see the service, for a "
                "study whose aim the study's page states."
            ),
            lawful_basis=_("Your consent: answering is voluntary and you may stop at any time."),
            collected=(
                _("your answers;"),
                _("no name and no contact details; officers answer without their name."),
            ),
            not_collected=_(
                "Results are shown only for groups of at least five people, so that no one's "
                "answers can be picked out."
            ),
            who_sees=(
                _("the study's researchers and the unit see the answers, never who gave them;"),
                _("the public sees only group results."),
            ),
            retention=_("Answers are kept with the study as its research record."),
        ),
        Notice(
            slug="evaluasi",
            title=_("Public service performance evaluation (PEKPPP)"),
            purpose=_(
                "To evaluate the unit (PermenPANRB on PEKPPP), including the citizens' form about "
                "the service you received."
            ),
            lawful_basis=_("Carrying out a public service duty; answering is voluntary."),
            collected=(
                _("your answers on the citizens' form;"),
                _("no name and no contact details."),
            ),
            not_collected=_("The evaluators see the unit's documents, never who answered."),
            who_sees=(
                _("the evaluators and the unit see totals of the citizens' answers;"),
                _("the published index shows only totals."),
            ),
            retention=_("Answers are kept as the evaluation's record."),
        ),
    )
}
