"""The staff UI's rows of the permission matrix, one file per area of pages."""

from __future__ import annotations

from permission_matrix_ui_offers import ROWS as UI_OFFERS
from permission_matrix_ui_prevention import ROWS as UI_PREVENTION
from permission_matrix_ui_volunteering import ROWS as UI_VOLUNTEERING

__all__ = ["UI_OFFERS", "UI_PREVENTION", "UI_VOLUNTEERING"]
