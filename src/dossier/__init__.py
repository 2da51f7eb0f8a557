"""dossier: a sourced knowledge base of relations between countries, built from news reports."""

__version__ = "0.1.0"
