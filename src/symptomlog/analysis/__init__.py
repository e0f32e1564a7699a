"""Pure functions over plain domain data: daily values, trends, grades, cycle days, flags.

No Qt, no database: callers pass lists of entries, cycles and the profile.
"""
