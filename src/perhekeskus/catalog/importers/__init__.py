"""Importers turn outside formats (Suomi.fi PTV, HSDS, the demo network) into the records of
`records.py`; `writer.py` writes records into the catalogue, one transaction per import."""
