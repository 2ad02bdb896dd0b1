"""The figures as documents: CSV for German Excel, printable HTML and PDF."""
