"""Topic taxonomy matching. (Being written: returns nothing yet.)"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Span


class TopicTagger:
    def topics_of(self, span: Span) -> list[str]:
        return []


def get_topic_tagger(nlp: Language) -> TopicTagger:
    return TopicTagger()
