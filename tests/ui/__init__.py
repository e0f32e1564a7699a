"""The window tests, one file per view or part of the window (src/symptomlog/ui)."""
