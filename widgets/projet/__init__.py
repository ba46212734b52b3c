"""Module 11's tools: from a pilot project to its governance.

- `canvas` and `document`: the project canvas and the sheet it exports (Markdown, HTML);
- `questionnaire` and `risk`: where a project stands in the EU AI Act (prohibited,
  high-risk with its Annex III point, transparency, minimal), why, and what follows;
- `projects`: Clairval-sur-Ondine's described projects, with their hand-written level;
- `notices`: the draft « mention explicite » (CRPA L311-3-1) and the entry of the
  inventory of main algorithmic processing (L312-1-3), with its threshold in agents;
- `html`: the fragments the views show;
- `views/`: the live questionnaire (`risk_questionnaire`), the drafts (`notice_drafts`),
  the canvas and its download.
"""
