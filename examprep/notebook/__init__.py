"""examprep in Jupyter and Colab: `%load_ext examprep`, then `%examprep drill ID`, `%%examprep check`, ...

api.py is the plain Python API (for any front end), html.py draws verdicts and lists as HTML, magics.py is the
IPython layer (imported only when IPython loads the extension; IPython is the optional extra examprep[notebook]).
"""
