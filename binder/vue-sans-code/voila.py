# La vue sans code de l'Atelier IA (Voilà) : gabarit français, consignes sans code.
# Installé par binder/install-no-code-view sous deux noms : jupyter_server_config.py
# (adresse /voila/ d'un serveur Jupyter : liens Binder, `make presenter`) et voila.py
# (la commande `voila`, si on la lance directement).
import mimetypes

from curriculum.no_code_view import prelaunch_hook

c = get_config()  # noqa: F821 (fourni par Jupyter quand il lit ce fichier)
c.VoilaConfiguration.template = "atelier"
c.VoilaConfiguration.theme = "light"
c.VoilaConfiguration.show_tracebacks = False
c.VoilaConfiguration.prelaunch_hook = prelaunch_hook
# Extensions de JupyterLab inutiles dans la vue (et construites pour une autre version).
c.VoilaConfiguration.extension_denylist = [
    "@jupyter/nbgrader",
    "@jupyter-notebook/lab-extension",
    "@voila-dashboards/jupyterlab-preview",
]
c.VoilaExporter.language_code = "fr"
# Le glossaire et les fiches des jeux de données sont des fichiers Markdown liés depuis les
# modules : la vue les sert tels quels (texte brut lisible) au lieu de les refuser.
c.VoilaConfiguration.file_allowlist = [r".*\.(png|jpg|jpeg|gif|svg|md)"]
# Sans « charset », le navigateur lirait ces fichiers comme du Latin-1 (« alphabÃ©tique »).
mimetypes.add_type("text/markdown; charset=utf-8", ".md")
