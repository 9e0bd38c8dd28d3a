# Configuration of the Sphinx site: its pages are MyST Markdown.
extensions = ["myst_parser"]
