"""What intake answers over the bus (shared/contracts/operation.py)."""

from __future__ import annotations

from shared.contracts.operation import Operations

ops = Operations("intake")

# ---------------------------------------------------------------- households
# (households, members, consents, duplicates, privacy, the Art. 15 export)


# ---------------------------------------------------------------- inquiries
# (the central office's inbox)
