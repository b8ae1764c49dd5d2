"""Build steps from data/raw/ and data/curated/ to data/processed/, one module per processed table.

Run one step with ``python -m data.steps.<table>`` or all of them, in order, with ``python -m data.steps``
(``--check`` reports stale tables instead of writing them). Each step is the only writer of its CSV.
"""

# Tables in build order: claims are checked against paragraphs, targets and series, so those come first; the changes
# log reads the context_series table its step wrote.
STEPS = ["publishers", "article_paragraphs", "context_series", "release_schedule", "series_changes", "policy_document",
         "policy_targets", "claims", "glossary", "policy_documents_family", "policy_milestones", "policy_task_areas"]
