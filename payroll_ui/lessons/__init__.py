"""The lessons: content, widgets, exercises and answers."""
