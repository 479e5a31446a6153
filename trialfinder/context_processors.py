from django.conf import settings
from django.http import HttpRequest


def site(request: HttpRequest) -> dict:
    return {
        "SITE_NAME": settings.SITE_NAME,
        "NURSE_PHONE": settings.NURSE_PHONE,
        "NURSE_PHONE_HOURS": settings.NURSE_PHONE_HOURS,
    }
