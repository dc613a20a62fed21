"""The professionals' pages of family coordination: plan (included by `urls_pro`)."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
