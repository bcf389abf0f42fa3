"""How service standards, the pledge, the consultation forums and the publication records score in
PEKPPP (F-02 Kode A, aspect 1; domain spec 2.4). Plain functions, no ORM; the inputs come from
``pantau.standards.selectors.indicator_inputs``.

Indicator 1 (1.a.Ak, Standar Pelayanan sesuai ketentuan)::

    0 no standard; 1 a standard without all 14 components; 2 all 14 components;
    3 + set (ditetapkan); 4 + drafted with the public (a forum); 5 + monitored and evaluated

Indicator 2 (2.a.P, SP melibatkan masyarakat), on the number n of participant types present
(pengguna layanan, ahli/praktisi/akademisi, instansi terkait, OMS, media massa)::

    score = min(n, 5)        (0 none; 1..4 = at least 1..4 types; 5 = all five, "more than 4")

Indicator 3 (3.a.T, media publikasi service delivery), on the media M on which all standards are
published and whether SIPP Nasional (SIPPN) is among them::

    0 nothing published; 1 partially (some standards or fewer than 2 media);
    2 on at least 2 media, not SIPPN; 3 two media + SIPPN; 4 three + SIPPN; 5 four or more + SIPPN

    (the presentation counts media other than SIPPN: "two + SIPPN" means 2 media besides SIPPN)

Indicator 4 (4.a.K, peninjauan ulang SP), on the share of standards reviewed within a period::

    0 none reviewed within 3 years; 1 all within 3 years; 2 some within 2; 3 all within 2;
    4 some within 1 (yearly or faster); 5 all within 1

Indicator 5 (5.a.K, siklus Maklumat)::

    0 none; 1 drafted, not set; 2 set, content not compliant; 3 compliant (three statements);
    4 + published on non-electronic media; 5 + published on electronic media

Indicator 7 (7.a.T, media publikasi SKM), on the number of media n::

    score = min(n, 5)        (0..4 = media count; 5 = more than 4)
"""

ELECTRONIC = {"website", "social_media", "app", "sippn"}
NON_ELECTRONIC = {"notice_board", "leaflet"}


def standard_score(
    *, has_standard: bool, complete: bool, is_set: bool, with_forum: bool, evaluated: bool
) -> int:
    if not has_standard:
        return 0
    if not complete:
        return 1
    score = 2
    for step in (is_set, with_forum, evaluated):
        if not step:
            return score
        score += 1
    return score


def participation_score(participant_types: int) -> int:
    if participant_types < 0:
        raise ValueError("A count cannot be negative.")
    return min(participant_types, 5)


def publication_score(*, all_media: set[str], some_published: bool) -> int:
    """``all_media``: media on which every standard in force is published."""
    others = len(all_media - {"sippn"})
    if not all_media and not some_published:
        return 0
    if "sippn" in all_media:
        if others >= 4:
            return 5
        if others == 3:
            return 4
        if others == 2:
            return 3
    if others + ("sippn" in all_media) >= 2:
        return 2
    return 1


def review_score(*, services: int, within_12: int, within_24: int, within_36: int) -> int:
    if services <= 0:
        return 0
    if not within_12 <= within_24 <= within_36 <= services:
        raise ValueError("Counts must grow with the period and not pass the number of services.")
    if within_12 == services:
        return 5
    if within_12 > 0:
        return 4
    if within_24 == services:
        return 3
    if within_24 > 0:
        return 2
    if within_36 == services:
        return 1
    return 0


def maklumat_score(*, drafted: bool, is_set: bool, compliant: bool, media: set[str]) -> int:
    if not drafted:
        return 0
    if not is_set:
        return 1
    if not compliant:
        return 2
    if not media & NON_ELECTRONIC:
        return 3
    if not media & ELECTRONIC:
        return 4
    return 5


def media_count_score(media: set[str]) -> int:
    return min(len(media), 5)
