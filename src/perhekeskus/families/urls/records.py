"""The professionals' pages of family coordination: records (included by `urls_pro`)."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
