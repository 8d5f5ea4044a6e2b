"""The client's address for django-ratelimit's "ip" key (settings.RATELIMIT_IP_META_KEY).

django-ratelimit reads REMOTE_ADDR, which behind a reverse proxy is the proxy's own address:
every visitor would then share one sign-up and one login budget, and ten sign-ups an hour
from anyone would lock everyone out. This reads X-Forwarded-For exactly as the API's
throttles do (DRF's NUM_PROXIES, from API_NUM_PROXIES), so the site's forms and the API count
the same client, and with no proxy configured a forged header changes nothing.
"""

from __future__ import annotations

import ipaddress

from django.http import HttpRequest
from rest_framework.settings import api_settings


def client_ip(request: HttpRequest) -> str:
    remote_addr = request.META.get("REMOTE_ADDR", "")
    num_proxies = api_settings.NUM_PROXIES or 0
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR")
    if not num_proxies or not forwarded:
        return remote_addr
    # Each trusted proxy appends the address it received the request from: the client is the
    # num_proxies-th address from the right; anything to its left is the client's own claim.
    addresses = forwarded.split(",")
    candidate = addresses[-min(num_proxies, len(addresses))].strip()
    try:
        # django-ratelimit builds an ip_network from it: garbage must not become a 500.
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote_addr
