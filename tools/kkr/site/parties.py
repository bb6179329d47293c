"""The party letters (listebogstaver) the sources print after a politician's name."""

from __future__ import annotations

# The letters in official use at Danish municipal elections; the key on a page lists only
# the letters that occur on it.
PARTIES = {
    "A": "Socialdemokratiet",
    "B": "Radikale Venstre",
    "C": "Det Konservative Folkeparti",
    "D": "Nye Borgerlige",
    "F": "SF – Socialistisk Folkeparti",
    "I": "Liberal Alliance",
    "K": "Kristendemokraterne",
    "M": "Moderaterne",
    "O": "Dansk Folkeparti",
    "S": "Slesvigsk Parti",
    "V": "Venstre",
    "Ø": "Enhedslisten",
    "Å": "Alternativet",
    "Æ": "Danmarksdemokraterne",
}


def key(letters: set[str]) -> str:
    """E.g. "A: Socialdemokratiet · V: Venstre" for the letters used on a page, in letter order."""
    order = list(PARTIES)
    known = sorted((p for p in letters if p in PARTIES), key=order.index)
    return " · ".join(f"{p}: {PARTIES[p]}" for p in known)
