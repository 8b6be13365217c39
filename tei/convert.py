"""Placeholder: the conversion pipeline is being written."""
