"""The glossary engine: YAML term files in, checked terms and pages (HTML) out.

Framework-free on purpose (no MkDocs imports): the MkDocs hook, the command-line
checker, the benchmarks and the tests all drive these same functions.
"""
