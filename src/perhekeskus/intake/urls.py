from django.urls import path

from perhekeskus.intake.views import public as views

app_name = "help"

# The pages the app links to carry no tracking code; the two with a code in the path are old
# links that still work (they move the code into the session and redirect).
urlpatterns = [
    path("", views.ask_for_help, name="ask"),
    path("sent/", views.sent, name="sent"),
    path("sent/<str:code>/", views.sent_by_code, name="sent_by_code"),
    path("status/", views.status_lookup, name="status_lookup"),
    path("status/add/", views.status_add, name="status_add"),
    path("status/withdraw/", views.status_withdraw, name="status_withdraw"),
    path("status/forget/", views.status_forget, name="status_forget"),
    path("status/<str:code>/", views.status_by_code, name="status"),
]
