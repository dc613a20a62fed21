"""Date and time formats of the three languages (FORMAT_MODULE_PATH): 4.12.2026 and 8.00 in
every language, "klo 8.00" in Finnish and "kl. 8.00" in Swedish as Finland-Swedish services write
it; never the US "12/04/2026" nor Sweden's "2026-12-04". What a module leaves out comes from
Django's own formats for the language."""
