"""The spine every module hangs on: agencies, public service malls, service units, services."""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Upper
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from pantau.common.models import TimeStampedModel

# Kemendagri region codes (kode wilayah, Permendagri 72/2019 and its updates): province "52",
# regency or city "52.03", sub-district "52.03.01", village "52.03.01.2001" (issue 20).
REGION_CODE_PATTERN = r"^[0-9]{2}(\.[0-9]{2}(\.[0-9]{2}(\.[0-9]{4})?)?)?$"
REGION_CODE_MAX = 13
validate_region_code = RegexValidator(
    REGION_CODE_PATTERN,
    message=_(
        "Write the Kemendagri region code as NN, NN.NN, NN.NN.NN or NN.NN.NN.NNNN, "
        "e.g. 52.03 for Kabupaten Lombok Timur."
    ),
)
# A unit's code in SIPP (Sistem Informasi Pelayanan Publik, KemenPANRB): issued by SIPP, so its
# form is not fixed here; letters, digits and . - _ up to 40 characters, starting with a letter
# or digit (no slash or space: the code is a segment of an address, /api/v1/units/sipp/<code>/).
SIPP_CODE_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$"
SIPP_CODE_MAX = 40
validate_sipp_code = RegexValidator(
    SIPP_CODE_PATTERN,
    message=_(
        "A SIPP unit code has up to 40 letters, digits, dots, dashes or underscores, and "
        "starts with a letter or a digit."
    ),
)


class Agency(TimeStampedModel):
    """An instansi: a ministry, province, regency or city government, an office under it, or a
    vertical office. The parent links a regency to its province, an office to its government."""

    class Kind(models.TextChoices):
        MINISTRY = "ministry", _("Ministry or national agency")
        PROVINCE = "province", _("Province government")
        REGENCY = "regency", _("Regency government")
        CITY = "city", _("City government")
        REGIONAL_OFFICE = "regional_office", _("Regional office (OPD)")
        SUB_DISTRICT = "sub_district", _("Sub-district (kecamatan)")
        VERTICAL_OFFICE = "vertical_office", _("Vertical office of a national agency")

    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=60, blank=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("parent agency"),
    )
    region_code = models.CharField(
        _("Kemendagri region code"),
        max_length=REGION_CODE_MAX,
        blank=True,
        db_index=True,
        validators=[validate_region_code],
        help_text=_(
            "The region the agency governs or serves, e.g. 52 (NTB), 52.03 (Lombok Timur), "
            "31.75 (Jakarta Timur); empty for a national agency."
        ),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(parent=F("id")), name="organisations_agency_not_own_parent"
            )
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        ancestor = self.parent
        seen = set()
        while ancestor is not None:
            if ancestor.pk == self.pk or ancestor.pk in seen:
                raise ValidationError({"parent": _("An agency cannot sit below itself.")})
            seen.add(ancestor.pk)
            ancestor = ancestor.parent


