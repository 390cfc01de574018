"""Quiz and lesson sources -> a validated model of Markdown source. No MkDocs, no HTML."""
