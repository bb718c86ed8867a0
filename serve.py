"""Start the app: `streamlit run app.py`, with Streamlit's legacy `pages/` layout switched off first.

See ui/navigation.py for why. Usage: python serve.py [streamlit run options, e.g. --server.port 8501]
"""

import sys
from pathlib import Path

from streamlit.web import cli

from ui.navigation import use_st_navigation_only

if __name__ == "__main__":
    use_st_navigation_only()
    sys.argv = ["streamlit", "run", str(Path(__file__).with_name("app.py")), *sys.argv[1:]]
    sys.exit(cli.main())
