from modeltranslation.translator import TranslationOptions, register

from perhekeskus.catalog.models import Municipality, Organization


@register(Municipality)
class MunicipalityTranslation(TranslationOptions):
    fields = ("name",)


@register(Organization)
class OrganizationTranslation(TranslationOptions):
    fields = ("name", "description")
