from django.apps import AppConfig


class SeoConfig(AppConfig):
    name = "seo"
    verbose_name = "搜索引擎与订阅"
