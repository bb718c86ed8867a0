"""Start the app: the same as `streamlit run app.py`, with one fix for how Streamlit treats `pages/`.

Streamlit takes a `pages/` folder beside the entry script as its legacy multipage layout until the first
`st.navigation` call of the process. The first visit after a start would then run a page without
app.py (no sidebar, no safety footer) or show "Page not found" for a valid link. This app always
navigates with `st.navigation`, so the legacy layout is switched off before any visitor arrives.

Usage: python serve.py [streamlit run options, e.g. --server.port 8501]
"""

import sys
from pathlib import Path

from streamlit.runtime.pages_manager import PagesManager
from streamlit.web import cli

if __name__ == "__main__":
    PagesManager.uses_pages_directory = False
    sys.argv = ["streamlit", "run", str(Path(__file__).with_name("app.py")), *sys.argv[1:]]
    sys.exit(cli.main())
