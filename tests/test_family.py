"""The policy family: the page package loads and its variables sit under the page's key."""
from greenmfg.pages import family


def test_page_loads_and_names_its_variables():
    assert family.load()["context"] is not None
    assert list(family.variables()) == ["family"]
