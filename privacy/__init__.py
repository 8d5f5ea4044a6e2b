"""Personal identifiers in text people publish: finding them, masking them, keeping them out of
logs. Pure Python (no Django imports), so the services, the log filter and the tests share it."""
