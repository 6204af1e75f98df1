"""The policy library: every version of every policy in one SQLite file, diffed on arrival.

Plain SQL tables a person can query without JSON functions (`schema`), one flat
table per annotation layer made from the record types (`tables`), documents
written one per transaction (`store`), attached to their policy by title and
issuer (`families`) and ordered into versions with the changes between them
(`versions`); `add` ingests files in parallel with one writer, `search` is the
FTS5 index, `drafts` the comment windows, `web` the Datasette view.
"""
