"""`--dictionary`: the German word list the search splits compounds with. A
word inside a compound of the content becomes an index term; the list itself
is never published; a list asked for but missing fails the build."""
import json
from pathlib import Path

import pytest

from test_cli import REPO, TEMPLATES, build, content, run, snapshot  # noqa: F401 - content is a fixture

WNGERMAN = Path("/usr/share/dict/ngerman")


def index_terms(output):
    return json.loads((output / "suche/index.json").read_text(encoding="utf-8"))["t"]


def test_dictionary_splits_compounds_and_is_not_published(content, tmp_path):
    """`--dictionary` names a word list (one word a line, as Debian's wngerman);
    a word inside a compound of the content becomes a term, the list does not."""
    words = tmp_path / "wortliste"
    words.write_text("Hebammen\nZentrum\nZebrastreifen\n", encoding="utf-8")
    plain, split = tmp_path / "plain", tmp_path / "split"
    assert build(content, plain).returncode == 0
    result = build(content, split, "--dictionary", words)
    assert result.returncode == 0, result.stderr
    # "Hebammenzentrum": hebammen·zentrum; "Zentrum" is no word of the sample content alone.
    assert "zentrum" not in index_terms(plain) and "zentrum" in index_terms(split)
    assert not any("zebra" in term for term in index_terms(split))
    published = b"".join(snapshot(split).values())
    assert b"Zebrastreifen" not in published and b"zebrastreifen" not in published


def test_missing_dictionary_fails_the_build_and_says_how_to_fix_it(content, tmp_path):
    missing = tmp_path / "nicht-da"
    result = build(content, tmp_path / "public", "--dictionary", missing)
    assert result.returncode == 1
    assert f"{missing}: error: Die Wortliste für die Suche fehlt." in result.stderr
    assert "apt-get install wngerman" in result.stderr
    assert not (tmp_path / "public").exists()


def test_a_dictionary_that_is_not_utf8_fails_the_build(content, tmp_path):
    """A list in Latin-1 (as older word lists are) is refused with what to do,
    not read as if its umlauts were other letters."""
    words = tmp_path / "wortliste"
    words.write_bytes("Hebammen\nÜbung\nZentrum\n".encode("latin-1"))
    result = build(content, tmp_path / "public", "--dictionary", words)
    assert result.returncode == 1
    assert f"{words}: error: Die Wortliste für die Suche ist kein UTF-8-Text." in result.stderr
    assert "in UTF-8" in result.stderr
    assert not (tmp_path / "public").exists()


def test_wngerman_finds_a_word_no_offer_writes_alone(tmp_path):
    """With Debian's list (`make deps` installs wngerman), "zentrum" is a term
    of the Familienzentren, though no offer writes "Zentrum" alone."""
    assert WNGERMAN.is_file(), "wngerman is missing: run `make deps` (apt-get install wngerman)"
    plain, split = tmp_path / "plain", tmp_path / "split"
    assert build(REPO / "content", plain).returncode == 0
    result = build(REPO / "content", split, "--dictionary", WNGERMAN)
    assert result.returncode == 0, result.stderr
    assert "zentrum" not in index_terms(plain)
    index = json.loads((split / "suche/index.json").read_text(encoding="utf-8"))
    postings = index["p"][index["t"].index("zentrum")]
    urls = {index["r"][id][0] for id in _ids(postings)}
    assert "/angebote/familienzentrum-koenigsborn-unna/" in urls and len(urls) >= 5, sorted(urls)
    # The list is read, not published: the index grows by its parts only.
    assert (split / "suche/index.json").stat().st_size < 1.1 * (plain / "suche/index.json").stat().st_size
    assert sorted(p.relative_to(split) for p in split.rglob("*")) == sorted(p.relative_to(plain) for p in plain.rglob("*"))


def _ids(postings):
    """Document ids of a posting list [Δid, weight, Δid, weight, …]."""
    ids, current = [], 0
    for delta in postings[::2]:
        current += delta
        ids.append(current)
    return ids
