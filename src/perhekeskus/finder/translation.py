from modeltranslation.translator import TranslationOptions, register

from perhekeskus.finder.models import NeedConcept


@register(NeedConcept)
class NeedConceptTranslation(TranslationOptions):
    fields = ("name", "description", "phrases", "targets")
