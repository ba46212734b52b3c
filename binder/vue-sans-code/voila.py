# La vue sans code de l'Atelier IA (Voilà) : gabarit français, consignes sans code.
# Installé par binder/install-no-code-view sous deux noms : voila.py (commande `voila`,
# utilisée par `make presenter`) et jupyter_server_config.py (adresse /voila/ d'un
# serveur Jupyter, celle des liens Binder).
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
