"""symptomlog: a private, offline symptom diary for advanced pancreatic cancer."""

__version__ = "0.1.0"
