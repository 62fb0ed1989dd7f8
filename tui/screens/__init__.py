"""Screens: the dashboard, the forms (check-in, movement), goals and help."""
