"""Checking answers against the commune's documents: passage search and support of each sentence.

Plain Python engines: `words` (folding, content words, numbers and dates),
`passages` (documents cut into passages of a few sentences), `search` (a
TF-IDF index over every passage of the course corpus, built once, lazily),
`support` (an answer split into sentences, each checked against the passages
the search finds), `stopwords.txt` (French function words), `exercises`
and `exercises.toml` (the generated-looking summary with its one invented
claim). `html.py` draws, `views/` wires widgets.
"""
