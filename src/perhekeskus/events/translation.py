from modeltranslation.translator import TranslationOptions, register

from perhekeskus.events.models import Event, Question


@register(Event)
class EventTranslation(TranslationOptions):
    fields = ("title", "description", "audience", "price_info", "accessibility", "summary")


@register(Question)
class QuestionTranslation(TranslationOptions):
    fields = ("text", "choices")
