"""Formats: session JSON, the Markdown proposal, IGF pages, and the bundled samples."""
