"""policy-pipeline: Chinese policy drafts as structured, validated data.

The library API lives in `pipeline.api`; `policy` (pipeline.cli) is a thin
click layer over it. Importing this package stays cheap: spaCy and jieba are
imported only by the modules that need them.
"""
__version__ = "0.1.0"
