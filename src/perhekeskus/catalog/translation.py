from modeltranslation.translator import TranslationOptions, register

from perhekeskus.catalog.models import (
    ContactChannel,
    Location,
    Municipality,
    Organization,
    Schedule,
    Service,
    ServiceAtLocation,
    Taxonomy,
    TaxonomyTerm,
)


@register(Municipality)
class MunicipalityTranslation(TranslationOptions):
    fields = ("name",)


@register(Organization)
class OrganizationTranslation(TranslationOptions):
    fields = ("name", "description")


@register(Taxonomy)
class TaxonomyTranslation(TranslationOptions):
    fields = ("name", "description")


@register(TaxonomyTerm)
class TaxonomyTermTranslation(TranslationOptions):
    fields = ("name", "description")


@register(Service)
class ServiceTranslation(TranslationOptions):
    fields = (
        "name",
        "alternate_name",
        "summary",
        "description",
        "description_plain",
        "application_process",
        "eligibility_description",
        "fees_description",
        "keywords",
    )


@register(Location)
class LocationTranslation(TranslationOptions):
    fields = (
        "name",
        "alternate_name",
        "description",
        "transportation",
        "street_address",
        "post_office",
        "accessibility",
    )


@register(ServiceAtLocation)
class ServiceAtLocationTranslation(TranslationOptions):
    fields = ("description",)


@register(ContactChannel)
class ContactChannelTranslation(TranslationOptions):
    fields = ("name", "description", "charge_description")


@register(Schedule)
class ScheduleTranslation(TranslationOptions):
    fields = ("description",)
