"""The loader accepts what YAML 1.2 accepts, with YAML 1.2's values: checked against an oracle.

The oracle is the npm `yaml` parser that the YAML language server in the editor uses
(tests/oracle, installed by `npm ci --prefix tests/oracle`). It runs once per batch.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml_oracle
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from kkr.diagnostics import Code
from kkr.loading.loader import load_text

REPO = Path(__file__).resolve().parent.parent
# Codes that say the text is not YAML at all; every other code is a record policy on valid YAML.
NOT_YAML = {Code.YAML_SYNTAX, Code.DUPLICATE_KEY}
# Codes after which the loader stops before it has judged the whole text as YAML.
NOT_JUDGED = {Code.CONTROL_CHARACTER, Code.TOO_LONG, Code.TOO_DEEP}


@pytest.fixture(autouse=True)
def _oracle() -> None:
    # `make test` installs the oracle; a missing one is a broken set-up, never a silent skip.
    problem = yaml_oracle.missing()
    if problem is not None:
        pytest.fail(problem)


def disagreements(texts: list[str]) -> list[str]:
    """Judge ``texts`` with the loader and the oracle; describe every difference."""
    found = []
    for text, verdict in zip(texts, yaml_oracle.judge(texts), strict=True):
        doc = load_text(text)
        codes = {d.code for d in doc.diagnostics}
        if codes & NOT_JUDGED:
            continue
        rejected = bool(codes & NOT_YAML)
        if rejected == verdict.ok:
            said = [d.text() for d in doc.diagnostics] or verdict.error
            found.append(f"{text!r}: loader rejects={rejected}, oracle ok={verdict.ok}: {said}")
        elif not doc.diagnostics and verdict.documents != (doc.data,):
            found.append(f"{text!r}: loader {doc.data!r}, oracle {verdict.documents!r}")
    return found


# Each deviation libyaml shows against YAML 1.2, as the issue lists them, and what 1.2 says.
INVALID = [
    pytest.param('quoted: "a\nb"\n', (2, 1), id="quoted-continuation-not-indented"),
    pytest.param("- a: 'x\n  y'\n", (2, 3), id="quoted-continuation-under-compact-key"),
    pytest.param("flow: [a,\nb,\nc]\n", (2, 1), id="flow-sequence-continuation-not-indented"),
    pytest.param("a:\n  b: {x: 1,\n  y: 2}\n", (3, 3), id="flow-mapping-continuation"),
    pytest.param('foo: "bar\n\tbaz"\n', (2, 1), id="tab-as-indentation-in-quoted"),
    pytest.param("a: [x,\n\ty]\n", (2, 1), id="tab-as-indentation-in-flow"),
    pytest.param("a: >\n   \n  x\n", (2, 3), id="leading-blank-line-more-indented"),
    pytest.param("a: >\n \n  \n   \n # comment\n", (4, 2), id="empty-block-more-indented"),
    pytest.param('key: "value"# note\n', (1, 13), id="comment-after-quoted"),
    pytest.param("block: ># note\n  x\n", (1, 9), id="comment-after-block-indicator"),
    pytest.param("a: [x, y]#c\n", (1, 10), id="comment-after-flow-end"),
    pytest.param("a: [x,#c\n  y]\n", (1, 7), id="comment-after-comma"),
    pytest.param("a: [-]\n", (1, 5), id="lone-dash-in-flow"),
]


VALID = [
    pytest.param("{ ?foo: bar }\n", id="question-mark-key-in-flow-mapping"),
    pytest.param("foo: |\n  x\n   ", id="literal-last-line-only-spaces"),
    pytest.param("foo: |+\n  x", id="keep-at-end-of-file"),
    pytest.param("foo: >\n  x\n \n   ", id="folded-last-line-only-spaces"),
    pytest.param('a: "x\n \t\n  y"\n', id="tab-after-indentation-is-fine"),
    pytest.param("a: [x,\n# c\n  y]\n", id="comment-line-in-flow"),
    pytest.param("a: b #c\nd: 'e' # f\n", id="comments-after-space"),
    pytest.param("a: 1\n\t\nb: 2\n", id="tab-on-a-blank-line"),
    pytest.param("a: |\n  x\n  \t\n  y\n", id="tab-on-a-blank-line-of-a-block-is-text"),
]


@pytest.fixture(scope="module")
def oracle() -> dict[str, yaml_oracle.Verdict]:
    """The oracle's verdicts on the cases above, from one node process."""
    texts = [str(case.values[0]) for case in INVALID + VALID]
    return dict(zip(texts, yaml_oracle.judge(texts), strict=True))


