from django.db.models import QuerySet

from .models import PersonalDataAccess


def unit_accesses(unit) -> QuerySet[PersonalDataAccess]:
    return PersonalDataAccess.objects.filter(unit=unit).select_related("actor")
