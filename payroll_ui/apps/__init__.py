"""The widget apps, one module per app."""
