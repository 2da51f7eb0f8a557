"""The web API and pages served by `dossier serve`."""
