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
  /* The dark theme's primary blue is light: white text on it would fall below 4.5:1. Dark text on it gives
     6.8:1, and on the lighter hover and focus shade more; Streamlit's own darker hover shade would give 4.2:1. */
  @media (prefers-color-scheme: dark) {
    [data-testid="stBaseButton-primary"] { background-color: #66a3e0 !important; border-color: #66a3e0 !important; }
    [data-testid="stBaseButton-primary"]:hover, [data-testid="stBaseButton-primary"]:focus-visible,
    [data-testid="stBaseButton-primary"]:active {
      background-color: #8cc4ff !important; border-color: #8cc4ff !important;
    }
    [data-testid="stBaseButton-primary"], [data-testid="stBaseButton-primary"] p { color: #11171c !important; }
  }
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

# The live room on a projector: the room code large and spaced, the count large.
ROOM_CSS = """
<style>
  .st-key-room-code h2 { font-size: 4.5rem !important; letter-spacing: 0.12em; line-height: 1.1; }
  .st-key-room-count p { font-size: 2.2rem !important; }
</style>
"""

# A participant's phone: large type and answer buttons that are easy to tap (at least 56 px tall).
PHONE_CSS = """
<style>
  [data-testid="stMarkdownContainer"] p, [data-testid="stMarkdownContainer"] li { font-size: 1.15rem; }
  .st-key-choices button { min-height: 56px; justify-content: flex-start; text-align: left; }
  .st-key-choices button > div { justify-content: flex-start; }
  .st-key-choices button p { font-size: 1.15rem; }
</style>
"""

# Sets <html lang> to the reader's language (ui/language.py), from a fixed file in static/ served by the app: a
# relative address, so it works under a base URL path and on every page's address.
LANGUAGE_SCRIPTS = {code: f'<script src="app/static/lang-{code}.js"></script>' for code in ("en", "ko")}
# Streamlit writes "Press Enter to apply" under a box being typed in, in English only; in Korean the page says it
# in its own words instead (e.g. the product box's "그다음 Enter 키를 누르세요"), so the English hint is hidden.
LANGUAGE_SCRIPTS["ko"] += '<style>[data-testid="InputInstructions"] { display: none; }</style>'

