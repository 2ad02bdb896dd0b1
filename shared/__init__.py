"""Auszug's shared kernel: what every service needs, and nothing a single service owns."""
