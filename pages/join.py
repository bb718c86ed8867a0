"""A participant's phone in a live workshop room: the trainer's scenario, one tap to answer, then the reveal."""

from ui import rooms
from ui.knowledge import knowledge

rooms.participant_view(knowledge(), rooms.store())
