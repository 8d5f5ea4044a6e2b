"""Writes: every change to questions, answers and lawyers goes through a function here."""
