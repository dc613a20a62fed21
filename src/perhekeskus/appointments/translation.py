from modeltranslation.translator import TranslationOptions, register

from perhekeskus.appointments.models import AppointmentType, PreQuestion


@register(AppointmentType)
class AppointmentTypeTranslation(TranslationOptions):
    fields = ("name", "description")


@register(PreQuestion)
class PreQuestionTranslation(TranslationOptions):
    fields = ("text", "choices")
