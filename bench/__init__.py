"""Benchmarks (not tests): each module here has a ``run()`` that prints its figures."""
