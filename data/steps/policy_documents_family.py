"""processed/policy_documents_family.csv: the Opinions and related documents (curated/policy_family.yaml, through data/steps/policy_family.py)."""
from __future__ import annotations

import sys

from data.steps.common import rows_step
from data.steps.policy_family import document_rows

rows, main = rows_step("policy_documents_family", document_rows)

if __name__ == "__main__":
    sys.exit(main())
