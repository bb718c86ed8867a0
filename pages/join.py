"""A participant's phone in a live workshop room: the trainer's scenario, one tap to answer, then the reveal."""

from ui import rooms
from ui.content import for_page
from ui.pages import inside_app

inside_app()  # first: a visit Streamlit runs without app.py is handed to app.py

rooms.participant_view(for_page(), rooms.store())
