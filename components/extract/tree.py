"""Walking a dependency parse safely.

spaCy builds a new :class:`~spacy.tokens.Token` object on every attribute access, so
``tok.head is tok`` is never true, not even for a sentence's root: a loop written
``while ...: node = node.head`` that stops on ``node.head is node`` never stops on a root
that its other condition does not exclude (a verbless headline such as "Storm in Leeds;
two dead", whose root is a noun). Compare token *indices* (:func:`is_root`) and walk up
with :func:`climb`, which also stops after as many steps as the document has tokens, so a
head chain that cycles (a parse edited by hand, a misbehaving component) cannot hang.
"""

from __future__ import annotations

from typing import Callable

from spacy.tokens import Doc, Token


def is_root(tok: Token) -> bool:
    """True when ``tok`` heads its own tree (spaCy's root points at itself): compares indices."""
    return tok.head.i == tok.i


def climb(tok: Token, go_on: Callable[[Token], bool]) -> Token:
    """The first token on ``tok``'s head chain (``tok`` itself included) where ``go_on`` is false.

    Stops at the root of the tree, and after ``len(tok.doc)`` steps at most, so it terminates on
    any parse, also one whose heads form a cycle.

    Args:
        tok (Token): where to start.
        go_on (Callable[[Token], bool]): keep climbing from this node while true.

    Returns:
        Token: the node where the walk stopped.
    """
    return head_path(tok, go_on)[-1]


def head_path(tok: Token, go_on: Callable[[Token], bool]) -> list[Token]:
    """``tok`` and the heads :func:`climb` passes through, ending with the node where it stops."""
    path = [tok]
    node = tok
    for _ in range(len(tok.doc)):
        if is_root(node) or not go_on(node):
            break
        node = node.head
        path.append(node)
    return path


def sets_the_scene(doc: Doc, start: int, end: int) -> bool:
    """True when the place name at character offsets ``[start, end)`` of ``doc`` opens its sentence as "In X," with at
    most adjectives between ("In neighbouring Ethiopia, ...", "In northern Gaza, ..."): the scene the sentence is set
    in, not a place it names for the event itself."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or span.end >= len(doc) or doc[span.end].text != ",":
        return False
    first = span.sent.start
    return first < span.start and doc[first].lower_ == "in" and all(
        t.pos_ == "ADJ" or t.dep_ == "amod" for t in doc[first + 1 : span.start])