@pytest.mark.parametrize(("text", "where"), INVALID)
def test_invalid_yaml_is_a_located_error(
    text: str, where: tuple[int, int], oracle: dict[str, yaml_oracle.Verdict]
) -> None:
    assert not oracle[text].ok
    doc = load_text(text)
    assert doc.data is None
    errors = [(d.line, d.column) for d in doc.diagnostics if d.code == Code.YAML_SYNTAX]
    assert errors[:1] == [where]


@pytest.mark.parametrize("text", VALID)
def test_valid_yaml_loads_to_the_yaml_12_value(
    text: str, oracle: dict[str, yaml_oracle.Verdict]
) -> None:
    verdict = oracle[text]
    assert verdict.ok
    doc = load_text(text)
    assert doc.diagnostics == []
    assert verdict.documents == (doc.data,)


def test_every_validator_case_and_record_agrees_with_the_oracle() -> None:
    paths = sorted((REPO / "tests" / "cases").rglob("*.yaml")) + sorted(
        (REPO / "records").rglob("*.yaml")
    )
    texts = []
    for path in paths:
        if path.is_symlink() or not path.is_file():
            continue  # the symlink and special-file cases: not record text
        try:
            texts.append(path.read_bytes().decode("utf-8"))
        except UnicodeDecodeError:
            continue  # not text: the encoding cases, which the oracle cannot read either
    assert len(texts) > 200
    assert disagreements(texts) == []


# Record-shaped YAML. Tabs appear where records have them: inside text, before comments, on
# blank lines, and wrongly as indentation.
WORDS = st.sampled_from(
    [
        "Punkt",
        "status",
        "KL's",
        "a:b",
        "10:00",
        "no",
        "0755",
        "1.10",
        "12",
        "-3",
        "true",
        "null",
        "~",
        "#3",
        "æøå",
        "x#y",
        "?x",
        "-x",
        "a - b",
        "2024-09-10",
        "https://kl.dk/a#b",
        "",
    ]
)
SPACE = st.sampled_from(["", " ", "  ", "   ", "\t", " \t"])


@st.composite
def quoted(draw: st.DrawFn, indent: int) -> str:
    quote = draw(st.sampled_from(["'", '"']))
    lines = draw(st.lists(st.lists(WORDS, min_size=1, max_size=3), min_size=1, max_size=3))
    body = [" ".join(words).replace(quote, "") for words in lines]
    joined = body[0]
    for line in body[1:]:
        pad = draw(
            st.sampled_from([" " * indent, " " * (indent + 1), "", "\t", " " * indent + "\t"])
        )
        blank = draw(st.sampled_from(["", "\n", "\n" + " " * indent + "\n"]))
        joined += blank + "\n" + pad + line
    if quote == '"' and draw(st.booleans()):
        joined += draw(st.sampled_from(["\\n", "\\t", '\\"', "\\\\", "\\u00e6", "\\x41"]))
    return quote + joined + quote