class ServiceMall(TimeStampedModel):
    """A Public Service Mall (Mal Pelayanan Publik, MPP): units of several agencies side by side."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    host_agency = models.ForeignKey(
        Agency,
        on_delete=models.PROTECT,
        related_name="malls",
        verbose_name=_("host government"),
    )
    address = models.TextField(_("address"), blank=True)

    class Meta:
        verbose_name = _("public service mall")
        verbose_name_plural = _("public service malls")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ServiceUnit(TimeStampedModel):
    """A unit penyelenggara / unit layanan: the "lokus" that is surveyed and evaluated."""

    class TimeZone(models.TextChoices):
        WIB = "Asia/Jakarta", _("WIB (Western Indonesia Time)")
        WITA = "Asia/Makassar", _("WITA (Central Indonesia Time)")
        WIT = "Asia/Jayapura", _("WIT (Eastern Indonesia Time)")

    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="units", verbose_name=_("agency")
    )
    mall = models.ForeignKey(
        ServiceMall,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="units",
        verbose_name=_("public service mall"),
    )
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    description = models.TextField(_("description"), blank=True)
    address = models.TextField(_("address"))
    city = models.CharField(_("city or regency"), max_length=100)
    province = models.CharField(_("province"), max_length=100)
    postal_code = models.CharField(_("postal code"), max_length=10, blank=True)
    # Where the unit's counter is (WGS84): the place of reports about it that give none
    # (Open311's lat/long, issue 20).
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    time_zone = models.CharField(
        _("time zone"), max_length=20, choices=TimeZone.choices, default=TimeZone.WIB
    )
    is_active = models.BooleanField(_("active"), default=True)
    sipp_code = models.CharField(
        _("SIPP unit code"),
        max_length=SIPP_CODE_MAX,
        blank=True,
        validators=[validate_sipp_code],
        help_text=_("The unit's code in SIPP (KemenPANRB), when it has one."),
    )
    # "Jemput bola": officers visit residents who cannot come (issue 19).
    home_visits = models.BooleanField(
        _("offers home visits (jemput bola)"),
        default=False,
        help_text=_("Residents who cannot come (elderly, disabled, sick) may ask for a visit."),
    )
    home_visit_note = models.CharField(
        _("about home visits"),
        max_length=300,
        blank=True,
        help_text=_("For example the area covered and the days officers visit."),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("service unit")
        verbose_name_plural = _("service units")
        ordering = ["name"]
        indexes = [
            # The public directory lists active units by province, city and name.
            models.Index(fields=["province", "city", "name"], name="org_unit_directory_idx"),
            models.Index(fields=["agency", "name"], name="org_unit_agency_name_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(latitude__isnull=True, longitude__isnull=True)
                | Q(
                    latitude__isnull=False,
                    longitude__isnull=False,
                    latitude__gte=-90,
                    latitude__lte=90,
                    longitude__gte=-180,
                    longitude__lte=180,
                ),
                name="organisations_unit_point_in_range",
                violation_error_message=_(
                    "Give both latitude (-90 to 90) and longitude (-180 to 180), or neither."
                ),
            ),
            models.UniqueConstraint(
                Upper("sipp_code"),
                condition=~Q(sipp_code=""),
                name="organisations_unit_sipp_code_unique",
                violation_error_message=_("Another unit already has this SIPP unit code."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def time_zone_abbreviation(self) -> str:
        return {"Asia/Jakarta": "WIB", "Asia/Makassar": "WITA", "Asia/Jayapura": "WIT"}[
            self.time_zone
        ]


class OpeningHours(models.Model):
    """When a unit's counter is open on one weekday (one row a weekday; none means closed)."""

    class Weekday(models.IntegerChoices):
        MONDAY = 1, _("Monday")
        TUESDAY = 2, _("Tuesday")
        WEDNESDAY = 3, _("Wednesday")
        THURSDAY = 4, _("Thursday")
        FRIDAY = 5, _("Friday")
        SATURDAY = 6, _("Saturday")
        SUNDAY = 7, _("Sunday")

    unit = models.ForeignKey(
        ServiceUnit,
        on_delete=models.CASCADE,
        related_name="opening_hours",
        verbose_name=_("service unit"),
    )
    weekday = models.PositiveSmallIntegerField(_("day"), choices=Weekday.choices)
    opens = models.TimeField(_("opens"))
    closes = models.TimeField(_("closes"))
    note = models.CharField(_("note"), max_length=120, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")
        ordering = ["weekday"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "weekday"], name="organisations_hours_one_per_day"
            ),
            models.CheckConstraint(
                condition=Q(closes__gt=F("opens")),
                name="organisations_hours_close_after_open",
                violation_error_message=_("Closing time must be after opening time."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.opens:%H:%M}–{self.closes:%H:%M}"


class ContactChannel(models.Model):
    """A way to reach a unit: telephone, WhatsApp, e-mail, website, social media, counter."""

    class Kind(models.TextChoices):
        PHONE = "phone", _("Telephone")
        WHATSAPP = "whatsapp", _("WhatsApp")
        EMAIL = "email", _("E-mail")
        WEBSITE = "website", _("Website")
        SOCIAL = "social", _("Social media")
        COUNTER = "counter", _("Counter (in person)")
        SUGGESTION_BOX = "suggestion_box", _("Suggestion box")

    unit = models.ForeignKey(
        ServiceUnit,
        on_delete=models.CASCADE,
        related_name="channels",
        verbose_name=_("service unit"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    value = models.CharField(_("value"), max_length=200)
    label = models.CharField(_("label"), max_length=80, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("contact channel")
        verbose_name_plural = _("contact channels")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.value}"

    @property
    def whatsapp_url(self) -> str:
        """A link that opens a WhatsApp chat with this number on a phone (issue 19: the number
        could not be tapped): wa.me takes the number in international form, 62 for a leading 0."""
        digits = "".join(ch for ch in self.value if ch.isdigit())
        if digits.startswith("0"):
            digits = "62" + digits[1:]
        return f"https://wa.me/{digits}" if len(digits) >= 8 else ""


class Service(TimeStampedModel):
    """A jenis layanan offered by a unit. Surveys, complaints, standards and evaluations refer to it."""

    unit = models.ForeignKey(
        ServiceUnit,
        on_delete=models.CASCADE,
        related_name="services",
        verbose_name=_("service unit"),
    )
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=80)
    description = models.TextField(_("description"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("service")
        verbose_name_plural = _("services")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "slug"], name="organisations_service_slug_per_unit"
            ),
            models.UniqueConstraint(
                fields=["unit", "name"],
                name="organisations_service_name_per_unit",
                violation_error_message=_("This unit already offers a service with this name."),
            ),
        ]

    def __str__(self) -> str:
        return self.name


class UnitSearchDocument(models.Model):
    """What the public directory searches for one unit (``search``, ``search_index``): its name,
    and its name, description, agency, mall, region and active services, in lower case without
    accents, each word once with a space before and after it, followed by the tags of the abbreviations
    it holds (``search.tags``). Derived, kept by the services that change those, and in a
    table of its own so that the many pages that load units do not carry it."""

    unit = models.OneToOneField(
        ServiceUnit, on_delete=models.CASCADE, primary_key=True, related_name="search_document"
    )
    name = models.TextField()
    text = models.TextField()

    class Meta:
        verbose_name = _("unit search document")
        verbose_name_plural = _("unit search documents")

    def __str__(self) -> str:
        return self.name


class SearchWord(models.Model):
    """One word found in the units' search documents: the vocabulary the directory's "did you
    mean" draws from (``search.suggest``), so a typing error is corrected without reading the
    units. Words are added as documents change and pruned by ``refresh_search_documents``."""

    # text, not varchar: PostgreSQL's trigram index serves ``word % 'x'`` only on a text column.
    word = models.TextField(unique=True)

    class Meta:
        verbose_name = _("search word")
        verbose_name_plural = _("search words")

    def __str__(self) -> str:
        return self.word


class VisitRequest(models.Model):
    """A resident's request for a home visit ("jemput bola", issue 19): officers come to those who
    cannot come to the counter. Personal data (privacy registry): blanked after the set months."""

    class Reason(models.TextChoices):
        ELDERLY = "elderly", _("Elderly")
        DISABLED = "disabled", _("Living with a disability")
        SICK = "sick", _("Sick or bedridden")
        OTHER = "other", _("Another reason")

    class Status(models.TextChoices):
        NEW = "new", _("Received")
        SCHEDULED = "scheduled", _("Visit scheduled")
        DONE = "done", _("Visited")
        DECLINED = "declined", _("Not possible")

    unit = models.ForeignKey(
        ServiceUnit, on_delete=models.CASCADE, related_name="visit_requests", verbose_name=_("unit")
    )
    service = models.ForeignKey(
        Service,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("service needed"),
    )
    number = models.CharField(_("request number"), max_length=20, unique=True)
    name = models.CharField(_("name of the person to visit"), max_length=120)
    phone = models.CharField(_("telephone or WhatsApp"), max_length=32)
    address = models.TextField(_("address"), max_length=500)
    village = models.CharField(_("village or kelurahan"), max_length=120, blank=True)
    reason = models.CharField(_("why a visit"), max_length=10, choices=Reason.choices)
    details = models.TextField(_("what is needed"), max_length=1000, blank=True)
    created_at = models.DateTimeField(_("received"), auto_now_add=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.NEW
    )
    scheduled_on = models.DateField(_("visit date"), null=True, blank=True)
    staff_note = models.CharField(_("note for the resident"), max_length=300, blank=True)
    handled_by = models.ForeignKey(
        "accounts.User",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("handled by"),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("home visit request")
        verbose_name_plural = _("home visit requests")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["unit", "status"], name="org_visit_unit_status")]

    def __str__(self) -> str:
        return self.number
