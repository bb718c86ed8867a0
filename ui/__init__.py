"""Small shared rendering helpers for the pages. No medical facts live here: they come from the knowledge."""