@st.composite
def block(draw: st.DrawFn, indent: int) -> str:
    header = draw(st.sampled_from(["|", ">"])) + draw(st.sampled_from(["", "-", "+"]))
    width = indent + draw(st.sampled_from([1, 2, 4]))
    rows = []
    for _ in range(draw(st.integers(0, 2))):
        rows.append(" " * draw(st.integers(0, width + 2)))  # leading blank lines
    for index in range(draw(st.integers(1, 3))):
        # A tab opening the first line of text is valid YAML 1.2 that libyaml rejects (the
        # loader reports it at the tab), so tabs open only the later lines.
        extra = draw(st.sampled_from(["", "", "  ", "\t"] if index else ["", "", "  "]))
        words = draw(st.lists(WORDS.filter(bool), min_size=1, max_size=3))
        rows.append(" " * width + extra + " ".join(words))
        if draw(st.booleans()):
            rows.append(" " * draw(st.integers(0, width + 2)))
    return header + "\n" + "\n".join(rows)


@st.composite
def flow(draw: st.DrawFn, indent: int) -> str:
    items = draw(
        st.lists(
            st.one_of(WORDS.filter(lambda w: w and w[0] not in "-?#"), quoted(indent)),
            min_size=0,
            max_size=4,
        )
    )
    out = "["
    for index, item in enumerate(items):
        if index and draw(st.booleans()):
            pad = draw(st.sampled_from([" " * indent, " " * (indent + 2), "", "\t"]))
            comment = draw(st.sampled_from(["", "# c\n"]))
            out += "\n" + comment + pad
        out += item.replace("#", "") if item[:1] not in "'\"" else item
        out += ", " if index < len(items) - 1 else ""
    return out + "]"


@st.composite
def value(draw: st.DrawFn, indent: int) -> str:
    kind = draw(st.sampled_from(["plain", "lines", "quoted", "block", "flow", "list"]))
    plain = WORDS.filter(lambda w: "#" not in w and w[:1] not in "-?")
    if kind == "plain":
        return " " + draw(plain)
    if kind == "lines":  # a long plain text wrapped over lines, as an editor wraps it
        text = " " + draw(plain.filter(bool))
        for word in draw(st.lists(plain.filter(bool), min_size=1, max_size=3)):
            pads = [" " * (indent + 1), " " * (indent + 3), "", "\t", " " * (indent + 1) + "\t"]
            text += draw(st.sampled_from(["\n", "\n\n"])) + draw(st.sampled_from(pads)) + word
        return text
    if kind == "quoted":
        return " " + draw(quoted(indent + 1))
    if kind == "block":
        return " " + draw(block(indent))
    if kind == "flow":
        return " " + draw(flow(indent + 1))
    entries = []
    for _ in range(draw(st.integers(1, 2))):
        key = draw(st.sampled_from(["number", "title", "note"]))
        pad = draw(st.sampled_from([" " * (indent + 2)] * 5 + ["\t"]))
        entries.append(pad + "- " + key + ":" + draw(value(indent + 4)))
    return "\n" + "\n".join(entries)


@st.composite
def record(draw: st.DrawFn) -> str:
    keys = draw(
        st.lists(
            st.sampled_from(["id", "name", "note", "tags", "items", "place"]),
            min_size=1,
            max_size=4,
            unique=True,
        )
    )
    lines = []
    for key in keys:
        line = key + ":" + draw(value(0))
        comment = draw(st.sampled_from(["", "", " # note", "\t# note", "# glued"]))
        if "\n" not in line:
            line += comment
        lines.append(line)
        if draw(st.booleans()):
            between = ["", "# comment", "  # indented comment", "   ", "\t", " \t ", "\t# tab"]
            lines.append(draw(st.sampled_from(between)))
    return "\n".join(lines) + draw(st.sampled_from(["\n", ""]))


BATCH = 40
EXAMPLES = 25


# No shrinking: the failure message already names each disagreeing document, and every
# shrinking step would start node again.
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
)
@given(st.lists(record(), min_size=BATCH, max_size=BATCH))
def test_generated_records_agree_with_the_oracle(texts: list[str]) -> None:
    assert disagreements(texts) == []
