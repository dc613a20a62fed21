"""Test support shared by every app's tests: factories, personas, the browser layer."""
