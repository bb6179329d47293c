"""Tools for the KKR Syddanmark knowledge base: loader, validator, importer and Sphinx extension."""
