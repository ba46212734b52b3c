"""Language models for the course: module 02's classroom model, and the connector of modules 03+.

Engines (plain Python):
- the classroom model: `corpus` (its training texts), `tokenizer` (BPE),
  `ngram` (Kneser-Ney counts), `sampling` (temperature, top-k, draw),
  `classroom` (the model itself), `evidence` and `invention` (a fact
  asked, then looked up in the corpus);
- what module 02 shows: `wording` (French sentences), `html` (fragments);
- the connector: `connector` (one `generate` for every model, settings,
  hooks), `config` and `presets.toml` (the models on offer), `interface`
  (what a backend takes and returns), `classroom_backend`,
  `online_backend` and `online_failures` (any Chat Completions endpoint,
  and its French messages);
- `atelier serve`: `server` (HTTP) and `chat_api` (the request and reply format).

Views (ipywidgets) are in `views/`. Nothing is imported here, so that
`import widgets.llm.<module>` stays as cheap as the module it names.
"""
