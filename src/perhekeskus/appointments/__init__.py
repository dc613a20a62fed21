"""Appointments and remote reception: a family books a named professional, at a place, by phone
or by video; the professional's week is in one place (issue #12)."""
