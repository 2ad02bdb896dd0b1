"""Casework every context with a subject staff act on shares: written follow-ups
(*Wiedervorlagen*, followups.py) and case notes. Each owning service wires a kernel with
its subject kinds, its events and its scope check; the personal data (texts) stay in the
owning service's tables."""
