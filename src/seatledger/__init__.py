"""seatledger: hold an outsourced staffing contract to its terms."""

__version__ = "0.2.0"
