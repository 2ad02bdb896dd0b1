"""Casework kernels every context that owns a subject wires in a few lines (notes, follow-ups)."""
