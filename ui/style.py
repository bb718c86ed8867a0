"""The app's icon and the few style rules the theme options cannot express. Fixed text only: nothing a user
typed gets here."""

import base64
from pathlib import Path

# A local file, not a named Material icon: that would make browsers fetch the favicon from a third party.
# As a data URI made once per process, Streamlit does not reopen and re-register the image on every run.
ICON_FILE = Path(__file__).parent / "assets" / "icon.png"
ICON = "data:image/png;base64," + base64.b64encode(ICON_FILE.read_bytes()).decode()

# Streamlit draws captions at 60% opacity, which fades their links below a 4.5:1 contrast ratio.
# Full opacity and a strong grey keep the source lines readable in light and dark themes.
BASE_CSS = """
<style>
  [data-testid="stCaptionContainer"] { opacity: 1 !important; }
  [data-testid="stCaptionContainer"] p { color: color-mix(in srgb, currentColor 78%, transparent); }
  [data-testid="stCaptionContainer"] a { color: inherit; text-decoration: underline; }
</style>
"""

# Large type for a shared screen or a projector: body text at least 20 px, wider content.
LARGE_TYPE_CSS = """
<style>
  [data-testid="stMainBlockContainer"] { max-width: 1100px; }
  [data-testid="stMarkdownContainer"] p, [data-testid="stMarkdownContainer"] li,
  [data-testid="stWidgetLabel"] p { font-size: 21px !important; }
  [data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] p { font-size: 18px !important; }
  [data-baseweb="select"] div, [data-testid="stDateInputField"] input { font-size: 20px !important; }
  h1 { font-size: 3rem !important; }
</style>
"""
