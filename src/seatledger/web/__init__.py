"""`seatledger serve`: a read-only web view of the ledger (Starlette, Jinja2, uvicorn), and the
same pages written as static files."""
