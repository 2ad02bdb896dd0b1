"""The German words for prevention's codes (shared/contracts/labels.py): one table per code."""

from __future__ import annotations
