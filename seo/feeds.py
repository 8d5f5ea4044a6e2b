"""Atom feeds (django.contrib.syndication) whose links come from SITE_URL, not the Host header."""

from __future__ import annotations

from typing import Any

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed

from seo.absolute import absolute_url

FEED_LENGTH = 30


class SiteFeed(Feed):
    feed_type = Atom1Feed
    language = "zh-CN"
    # Atom requires an author for the feed or for every entry; entries name one only where the
    # person is public (a lawyer), never an asker.
    author_name = "法律咨询网"

    def item_link(self, item: Any) -> str:
        return absolute_url(item.get_absolute_url())

    def item_title(self, item: Any) -> str:
        # Plain text: the Atom writer escapes it once (Feed's default escapes it twice, for RSS).
        return str(item)
