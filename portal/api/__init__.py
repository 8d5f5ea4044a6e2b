"""Pieces every API resource shares: errors, strict query parameters, throttles, pagination.

Viewsets only declare; what they declare lives here, written once:

- errors: the exception handler and the error bodies' schemas
- serializers: StrictSerializer, input that refuses keys it doesn't know
- filters: strict query parameters and StrictFilterBackend
- permissions: staff_with
- throttles: rates read per request
- pagination: KeysetPagination
- parsers: JSONParser, DRF's with over-deep nesting a 400

This file imports nothing: settings name portal.api.throttles by dotted path, and DRF
imports it while rest_framework.views is still being imported.
"""
