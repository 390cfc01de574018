"""The only code that makes trusted HTML from the model: Markdown, widgets, lesson parts. No MkDocs."""
