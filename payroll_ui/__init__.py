"""Widget apps and lesson widgets over the ``calc`` engine (ipywidgets 8, matplotlib, Voilà).

``calc`` stays pure; everything that imports ipywidgets or Jupyter lives here, one module per app.
"""
