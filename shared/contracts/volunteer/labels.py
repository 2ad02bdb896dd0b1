"""The German words for volunteer's codes (shared/contracts/labels.py): one table per code."""

from __future__ import annotations
