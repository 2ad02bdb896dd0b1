"""The German words for intake's codes (shared/contracts/labels.py): one table per code."""

from __future__ import annotations
