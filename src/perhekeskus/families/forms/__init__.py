"""The families app's forms, one module per part of the record."""
