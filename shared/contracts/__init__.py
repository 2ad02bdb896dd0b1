"""Published contracts: the events each context emits and the requests it answers.

A consumer imports the producer's schema from here, never a copy of it.
Importing this package registers every published event type.
"""

from shared.contracts import intake, placement, prevention, reporting, volunteer
from shared.contracts.catalog import CONTRACTS

__all__ = ["CONTRACTS", "intake", "placement", "prevention", "reporting", "volunteer"]
