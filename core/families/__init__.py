"""Story families: which documents of a folder are versions of one story.

``fingerprint`` (shingle MinHash signatures and rare key words per document),
``cache`` (fingerprints kept on disk between scans), ``scan`` (candidate pairs,
exact verification, families and their likely original), ``matrix`` (the similarity
matrix of a scan) and ``scan_report`` (the ``redline scan`` JSON and text listing).

May import: ``core.text``, ``core.engine`` and the shared leaves.
"""
