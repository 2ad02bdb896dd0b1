"""A seeded generator of a realistic year, driven through the HTTP API (demo data, and the
proof that every figure counts what happened).

`plan.generate(year, households, seed)` decides, without I/O, what happens in the year and
keeps that record (`Year`); `drive.run(year_plan, gateway)` makes it happen over HTTP as
staff would; `expected.figures(year_plan)` counts what should come out, independently of
the reporting service's code. `python -m services.reporting.demo --help` runs it.
"""
