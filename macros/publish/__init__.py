"""What a build adds beside its pages: embeds, downloads, worksheets, JSON Schema, policy, assets. No MkDocs."""
