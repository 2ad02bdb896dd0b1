"""Casework every context with a subject staff act on shares: written follow-ups
(*Wiedervorlagen*, followups.py) and case notes (notes.py). Each owning service wires a
kernel with its subject kinds and its scope check; the personal data (texts) stay in the
owning service's tables."""
